/// The timeline chart's keys: the cursor is the Timeline pane's (j, k, ] and [ go
/// from event to event), h and l pan, + and - zoom.
enum ChartMode {
    static let keys = KeyTable(
        NormalMode.pictureFocus
          + KeyTable.scrolling(group: "Chart", down: "next event", up: "previous event", top: "first event", bottom: "last event")
          + [
            KeyBinding([.char("]")], .nextEvent, "next event", group: "Chart"),
            KeyBinding([.char("[")], .previousEvent, "previous event", group: "Chart"),
            NormalMode.timelineSteps[2], NormalMode.timelineSteps[3],
            KeyBinding([.char("h"), .left], .left, "pan to earlier dates", group: "Chart"),
            KeyBinding([.char("l"), .right], .right, "pan to later dates", group: "Chart"),
            KeyBinding([.char("+"), .char("=")], .zoomIn, "zoom in (months when there is room)", group: "Chart"),
            KeyBinding([.char("-")], .zoomOut, "zoom out (back to every year)", group: "Chart"),
            KeyBinding([.enter], .activate, "focus Detail", group: "Chart"),
            KeyBinding([.char("t"), .escape], .toggleChart, "close the chart", group: "Chart"),
            NormalMode.clearFilter,
            NormalMode.pictures[0],
          ] + NormalMode.copying + NormalMode.other,
        notes: ["├──┤ a year or a month, ● a day; dashed ┄ and hollow ○ ▯ approximate; ┈ how far an undated event's order "
                + "bounds it; the undated lane: ↱ before, ≡ with, ↳ after the event Detail names, • not placed."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let rows = max(1, Layout(state).rect(.chart).inner.height - 1)
        let count = state.visibleEvents.count
        let cursor = state.lists[.timeline].cursor
        func go(_ row: Int) {
            guard count > 0 else { state.message = "no events"; return }
            state.selectEvent(row: min(max(0, row), count - 1))
        }
        switch command {
        case .moveDown, .nextEvent: go(cursor + 1)
        case .moveUp, .previousEvent: go(cursor - 1)
        case .pageDown: go(cursor + rows)
        case .pageUp: go(cursor - rows)
        case .halfPageDown: go(cursor + max(1, rows / 2))
        case .halfPageUp: go(cursor - max(1, rows / 2))
        case .top: go(0)
        case .bottom: go(count - 1)
        case .left, .right:
            let inner = Layout(state).rect(.chart).inner
            guard let axis = ChartAxis.of(state, width: ChartView.Columns(state, inner: inner).axis) else { return [] }
            let step = axis.window / 4
            state.chart.left = ChartAxis(firstYear: axis.firstYear, lastYear: axis.lastYear, width: axis.width, zoom: state.chart.zoom,
                                         left: axis.left + (command == .right ? step : -step)).left
            if state.chart.left == axis.left { state.message = command == .right ? "the last year is in view" : "the first year is in view" }
        case .zoomIn, .zoomOut:
            let inner = Layout(state).rect(.chart).inner
            if command == .zoomIn, let axis = ChartAxis.of(state, width: ChartView.Columns(state, inner: inner).axis), !axis.canZoomIn {
                state.message = "zoomed in as far as it goes"
                return []
            }
            state.chart.zoom = max(0, state.chart.zoom + (command == .zoomIn ? 1 : -1))
            // The next frame pans to the cursor's event.
            state.chart.followed = nil
        case .activate: state.setFocus(.detail)
        default: return NormalMode.shared(command, &state)
        }
        return []
    }
}
