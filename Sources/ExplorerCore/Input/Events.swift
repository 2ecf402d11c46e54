import DealModel

/// Everything that can happen to the explorer. The backend turns keys, the mouse,
/// resizes, signals and the background load into these and feeds them to
/// `Explorer.update`; nothing else changes the state.
public enum InputEvent: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// No input is waiting: time to go on with work left pending (`AppState.isBusy`).
    case idle
    /// The background load reports how far it has come.
    case loadProgress(LoadProgress, seconds: Double)
    /// The data is loaded: the panes fill (`partners`: the ids of the first filter).
    case loaded(Catalog, partners: [String])
    /// The load failed; the backend holds the error and reports it after leaving.
    case loadFailed
    /// The process runs again in the foreground after a stop (Ctrl-Z and `fg`, or a
    /// `kill -STOP` and `-CONT` from outside): the terminal may show anything.
    case continued
    /// A terminating signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT), or the terminal closed.
    case terminate(signal: Int32)
}

/// What the explorer asks of its backend after an event.
public enum Effect: Hashable, Sendable {
    case quit
    /// Leave, then end the process as this signal would have.
    case quitBySignal(Int32)
    /// Leave, then report the load's error.
    case quitWithLoadError
    /// Capture the mouse (clicks and wheel go to the explorer) or release it (the
    /// terminal's own selection works).
    case mouseCapture(Bool)
    case bell
    /// Clear the terminal and draw every cell (Ctrl-L, a resize, a resume).
    case repaintAll
    /// Put text on the terminal's clipboard (OSC 52, between frames); the text is
    /// sanitized already.
    case copy(String)
    /// Set the terminal's title (where terminfo says it has one); sanitized already.
    case setTitle(String)
    /// Write files the user owns or the journal: the runner hands it back to
    /// `Explorer.perform`, so that `update` itself never writes a file.
    case write(WriteRequest)
}

/// A write the runner carries out through `Explorer.perform`.
public enum WriteRequest: Hashable, Sendable {
    /// The edits not yet journalled (and a journal to clear).
    case journal
    /// The edited files, over the ones they came from; then quit if all went well.
    case save(thenQuit: Bool)
    case saveAs(String)
    /// The records the filter shows, as a dataset, CSV or Markdown file (by its
    /// extension); over an existing file only when `replacing` (`:export!`).
    case export(String, replacing: Bool)
    /// The open form's typed text kept beside the journal, or its file removed once
    /// the form is closed. The runner writes it at most every `formDraftInterval`.
    case formDraft
}
