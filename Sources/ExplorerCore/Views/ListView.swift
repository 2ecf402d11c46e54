import TerminalText

/// Draws a scrolling list with a header row inside a pane.
enum ListView {
    /// Draws only the rows in view: `row(i)` is asked for those alone, so a list of a
    /// million rows costs no more to draw than one of ten.
    /// Returns the screen row of the cursor, when it is in view.
    static func draw(_ list: ListContent, _ state: AppState, relations: Relations, in rect: Rect, cursor: Int, scroll: Int,
                     focused: Bool, sort: PaneSort? = nil, into grid: inout Grid) -> Int? {
        let inner = rect.inner
        guard inner.width > 2, inner.height > 1 else { return nil }
        let count = list.rowCount(state)
        let search = state.highlightedText
        let columns = list.columns(state, width: inner.width)
        // Column widths: fixed ones first, the flexible one takes what is left.
        let gaps = columns.count - 1
        let fixed = columns.compactMap(\.column.width).reduce(0, +)
        let markerWidth = 2
        let flex = max(1, inner.width - markerWidth - fixed - gaps)
        let widths = columns.map { $0.column.width ?? flex }

        /// Draws the shown columns; `cells` and `roles` hold every column (nil: headers).
        func drawCells(_ cells: [String]?, row: Int, role: Role, roles: [Role?]) {
            var x = inner.x + markerWidth
            for (k, (i, column)) in columns.enumerated() {
                // The sorted column's header says which way it runs.
                let header = column.header + (sort != nil && sort?.column == column.sort ? Sorting.arrow(sort!) : "")
                guard let text = cells.map({ i < $0.count ? $0[i] : nil }) ?? header else { continue }
                let w = min(widths[k], inner.x + inner.width - x)
                if w <= 0 { break }
                grid.put(DisplayWidth.fit(text, to: w, alignRight: column.alignRight), row: row, column: x,
                         role: (i < roles.count ? roles[i] : nil) ?? role, limit: w)
                x += widths[k] + 1
            }
        }
        drawCells(nil, row: inner.y, role: .header, roles: [])
        var cursorRow: Int?
        let visible = inner.height - 1
        for i in 0..<visible {
            let index = scroll + i
            guard index < count else { break }
            let y = inner.y + 1 + i
            let row = list.row(state, relations, index)
            let selected = index == cursor
            let role: Role = selected ? (focused ? .selectedFocused : .selected) : row.role
            grid.fill(row: y, column: inner.x, width: inner.width, height: 1, role: selected ? role : .normal)
            grid.put(row.marker, row: y, column: inner.x, role: selected ? role : (row.markerRole ?? (row.marker == " " ? .normal : .filtered)), limit: markerWidth)
            // A draft (proposed, not yet reviewed) reads "?" beside the marker, in colour or not.
            if list.record(state, index).map(state.isDraft) == true {
                grid.put("?", row: y, column: inner.x + 1, role: selected ? role : .draft, limit: 1)
            }
            drawCells(row.cells, row: y, role: role, roles: selected ? [] : row.cellRoles)
            if !search.isEmpty && !selected {
                highlight(search, row: y, from: inner.x + markerWidth, width: inner.width - markerWidth, in: &grid)
            }
            if selected { cursorRow = y }
        }
        if count == 0 {
            let empty = state.loading == nil ? "(none)" : "loading…"
            grid.put(empty, row: inner.y + 1, column: inner.x + markerWidth, role: .muted, limit: inner.width - markerWidth)
        }
        return cursorRow
    }

    /// Marks every visible occurrence of the search text in a row (folded matching).
    static func highlight(_ search: String, row: Int, from column: Int, width: Int, in grid: inout Grid) {
        let needle = Array(Fold.chars(search))
        guard !needle.isEmpty else { return }
        // Collect the cells of the row with their folded characters.
        var cells: [(column: Int, folded: String)] = []
        for c in column..<min(grid.width, column + width) where !grid[row, c].isContinuation {
            cells.append((c, Fold.chars(grid[row, c].text)))
        }
        let hay = cells.map(\.folded)
        var i = 0
        while i < hay.count {
            var j = i
            var k = 0
            while j < hay.count && k < needle.count {
                let piece = Array(hay[j])
                if piece.isEmpty { j += 1; continue }
                guard k + piece.count <= needle.count, Array(needle[k..<(k + piece.count)]) == piece else { break }
                k += piece.count
                j += 1
            }
            if k == needle.count && j > i {
                for m in i..<j {
                    let c = cells[m].column
                    grid.paint(row: row, column: c, width: grid[row, c].width == 2 ? 2 : 1, role: .match)
                }
                i = j
            } else {
                i += 1
            }
        }
    }
}

import DealModel

enum Fold {
    static func chars(_ s: String) -> String { TextFolding.fold(s) }
}
