import TerminalText

/// The help screen, made from the key map.
enum HelpOverlay {
    static func lines(width: Int = 74) -> [StyledLine] {
        var out: [StyledLine] = []
        var group = ""
        for b in KeyMap.bindings {
            if b.group != group {
                if !group.isEmpty { out.append([]) }
                group = b.group
                out.append([Span(group, .label)])
            }
            out += StyledText.wrap([Span("  " + DisplayWidth.fit(b.label, to: 12), .key), Span(b.help)], width: width, indent: 14)
        }
        out.append([])
        out.append([Span("Mouse", .label)])
        out.append([Span("  " + DisplayWidth.fit("click", to: 12), .key), Span("focus a pane and select a row; double click: Enter; wheel scrolls")])
        out.append([])
        out.append([Span("Command line (:): Tab completes commands and partner names; ↑/↓ recall.", .muted)])
        out.append([Span("Document (v): n/N or ]/[ jump between quotes, Enter opens the", .muted)])
        out.append([Span("record that quotes it, j/k scroll, Esc closes.", .muted)])
        out.append([Span("Esc, q or ? closes this help; j/k scroll it.", .muted)])
        return out
    }

    static func draw(_ state: AppState, into grid: inout Grid) {
        let w = min(grid.width - 2, 76)
        let h = grid.height - 2
        let rect = Rect(x: (grid.width - w) / 2, y: 0, width: w, height: h + 1)
        grid.fill(row: rect.y, column: rect.x, width: rect.width, height: rect.height, role: .normal)
        Frame.draw(rect, title: "Help", number: nil, info: "Esc closes", focused: true, into: &grid)
        let inner = rect.inner
        let all = lines(width: inner.width - 1)
        let top = min(state.overlayScroll, max(0, all.count - inner.height))
        for (i, line) in all.dropFirst(max(0, top)).prefix(inner.height).enumerated() {
            StyledText.draw(line, into: &grid, row: inner.y + i, column: inner.x + 1, limit: inner.width - 1)
        }
    }
}
