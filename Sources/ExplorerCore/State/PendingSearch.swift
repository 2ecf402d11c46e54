import DealModel

/// A search too long to finish within one keystroke (a million rows): it goes on in
/// slices while no key waits, as `less` does, so typing never waits for it. It visits
/// the rows from the cursor on, wrapping at the end, jumps to the first match as soon
/// as it is found, and when every row has been seen it has the full, ordered list
/// of matches (for the count, for n/N, and for narrowing the next keystroke).
struct PendingSearch: Sendable {
    let text: String
    /// Prepared by the first slice, so that a keystroke itself costs nothing.
    var needle: SearchNeedle?
    /// The rows to examine: the matches of a shorter query, or every row (nil).
    let candidates: [Search.Hit]?
    let total: Int
    /// The first candidate at or after the cursor: the visit starts there.
    let start: Int
    var examined = 0
    /// Matches before `start` (found after wrapping) and from `start` on.
    var before: [Search.Hit] = []
    var after: [Search.Hit] = []
    var jumped = false
    /// Enter was pressed: the search becomes the confirmed one when it completes.
    var confirm = false

    var fraction: Double { total == 0 ? 1 : Double(examined) / Double(total) }
    var found: Int { before.count + after.count }
}

extension Search {
    /// Rows examined per slice at most (each slice also stops at `searchBudget`).
    static let sliceSize = 100_000

    /// Starts the search for what is being typed. Small catalogs are searched at once
    /// (as before); large ones in slices, going on while `state.isBusy`.
    static func startTyped(_ state: inout AppState, text: String) {
        state.pendingSearch = nil
        let candidates = narrowable(state, text: text)
        let total = candidates?.count ?? totalRows(state)
        if total <= state.searchSlice {
            if !jump(&state, text: text, forward: true, includeCurrent: true, typing: true) { state.message = "no match" }
            return
        }
        let pane = state.cursorPane
        let here = Hit(pane: pane, row: state.lists[pane].cursor)
        let start: Int
        if let candidates {
            start = candidates.firstIndex { ($0.pane.rawValue, $0.row) >= (here.pane.rawValue, here.row) } ?? 0
        } else {
            // The rows of the panes before this one, then this one's cursor.
            start = panes.prefix { $0 != pane }.reduce(0) { $0 + state.rowCount($1) } + here.row
        }
        // The keystroke only echoes; the search runs in the idle turns that follow, so
        // typed-ahead keys are never held up by a search about to be replaced.
        state.pendingSearch = PendingSearch(text: text, needle: nil, candidates: candidates, total: total, start: min(max(0, start), total - 1))
    }

    /// Finds the confirmed search's matches again after the rows changed, without
    /// moving the cursor.
    static func refind(_ state: inout AppState) {
        let total = totalRows(state)
        guard total > state.searchSlice else {
            state.searchHits = matches(state, text: state.search)
            return
        }
        state.searchHits = []
        state.pendingSearch = PendingSearch(text: state.search, needle: nil, candidates: nil, total: total, start: 0, jumped: true, confirm: true)
    }

    /// Examines one slice of the pending search.
    static func step(_ state: inout AppState) {
        guard var job = state.pendingSearch else { return }
        let needle = job.needle ?? state.catalog.needle(job.text)
        job.needle = needle
        let matchers = Matchers(state, needle)
        let counts = panes.map { ($0, state.rowCount($0)) }
        func hit(_ k: Int) -> Hit {
            if let list = job.candidates { return list[k] }
            return Search.hit(k, counts: counts)
        }
        var n = min(state.searchSlice, job.total - job.examined)
        let clock = ContinuousClock()
        let deadline = clock.now + state.searchBudget
        for i in 0..<n {
            if i & 1023 == 1023 && clock.now >= deadline {
                n = i
                break
            }
            let k = (job.start + job.examined + i) % job.total
            let h = hit(k)
            guard matchers.matches(h) else { continue }
            if k >= job.start { job.after.append(h) } else { job.before.append(h) }
            if !job.jumped {
                job.jumped = true
                state.focus = h.pane
                state.lists[h.pane].cursor = h.row
                state.selectionMoved()
                // Show the first match now; the rest is counted in the next turns.
                n = i + 1
                break
            }
        }
        job.examined += n
        guard job.examined >= job.total else {
            state.pendingSearch = job
            return
        }
        state.pendingSearch = nil
        let hits = job.before + job.after
        state.typedSearch = (job.text, hits)
        if job.confirm {
            if state.search == job.text { state.searchHits = hits } else { state.confirmSearch(job.text) }
            if hits.isEmpty { state.message = "no match for “\(job.text)”" }
        } else if hits.isEmpty {
            state.message = "no match"
        }
    }
}
