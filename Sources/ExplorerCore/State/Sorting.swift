import DealModel

/// How a list pane sorts: its rows now, the order of a column, and where sorted rows go.
struct ListSorting: Sendable {
    /// The record indices of the rows (in any order: ties go by index).
    let rows: @Sendable (AppState) -> [Int]
    let order: @Sendable (AppState, String) -> RecordOrder
    /// Puts the sorted rows in place (nil sort: the pane's own order again).
    let apply: @Sendable (inout AppState, [Int], PaneSort?) -> Void
}

extension AppState {
    /// Sorts a list pane by a column, or back to its own order (nil): at once for a
    /// short list, otherwise in slices between keystrokes (`Sorting.step`).
    mutating func sortPane(_ pane: PaneID, by sort: PaneSort?, quietly: Bool = false) {
        guard let sorting = pane.list?.sorting else { return }
        sorts[pane] = sort
        pendingSorts.removeAll { $0.pane == pane }
        var job = PendingSort(pane: pane, sort: sort, rows: sorting.rows(self),
                              order: sort.map { sorting.order(self, $0.column) } ?? .own, slice: sortSlice)
        if rowCount(pane) <= sortAtOnce {
            while !job.done { job.step(limit: Int.max, until: nil) }
            finishSort(job)
            if !quietly { message = Sorting.describe(pane, sort) }
        } else {
            pendingSorts.append(job)
        }
    }

    /// The sorted rows replace the pane's; the cursor stays on its record.
    mutating func finishSort(_ job: PendingSort) {
        guard let sorting = job.pane.list?.sorting else { return }
        let keep = selectedRecord(job.pane)
        sorting.apply(&self, job.rows, job.sort)
        lists[job.pane].cursor = keep.flatMap { job.pane.list?.rowOf(self, $0) } ?? 0
        rowsMoved()
    }
}

enum Sorting {
    /// The next slice of the first pending sort.
    static func step(_ state: inout AppState) {
        guard !state.pendingSorts.isEmpty else { return }
        // Taken out while it works: a copy left in the state would make every slice
        // copy its arrays (8 MB at a million deals) on its first write.
        var job = state.pendingSorts.removeFirst()
        job.step(limit: state.sortSlice, until: ContinuousClock().now + state.searchBudget)
        if job.done {
            state.finishSort(job)
            state.message = describe(job.pane, job.sort)
        } else {
            state.pendingSorts.insert(job, at: 0)
        }
    }

    /// `s`: the cursor pane's next sortable column (after the last: its own order),
    /// each in the direction that reads first (values and counts largest first).
    static func next(_ state: inout AppState) {
        guard let pane = sortablePane(&state), let list = pane.list else { return }
        let names = list.columns.compactMap(\.sort)
        let now = state.sorts[pane].flatMap { names.firstIndex(of: $0.column) }
        let k = now.map { $0 + 1 } ?? 0
        guard k < names.count else { state.sortPane(pane, by: nil); return }
        let column = list.columns.first { $0.sort == names[k] }!
        state.sortPane(pane, by: PaneSort(column: names[k], descending: column.largestFirst))
    }

    /// `S`: the other direction.
    static func reverse(_ state: inout AppState) {
        guard let pane = sortablePane(&state) else { return }
        guard let sort = state.sorts[pane] else {
            state.message = "\(pane.title) are in their own order: s sorts them by a column first"
            return
        }
        state.sortPane(pane, by: PaneSort(column: sort.column, descending: !sort.descending))
    }

    /// `:sort COLUMN [asc|desc]`, `:sort off`: the pane is the one that has the
    /// column (the cursor pane for `off`).
    static func command(_ argument: String, _ state: inout AppState) {
        let words = argument.lowercased().split(separator: " ").map(String.init)
        let panes = PaneID.lists.filter { $0.list?.sorting != nil }
        let columns = panes.flatMap { pane in pane.list!.columns.compactMap(\.sort).map { (pane, $0) } }
        guard let first = words.first, words.count <= 2, words.count == 1 || ["asc", "desc"].contains(words[1]) else {
            state.message = "sort needs a column: " + usage(columns.map(\.1))
            return
        }
        if first == "off" || first == "none" {
            if let pane = sortablePane(&state) { state.sortPane(pane, by: nil) }
            return
        }
        guard let (pane, name) = columns.first(where: { $0.1 == first }) else {
            let near = Suggest.closest(to: first, among: columns.map(\.1))
            state.message = "no column “\(first)” to sort by" + (near.map { " (did you mean \($0)?)" } ?? "") + "; " + usage(columns.map(\.1))
            return
        }
        let largestFirst = pane.list!.columns.first { $0.sort == name }!.largestFirst
        state.sortPane(pane, by: PaneSort(column: name, descending: words.count == 2 ? words[1] == "desc" : largestFirst))
    }

    static func usage(_ names: [String]) -> String {
        ":sort " + names.joined(separator: "|") + " [asc|desc], or :sort off"
    }

    /// The pane `s` sorts: the cursor pane when it sorts, else a message.
    static func sortablePane(_ state: inout AppState) -> PaneID? {
        let pane = state.cursorPane
        guard pane.list?.sorting != nil else {
            let panes = PaneID.lists.filter { $0.list?.sorting != nil }
            state.message = "\(pane.title) keeps its own order; " + panes.map { "\($0.number) \($0.title)" }.joined(separator: " and ") + " sort"
            return nil
        }
        return pane
    }

    /// "Deals by value ▼ (largest first)".
    static func describe(_ pane: PaneID, _ sort: PaneSort?) -> String {
        guard let sort else { return "\(pane.title) in their own order" }
        return "\(pane.title) by \(sort.column) \(arrow(sort)) (s: next column, S: other way)"
    }

    static func arrow(_ sort: PaneSort) -> String { sort.descending ? "▼" : "▲" }
}

/// A pane's frame says when its sort is still going on.
enum SortProgress {
    static func text(_ state: AppState, _ pane: PaneID) -> String {
        guard let job = state.pendingSorts.first(where: { $0.pane == pane }) else { return "" }
        return " · sorting… \(Int(job.fraction * 100))%"
    }
}
