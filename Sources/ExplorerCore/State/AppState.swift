import DealModel

/// Everything the explorer shows, as plain values: the update function changes it
/// and the views draw it.
public struct AppState: Sendable {
    public enum Mode: Equatable, Sendable {
        case normal
        /// Typing a search after `/`.
        case search(String)
        /// Typing a command after `:`.
        case command(String)
        /// The help screen; Esc goes back to `helpReturn`.
        case help
        /// The whole document with every quote marked; `quote` is the current one.
        case document(quote: Int)
    }

    public let catalog: Catalog
    /// While data loads in the background: what is loading and how far it has come.
    /// The screen shows the panes empty and the progress in the status line; q quits.
    public internal(set) var loading: Loading?

    public struct Loading: Sendable, Equatable {
        public var label: String
        public var progress: LoadProgress
        public var seconds: Double
    }
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var focus: PaneID = .partners
    /// The list pane whose selection the Detail pane shows.
    public internal(set) var detailSource: PaneID = .partners
    /// Partner ids in the filter, in the order they were added.
    public internal(set) var filter: [String] = []
    /// Deal and event indices that pass the filter, deals in the Deals pane's order.
    public internal(set) var visibleDeals: [Int] = []
    public internal(set) var visibleEvents: [Int] = []
    /// The Partners pane's order of partners when it is sorted (nil: by name).
    public internal(set) var partnerOrder: [Int]?
    /// The sort of each sorted list pane (Deals, Partners).
    public internal(set) var sorts: [PaneID: PaneSort] = [:]
    /// Sorts going on in slices (a million deals), one per pane at most.
    var pendingSorts: [PendingSort] = []
    /// Comparisons a sort does per slice, and the most rows sorted at once.
    var sortSlice = 200_000
    var sortAtOnce = 20_000
    /// The widest deal date and event date of the catalog, for their columns.
    let dealDateWidth: Int
    let eventWhenWidth: Int
    /// The keys of every mode, as a config file bound them.
    public internal(set) var keymap: Keymap = .standard
    /// The picture open in the place of the top row's panes (network or chart).
    public internal(set) var picture: PaneID?
    /// The pane focused before the picture opened, focused again when it closes.
    var pictureReturn: PaneID = .partners
    public internal(set) var network = NetworkState()
    public internal(set) var chart = ChartState()
    /// For each partner, how many visible deals it is a party to.
    public internal(set) var partnerDealCounts: [Int] = []
    /// Matches of the confirmed search, kept up to date with the search and the filter.
    public internal(set) var searchHits: [Search.Hit] = []
    /// Cursor row and first shown row of each pane (text panes: scroll only).
    public internal(set) var lists = PaneLists()
    public internal(set) var mode: Mode = .normal
    /// Where Esc leaves the help screen: the mode it was opened from.
    var helpReturn: Mode = .normal
    /// The confirmed search; matches stay highlighted until Esc. Set it with
    /// `confirmSearch`, which finds its matches.
    public private(set) var search: String = ""
    /// A one-shot message for the status line.
    public internal(set) var message: String?
    public internal(set) var mouseCapture = true
    /// Where the cursor was when `/` was pressed, restored by Esc as in less and vim.
    struct Place: Sendable {
        let focus: PaneID, detailSource: PaneID, lists: PaneLists
    }
    var searchOrigin: Place?
    /// The quotes of the document view while it is open (gathered once, not per key).
    var documentQuotes: DocumentQuotes?
    /// Where the document view was scrolled to; nil follows the current quote.
    var documentTop: DocumentView.Position?
    /// The search in the document view, the line being typed after its `/`, and the
    /// choice among the records that quote one span.
    var documentSearch: DocumentSearch?
    var documentTyping: DocumentTyping?
    var quotePicker: QuotePicker?
    /// Detail's cursor: what Detail shows and which of its items (quotes, then
    /// links) is marked (`DetailPane.current`).
    var detailCursor: (DetailSubject, Int)?
    /// The places left by following links in Detail (back: BS, C-o, H).
    var jumps = JumpList()
    /// The words selected in the document view (`s`), to attach or make a record of.
    var documentSelection: DocumentSelection?
    /// The word a mouse press selected, while the button is held: a drag selects
    /// from it to the word under the pointer.
    var documentDragAnchor: DocumentSelection?
    /// Bytes the document's search examines per slice.
    var documentSearchSlice = DocumentSearch.sliceSize
    /// The last query typed after `/` and its matches, narrowed as typing goes on.
    var typedSearch: (String, [Search.Hit])?
    /// A search going on in slices between keystrokes (large catalogs).
    var pendingSearch: PendingSearch?
    /// Rows a search examines per slice; catalogs with fewer rows are searched at once.
    var searchSlice = Search.sliceSize
    /// How long one slice may take: a key pressed meanwhile (Enter, Esc, the next
    /// letter) waits at most this long. Rows that need their quotes read are slow, so
    /// a slice of `searchSlice` rows can take 30 ms on two cores.
    public var searchBudget: Duration = .milliseconds(4)
    /// Work is pending (a long search or sort): the backend sends `.idle` events
    /// while no input is waiting, and each goes on with it.
    public var isBusy: Bool { pendingSearch != nil || !pendingSorts.isEmpty || documentSearch.map { !$0.isDone } == true }
    /// The edits of this session, once the first is made (`Reviewing`).
    public internal(set) var editing: EditSession?
    /// The edit form open over the panes (`FormMode`): its keys are read first.
    var form: RecordForm?
    /// A link or merge waiting for its second record (`PickMode`).
    var pick: Pick?
    /// Edits an earlier session journalled, offered back and left for later (Esc):
    /// asked again before this session makes an edit of its own.
    var earlierEdits: Int?
    /// Text is typed into the form (kept across a crash: `WriteRequest.formDraft`).
    public var formTyped: Bool { form?.draft != nil }
    /// A question waiting for its answer (`ConfirmMode`): its keys are read first.
    public internal(set) var question: Question?
    /// Records still to review (draft marks), counted once per catalog.
    public private(set) var draftCount = 0
    /// Where unsaved edits are journalled (the cache directory; tests give their own).
    public var journalCache: String? = SnapshotCache.directory
    /// Earlier `:` commands, newest last (Up and Down recall them).
    var commandHistory: [String] = []
    var historyIndex: Int?

