import Dispatch
import DealModel
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on standard error, in the explorer's loading style ("drafting
/// ▕████▌     ▏ 52% · 120/230"), drawn only when standard error is a terminal and the
/// work has taken more than half a second (`DEALSCOPE_PROGRESS_AFTER_MS` changes that,
/// for tests), at most every 100 ms; lines said meanwhile go above it; `finish` clears
/// it. Safe to use from several threads.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private let delay: UInt64 = getenv("DEALSCOPE_PROGRESS_AFTER_MS").flatMap { UInt64(String(cString: $0)) }.map { $0 * 1_000_000 } ?? 500_000_000
    private let lock = DispatchQueue(label: "dealscope.progress")
    private var done = 0
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// `total` steps; `enabled` defaults to whether standard error is a terminal.
    init(label: String, total: Int, enabled: Bool = isatty(2) == 1) {
        self.label = label
        self.total = max(1, total)
        self.enabled = enabled
    }

    /// One more step done.
    func step() {
        lock.sync {
            done += 1
            drawIfDue()
        }
    }

    /// A line of standard error, above the bar.
    func say(_ line: String) {
        lock.sync {
            Out.write(2, (drawn ? "\r\u{1B}[K" : "") + line + "\n")
            if drawn { lastDraw = 0; drawIfDue() }
        }
    }

    func finish() {
        lock.sync {
            if drawn { Out.write(2, "\r\u{1B}[K") }
            drawn = false
        }
    }

    private func drawIfDue() {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - start >= delay, now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        drawn = true
        Out.write(2, "\r" + Self.line(label: label, done: done, total: total) + "\u{1B}[K")
    }

    /// "drafting ▕████▌     ▏ 45% · 9/20"
    static func line(label: String, done: Int, total: Int) -> String {
        let fraction = Double(min(done, total)) / Double(max(1, total))
        let cells = 20, eighths = Int(fraction * Double(cells * 8))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let full = String(repeating: "█", count: eighths / 8)
        let bar = full + partial + String(repeating: " ", count: cells - eighths / 8 - (partial.isEmpty ? 0 : 1))
        return "\(label) ▕\(bar)▏ \(Int(fraction * 100))% · \(done)/\(total)"
    }
}
