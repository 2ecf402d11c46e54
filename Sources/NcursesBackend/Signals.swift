import CNcurses
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The last terminating signal received (SIGTERM, SIGHUP, SIGINT, SIGQUIT), or 0.
/// Written only by the handler; the main loop reads it between events.
let pendingSignal = Atomic<Int32>(0)
/// Set when the process continues after a stop (Ctrl-Z, then `fg`).
let continuedAfterStop = Atomic<Bool>(false)

private let terminatingHandler: @convention(c) (Int32) -> Void = { signal in
    pendingSignal.store(signal, ordering: .relaxed)
}

private let continueHandler: @convention(c) (Int32) -> Void = { _ in
    continuedAfterStop.store(true, ordering: .relaxed)
}

/// Signal handling for the explorer. Handlers only set a flag: the main loop, woken
/// by the interrupted read (no SA_RESTART) or by its 200 ms poll, restores the
/// terminal and then leaves. SIGTSTP stays with ncurses, so Ctrl-Z and `fg` work;
/// SIGWINCH too, so a resize arrives as KEY_RESIZE.
enum Signals {
    static let terminating: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

    /// Installs the handlers. Call after `newterm`, so these replace the SIGINT and
    /// SIGTERM handlers ncurses installs for itself. A signal ignored when the
    /// process started (`nohup`, a background job without job control) stays ignored.
    static func install(ignoredAtStart: Set<Int32>) {
        _ = pendingSignal.load(ordering: .relaxed)
        _ = continuedAfterStop.load(ordering: .relaxed)
        for signal in terminating where !ignoredAtStart.contains(signal) {
            _ = ds_install_handler(signal, terminatingHandler, nil)
        }
        _ = ds_install_handler(SIGCONT, continueHandler, nil)
    }

    /// The terminating signals ignored now; call before curses installs its own.
    static func ignored() -> Set<Int32> {
        Set(terminating.filter { ds_is_ignored($0) != 0 })
    }

    /// The terminating signal received so far, or nil.
    static var pending: Int32? {
        let signal = pendingSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// True once after each continue from a stop.
    static func takeContinued() -> Bool {
        continuedAfterStop.exchange(false, ordering: .relaxed)
    }

    /// Sleeps up to `milliseconds`, less when a signal arrives.
    static func wait(milliseconds: Int32) {
        _ = poll(nil, 0, milliseconds)
    }

    /// Ends the process the way the signal would have: with the default action
    /// restored and the signal raised again, so the parent sees "killed by SIGTERM"
    /// (shells report 128 + signal). SIGQUIT exits with 131 without dumping core.
    static func exit(dueTo signal: Int32) -> Never {
        if signal != SIGQUIT {
            _ = ds_default_handler(signal)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, signal)
            sigprocmask(SIG_UNBLOCK, &set, nil)
            raise(signal)
        }
        _exit(128 + signal)
    }
}
