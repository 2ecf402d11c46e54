import CNcurses
import DealModel
import ExplorerCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs the full-screen explorer on the terminal until the user quits or a
/// terminating signal arrives.
public enum ExplorerRunner {
    /// - Parameters:
    ///   - partners: partner ids for the initial filter (`--partner`).
    ///   - noColor: `--no-color`; NO_COLOR set to anything non-empty does the same.
    /// On SIGTERM, SIGHUP or SIGINT the terminal is restored and the process ends by
    /// that signal (the shell sees 128 + signal); this function then never returns.
    /// A terminal that closes without a SIGHUP is handled as one.
    public static func run(catalog: Catalog, partners: [String], noColor: Bool) throws {
        let noColorVariable = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let terminal = try Terminal(colorAllowed: !noColor && !noColorVariable)
        let signal: Int32? = withExtendedLifetime(terminal) {
            defer { terminal.stop() }
            return loop(terminal: terminal, catalog: catalog, partners: partners)
        }
        if let signal { Signals.exit(dueTo: signal) }
    }

    /// How long a read waits before the loop looks at the signal flags again (the
    /// read usually returns at once on a signal: the handlers do not restart it).
    static let pollMilliseconds: Int32 = 200

    /// The event loop; returns the terminating signal if one ended it.
    private static func loop(terminal: Terminal, catalog: Catalog, partners: [String]) -> Int32? {
        var state = Explorer.start(catalog: catalog, partners: partners, width: terminal.width, height: terminal.height)
        let painter = Painter(styles: RoleStyles(level: terminal.colorLevel), utf8: terminal.utf8)
        var input = InputReader()
        terminal.setMouseCapture(state.mouseCapture)
        // Paints when input pauses, so held-down keys and pasted text do not queue
        // a frame each; a long burst still paints every `burstLimit` events.
        let burstLimit = 32
        var unpainted = 1
        while true {
            if let signal = Signals.pending { return signal }
            if Signals.takeContinued() {
                painter.invalidate()
                unpainted += 1
            }
            let event = input.next(waiting: unpainted > 0 ? 0 : pollMilliseconds)
            if unpainted > 0, event == nil || unpainted >= burstLimit {
                painter.paint(Explorer.render(state))
                unpainted = 0
            }
            guard let event else {
                if Terminal.inputClosed { return SIGHUP }
                continue
            }
            switch event {
            case .resize, .key(.ctrl("l")): painter.invalidate()
            default: break
            }
            unpainted += 1
            for effect in Explorer.update(&state, event) {
                switch effect {
                case .quit: return nil
                case .mouseCapture(let on): terminal.setMouseCapture(on)
                case .bell: beep()
                }
            }
        }
    }
}
