import TerminalText

/// Pane borders and titles. The focused pane is marked by more than colour: a
/// heavy border, a ▶ marker and a reversed title.
enum Frame {
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
            let w = DisplayWidth.of(text)
            let at = right - w
            if at > rect.x + 1 + used { grid.put(text, row: rect.y, column: at, role: role) }
        }
    }
}
