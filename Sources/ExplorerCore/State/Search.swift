import DealModel
import Dispatch
import Synchronization

/// Search across the list panes that say how a row matches, in pane order then row
/// order.
public enum Search {
    /// A matching row: 8 bytes, since a search of a million rows may keep millions.
    public struct Hit: Equatable, Sendable {
        public let pane: PaneID
        private let storedRow: Int32
        public var row: Int { Int(storedRow) }

        public init(pane: PaneID, row: Int) {
            self.pane = pane
            storedRow = Int32(clamping: row)
        }
    }

    /// The panes searched, in order.
    static let panes = PaneID.lists.filter { $0.list?.matcher != nil }

    /// Each searched pane's test of a row against one needle.
    struct Matchers: Sendable {
        private let tests: [(@Sendable (Int) -> Bool)?]

        init(_ state: AppState, _ needle: SearchNeedle) {
            tests = PaneID.allCases.map { pane in pane.list?.matcher.map { $0(state, needle) } }
        }

        func test(_ pane: PaneID) -> @Sendable (Int) -> Bool { tests[pane.rawValue] ?? { _ in false } }
        func matches(_ h: Hit) -> Bool { tests[h.pane.rawValue]?(h.row) ?? false }
    }

    static func matches(_ state: AppState, text: String) -> [Hit] {
        let matchers = Matchers(state, state.catalog.needle(text))
        return panes.flatMap { rows(state.rowCount($0), pane: $0, matchers.test($0)) }
    }

    /// The rows of every searched pane, one after the other, as numbers from 0: what
    /// a search in slices walks through.
    static func totalRows(_ state: AppState) -> Int {
        panes.reduce(0) { $0 + state.rowCount($1) }
    }

    /// The row numbered `k` in that walk.
    static func hit(_ k: Int, counts: [(PaneID, Int)]) -> Hit {
        var k = k
        for (pane, n) in counts {
            if k < n { return Hit(pane: pane, row: k) }
            k -= n
        }
        return Hit(pane: counts.last?.0 ?? .partners, row: k)
    }

    /// The rows of a pane that match, in order; a long pane is searched in two halves
    /// at once (a million rows take half the time on two cores).
    static func rows(_ count: Int, pane: PaneID, _ matches: @escaping @Sendable (Int) -> Bool) -> [Hit] {
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
            let matchers = Matchers(state, state.catalog.needle(text))
            // (The "rows" found here are places in `hits`.)
            let narrowed = rows(hits.count, pane: .partners) { matchers.matches(hits[$0]) }.map { hits[$0.row] }
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

    /// Moves focus and cursor to the next (or previous) match; false when none.
    @discardableResult
    static func jump(_ state: inout AppState, text: String, forward: Bool, includeCurrent: Bool, typing: Bool = false) -> Bool {
        let hits = text == state.search ? state.searchHits : typing ? typedMatches(&state, text: text) : matches(state, text: text)
        guard !hits.isEmpty else { return false }
        let pane = state.cursorPane
        let here = (pane.rawValue, state.lists[pane].cursor)
        func key(_ h: Hit) -> (Int, Int) { (h.pane.rawValue, h.row) }
        let target: Hit
        if forward {
            target = hits.first { includeCurrent ? key($0) >= here : key($0) > here } ?? hits[0]
        } else {
            target = hits.last { key($0) < here } ?? hits[hits.count - 1]
        }
        state.focus = target.pane
        state.lists[target.pane].cursor = target.row
        state.selectionMoved()
        return true
    }
}
