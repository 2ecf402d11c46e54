import CNcurses
import DealModel
import Dispatch
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
    public static func run(catalog: Catalog, partners: [String], noColor: Bool, config: Config = Config()) throws {
        try run(loading: "data", noColor: noColor, config: config) { _ in (catalog, partners) }
    }

    /// Starts the explorer at once and loads the data on another thread: the panes
    /// show "loading…" and the status line the progress until it is done, and q
    /// quits at any time. `load` returns the catalog and the partner ids of the
    /// initial filter; an error it throws is rethrown here after the terminal is
    /// restored, so the caller can report it as usual. `afterward` runs on the
    /// loading thread once the data is on screen (saving a snapshot). `config`: the
    /// keys and colours of a config file.
    public static func run(loading label: String, noColor: Bool, config: Config = Config(),
                           load: @escaping @Sendable (@escaping ProgressHandler) throws -> (Catalog, [String]),
                           afterward: (@Sendable (Catalog) -> Void)? = nil) throws {
        let noColorVariable = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let background = BackgroundLoad(load, afterward: afterward)
        // Small data is ready before the terminal is: no loading screen flashes by.
        background.wait(milliseconds: 30)
        if case .failure(let failure)? = background.outcome { throw failure.error }
        let terminal = try Terminal(colorAllowed: !noColor && !noColorVariable)
        let ending: Ending = withExtendedLifetime(terminal) {
            defer { terminal.stop() }
            return loop(terminal: terminal, label: label, config: config, background: background)
        }
        switch ending {
        case .quit: return
        case .signal(let signal): Signals.exit(dueTo: signal)
        case .failed(let failure): throw failure.error
        }
    }

    enum Ending {
        case quit
        case signal(Int32)
        case failed(BackgroundLoad.Failure)
    }

    /// How long a read waits before the loop looks at the signal flags again (the
    /// read usually returns at once on a signal: the handlers do not restart it).
    static let pollMilliseconds: Int32 = 200

    /// The shortest time between two writes of the form's typed text.
    static let formDraftInterval: UInt64 = 300_000_000

    /// The event loop: it turns signals, the background load and input into events,
    /// feeds them to the explorer, carries out the effects and paints. It changes
    /// no state itself.
    private static func loop(terminal: Terminal, label: String, config: Config, background: BackgroundLoad) -> Ending {
        var state = Explorer.loading(label, width: terminal.width, height: terminal.height, keymap: config.keymap)
        var loaded = false
        let started = DispatchTime.now()
        let painter = Painter(styles: RoleStyles.table(level: terminal.colorLevel, theme: config.theme), utf8: terminal.utf8)
        var input = InputReader()
        terminal.setMouseCapture(state.mouseCapture)
        // Paints when input pauses, so held-down keys and pasted text do not queue
        // a frame each; a long burst still paints every `burstLimit` events.
        let burstLimit = 32
        var unpainted = 1
        // Slices of a long search done since the last paint: while it goes on, its
        // progress is painted every `progressInterval`, not after every slice.
        var slicesUnpainted = 0
        let progressInterval: UInt64 = 40_000_000
        var lastPaint = DispatchTime.now().uptimeNanoseconds
        var foreground = true
        // The form's typed text is written (and synced) at most every
        // `formDraftInterval` while typing goes on, at once when the form closes, and
        // before the explorer ends in any way.
        var formDraftPending = false
        var lastFormDraft: UInt64 = 0

        func keepFormDraft(now: Bool) {
            let time = DispatchTime.now().uptimeNanoseconds
            guard formDraftPending, now || time - lastFormDraft >= formDraftInterval else { return }
            formDraftPending = false
            lastFormDraft = time
            _ = Explorer.perform(.formDraft, &state)
            unpainted += 1
        }

        /// Feeds one event; returns how the loop ends when it does.
        func feed(_ event: InputEvent) -> Ending? {
            let selection = (state.focus, state.lists)
            let effects = Explorer.update(&state, event)
            if effects.contains(.write(.formDraft)) { formDraftPending = true }
            // A slice that jumped to the first match is painted at once; others only
            // add to the progress painted every `progressInterval`.
            if case .idle = event, selection == (state.focus, state.lists) { slicesUnpainted += 1 } else { unpainted += 1 }
            for effect in effects {
                switch effect {
                case .quit, .quitBySignal, .quitWithLoadError: keepFormDraft(now: true)
                default: break
                }
                switch effect {
                case .quit: return .quit
                case .quitBySignal(let signal): return .signal(signal)
                case .quitWithLoadError:
                    if case .failure(let failure)? = background.outcome { return .failed(failure) }
                    return .quit
                case .mouseCapture(let on): terminal.setMouseCapture(on)
                case .bell: beep()
                case .repaintAll:
                    terminal.restoreModes()
                    painter.invalidate()
                case .copy(let text): terminal.copy(text)
                case .setTitle(let title): terminal.setTitle(title)
                case .write(.formDraft): keepFormDraft(now: !state.formTyped)
                case .write(let request):
                    if Explorer.perform(request, &state).contains(.quit) { return .quit }
                }
            }
            return nil
        }

        while true {
            if let signal = Signals.pending, let end = feed(.terminate(signal: signal)) { return end }
            if !loaded {
                switch background.outcome {
                case .some(.success(let result)):
                    loaded = true
                    if let end = feed(.loaded(result.0, partners: result.1)) { return end }
                    Explorer.offerJournal(&state)
                case .some(.failure):
                    if let end = feed(.loadFailed) { return end }
                case .none:
                    if let p = background.takeProgress() {
                        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                        if let end = feed(.loadProgress(p, seconds: seconds)) { return end }
                    }
                }
            }
            // In the background (continued from outside without `fg`) the explorer
            // neither draws nor reads: it waits to be brought back.
            let continued = Signals.takeContinued()
            let wasForeground = foreground
            foreground = Terminal.ownsForeground
            guard foreground else {
                if Terminal.inputClosed, let end = feed(.terminate(signal: SIGHUP)) { return end }
                Signals.wait(milliseconds: pollMilliseconds)
                continue
            }
            if continued || !wasForeground, let end = feed(.continued) { return end }
            keepFormDraft(now: false)
            var event = input.next(waiting: unpainted > 0 || slicesUnpainted > 0 || state.isBusy ? 0 : (loaded ? pollMilliseconds : 50))
            let now = DispatchTime.now().uptimeNanoseconds
            let due = unpainted > 0 || (slicesUnpainted > 0 && (!state.isBusy || now - lastPaint >= progressInterval))
            if due, event == nil || unpainted >= burstLimit {
                painter.paint(Explorer.render(state))
                unpainted = 0
                slicesUnpainted = 0
                lastPaint = now
            }
            if event == nil && state.isBusy { event = .idle }
            if event == nil && Terminal.inputClosed { event = .terminate(signal: SIGHUP) }
            if let event, let end = feed(event) { return end }
        }
    }
}