    /// The text to highlight: what is being typed after `/`, else the confirmed search.
    public var highlightedText: String {
        if case .search(let t) = mode { return t }
        return search
    }

    /// Scroll of the help screen (the document view keeps `documentTop`).
    public internal(set) var overlayScroll = 0

    init(catalog: Catalog, filter: [String], width: Int, height: Int, keymap: Keymap = .standard) {
        self.catalog = catalog
        self.width = width
        self.height = height
        self.filter = filter
        self.keymap = keymap
        dealDateWidth = DealsPane.widestDate(catalog)
        eventWhenWidth = TimelinePane.widestWhen(catalog)
        draftCount = catalog.draftCount
        applyFilter()
        if !filter.isEmpty, let first = filter.first.flatMap(catalog.partnerIndex(id:)) {
            lists[.partners].cursor = first
        }
    }

    /// The keys of a mode, as bound.
    public func keys(_ mode: InputMode) -> KeyTable { keymap[mode] }

    /// The screen is below the minimum size: no panes, only a message.
    public var isTooSmall: Bool { width < Explorer.minimumWidth || height < Explorer.minimumHeight }

    /// The mode whose key table reads the keys now.
    public var inputMode: InputMode {
        if mode == .help { return .help }
        return modeBeneathHelp
    }

    /// The mode the keys would be in without the help screen: the one whose keys the
    /// help shows first.
    public var modeBeneathHelp: InputMode {
        if isTooSmall { return .tooSmall }
        if loading != nil { return .loading }
        if question != nil { return .confirm }
        if form != nil { return .form }
        switch mode == .help ? helpReturn : mode {
        case .normal, .help: return pick != nil ? .pick : focus == .network ? .network : focus == .chart ? .chart : .normal
        case .search: return .searchTyping
        case .command: return .commandLine
        case .document: return documentTyping != nil ? .documentSearch : quotePicker != nil ? .quotePicker : .document
        }
    }

