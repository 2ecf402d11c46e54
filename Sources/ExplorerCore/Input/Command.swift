/// Every action the explorer can take, with a stable name ("moveDown",
/// "focusDeals") so that the key tables, the help screen, the tests and the config
/// file that rebinds keys speak of the same thing. What a command does
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
    /// Sorting a list pane: the next column, the other direction.
    case sortNext, sortReverse
    /// Copying to the terminal's clipboard (OSC 52).
    case copyID, copyQuote, copyRow
    /// The pictures: open or close them, move sideways (pan), zoom (the network: one
    /// step further), centre the network on a partner.
    case toggleNetwork, toggleChart, left, right, zoomIn, zoomOut, recentre
    /// Overlays.
    case close, nextQuote, previousQuote, openQuote
    /// Typing modes (the command line, a search).
    case accept, deleteBackward, clearLine, complete, historyPrevious, historyNext
    /// Reviewing and editing: accept or reject a draft, the next one to review, undo
    /// and redo, save and reload; answers to a question (`ConfirmMode`).
    case acceptDraft, rejectDraft, nextDraft, undo, redo, save, reload, confirmYes, confirmNo
    /// Evidence from the document view: a selection started, grown or shrunk by a
    /// word or a sentence, attached as a quote or made a new record; a quote removed
    /// in Detail.
    case select, extendWord, shrinkWord, extendSentence, shrinkSentence, attachQuote, removeQuote
    case nextEvidence, previousEvidence, newPartner, newDeal, newEvent
    /// The edit form of the selected record.
    case editRecord
    /// Links and merges: start picking the second record; split a deal.
    case linkRecords, mergeRecords, splitDeal
    /// The jump list of links followed in Detail: back to the place before the
    /// last Enter, and forward again.
    case jumpBack, jumpForward

    /// Every command, each once.
    public static let all: [Command] = PaneID.allCases.map(Command.focus) + [
        .focusNext, .focusPrevious,
        .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
        .activate, .toggleFilter, .clearFilter,
        .nextEvent, .previousEvent, .nextYear, .previousYear,
        .commandLine, .search, .nextMatch, .previousMatch,
        .viewDocument, .help, .toggleMouse, .quit, .cancel, .redraw,
        .sortNext, .sortReverse, .copyID, .copyQuote, .copyRow,
        .toggleNetwork, .toggleChart, .left, .right, .zoomIn, .zoomOut, .recentre,
        .close, .nextQuote, .previousQuote, .openQuote,
        .accept, .deleteBackward, .clearLine, .complete, .historyPrevious, .historyNext,
        .acceptDraft, .rejectDraft, .nextDraft, .undo, .redo, .save, .reload, .confirmYes, .confirmNo,
        .select, .extendWord, .shrinkWord, .extendSentence, .shrinkSentence, .attachQuote, .removeQuote,
        .nextEvidence, .previousEvidence, .newPartner, .newDeal, .newEvent, .editRecord,
        .linkRecords, .mergeRecords, .splitDeal,
        .jumpBack, .jumpForward,
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
