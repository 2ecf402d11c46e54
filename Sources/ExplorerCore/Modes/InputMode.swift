/// The modes keys are read in, each with its own key table (`AppState.inputMode`
/// says which one is current). `update` looks a key up in that table only; the
/// help screen shows the same tables.
public enum InputMode: String, CaseIterable, Sendable {
    case normal, network, chart, help, document, documentSearch, quotePicker, commandLine, searchTyping, loading, tooSmall, confirm, form, pick

    /// How the help screen names the mode.
    public var title: String {
        switch self {
        case .normal: "Browsing"
        case .network: "Network of partners (w, 5)"
        case .chart: "Timeline chart (t, 6)"
        case .help: "This help"
        case .document: "Document view (v)"
        case .documentSearch: "Typing a search in the document (/ in the document view)"
        case .quotePicker: "Choosing among the records that quote a span (Enter in the document view)"
        case .commandLine: "Command line (:)"
        case .searchTyping: "Typing a search (/)"
        case .loading: "While the data loads"
        case .tooSmall: "Terminal too small"
        case .confirm: "A question (quit or reload with unsaved changes, restore, merge)"
        case .form: "Editing a record (e)"
        case .pick: "Picking a record to link or merge with (L, M)"
        }
    }

    /// The built-in table (a config file may rebind it: `AppState.keys`).
    public var keys: KeyTable {
        switch self {
        case .normal: NormalMode.keys
        case .network: NetworkMode.keys
        case .chart: ChartMode.keys
        case .help: HelpMode.keys
        case .document: DocumentMode.keys
        case .documentSearch: DocumentSearchMode.keys
        case .quotePicker: QuotePickerMode.keys
        case .commandLine: CommandLineMode.keys
        case .searchTyping: SearchTypingMode.keys
        case .loading: LoadingMode.keys
        case .tooSmall: TooSmallMode.keys
        case .confirm: ConfirmMode.keys
        case .form: FormMode.keys
        case .pick: PickMode.keys
        }
    }

    /// Runs a command of this mode's table.
    func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            // Unsaved edits: asked first (they are in the journal meanwhile).
            if self == .confirm { return [.quit] }
            if state.hasUnsavedEdits {
                state.question = .quit
                return []
            }
            // Nothing unsaved: this session's journal has nothing to give back (an
            // earlier session's, left for later, stays).
            if state.earlierEdits == nil { state.editing?.discardJournal() }
            return [.quit]
        case .redraw: return [.repaintAll]
        case .help:
            state.helpReturn = state.mode == .help ? state.helpReturn : state.mode
            state.mode = .help
            state.overlayScroll = 0
            return []
        case .toggleMouse:
            state.mouseCapture.toggle()
            state.message = state.mouseCapture ? "mouse captured (m: give it back to the terminal)" : "mouse released: the terminal selects text (m: capture)"
            return [.mouseCapture(state.mouseCapture)]
        default: break
        }
        switch self {
        case .normal: return NormalMode.run(command, &state)
        case .network: return NetworkMode.run(command, &state)
        case .chart: return ChartMode.run(command, &state)
        case .help: return HelpMode.run(command, &state)
        case .document: return DocumentMode.run(command, &state)
        case .documentSearch: return DocumentSearchMode.run(command, &state)
        case .quotePicker: return QuotePickerMode.run(command, &state)
        case .commandLine: return CommandLineMode.run(command, &state)
        case .searchTyping: return SearchTypingMode.run(command, &state)
        case .confirm: return ConfirmMode.run(command, &state)
        case .form: return FormMode.run(command, &state)
        case .pick: return PickMode.run(command, &state)
        case .loading, .tooSmall: return []
        }
    }

    /// A printable character in a typing mode.
    func type(_ c: Character, _ state: inout AppState) {
        switch self {
        case .commandLine: CommandLineMode.type(c, &state)
        case .searchTyping: SearchTypingMode.type(c, &state)
        case .documentSearch: DocumentSearchMode.type(c, &state)
        case .form: FormMode.type(c, &state)
        default: break
        }
    }
}

/// While the data loads: quitting, the help and the mouse toggle.
enum LoadingMode {
    static let keys = KeyTable([
        KeyBinding([.char("q"), .ctrl("c")], .quit, "quit (the load stops)"),
        KeyBinding([.char("?")], .help, "help"),
        KeyBinding([.char("m")], .toggleMouse, "mouse capture on/off"),
        KeyTable.redraw,
    ])
}

/// Below the minimum size: nothing to act on but quitting, the help and a redraw.
enum TooSmallMode {
    static let keys = KeyTable([
        KeyBinding([.char("q"), .ctrl("c")], .quit, "quit"),
        KeyBinding([.char("?")], .help, "help"),
        KeyTable.redraw,
    ], notes: ["The panes return when the terminal is at least \(Explorer.minimumWidth)×\(Explorer.minimumHeight)."])
}
