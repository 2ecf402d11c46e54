import DealModel
import TerminalText

/// Draws the network in box-drawing characters: the centre partner in a box on the
/// left, a trunk, each edge labelled with its deals' kinds and counts, the nodes in a
/// column, and under each node its second edges and nodes (a hub's members, or one
/// step further). Without room for that (under 64 columns or 3 rows inside the
/// frame) it degrades to an indented list. Only the rows in view are drawn.
enum NetworkView {
    static let minimumWidth = 64

    /// The cursor's cell, for the terminal cursor.
    static func draw(_ state: AppState, in rect: Rect, focused: Bool, into grid: inout Grid) -> (row: Int, column: Int)? {
        let inner = rect.inner
        guard inner.width > 2, inner.height > 0 else { return nil }
        guard let model = NetworkModel.of(state) else {
            grid.put("No partner to centre on: select one and press w.", row: inner.y, column: inner.x, role: .muted, limit: inner.width)
            return nil
        }
        let c = state.catalog
        let centreName = c.partners[model.centre].name
        guard !model.rows.isEmpty else {
            let why = state.filter.isEmpty ? "has no deal with another partner" : "has no deal under the filter (x clears it)"
            grid.put("\(centreName) \(why)", row: inner.y, column: inner.x, role: .muted, limit: inner.width)
            return (inner.y, inner.x)
        }
        let top = state.network.scroll
        Frame.footer(Frame.position(top: top, shown: inner.height, of: model.rows.count), in: rect, into: &grid)
        let look = Look(state: state, focused: focused)
        if inner.width < minimumWidth || inner.height < 3 {
            return drawList(model, look, c, top: top, in: inner, into: &grid)
        }
        return drawPicture(model, look, c, centreName: centreName, top: top, in: inner, into: &grid)
    }

    /// How items look: selected, in the filter, related to Detail's record.
    struct Look {
        let row: Int
        let stop: NetworkModel.Stop
        let selected: Role
        let filter: Set<Int>
        let related: Set<Int>

        init(state: AppState, focused: Bool) {
            row = state.network.row
            stop = state.network.stop
            selected = focused ? .selectedFocused : .selected
            filter = Set(state.filter.compactMap(state.catalog.partnerIndex(id:)))
            related = Relations(state).partners
        }

        func isSelected(_ r: Int, _ s: NetworkModel.Stop) -> Bool { s == stop && (s == .centre || r == row) }

        func partnerRole(_ p: Int, selected on: Bool) -> Role {
            on ? selected : filter.contains(p) ? .filtered : related.contains(p) ? .related : .normal
        }

        func nodeRole(_ node: NetworkModel.Node, selected on: Bool) -> Role {
            NetworkModel.partner(node).map { partnerRole($0, selected: on) } ?? (on ? selected : .label)
        }
    }

    static func nodeText(_ node: NetworkModel.Node, _ c: Catalog) -> String {
        switch node {
        case .partner(let p): c.partners[p].name
        case .hub(let deals): "◆ " + (deals.count == 1 ? c.deals.title(deals[0]) : "\(deals.count) deals")
        }
    }

    // MARK: The picture

