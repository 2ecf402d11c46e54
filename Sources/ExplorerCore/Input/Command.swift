/// Every action the explorer can take, with a stable name ("moveDown",
/// "focusDeals") so that the key tables, the help screen, the tests and (later) a
/// config file that rebinds keys speak of the same thing. What a command does
/// depends on the mode it runs in: `moveDown` moves a list's cursor in the normal
/// mode and scrolls an overlay.
public enum Command: Hashable, Sendable {
    case focus(PaneID)
    case focusNext, focusPrevious
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case activate, toggleFilter, clearFilter
    case nextEvent, previousEvent, nextYear, previousYear
    case commandLine, search, nextMatch, previousMatch
    case viewDocument, help, toggleMouse, quit, cancel, redraw
    /// Overlays.
    case close, nextQuote, previousQuote, openQuote
    /// Typing modes (the command line, a search).
    case accept, deleteBackward, clearLine, complete, historyPrevious, historyNext

    /// Every command, each once.
    public static let all: [Command] = PaneID.allCases.map(Command.focus) + [
        .focusNext, .focusPrevious,
        .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
        .activate, .toggleFilter, .clearFilter,
        .nextEvent, .previousEvent, .nextYear, .previousYear,
        .commandLine, .search, .nextMatch, .previousMatch,
        .viewDocument, .help, .toggleMouse, .quit, .cancel, .redraw,
        .close, .nextQuote, .previousQuote, .openQuote,
        .accept, .deleteBackward, .clearLine, .complete, .historyPrevious, .historyNext,
    ]

    /// The stable name: the case's name, and "focus" + the pane's title for panes.
    public var name: String {
        if case .focus(let pane) = self { return "focus" + pane.spec.title }
        return String(describing: self)
    }

    public init?(name: String) {
        guard let found = Self.all.first(where: { $0.name == name }) else { return nil }
        self = found
    }
}