    /// Number of rows in a pane's list (0 for text panes).
    public func rowCount(_ pane: PaneID) -> Int {
        pane.list?.rowCount(self) ?? 0
    }

    /// The record on a list pane's cursor row.
    func selectedRecord(_ pane: PaneID) -> RecordRef? {
        guard let list = pane.list else { return nil }
        let row = lists[pane].cursor
        return row >= 0 && row < list.rowCount(self) ? list.record(self, row) : nil
    }

    public var selectedPartner: Int? {
        if case .partner(let p)? = selectedRecord(.partners) { return p }
        return nil
    }
    public var selectedDeal: Int? {
        if case .deal(let d)? = selectedRecord(.deals) { return d }
        return nil
    }
    public var selectedEvent: Int? {
        if case .event(let e)? = selectedRecord(.timeline) { return e }
        return nil
    }

    /// The list pane whose cursor is the selection: the focused one, or (when a text
    /// pane or a picture is focused) the last list pane Detail showed.
    public var cursorPane: PaneID { focus.isList ? focus : detailSource.isList ? detailSource : .partners }

    /// The record the Detail pane shows.
    public var detailRecord: RecordRef? { detailSubject?.record }

    /// What the Detail pane shows: a record, or (from the network) the deals of an edge.
    var detailSubject: DetailSubject? {
        if detailSource == .network { return NetworkPane.subject(self) }
        return selectedRecord(detailSource).map(DetailSubject.record)
    }

    /// Makes `text` the confirmed search and finds its matches (the matches typed
    /// just before Enter are taken as they are: no second search).
    mutating func confirmSearch(_ text: String) {
        guard text != search else { return }
        search = text
        if let (typed, hits) = typedSearch, typed == text { searchHits = hits; return }
        searchHits = text.isEmpty ? [] : Search.matches(self, text: text)
    }

    /// Recomputes the visible deals and events from the filter, keeping the selected
    /// deal and event where they are still visible.
    mutating func applyFilter() {
        let keepDeal = selectedDeal
        let keepEvent = selectedEvent
        let query = DealQuery(partners: filter, partnerMode: .all)
        visibleDeals = catalog.dealIndices(matching: query)
        visibleEvents = catalog.eventIndices(matching: query)
        if filter.isEmpty {
            partnerDealCounts = catalog.dealsOfPartner.map(\.count)
        } else {
            var counts = [Int](repeating: 0, count: catalog.partners.count)
            for d in visibleDeals { for p in catalog.partnersOfDeal[d] { counts[p] += 1 } }
            partnerDealCounts = counts
        }
        rowsMoved()
        lists[.deals] = ListState(cursor: keepDeal.flatMap { visibleDeals.firstIndex(of: $0) } ?? 0)
        lists[.timeline] = ListState(cursor: keepEvent.flatMap { visibleEvents.firstIndex(of: $0) } ?? 0)
        // The new rows take the panes' sorts (deal counts changed too).
        for (pane, sort) in sorts where pane == .deals || sort.column == PartnerSortColumn.deals.rawValue {
            sortPane(pane, by: sort, quietly: true)
        }
    }

    /// Rows moved: a search in progress would point at the wrong ones, and the
    /// confirmed search's matches are found again (in slices on large catalogs, so a
    /// filter toggle never waits for a million rows).
    mutating func rowsMoved() {
        pendingSearch = nil
        typedSearch = nil
        if !search.isEmpty { Search.refind(&self) }
    }
}
