import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Why the explorer could not take over the terminal.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The curses screen: started in the modes the explorer needs, and restored on
/// every way out (`stop` is idempotent; the runner calls it from a `defer`).
final class Terminal {
    private var screen: OpaquePointer?
    private(set) var colorLevel: ColorLevel = .none
    /// False when the codeset is not UTF-8 even after the fallback: non-ASCII is
    /// then drawn as "?".
    let utf8: Bool
    private(set) var mouseAvailable = false
    /// The terminal's own title was pushed, to be popped on leaving.
    var titlePushed = false
    /// Button-motion reports (1002) are on: turned off on leaving, on Ctrl-Z (in the
    /// shim's SIGTSTP handler) and with the mouse capture; on again after `fg`.
    private var dragReports = false

    var width: Int { Int(ds_cols()) }
    var height: Int { Int(ds_lines()) }

    /// Starts curses on standard input and output.
    /// - Parameter colorAllowed: false for --no-color or a set NO_COLOR.
    init(colorAllowed: Bool) throws {
        utf8 = Self.setUpLocale()
        CrashRestore.saveModes()
        let ignoredSignals = Signals.ignored()
        guard let screen = newterm(nil, ds_stdout_file(), ds_stdin_file()) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError(description: "dealscope: the explorer cannot drive terminal type \"\(term)\" (no terminfo entry); for text output use `dealscope partners`, `deals`, `timeline` or `show ID`")
        }
        self.screen = screen
        let window = ds_stdscr()
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        // The hidden cursor still goes where the painter leaves it (the selected
        // row), for screen readers.
        leaveok(window, false)
        mouseinterval(0)
        Self.disableFlowControl()
        if colorAllowed, has_colors(), start_color() == OK, use_default_colors() == OK {
            colorLevel = ColorLevel(colors: Int(ds_colors()))
        }
        Signals.install(ignoredAtStart: ignoredSignals)
        mouseAvailable = mousemask(Self.mouseEvents, nil) != 0
        _ = ds_chain_tstp()
        CrashRestore.arm(mouse: mouseAvailable)
        setDragReports(mouseAvailable)
    }

    /// Presses, releases, double clicks, the wheel, and the pointer's moves while the
    /// button is held (drags).
    private static let mouseEvents = ds_all_mouse_events() | ds_report_mouse_position()

    /// Captures the mouse (clicks, drags and wheel reach the explorer) or releases it
    /// (the terminal's own text selection works again).
    func setMouseCapture(_ on: Bool) {
        _ = mousemask(on ? Self.mouseEvents : 0, nil)
        setDragReports(on && mouseAvailable)
    }

    /// xterm's button-motion mode (1002), which curses' mouse capability leaves off:
    /// without it the terminal reports no moves between a press and its release.
    private func setDragReports(_ on: Bool) {
        guard on || dragReports else { return }
        dragReports = on
        ds_set_drag(on ? 1 : 0)
        Self.writeRaw(on ? "\u{1B}[?1002h" : "\u{1B}[?1002l")
    }

    /// True when the terminal is gone (hung up, closed) although no SIGHUP came,
    /// for example when the shell that would pass it on ignores it: a read then
    /// fails at once, and the loop must stop instead of spinning.
    static var inputClosed: Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The explorer's process group owns the terminal: it may draw and read keys.
    /// After a `kill -CONT` without `fg` it runs in the background, where a read
    /// would stop it again and a write would draw over the shell.
    static var ownsForeground: Bool { ds_owns_foreground() != 0 }

    /// Puts back the explorer's terminal modes (no echo, keys at once) and its keypad
    /// mode, for when they may have changed under it: a shell that took the terminal
    /// while the explorer was stopped from outside restores its own modes, and `fg`
    /// does not give the explorer's back.
    func restoreModes() {
        reset_prog_mode()
        if dragReports { Self.writeRaw("\u{1B}[?1002h") }
    }

    /// Leaves curses: the shell's modes, the normal screen and a visible cursor.
    func stop() {
        guard let screen else { return }
        _ = mousemask(0, nil)
        setDragReports(false)
        restoreTitle()
        // Blank the screen before leaving it: a terminal that grew while the explorer
        // ran (tmux) may otherwise keep the bottom rows of the last frame when it
        // switches back to the shell's smaller saved screen.
        werase(ds_stdscr())
        clearok(ds_curscr(), true)
        wrefresh(ds_stdscr())
        endwin()
        delscreen(screen)
        self.screen = nil
        CrashRestore.disarm()
    }

    deinit { stop() }

    /// `setlocale(LC_ALL, "")`, then C.UTF-8 for the character type when the
    /// environment's codeset is not UTF-8 (no LANG, LANG=C). Returns whether the
    /// codeset is UTF-8 in the end.
    private static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8()
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Ctrl-S and Ctrl-Q reach the explorer instead of freezing the output. The
    /// change is saved as curses' program mode, so it survives Ctrl-Z and `fg`;
    /// endwin restores the shell's modes.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(0, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        if tcsetattr(0, TCSANOW, &modes) == 0 { def_prog_mode() }
    }
}
