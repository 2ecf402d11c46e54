import TerminalText

/// Draws the whole screen for a state.
enum Screen {
    static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height)
        if layout.tooSmall {
            tooSmall(state, into: &grid)
            return grid
        }
        let relations = Relations(state)
        var cursorRow: [Pane: Int] = [:]

        let partners = layout.rect(.partners)
        Frame.draw(partners, title: "Partners", number: 1, info: state.filter.isEmpty ? "\(state.catalog.partners.count)" : "\(state.filter.count)✓ \(state.catalog.partners.count)",
                   focused: state.focus == .partners, into: &grid)
        cursorRow[.partners] = ListView.draw(count: state.rowCount(.partners), row: { PartnersPane.row($0, state, relations: relations) }, columns: PartnersPane.columns(width: partners.inner.width), in: partners,
                                             scroll: state.scroll[0], cursor: state.cursor[0], focused: state.focus == .partners,
                                             search: state.highlightedText, empty: state.loading == nil ? "(none)" : "loading…", into: &grid)

        let deals = layout.rect(.deals)
        Frame.draw(deals, title: "Deals", number: 2, info: "\(state.visibleDeals.count)/\(state.catalog.deals.count)",
                   focused: state.focus == .deals, into: &grid)
        let dealWidth = deals.inner.width
        cursorRow[.deals] = ListView.draw(count: state.rowCount(.deals), row: { DealsPane.select(DealsPane.row($0, state, relations: relations), width: dealWidth) },
                                          columns: DealsPane.columns(width: dealWidth), in: deals,
                                          scroll: state.scroll[1], cursor: state.cursor[1], focused: state.focus == .deals,
                                          search: state.highlightedText, empty: state.loading == nil ? "(none)" : "loading…", into: &grid)

        let timeline = layout.rect(.timeline)
        Frame.draw(timeline, title: "Timeline", number: 3, info: "\(state.visibleEvents.count)/\(state.catalog.events.count)",
                   focused: state.focus == .timeline, into: &grid)
        cursorRow[.timeline] = ListView.draw(count: state.rowCount(.timeline), row: { TimelinePane.row($0, state, relations: relations) }, columns: TimelinePane.columns, in: timeline,
                                             scroll: state.scroll[2], cursor: state.cursor[2], focused: state.focus == .timeline,
                                             search: state.highlightedText, empty: state.loading == nil ? "(none)" : "loading…", into: &grid)

        let detail = layout.rect(.detail)
        Frame.draw(detail, title: "Detail", number: 4, info: "v: document with quotes", focused: state.focus == .detail, into: &grid)
        DetailView.draw(state, in: detail, into: &grid)

        // The terminal cursor rests on the selected row, where a screen reader looks.
        let pane = state.focus == .detail ? state.detailSource : state.focus
        if state.focus == .detail {
            grid.cursor = (detail.inner.y, detail.inner.x)
        } else if let row = cursorRow[pane] ?? nil {
            grid.cursor = (row, layout.rect(pane).inner.x)
        }

        switch state.mode {
        case .help: HelpOverlay.draw(state, into: &grid)
        case .document(let quote): DocumentView.draw(state, quote: quote, into: &grid)
        default: break
        }
        StatusLine.draw(state, row: state.height - 1, into: &grid)
        return grid
    }

    static func tooSmall(_ state: AppState, into grid: inout Grid) {
        let message = ["terminal too small", "(need \(Explorer.minimumWidth)×\(Explorer.minimumHeight), have \(state.width)×\(state.height))", "enlarge it, or press q"]
        let lines = message.flatMap { DisplayWidth.wrap($0, width: max(1, state.width)) }
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < state.height {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            grid.put(line, row: top + i, column: x, role: .error)
        }
    }
}
