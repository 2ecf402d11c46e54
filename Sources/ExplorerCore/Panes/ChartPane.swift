import DealModel

/// The timeline chart: the Timeline pane's events on a time axis (`Pictures/`),
/// in step with its cursor. It takes the place of the top row's panes.
enum ChartPane {
    static let spec = PaneSpec(title: "Chart", info: info, content: .picture(PictureContent(
        draw: { s, rect, focused, grid in ChartView.draw(s, in: rect, focused: focused, into: &grid) },
        click: { s, row, _ in
            let target = s.chart.scroll + row - 1
            if row >= 1, target < s.visibleEvents.count { s.selectEvent(row: target) }
        },
        keepInView: keepInView)))

    /// "2023–2025 · years · 3/10" in the frame.
    static func info(_ s: AppState) -> String {
        let count = "\(s.visibleEvents.count)/\(s.catalog.events.count)"
        guard let years = ChartData.of(s).years else { return count }
        let scale = s.chart.zoom == 0 ? "all years" : "zoom ×\(1 << s.chart.zoom)"
        return "\(years.lowerBound)–\(years.upperBound) · \(scale) (+/-) · \(count)"
    }

    /// The cursor's row in view, and the axis panned to its mark when it moved.
    static func keepInView(_ s: inout AppState, _ inner: Rect) {
        let rows = max(1, inner.height - 1)
        let cursor = s.lists[.timeline].cursor
        var scroll = s.chart.scroll
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + rows { scroll = cursor - rows + 1 }
        s.chart.scroll = max(0, min(scroll, max(0, s.visibleEvents.count - rows)))
        guard s.chart.followed != cursor, s.visibleEvents.indices.contains(cursor) else { return }
        s.chart.followed = cursor
        let columns = ChartView.Columns(s, inner: inner)
        guard let axis = ChartAxis.of(s, width: columns.axis) else { return }
        let e = s.visibleEvents[cursor]
        guard let lo = s.catalog.earliestDay(ofEvent: e) ?? s.catalog.latestDay(ofEvent: e) else { return }
        let at = axis.month(ofDay: lo)
        if at < axis.left || at >= axis.left + axis.window { s.chart.left = at - axis.window / 3 }
        // The pan is kept within the axis.
        s.chart.left = ChartAxis(firstYear: axis.firstYear, lastYear: axis.lastYear, width: axis.width, zoom: s.chart.zoom, left: s.chart.left).left
    }
}
