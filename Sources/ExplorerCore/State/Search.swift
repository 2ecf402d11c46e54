import DealModel

/// Search across the three list panes, in pane order then row order.
public enum Search {
    public struct Hit: Equatable, Sendable {
        public let pane: Pane
        public let row: Int
    }

    static func matches(_ state: AppState, text: String) -> [Hit] {
        let c = state.catalog
        let needle = c.needle(text)
        var hits: [Hit] = []
        for (row, p) in c.partners.indices.enumerated() where c.partnerMatches(p, needle) { hits.append(Hit(pane: .partners, row: row)) }
        for (row, d) in state.visibleDeals.enumerated() where c.dealMatches(d, needle) { hits.append(Hit(pane: .deals, row: row)) }
        for (row, e) in state.visibleEvents.enumerated() where c.eventMatches(e, needle) { hits.append(Hit(pane: .timeline, row: row)) }
        return hits
    }

    /// Matches of what is being typed: a longer query can only match rows the shorter
    /// one matched, so typing narrows the last result instead of searching again.
    static func typedMatches(_ state: inout AppState, text: String) -> [Hit] {
        if let (previous, hits) = state.typedSearch, !previous.isEmpty,
           FoldedText(text).bytes.starts(with: FoldedText(previous).bytes) {
            let c = state.catalog
            let needle = c.needle(text)
            let narrowed = hits.filter { rowMatches($0, needle, state, c) }
            state.typedSearch = (text, narrowed)
            return narrowed
        }
        let hits = matches(state, text: text)
        state.typedSearch = (text, hits)
        return hits
    }

    static func rowMatches(_ h: Hit, _ needle: SearchNeedle, _ state: AppState, _ c: Catalog) -> Bool {
        switch h.pane {
        case .partners: c.partnerMatches(h.row, needle)
        case .deals: c.dealMatches(state.visibleDeals[h.row], needle)
        case .timeline: c.eventMatches(state.visibleEvents[h.row], needle)
        case .detail: false
        }
    }

    /// Moves focus and cursor to the next (or previous) match; false when none.
    @discardableResult
    static func jump(_ state: inout AppState, text: String, forward: Bool, includeCurrent: Bool, typing: Bool = false) -> Bool {
        let hits = text == state.search ? state.searchHits : typing ? typedMatches(&state, text: text) : matches(state, text: text)
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
