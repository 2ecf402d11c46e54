import DealModel
import TerminalText

/// Draws the timeline chart: one row per event in timeline order (the Timeline
/// pane's rows, its cursor), each drawn at its date and precision on a time axis —
/// a year as a span across the year, a month as a short span (one cell when the
/// scale is small), a day as a point — with approximate dates dashed or hollow.
/// Undated events stand in a lane of their own at the right, in their order (↱
/// before, ≡ with, ↳ after the event Detail names); where their order bounds them in
/// time, a dotted span on the axis shows how far. Only the rows in view are drawn.
enum ChartView {
    static let laneWidth = 9

    /// The chart's columns inside a frame: marker, WHEN, the axis, the lane.
    struct Columns {
        let when: Int, axisX: Int, axis: Int, laneX: Int

        init(_ state: AppState, inner: Rect) {
            when = min(state.eventWhenWidth, max(4, inner.width / 5))
            axisX = inner.x + 2 + when + 1
            let lane = inner.width >= 40 ? ChartView.laneWidth : 0
            axis = max(1, inner.x + inner.width - axisX - (lane > 0 ? lane + 1 : 0))
            laneX = axisX + axis + 1
        }
    }

    static func draw(_ state: AppState, in rect: Rect, focused: Bool, into grid: inout Grid) -> (row: Int, column: Int)? {
        let inner = rect.inner
        guard inner.width > 8, inner.height > 1 else { return nil }
        let columns = Columns(state, inner: inner)
        let c = state.catalog
        let events = state.visibleEvents
        guard !events.isEmpty else {
            grid.put(state.loading == nil ? "(no events)" : "loading…", row: inner.y + 1, column: inner.x + 2, role: .muted, limit: inner.width - 2)
            return nil
        }
        let axis = ChartAxis.of(state, width: columns.axis)
        // The header: the axis's years and months, and the lane's name.
        grid.put("WHEN", row: inner.y, column: inner.x + 2, role: .header, limit: columns.when)
        for (x, text) in axis?.labels() ?? [] { grid.put(text, row: inner.y, column: columns.axisX + x, role: .header) }
        if axis == nil { grid.put("no dated event", row: inner.y, column: columns.axisX, role: .muted, limit: columns.axis) }
        let lane = columns.laneX < inner.x + inner.width
        if lane { grid.put("│undated", row: inner.y, column: columns.laneX - 1, role: .header, limit: laneWidth + 1) }

        let undated = UndatedLane(state)
        let relations = Relations(state)
        let cursor = state.lists[.timeline].cursor
        var cursorCell: (row: Int, column: Int)?
        let top = state.chart.scroll
        for i in 0..<min(inner.height - 1, events.count - top) {
            let row = top + i, y = inner.y + 1 + i, e = events[row]
            let event = c.events.event(e, listLimit: 0)
            let selected = row == cursor
            let base: Role = selected ? (focused ? .selectedFocused : .selected) : .normal
            if selected {
                grid.fill(row: y, column: inner.x, width: inner.width, height: 1, role: base)
                cursorCell = (y, inner.x)
            }
            grid.put(relations.events.contains(e) ? "•" : " ", row: y, column: inner.x, role: selected ? base : .related)
            grid.put(DisplayWidth.fit(TimelinePane.when(event), to: columns.when), row: y, column: inner.x + 2,
                     role: selected ? base : event.date == nil ? .muted : .normal, limit: columns.when)
            var span = columns.axisX..<columns.axisX
            if let axis {
                span = mark(event, e, c, axis: axis, row: y, x: columns.axisX, base: base, selected: selected, into: &grid)
            }
            if lane {
                grid.put("│", row: y, column: columns.laneX - 1, role: selected ? base : .border)
                if let (x, glyph) = undated.place(row: row, event: e, width: laneWidth) {
                    grid.put(glyph, row: y, column: columns.laneX + x, role: selected ? base : .figure)
                }
            }
            title(event.title, beside: span, axis: columns.axisX..<(columns.axisX + columns.axis), row: y, role: selected ? base : .normal, into: &grid)
        }
        Frame.footer(Frame.position(top: top, shown: inner.height - 1, of: events.count), in: rect, into: &grid)
        return cursorCell
    }

