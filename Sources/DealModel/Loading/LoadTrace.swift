#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// With `DEALSCOPE_TRACE_LOAD=1`, says on standard error which way data was loaded and
/// why a faster way was not taken (a snapshot refused, the fast path left).
enum LoadTrace {
    static let enabled = getenv("DEALSCOPE_TRACE_LOAD").map { String(cString: $0) == "1" } ?? false

    static func say(_ message: String) {
        guard enabled else { return }
        let line = "dealscope: " + message + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}
