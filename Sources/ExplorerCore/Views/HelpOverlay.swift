import Synchronization
import TerminalText

/// The help screen, made from the key tables: the keys of the mode it was opened
/// from first, then those of every other mode. It uses the width it has (in
/// columns side by side when wide), scrolls like a list, and says in its frame
/// when there is more above or below.
enum HelpOverlay {
    /// Covers the panes (not the status line) so nothing of them shows through.
    static func rect(_ state: AppState) -> Rect { Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 1)) }

    static let gap = 3
    static let minimumColumn = 50

    /// The help's text laid out in columns for the screen's width.
    struct Page: Sendable {
        var columns: [[StyledLine]]
        var columnWidth: Int
        var rows: Int { columns.map(\.count).max() ?? 0 }
    }

    /// The last page made, and what it was made for (the page depends on the width,
    /// not the height): each key that scrolls the help needs the page's length, and
    /// the screen it draws.
    private static let last = Mutex<(mode: InputMode, width: Int, keys: Keymap, page: Page)?>(nil)

    static func page(_ state: AppState) -> Page {
        let mode = state.modeBeneathHelp
        if let last = last.withLock({ $0 }), last.mode == mode, last.width == state.width, last.keys == state.keymap { return last.page }
        let page = makePage(state)
        last.withLock { $0 = (mode, state.width, state.keymap, page) }
        return page
    }

    private static func makePage(_ state: AppState) -> Page {
        let usable = max(1, rect(state).inner.width - 2)
        let count = max(1, min(3, (usable + gap) / (minimumColumn + gap)))
        let width = (usable - gap * (count - 1)) / count
        let beneath = state.modeBeneathHelp
        let sections = ([beneath] + InputMode.allCases.filter { $0 != beneath }).map { section($0, state.keys($0), width: width) }
        return Page(columns: pack(sections, into: count), columnWidth: width)
    }

    /// Sections into at most `count` columns, each kept whole, as short as they go.
    static func pack(_ sections: [[StyledLine]], into count: Int) -> [[StyledLine]] {
        let total = sections.reduce(0) { $0 + $1.count + 1 }
        var height = (total + count - 1) / count
        while true {
            var columns: [[StyledLine]] = [[]]
            for section in sections {
                if !columns[columns.count - 1].isEmpty && columns[columns.count - 1].count + 1 + section.count > height {
                    columns.append([])
                }
                if !columns[columns.count - 1].isEmpty { columns[columns.count - 1].append([]) }
                columns[columns.count - 1] += section
            }
            if columns.count <= count || height >= total { return columns }
            height += 1
        }
    }

    /// One mode's keys as bound: its title, each binding (under its group's heading;
    /// a command left without keys is left out), its notes.
    static func section(_ mode: InputMode, _ table: KeyTable, width: Int) -> [StyledLine] {
        let keys = KeyTable(table.bindings.filter { !$0.keys.isEmpty }, typesText: table.typesText, notes: table.notes)
        var out: [StyledLine] = [[Span(mode.title, .header)]]
        let labelWidth = min(16, keys.bindings.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let indent = labelWidth + 4
        var group = ""
        for b in keys.bindings {
            if b.group != group {
                group = b.group
                out.append([Span(" " + group, .label)])
            }
            let label = b.label
            if DisplayWidth.of(label) > labelWidth {
                // A long label gets a line of its own.
                out.append([Span("  " + label, .key)])
                out += StyledText.wrap([Span(String(repeating: " ", count: indent)), Span(b.help)], width: width, indent: indent)
            } else {
                out += StyledText.wrap([Span("  " + DisplayWidth.fit(label, to: labelWidth), .key), Span("  " + b.help)], width: width, indent: indent)
            }
        }
        for note in keys.notes { out += StyledText.wrap([Span("  " + note, .muted)], width: width, indent: 2) }
        return out
    }

    static func visibleRows(_ state: AppState) -> Int { rect(state).inner.height }

    /// The largest scroll: the last page shows the last row.
    static func scrollLimit(_ state: AppState) -> Int { max(0, page(state).rows - visibleRows(state)) }

    static func draw(_ state: AppState, into grid: inout Grid) {
        let rect = rect(state)
        grid.fill(row: rect.y, column: rect.x, width: rect.width, height: rect.height, role: .normal)
        let close = state.keys(.help).firstKey(.close).map { $0 + " closes" } ?? ""
        Frame.draw(rect, title: "Help", number: nil, info: close, focused: true, into: &grid)
        let inner = rect.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let page = page(state)
        let top = min(state.overlayScroll, max(0, page.rows - inner.height))
        for (k, column) in page.columns.enumerated() {
            let x = inner.x + 1 + k * (page.columnWidth + gap)
            for (i, line) in column.dropFirst(top).prefix(inner.height).enumerated() {
                StyledText.draw(line, into: &grid, row: inner.y + i, column: x, limit: page.columnWidth)
            }
        }
        Frame.footer(Frame.position(top: top, shown: inner.height, of: page.rows), in: rect, into: &grid)
    }
}
