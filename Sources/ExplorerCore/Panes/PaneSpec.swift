import DealModel

/// One pane as data: its title, what its frame says, and its content, which is
/// a list of rows (with columns, search and Enter), scrolling text, or a picture
/// (the network, the chart). The screen, the layout, search, focus and the mouse go
/// through these and name no pane.
struct PaneSpec: Sendable {
    let title: String
    /// What the frame shows right of the title (counts, a hint).
    let info: @Sendable (AppState) -> String
    let content: Content

    enum Content: Sendable {
        case list(ListContent)
        case text(TextContent)
        case picture(PictureContent)
    }

    var list: ListContent? {
        if case .list(let l) = content { return l }
        return nil
    }

    var picture: PictureContent? {
        if case .picture(let p) = content { return p }
        return nil
    }
}

/// A pane that draws a picture of its own (the network, the chart), with a key
/// table of its own (`InputMode`).
struct PictureContent: Sendable {
    /// Draws inside the frame; returns where the terminal cursor rests.
    let draw: @Sendable (AppState, Rect, _ focused: Bool, inout Grid) -> (row: Int, column: Int)?
    /// A click on a row inside the frame (0 is the first row inside it).
    let click: @Sendable (inout AppState, _ row: Int, _ inner: Rect) -> Void
    /// Keeps the picture's cursor in view after any event.
    let keepInView: @Sendable (inout AppState, _ inner: Rect) -> Void
}

/// A pane of rows: one record per row, a cursor on one of them.
struct ListContent: Sendable {
    let columns: [ListColumn]
    let rowCount: @Sendable (AppState) -> Int
    /// Row `i` as text; only rows on screen are asked for.
    let row: @Sendable (AppState, Relations, Int) -> ListRow
    /// The record on row `i` (Detail shows the selected one).
    let record: @Sendable (AppState, Int) -> RecordRef?
    /// The row that shows a record, when this pane shows it (under the filter).
    let rowOf: @Sendable (AppState, RecordRef) -> Int?
    /// Makes the test of a row against a search; nil: the pane is not searched.
    let matcher: (@Sendable (AppState, SearchNeedle) -> @Sendable (Int) -> Bool)?
    /// What Enter does on the selected row.
    let activate: @Sendable (inout AppState) -> Void
    /// How the pane sorts by its columns that have a sort name; nil: it does not.
    var sorting: ListSorting?

    /// The columns shown at an inner width: those `shownFrom` drops are left out,
    /// narrow variants replace their columns, and columns that fit their data take
    /// the width of the widest value the catalog holds.
    func columns(_ state: AppState, width: Int) -> [(index: Int, column: ListColumn)] {
        columns.enumerated().filter { width >= $0.element.shownFrom }.map { i, c in
            var c = c
            if let fit = c.fit { c.width = fit(state) }
            guard let n = c.narrow, width < n.below else { return (i, c) }
            return (i, ListColumn(header: n.header, width: n.width, alignRight: c.alignRight, sort: c.sort))
        }
    }
}

/// A pane of text that scrolls (Detail).
struct TextContent: Sendable {
    /// The lines for an inner width.
    let lines: @Sendable (AppState, Int) -> [StyledLine]
}

/// A column of a list pane.
struct ListColumn: Sendable {
    let header: String
    /// Fixed width, or nil for the column that takes the rest.
    var width: Int?
    var alignRight = false
    /// The pane's inner width from which the column is shown: narrow panes drop the
    /// column with the highest `shownFrom` first, so the flexible column keeps room.
    var shownFrom = 0
    /// Below an inner width, a shorter header and width.
    var narrow: (below: Int, header: String, width: Int)?
    /// The width from the data (the widest date the catalog holds), instead of `width`.
    var fit: (@Sendable (AppState) -> Int)?
    /// The name `s` and `:sort` know the column by; nil: the pane does not sort by it.
    var sort: String?
    /// Sorted largest first when first chosen (values, counts).
    var largestFirst = false

    init(header: String, width: Int?, alignRight: Bool = false, shownFrom: Int = 0,
         narrow: (below: Int, header: String, width: Int)? = nil, fit: (@Sendable (AppState) -> Int)? = nil,
         sort: String? = nil, largestFirst: Bool = false) {
        self.header = header
        self.width = width
        self.alignRight = alignRight
        self.shownFrom = shownFrom
        self.narrow = narrow
        self.fit = fit
        self.sort = sort
        self.largestFirst = largestFirst
    }
}

/// A row of a list pane: one text per column, and how the row is marked.
struct ListRow {
    var cells: [String]
    var marker: String = " "
    /// The marker's role (nil: `.filtered` for a marker, `.normal` for none).
    var markerRole: Role?
    var role: Role = .normal
    /// Per-cell roles for an unselected row (nil: the row's role).
    var cellRoles: [Role?] = []
}

/// Where a pane's cursor is and which row is at its top (text panes: scroll only).
public struct ListState: Equatable, Sendable {
    public internal(set) var cursor = 0
    public internal(set) var scroll = 0
}

/// The list state of every pane.
public struct PaneLists: Equatable, Sendable {
    private var states = [ListState](repeating: ListState(), count: PaneID.allCases.count)

    public internal(set) subscript(pane: PaneID) -> ListState {
        get { states[pane.rawValue] }
        set { states[pane.rawValue] = newValue }
    }
}
