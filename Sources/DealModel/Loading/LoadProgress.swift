import Dispatch
import Synchronization

/// How far a load has come, for a progress indicator.
public struct LoadProgress: Sendable, Equatable {
    /// What the loader is doing: "reading", "parsing", "locating quotes"…
    public let phase: String
    /// 0 to 1.
    public let fraction: Double

    public init(phase: String, fraction: Double) {
        self.phase = phase
        self.fraction = fraction
    }
}

public typealias ProgressHandler = @Sendable (LoadProgress) -> Void

/// Tells a load's progress to a handler as it goes: each phase when it starts, the
/// long ones (decoding, by bytes read; locating quotes, by blocks of the document
/// scanned) as they advance, at most every `step`, and the last report again every
/// `heartbeat` while nothing else is said, so that a display of the time spent never
/// stands still for long. Any thread may tell it; telling it costs a clock read.
/// (Unchecked: the timer is only made in `init`, and cancelling it is thread-safe.)
final class ProgressMeter: @unchecked Sendable {
    private struct State {
        var current = LoadProgress(phase: "starting", fraction: 0)
        /// Where the current phase began, and where `advance` may take it.
        var start = 0.0, until = 0.0
        var lastReport: UInt64 = 0
        var finished = false
    }

    private let handler: ProgressHandler?
    private let state = Mutex(State())
    private let step: UInt64
    private let timer: DispatchSourceTimer?

    init(_ handler: ProgressHandler?, step: Duration = .milliseconds(100), heartbeat: Duration = .milliseconds(200)) {
        self.handler = handler
        self.step = Self.nanoseconds(step)
        guard handler != nil else { timer = nil; return }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let interval = Self.nanoseconds(heartbeat)
        timer.schedule(deadline: .now() + .nanoseconds(Int(interval)), repeating: .nanoseconds(Int(interval)))
        self.timer = timer
        timer.setEventHandler { [weak self] in self?.beat(interval) }
        timer.resume()
    }

    deinit { timer?.cancel() }

    private static func nanoseconds(_ d: Duration) -> UInt64 {
        UInt64(d.components.seconds) * 1_000_000_000 + UInt64(d.components.attoseconds / 1_000_000_000)
    }

    /// A phase begins at `fraction`; `advance` takes it on up to `until`.
    func phase(_ name: String, _ fraction: Double, until: Double? = nil) {
        guard handler != nil else { return }
        let p = LoadProgress(phase: name, fraction: fraction)
        let send = state.withLock { s -> Bool in
            guard !s.finished else { return false }
            s.current = p
            s.start = fraction
            s.until = until ?? fraction
            s.lastReport = DispatchTime.now().uptimeNanoseconds
            return true
        }
        if send { handler?(p) }
    }

    /// `done` of `total` of the current phase is done.
    func advance(_ done: Int, of total: Int) {
        guard handler != nil, total > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let p = state.withLock { s -> LoadProgress? in
            guard !s.finished, now >= s.lastReport + step else { return nil }
            let f = s.start + (s.until - s.start) * min(1, Double(done) / Double(total))
            guard f > s.current.fraction else { return nil }
            s.current = LoadProgress(phase: s.current.phase, fraction: f)
            s.lastReport = now
            return s.current
        }
        if let p { handler?(p) }
    }

    /// The load is over: "done", and no more heartbeats.
    func finish() {
        timer?.cancel()
        guard handler != nil else { return }
        let send = state.withLock { s -> Bool in
            defer { s.finished = true }
            return !s.finished
        }
        if send { handler?(LoadProgress(phase: "done", fraction: 1)) }
    }

    /// The last report again, if nothing was said for half a heartbeat (so at most
    /// one and a half heartbeats pass without a report).
    private func beat(_ interval: UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        let p = state.withLock { s -> LoadProgress? in
            guard !s.finished, now >= s.lastReport + interval / 2 else { return nil }
            s.lastReport = now
            return s.current
        }
        if let p { handler?(p) }
    }
}