    /// The title after the mark when it has room there, else before it, else inside
    /// a wide mark, else after it cut short.
    static func title(_ text: String, beside mark: Range<Int>, axis: Range<Int>, row: Int, role: Role, into grid: inout Grid) {
        let width = DisplayWidth.of(text), enough = min(width, 12)
        let after = axis.upperBound - (mark.upperBound + 1), before = mark.lowerBound - 1 - axis.lowerBound
        if after < enough && before < enough && mark.count - 4 > max(after, before) {
            grid.put(" " + text + " ", row: row, column: mark.lowerBound + 1, role: role, limit: mark.count - 2)
        } else if after >= enough || before < enough && after >= before {
            grid.put(text, row: row, column: mark.upperBound + (mark.isEmpty ? 0 : 1), role: role, limit: max(0, axis.upperBound - mark.upperBound - (mark.isEmpty ? 0 : 1)))
        } else {
            let shown = DisplayWidth.truncate(text, to: before)
            grid.put(shown, row: row, column: mark.lowerBound - 1 - DisplayWidth.of(shown), role: role)
        }
    }

    /// Draws an event's mark; returns the columns it took.
    static func mark(_ event: Event, _ e: Int, _ c: Catalog, axis: ChartAxis, row: Int, x: Int, base: Role, selected: Bool,
                     into grid: inout Grid) -> Range<Int> {
        let role: Role = selected ? base : .figure
        guard let date = event.date else {
            // Undated: how far its order bounds it, dotted (an open end runs to the edge).
            let lo = c.earliestDay(ofEvent: e), hi = c.latestDay(ofEvent: e)
            guard lo != nil || hi != nil else { return x..<x }
            let (a, _) = lo.map { axis.cells(from: $0, to: $0) } ?? (0, 0)
            let (_, b) = hi.map { axis.cells(from: $0, to: $0) } ?? (axis.width - 1, axis.width - 1)
            let from = max(0, a), to = min(axis.width - 1, b)
            guard from <= to else { return x..<x }
            grid.put((lo == nil ? "◂" : "") + String(repeating: "┈", count: max(0, to - from + 1 - (lo == nil ? 1 : 0) - (hi == nil ? 1 : 0))) + (hi == nil ? "▸" : ""),
                     row: row, column: x + from, role: selected ? base : .muted, limit: to - from + 1)
            return (x + from)..<(x + to + 1)
        }
        let (a, b) = axis.cells(from: date.earliestDay, to: date.latestDay)
        // Off the axis: an arrow at the edge it lies beyond.
        if b < 0 { grid.put("◂", row: row, column: x, role: role); return x..<(x + 1) }
        if a >= axis.width { grid.put("▸", row: row, column: x + axis.width - 1, role: role); return (x + axis.width - 1)..<(x + axis.width) }
        let text: String
        if date.precision == .day {
            text = date.approximate ? "○" : "●"
        } else if b == a {
            text = date.approximate ? "▯" : "▮"
        } else {
            let fill = date.approximate ? "┄" : "─"
            text = "├" + String(repeating: fill, count: max(0, b - a - 1)) + "┤"
        }
        let from = max(0, a)
        let shown = String(text.dropFirst(from - a))
        grid.put(shown, row: row, column: x + from, role: role, limit: axis.width - from)
        return (x + from)..<(x + min(axis.width, b + 1))
    }
}

/// Where each undated event stands in the lane: the k-th undated event (in timeline
/// order) at the k-th place across the lane's width, marked with its relation.
struct UndatedLane {
    let data: ChartData
    let catalog: Catalog

    init(_ state: AppState) {
        data = ChartData.of(state)
        catalog = state.catalog
    }

    func place(row: Int, event e: Int, width: Int) -> (Int, String)? {
        guard data.undatedRank.indices.contains(row), data.undatedRank[row] >= 0 else { return nil }
        let k = Int(data.undatedRank[row]), n = data.undatedCount
        let x = n <= 1 ? 0 : k * (width - 1) / (n - 1)
        let glyph: String
        switch catalog.events.order(e) {
        case let o? where o.anchor != EventOrder.documentAnchor:
            glyph = o.relation == .before ? "↱" : o.relation == .with ? "≡" : "↳"
        default: glyph = "•"
        }
        return (x, glyph)
    }
}