    static func drawPicture(_ m: NetworkModel, _ look: Look, _ c: Catalog, centreName: String, top: Int,
                            in inner: Rect, into grid: inout Grid) -> (row: Int, column: Int)? {
        let right = inner.x + inner.width
        let boxWidth = min(DisplayWidth.of(centreName) + 4, 22)
        let trunk = inner.x + boxWidth + 1
        // Edges as wide as their longest label, nodes keeping at least 16 columns.
        let edge1Width = min(max(8, (m.groups.map { DisplayWidth.of($0.edge.label) }.max() ?? 0) + 4), max(8, (right - trunk - 18) * 3 / 5))
        let node1X = trunk + 1 + edge1Width + 1
        let joint2 = node1X
        let edge2Width = min(max(6, (m.rows.compactMap { $0.edge2.map { DisplayWidth.of($0.label) } }.max() ?? 0) + 4), max(6, (right - joint2 - 12) * 4 / 5))
        let node2X = joint2 + 1 + edge2Width + 1
        let lastBranch = m.groups.last?.firstRow ?? 0
        let shown = min(inner.height, m.rows.count - top)
        // The centre stays in view: the middle of the trunk, within the rows shown.
        let lowest = top + 1, highest = min(top + shown - 2, lastBranch)
        let centreRow = lowest <= highest ? min(max(lastBranch / 2, lowest), highest) : top + min(1, shown - 1)
        var cursor: (row: Int, column: Int)?

        // The centre, boxed.
        let on = look.isSelected(centreRow, .centre)
        let y0 = inner.y + centreRow - top
        let boxRole: Role = on ? look.selected : .borderFocused
        let bar = String(repeating: "━", count: boxWidth - 2)
        grid.put("┏" + bar + "┓", row: y0 - 1, column: inner.x, role: boxRole)
        grid.put("┗" + bar + "┛", row: y0 + 1, column: inner.x, role: boxRole)
        grid.put("┃", row: y0, column: inner.x, role: boxRole)
        grid.put("┃", row: y0, column: inner.x + boxWidth - 1, role: boxRole)
        grid.put(" " + DisplayWidth.fit(centreName, to: boxWidth - 4) + " ", row: y0, column: inner.x + 1,
                 role: look.partnerRole(m.centre, selected: on), limit: boxWidth - 2)
        if on { cursor = (y0, inner.x + 2) }
        let connects = centreRow <= lastBranch
        if connects { grid.put("─", row: y0, column: trunk - 1, role: .border) }

        for i in 0..<shown {
            let r = top + i, row = m.rows[r], y = inner.y + i
            grid.put(Box.joint(up: r > 0 && r <= lastBranch, down: r < lastBranch, left: connects && r == centreRow, right: row.first),
                     row: y, column: trunk, role: .border)
            if let q = row.node2, let e = row.edge2 {
                grid.put(row.last ? "└" : "├", row: y, column: joint2, role: .border)
                let edgeOn = look.isSelected(r, .edge2), nodeOn = look.isSelected(r, .node2)
                edge(e.label, width: edge2Width, row: y, column: joint2 + 1, selected: edgeOn ? look.selected : nil, into: &grid)
                grid.put(c.partners[q].name, row: y, column: node2X, role: look.partnerRole(q, selected: nodeOn), limit: right - node2X)
                if edgeOn { cursor = (y, joint2 + 1) }
                if nodeOn { cursor = (y, node2X) }
            } else {
                let group = m.groups[row.group]
                let edgeOn = look.isSelected(r, .edge1), nodeOn = look.isSelected(r, .node1)
                edge(group.edge.label, width: edge1Width, row: y, column: trunk + 1, selected: edgeOn ? look.selected : nil, into: &grid)
                grid.put(nodeText(group.node, c), row: y, column: node1X, role: look.nodeRole(group.node, selected: nodeOn), limit: right - node1X)
                if edgeOn { cursor = (y, trunk + 1) }
                if nodeOn { cursor = (y, node1X) }
            }
        }
        return cursor
    }

    /// "─ label ────" in `width` columns (the label cut with … when it must be).
    static func edge(_ label: String, width: Int, row: Int, column: Int, selected: Role?, into grid: inout Grid) {
        guard width > 0 else { return }
        let text = width >= 5 ? DisplayWidth.truncate(label, to: width - 4) : ""
        let pieces: [(String, Role)] = text.isEmpty ? [] : [("─ ", .border), (text, .muted), (" ", .border)]
        var x = column
        for (piece, role) in pieces { x += grid.put(piece, row: row, column: x, role: selected ?? role) }
        grid.put(String(repeating: "─", count: max(0, column + width - x)), row: row, column: x, role: selected ?? .border)
    }

    // MARK: The list, when there is no room

    /// One line per row: "├ Node · kinds", and under it "│ └ Second · label".
    static func drawList(_ m: NetworkModel, _ look: Look, _ c: Catalog, top: Int, in inner: Rect, into grid: inout Grid) -> (row: Int, column: Int)? {
        var cursor: (row: Int, column: Int)?
        let lastBranch = m.groups.last?.firstRow ?? 0
        let right = inner.x + inner.width
        for i in 0..<min(inner.height, m.rows.count - top) {
            let r = top + i, row = m.rows[r], y = inner.y + i
            var x = inner.x
            let text: String, label: String, role: Role, on: Bool
            if let q = row.node2, let e = row.edge2 {
                x += grid.put((r < lastBranch ? "│ " : "  ") + (row.last ? "└ " : "├ "), row: y, column: x, role: .border, limit: right - x)
                on = look.isSelected(r, .node2) || look.isSelected(r, .edge2)
                (text, label, role) = (c.partners[q].name, e.label, look.partnerRole(q, selected: on))
            } else {
                x += grid.put(r == lastBranch ? "└ " : "├ ", row: y, column: x, role: .border, limit: right - x)
                let group = m.groups[row.group]
                on = look.isSelected(r, .node1) || look.isSelected(r, .edge1)
                (text, label, role) = (nodeText(group.node, c), group.edge.label, look.nodeRole(group.node, selected: on))
            }
            if on { cursor = (y, x) }
            x += grid.put(text, row: y, column: x, role: role, limit: right - x)
            grid.put(" · " + label, row: y, column: x, role: on ? look.selected : .muted, limit: right - x)
        }
        return cursor
    }
}

/// Light box-drawing characters.
enum Box {
    /// The character whose lines leave the cell up, down, left and right.
    static func joint(up: Bool, down: Bool, left: Bool, right: Bool) -> String {
        let table = [" ", "╶", "╴", "─", "╷", "┌", "┐", "┬", "╵", "└", "┘", "┴", "│", "├", "┤", "┼"]
        return table[(up ? 8 : 0) + (down ? 4 : 0) + (left ? 2 : 0) + (right ? 1 : 0)]
    }
}
