import TerminalText

/// Pane borders and titles. The focused pane is marked by more than colour: a
/// heavy border, a ▶ marker and a reversed title.
enum Frame {
    /// `info` goes right of the title, in the top border (counts, a hint).
    static func draw(_ rect: Rect, title: String, number: Int?, info: String, focused: Bool, into grid: inout Grid) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let role: Role = focused ? .borderFocused : .border
        let (h, v, tl, tr, bl, br) = focused ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "┌", "┐", "└", "┘")
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        grid.put(tl + String(repeating: h, count: rect.width - 2) + tr, row: rect.y, column: rect.x, role: role)
        grid.put(bl + String(repeating: h, count: rect.width - 2) + br, row: bottom, column: rect.x, role: role)
        for r in (rect.y + 1)..<bottom {
            grid.put(v, row: r, column: rect.x, role: role)
            grid.put(v, row: r, column: right, role: role)
        }
        let label = (focused ? "▶ " : "") + (number.map { "\($0) " } ?? "") + title
        let used = grid.put(" " + label + " ", row: rect.y, column: rect.x + 1, role: focused ? .titleFocused : .title, limit: rect.width - 2)
        if !info.isEmpty {
            let text = " " + info + " "
            let at = right - DisplayWidth.of(text)
            if at > rect.x + 1 + used { grid.put(text, row: rect.y, column: at, role: role) }
        }
    }

    /// Text at the right of the bottom border (where a scrolled view is).
    static func footer(_ footer: String, in rect: Rect, into grid: inout Grid) {
        guard !footer.isEmpty, rect.width >= 4, rect.height >= 2 else { return }
        let text = " " + footer + " "
        let right = rect.x + rect.width - 1
        grid.put(text, row: rect.y + rect.height - 1, column: max(rect.x + 1, right - DisplayWidth.of(text)), role: .muted, limit: rect.width - 2)
    }

    /// Where a scrolled view is, for its footer: "12–48/75 ↑↓ more" (the arrows
    /// say on which sides there is more); empty when everything shows.
    static func position(top: Int, shown: Int, of total: Int) -> String {
        guard total > shown else { return "" }
        return "\(top + 1)–\(min(total, top + shown))/\(total) " + more(above: top > 0, below: top + shown < total)
    }

    /// "↑↓ more", "↑ more", "↓ more" or nothing.
    static func more(above: Bool, below: Bool) -> String {
        above && below ? "↑↓ more" : above ? "↑ more" : below ? "↓ more" : ""
    }
}
