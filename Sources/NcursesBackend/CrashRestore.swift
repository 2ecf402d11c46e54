import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Last-resort terminal restore when the process dies of a fault (a Swift trap is
/// SIGILL or SIGTRAP, an abort SIGABRT): the handler writes the terminal's "leave
/// full-screen" sequences, puts back the terminal modes saved before curses started,
/// reinstalls the previous handler (Swift's backtracer, or the default) and raises
/// the signal again for it, so the process ends as it would have.
/// Everything the handler touches is prepared in advance in raw memory (no arrays,
/// no reference counting); it only calls write, tcsetattr, sigaction and raise,
/// which are async-signal-safe.
enum CrashRestore {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Saves the terminal modes; call before curses changes them.
    static func saveModes() {
        crash.modesSaved.pointee = tcgetattr(0, crash.modes) == 0
    }

    /// Prepares the restore bytes from terminfo and installs the handlers.
    static func arm(mouse: Bool) {
        var bytes: [UInt8] = []
        for name in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            if let value = capability(name) { bytes += value }
        }
        if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?1002l".utf8) }
        bytes += Array("\r\n".utf8)
        let count = min(bytes.count, CrashMemory.capacity)
        for i in 0..<count { crash.bytes[i] = bytes[i] }
        crash.byteCount.pointee = count
        for (i, signal) in signals.enumerated() {
            crash.signals[i] = signal
            crash.armed[i] = ds_install_handler(signal, crashHandler, crash.previous + i) == 0
        }
    }

    /// Puts the previous handlers back (after a normal endwin).
    static func disarm() {
        for i in 0..<CrashMemory.count where crash.armed[i] {
            _ = ds_restore_handler(crash.signals[i], crash.previous + i)
            crash.armed[i] = false
        }
    }

    private static func capability(_ name: String) -> [UInt8]? {
        guard let value = tigetstr(name), value != UnsafeMutablePointer(bitPattern: -1) else { return nil }
        return Array(String(cString: value).utf8)
    }
}

/// Raw memory for the crash handler, allocated once and never freed.
private struct CrashMemory {
    static let capacity = 256
    static let count = 6
    let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    let modesSaved = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    let byteCount = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    let signals = UnsafeMutablePointer<Int32>.allocate(capacity: count)
    let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: count)
    let armed = UnsafeMutablePointer<Bool>.allocate(capacity: count)

    init() {
        modes.initialize(to: termios())
        modesSaved.initialize(to: false)
        bytes.initialize(repeating: 0, count: Self.capacity)
        byteCount.initialize(to: 0)
        signals.initialize(repeating: 0, count: Self.count)
        previous.initialize(repeating: sigaction(), count: Self.count)
        armed.initialize(repeating: false, count: Self.count)
    }
}

nonisolated(unsafe) private let crash = CrashMemory()

private let crashHandler: @convention(c) (Int32) -> Void = { signal in
    let memory = crash
    _ = write(1, memory.bytes, memory.byteCount.pointee)
    if memory.modesSaved.pointee {
        _ = tcsetattr(0, TCSANOW, memory.modes)
    }
    for i in 0..<CrashMemory.count where memory.signals[i] == signal {
        _ = ds_restore_handler(signal, memory.previous + i)
        memory.armed[i] = false
    }
    // The explorer's loop will not run again to act on these: let them end the
    // process (a crashed explorer whose terminal is closed must not linger).
    _ = ds_default_handler(SIGHUP)
    _ = ds_default_handler(SIGTERM)
    _ = ds_default_handler(SIGINT)
    _ = ds_default_handler(SIGQUIT)
    // Delivered to the previous handler when this one returns: for a signal sent
    // with kill or abort, nothing else would end the process.
    raise(signal)
}
