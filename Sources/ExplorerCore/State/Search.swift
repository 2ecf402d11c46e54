import DealModel
import Dispatch
import Synchronization

/// Search across the three list panes, in pane order then row order.
public enum Search {
    /// A matching row: 8 bytes, since a search of a million rows may keep millions.
    public struct Hit: Equatable, Sendable {
        public let pane: Pane
        private let storedRow: Int32
        public var row: Int { Int(storedRow) }

        public init(pane: Pane, row: Int) {
            self.pane = pane
            storedRow = Int32(clamping: row)
        }
    }

    static func matches(_ state: AppState, text: String) -> [Hit] {
        let c = state.catalog
        let needle = c.needle(text)
        let deals = state.visibleDeals, events = state.visibleEvents
        var hits: [Hit] = []
        for (row, p) in c.partners.indices.enumerated() where c.partnerMatches(p, needle) { hits.append(Hit(pane: .partners, row: row)) }
        hits += rows(deals.count, pane: .deals) { c.dealMatches(deals[$0], needle) }
        hits += rows(events.count, pane: .timeline) { c.eventMatches(events[$0], needle) }
        return hits
    }

    /// The rows of a pane that match, in order; a long pane is searched in two halves
    /// at once (a million rows take half the time on two cores).
    static func rows(_ count: Int, pane: Pane, _ matches: @escaping @Sendable (Int) -> Bool) -> [Hit] {
        let parts = count >= 200_000 ? 2 : 1
        let found = Mutex([[Hit]](repeating: [], count: parts))
        let work: @Sendable (Int) -> Void = { part in
            var hits: [Hit] = []
            for row in (part * count / parts)..<((part + 1) * count / parts) where matches(row) { hits.append(Hit(pane: pane, row: row)) }
            found.withLock { $0[part] = hits }
        }
        if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
        return found.withLock { $0.flatMap { $0 } }
    }

    /// Matches of what is being typed: a longer query can only match rows the shorter
    /// one matched, so typing narrows the last result instead of searching again.
    static func typedMatches(_ state: inout AppState, text: String) -> [Hit] {
        if let hits = narrowable(state, text: text) {
            let c = state.catalog
            let needle = c.needle(text)
            let deals = state.visibleDeals, events = state.visibleEvents
            let narrowed = rows(hits.count, pane: .partners) { k in rowMatches(hits[k], needle, deals, events, c) }.map { hits[$0.row] }
            state.typedSearch = (text, narrowed)
            return narrowed
        }
        let hits = matches(state, text: text)
        state.typedSearch = (text, hits)
        return hits
    }

    /// The matches of the last query typed when `text` extends it: a longer query can
    /// only match rows the shorter one matched.
    static func narrowable(_ state: AppState, text: String) -> [Hit]? {
        guard let (previous, hits) = state.typedSearch, !previous.isEmpty,
              FoldedText(text).bytes.starts(with: FoldedText(previous).bytes) else { return nil }
        return hits
    }

    static func rowMatches(_ h: Hit, _ needle: SearchNeedle, _ deals: [Int], _ events: [Int], _ c: Catalog) -> Bool {
        switch h.pane {
        case .partners: c.partnerMatches(h.row, needle)
        case .deals: c.dealMatches(deals[h.row], needle)
        case .timeline: c.eventMatches(events[h.row], needle)
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
