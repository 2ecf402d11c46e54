/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int

    public static let none = Rect(x: 0, y: 0, width: 0, height: 0)

    public func contains(column: Int, row: Int) -> Bool {
        column >= x && column < x + width && row >= y && row < y + height
    }

    /// Inside the border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: max(0, width - 2), height: max(0, height - 2)) }
}

/// Where every pane goes for a terminal size; the status line is the last row.
/// - wide (160+ columns): Partners, Deals and Timeline side by side, Detail below;
/// - medium (100+): Partners and a wide Deals on top, Timeline and Detail below;
/// - narrow (80+): as wide, with narrower columns;
/// - small (down to the minimum): as medium, the Timeline half the width, so that
///   its events keep room for their text.
/// An open picture (the network or the chart) takes the place of the panes of the
/// top row. Below the minimum there are no panes at all, only a message.
public struct Layout: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let tooSmall: Bool
    /// Each pane's rectangle, by `PaneID.rawValue`; `.none` for a pane not shown.
    private let rects: [Rect]
    public var status: Rect { Rect(x: 0, y: height - 1, width: width, height: 1) }

    public static let smallWidth = 80
    public static let mediumWidth = 100
    public static let wideWidth = 160

    public init(width: Int, height: Int, picture: PaneID? = nil) {
        self.width = width
        self.height = height
        tooSmall = width < Explorer.minimumWidth || height < Explorer.minimumHeight
        let placed = tooSmall ? [:] : Self.place(width: width, height: height, picture: picture)
        rects = PaneID.allCases.map { placed[$0] ?? .none }
    }

    /// The layout of a state: its size and its open picture.
    init(_ state: AppState) {
        self.init(width: state.width, height: state.height, picture: state.picture)
    }

    /// The panes' places at a size (at least the minimum).
    private static func place(width: Int, height: Int, picture: PaneID?) -> [PaneID: Rect] {
        var placed: [PaneID: Rect] = [:]
        let content = height - 1
        let top: Int
        if width < Self.smallWidth || (width >= Self.mediumWidth && width < Self.wideWidth) {
            top = width < Self.smallWidth ? max(8, content / 2) : max(8, content * 42 / 100)
            let partnersWidth = min(28, max(20, width / 5))
            let timelineWidth = width < Self.smallWidth ? width / 2 : width * 2 / 5
            placed[.partners] = Rect(x: 0, y: 0, width: partnersWidth, height: top)
            placed[.deals] = Rect(x: partnersWidth, y: 0, width: width - partnersWidth, height: top)
            placed[.timeline] = Rect(x: 0, y: top, width: timelineWidth, height: content - top)
            placed[.detail] = Rect(x: timelineWidth, y: top, width: width - timelineWidth, height: content - top)
        } else {
            top = max(8, content * 55 / 100)
            let partnersWidth = min(30, max(18, width / 5))
            let rest = width - partnersWidth
            let dealsWidth = rest / 2
            placed[.partners] = Rect(x: 0, y: 0, width: partnersWidth, height: top)
            placed[.deals] = Rect(x: partnersWidth, y: 0, width: dealsWidth, height: top)
            placed[.timeline] = Rect(x: partnersWidth + dealsWidth, y: 0, width: rest - dealsWidth, height: top)
            placed[.detail] = Rect(x: 0, y: top, width: width, height: content - top)
        }
        if let picture {
            for (pane, rect) in placed where rect.y == 0 { placed[pane] = nil }
            placed[picture] = Rect(x: 0, y: 0, width: width, height: top)
        }
        return placed
    }

    public func rect(_ pane: PaneID) -> Rect { rects[pane.rawValue] }

    /// The panes shown, in focus order.
    public var panes: [PaneID] { PaneID.allCases.filter { rect($0).width > 0 } }

    /// The pane at a cell, if any.
    public func pane(atColumn column: Int, row: Int) -> PaneID? {
        panes.first { rect($0).contains(column: column, row: row) }
    }

    /// Rows of content in a pane (inside the border; lists: below the column header).
    public func listRows(_ pane: PaneID) -> Int {
        guard !tooSmall else { return 1 }
        let inner = rect(pane).inner
        return max(1, pane.isList ? inner.height - 1 : inner.height)
    }

    /// The first row of content in a pane.
    public func listTop(_ pane: PaneID) -> Int {
        rect(pane).inner.y + (pane.isList ? 1 : 0)
    }
}
