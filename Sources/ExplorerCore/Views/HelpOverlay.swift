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

    /// Covers the panes (not the status line) so nothing of them shows through; the
    /// text sits in a centred column of at most 76.
    static func draw(_ state: AppState, into grid: inout Grid) {
        let rect = Rect(x: 0, y: 0, width: grid.width, height: grid.height - 1)
        grid.fill(row: rect.y, column: rect.x, width: rect.width, height: rect.height, role: .normal)
        Frame.draw(rect, title: "Help", number: nil, info: "Esc closes", focused: true, into: &grid)
        let inner = rect.inner
        let textWidth = min(inner.width - 2, 76)
        let left = inner.x + max(1, (inner.width - textWidth) / 2)
        let all = lines(width: textWidth)
        let top = min(state.overlayScroll, max(0, all.count - inner.height))
        for (i, line) in all.dropFirst(max(0, top)).prefix(inner.height).enumerated() {
            StyledText.draw(line, into: &grid, row: inner.y + i, column: left, limit: textWidth)
        }
    }
}
