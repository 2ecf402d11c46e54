import DealModel

/// A search in the document view, as in less: it starts from the top of the screen,
/// wraps at the end, and goes through the document a slice at a time (between keys,
/// as the main search does), so that a 50 MB document never holds a key. The view
/// jumps to the first match as soon as it is found; the count is whole when every
/// byte has been seen.
struct DocumentSearch: Sendable {
    let text: String
    let needle: DocumentNeedle
    /// The byte the visit starts from, and the document's length.
    let origin: Int
    let length: Int
    var scanned = 0
    /// Matches before `origin` (found after wrapping) and from it on, each in order.
    var before: [Range<Int>] = []
    var after: [Range<Int>] = []
    /// The match shown.
    var current: Range<Int>?
    /// Show the next match found (the first one; after `n` past what is found so far).
    var jumpToNext = true

    /// Bytes a search examines per slice; shorter documents are searched at once.
    static let sliceSize = 64 * 1024

    init(text: String, origin: Int, length: Int) {
        self.text = text
        needle = DocumentNeedle(text)
        self.length = length
        self.origin = min(max(0, origin), max(0, length - 1))
    }

    var isDone: Bool { scanned >= length || needle.isEmpty }
    var found: Int { before.count + after.count }
    /// Every match in document order (whole once `isDone`).
    var all: [Range<Int>] { before + after }
    /// In the order of the visit: from the origin on, then from the start.
    var visited: [Range<Int>] { after + before }

    /// Examines the next `bytes` bytes of the document (the visit wraps at its end).
    mutating func step(_ document: SourceDocument, bytes: Int) -> [Range<Int>] {
        guard !isDone else { return [] }
        let at = (origin + scanned) % length
        let stop = at >= origin ? min(length, at + bytes) : min(origin, at + bytes)
        let found = document.find(needle, from: at, to: stop)
        if at >= origin { after += found } else { before += found }
        scanned += stop - at
        return found
    }

    /// The matches found so far that overlap a byte range.
    func overlapping(_ r: Range<Int>) -> [Range<Int>] {
        func from(_ list: [Range<Int>]) -> ArraySlice<Range<Int>> {
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            return list[lo...].prefix { $0.lowerBound < r.upperBound }
        }
        return Array(from(before)) + Array(from(after))
    }

    /// "match 2 of 5", "searching… 40%, 3 found", "no match".
    static func progress(_ search: DocumentSearch?, typed: String) -> String {
        guard let search, !typed.isEmpty else { return "" }
        guard search.isDone else { return "searching… \(search.scanned * 100 / max(1, search.length))%, \(search.found) found" }
        let all = search.all
        guard !all.isEmpty else { return "no match" }
        guard let current = search.current, let k = all.firstIndex(of: current) else { return "\(all.count) match\(all.count == 1 ? "" : "es") (n/N)" }
        return "match \(k + 1) of \(all.count) (n/N)"
    }
}

/// What `/` in the document view keeps while the search is typed: the text, and the
/// place Esc goes back to.
struct DocumentTyping: Sendable {
    var text = ""
    let top: DocumentView.Position?
    let quote: Int
    /// The byte at the top of the screen when `/` was pressed: the search starts there.
    let origin: Int
}

extension DocumentSearch {
    /// Starts a search for `text` from the top of the screen; a document within one
    /// slice is searched at once.
    static func start(_ state: inout AppState, text: String, origin: Int) {
        guard let doc = DocumentView.document(state), !text.isEmpty else {
            state.documentSearch = nil
            return
        }
        state.documentSearch = DocumentSearch(text: text, origin: origin, length: doc.text.utf8.count)
        if doc.text.utf8.count <= state.documentSearchSlice { finish(&state) }
    }

    /// Searches to the end at once (a short document).
    static func finish(_ state: inout AppState) {
        while state.documentSearch.map({ !$0.isDone }) == true { step(&state) }
    }

    /// One slice of the pending search, on an idle turn; the view goes to the first
    /// match found (and to the next after `n` while the search goes on).
    static func step(_ state: inout AppState) {
        guard var search = state.documentSearch, let doc = DocumentView.document(state) else { return }
        let found = search.step(doc, bytes: state.documentSearchSlice)
        // The first match of this slice is the next one in the visit's order.
        if search.jumpToNext, let first = found.first {
            search.current = first
            search.jumpToNext = false
            state.documentTop = DocumentView.place(state, showing: first.lowerBound)
        }
        state.documentSearch = search
    }

    /// `n` / `N`: the next or previous match, wrapping; while the search goes on, the
    /// next one found is shown when it is found.
    static func jump(_ state: inout AppState, forward: Bool) {
        guard var search = state.documentSearch else { return }
        let all = search.isDone ? search.all : search.visited
        let here = search.current
        var target: Range<Int>?
        if search.isDone {
            guard !all.isEmpty else {
                state.message = "no match for “\(search.text)”"
                return
            }
            let at = here?.lowerBound ?? search.origin
            target = forward ? (all.first { $0.lowerBound > at } ?? all[0]) : (all.last { $0.lowerBound < at } ?? all[all.count - 1])
        } else {
            // In the order of the visit, which is the order of `n`.
            let k = here.flatMap { all.firstIndex(of: $0) }
            if forward {
                let next = (k ?? -1) + 1
                if next < all.count { target = all[next] } else { search.jumpToNext = true }
            } else if let k, k > 0 {
                target = all[k - 1]
            } else {
                state.message = "still searching (\(search.scanned * 100 / max(1, search.length))%): N goes back once it is done"
            }
        }
        if let target {
            search.current = target
            search.jumpToNext = false
            state.documentTop = DocumentView.place(state, showing: target.lowerBound)
        }
        state.documentSearch = search
    }
}
