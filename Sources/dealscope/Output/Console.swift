import CNcurses
import TerminalText

#if canImport(Glibc)
import Glibc
#endif

/// Where output goes and how it may look: terminal width, colour, and the
/// sanitizer every data string passes through.
struct Console {
    let isTerminal: Bool
    let width: Int?
    let color: Bool

    static func stdout(noColor: Bool) -> Console {
        let tty = isatty(1) == 1
        let cols = tty ? Int(ds_terminal_columns(1)) : 0
        let env = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        return Console(isTerminal: tty, width: cols > 0 ? cols : nil, color: tty && !noColor && env.isEmpty)
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m" + s + "\u{1B}[22m" : s }
    func dim(_ s: String) -> String { color ? "\u{1B}[2m" + s + "\u{1B}[22m" : s }
    func mark(_ s: String) -> String { color ? "\u{1B}[1;4m" + s + "\u{1B}[22;24m" : "«" + s + "»" }
}

/// Writes to standard output and standard error with write(2), whole strings at once.
enum Out {
    static func print(_ s: String) { write(1, s + "\n") }

    /// Every message to standard error is sanitized here, whatever it quotes (a path,
    /// an argument, a TERM value); data pieces that must stay on one line are cleaned
    /// with `Sanitizer.line` by the caller first.
    static func error(_ s: String) { write(2, Sanitizer.block(s) + "\n") }

    /// Many lines to standard error, sanitized, written a chunk at a time (two
    /// million problems are not two million writes).
    static func errors(_ lines: some Sequence<String>) {
        var chunk = ""
        chunk.reserveCapacity(1 << 16)
        for line in lines {
            chunk += Sanitizer.block(line)
            chunk += "\n"
            if chunk.utf8.count >= 1 << 16 {
                write(2, chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { write(2, chunk) }
    }

    static func write(_ fd: Int32, _ s: String) {
        var text = s
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

/// Exit codes, documented in the README.
enum Exit {
    static let ok: Int32 = 0
    /// Other failure.
    static let failure: Int32 = 1
    /// Wrong use of the command line (an unknown option, partner or date).
    static let usage: Int32 = 64
    /// The data is wrong: malformed JSON, unresolved quotes, unknown references…
    static let data: Int32 = 65
    /// The explorer cannot start here (no terminal).
    static let noTerminal: Int32 = 69
    /// An output file cannot be written (a read-only file or directory, a full disk).
    static let cannotWrite: Int32 = 73
}
