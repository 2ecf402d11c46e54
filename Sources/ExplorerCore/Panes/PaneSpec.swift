import DealModel

/// One pane as data: its title, what its frame says, and its content, which is
/// either a list of rows (with columns, search and Enter) or scrolling text. The
/// screen, the layout, search, focus and the mouse go through these and name no pane.
struct PaneSpec: Sendable {
    let title: String
    /// What the frame shows right of the title (counts, a hint).
    let info: @Sendable (AppState) -> String
    let content: Content

    enum Content: Sendable {
        case list(ListContent)
        case text(TextContent)
    }

    var list: ListContent? {
        if case .list(let l) = content { return l }
        return nil
    }
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

    /// The columns shown at an inner width: those `shownFrom` drops are left out,
    /// and narrow variants replace their columns.
    func columns(width: Int) -> [(index: Int, column: ListColumn)] {
        columns.enumerated().filter { width >= $0.element.shownFrom }.map { i, c in
            guard let n = c.narrow, width < n.below else { return (i, c) }
            return (i, ListColumn(header: n.header, width: n.width, alignRight: c.alignRight))
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
    let width: Int?
    var alignRight = false
    /// The pane's inner width from which the column is shown: narrow panes drop the
    /// column with the highest `shownFrom` first, so the flexible column keeps room.
    var shownFrom = 0
    /// Below an inner width, a shorter header and width.
    var narrow: (below: Int, header: String, width: Int)?
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
