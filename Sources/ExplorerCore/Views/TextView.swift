/// Draws a text pane's lines from its scroll, and says in the bottom border where
/// they are when they do not all fit.
enum TextView {
    static func draw(_ lines: [StyledLine], scroll: Int, in rect: Rect, into grid: inout Grid) {
        let inner = rect.inner
        guard inner.width > 0, inner.height > 0 else { return }
        let top = min(scroll, max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            StyledText.draw(line, into: &grid, row: inner.y + i, column: inner.x, limit: inner.width)
        }
        Frame.footer(Frame.position(top: top, shown: inner.height, of: lines.count), in: rect, into: &grid)
    }
}
