import DealModel

/// The explorer's entry points for a backend: make a state, feed it events,
/// render it. Everything here is pure Swift and runs without a terminal.
public enum Explorer {
    /// Below this size the panes are replaced by a message.
    public static let minimumWidth = 60
    public static let minimumHeight = 15

    /// The state at start, with the partner filter of `--partner` and the keys of a
    /// config file.
    public static func start(catalog: Catalog, partners: [String] = [], width: Int, height: Int, keymap: Keymap = .standard) -> AppState {
        AppState(catalog: catalog, filter: partners, width: width, height: height, keymap: keymap)
    }

    /// The state while `label` loads in the background: empty panes, progress in the
    /// status line, and q already quits.
    public static func loading(_ label: String, width: Int, height: Int, keymap: Keymap = .standard) -> AppState {
        var state = AppState(catalog: .empty, filter: [], width: width, height: height, keymap: keymap)
        state.loading = AppState.Loading(label: label, progress: LoadProgress(phase: "starting", fraction: 0), seconds: 0)
        return state
    }

    /// Applies one event and returns what the backend must do.
    public static func update(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
        Update.apply(&state, event)
    }

    /// Carries out a write `update` asked for (`Effect.write`); returns `.quit` when
    /// a save that was to end the session succeeded.
    public static func perform(_ request: WriteRequest, _ state: inout AppState) -> [Effect] {
        state.perform(request)
    }

    /// After the data is loaded: unsaved edits an earlier run journalled are offered
    /// back (a question), or said not to apply. The runner calls it; it reads the
    /// user's cache, which the tests of `update` leave alone.
    public static func offerJournal(_ state: inout AppState) {
        state.offerJournal()
    }

    /// Draws the whole screen.
    public static func render(_ state: AppState) -> Grid {
        Screen.render(state)
    }
}
