import DealModel

/// Search across the three list panes, in pane order then row order.
public enum Search {
    public struct Hit: Equatable, Sendable {
        public let pane: Pane
        public let row: Int
    }

    static func matches(_ state: AppState, text: String) -> [Hit] {
        let c = state.catalog
        let needle = FoldedText(text)
        var hits: [Hit] = []
        for (row, p) in c.partners.indices.enumerated() where c.partnerMatches(p, needle) { hits.append(Hit(pane: .partners, row: row)) }
        for (row, d) in state.visibleDeals.enumerated() where c.dealMatches(d, needle) { hits.append(Hit(pane: .deals, row: row)) }
        for (row, e) in state.visibleEvents.enumerated() where c.eventMatches(e, needle) { hits.append(Hit(pane: .timeline, row: row)) }
        return hits
    }

    /// Moves focus and cursor to the next (or previous) match; false when none.
    @discardableResult
    static func jump(_ state: inout AppState, text: String, forward: Bool, includeCurrent: Bool) -> Bool {
        let hits = text == state.search ? state.searchHits : matches(state, text: text)
        guard !hits.isEmpty else { return false }
        let pane = state.focus == .detail ? state.detailSource : state.focus
        let here = (pane.rawValue, state.cursor[pane.rawValue])
        func key(_ h: Hit) -> (Int, Int) { (h.pane.rawValue, h.row) }
        let target: Hit
        if forward {
            target = hits.first { includeCurrent ? key($0) >= here : key($0) > here } ?? hits[0]
        } else {
            target = hits.last { key($0) < here } ?? hits[hits.count - 1]
        }
        state.focus = target.pane
        state.cursor[target.pane.rawValue] = target.row
        state.selectionMoved()
        return true
    }
}
