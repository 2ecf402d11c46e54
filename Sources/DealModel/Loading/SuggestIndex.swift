/// Suggestions from a list of candidates made once and asked many times: a dataset
/// with a hundred thousand unknown references asked the whole list for each one
/// (sorting it and measuring the distance to every id: quadratic).
///
/// A short list (up to `exhaustive` words) is searched in full, ties going to the
/// first candidate given. A long one is searched among the words next to the
/// misspelling in alphabetical order and in the order of reversed words: those that
/// share its beginning and those that share its end, `window` on each side in each
/// order, and the misspelling less one or two letters at either end, so that a typo
/// anywhere but at both ends at once is found; ties go to the nearest in length, then
/// the first alphabetically. Answers are remembered, as the same unknown id tends to
/// come back.
final class SuggestIndex {
    static let exhaustive = 64
    static let window = 8

    private let candidates: [String]
    /// Lower-cased candidates, one after the other: candidate i is
    /// `text[ends[i]..<ends[i + 1]]`.
    private let text: [UInt8]
    private let ends: [Int]
    /// Candidate positions sorted by word, and by reversed word (long lists only).
    private var forward: [Int32] = []
    private var backward: [Int32] = []
    private var remembered: [String: String?] = [:]

    init(_ candidates: [String]) {
        self.candidates = candidates
        var text: [UInt8] = []
        var ends = [0]
        ends.reserveCapacity(candidates.count + 1)
        for c in candidates {
            text.append(contentsOf: c.lowercased().utf8)
            ends.append(text.count)
        }
        self.text = text
        self.ends = ends
        guard candidates.count > Self.exhaustive else { return }
        forward = (0..<Int32(candidates.count)).sorted { compare(Int($0), Int($1), reversed: false) }
        backward = (0..<Int32(candidates.count)).sorted { compare(Int($0), Int($1), reversed: true) }
    }

    func closest(to word: String) -> String? {
        if let known = remembered[word] { return known }
        let answer = search(word)
        remembered[word] = answer
        return answer
    }

    private func search(_ word: String) -> String? {
        let lowered = word.lowercased()
        let w = Array(lowered)
        // Ties: in a short list the first given; in a long one the nearest in length
        // (a prefix counts as one edit, whatever its length), then alphabetically.
        var best: (index: Int, distance: Int, rank: (Int, Int))?
        func consider(_ i: Int, rank: Int) {
            let c = Array(candidates[i].lowercased())
            let d = Suggest.distance(w, c)
            let r = (forward.isEmpty ? 0 : abs(c.count - w.count), rank)
            if let b = best, d > b.distance || (d == b.distance && r >= b.rank) { return }
            best = (i, d, r)
        }
        if forward.isEmpty {
            for i in candidates.indices { consider(i, rank: i) }
        } else {
            // Neighbours in both orders; the rank of each is its alphabetical place.
            let key = Array(lowered.utf8)
            var near: [Int: Int] = [:]
            let at = insertionPoint(forward) { precedes($0, key, reversed: false) }
            for k in max(0, at - Self.window)..<min(forward.count, at + Self.window) { near[Int(forward[k])] = k }
            let back = insertionPoint(backward) { precedes($0, key, reversed: true) }
            var others = (max(0, back - Self.window)..<min(backward.count, back + Self.window)).map { Int(backward[$0]) }
            // And the misspelling less its last letters or its first ones (p2133 for
            // p2133x, which a run of p21330…p21339 would keep out of the window).
            for cut in 1...2 where key.count > cut {
                for (part, reversed) in [(Array(key.dropLast(cut)), false), (Array(key.dropFirst(cut)), true)] {
                    let order = reversed ? backward : forward
                    let at = insertionPoint(order) { precedes($0, part, reversed: reversed) }
                    if at < order.count, !(precedes(Int(order[at]), part, reversed: reversed) || precedes(part, Int(order[at]), reversed: reversed)) {
                        others.append(Int(order[at]))
                    }
                }
            }
            for i in others where near[i] == nil { near[i] = insertionPoint(forward) { j in compare(j, i, reversed: false) } }
            for (i, rank) in near { consider(i, rank: rank) }
        }
        guard let best, Suggest.isClose(best.distance, w.count, Array(candidates[best.index].lowercased()).count) else { return nil }
        return candidates[best.index]
    }

    /// Candidate a before candidate b, by word or by reversed word (ties by position).
    private func compare(_ a: Int, _ b: Int, reversed: Bool) -> Bool {
        text.withUnsafeBufferPointer { t in
            let x = UnsafeBufferPointer(rebasing: t[ends[a]..<ends[a + 1]]), y = UnsafeBufferPointer(rebasing: t[ends[b]..<ends[b + 1]])
            switch order(x, y, reversed: reversed) {
            case .some(let before): return before
            case .none: return a < b
            }
        }
    }

    /// Candidate i before a key (ties: not before).
    private func precedes(_ i: Int, _ key: [UInt8], reversed: Bool) -> Bool {
        text.withUnsafeBufferPointer { t in
            key.withUnsafeBufferPointer { k in order(UnsafeBufferPointer(rebasing: t[ends[i]..<ends[i + 1]]), k, reversed: reversed) ?? false }
        }
    }

    /// A key before candidate i (ties: not before).
    private func precedes(_ key: [UInt8], _ i: Int, reversed: Bool) -> Bool {
        text.withUnsafeBufferPointer { t in
            key.withUnsafeBufferPointer { k in order(k, UnsafeBufferPointer(rebasing: t[ends[i]..<ends[i + 1]]), reversed: reversed) ?? false }
        }
    }

    /// Whether x comes before y (nil when equal), from the start or from the end.
    private func order(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, reversed: Bool) -> Bool? {
        let n = min(x.count, y.count)
        for k in 0..<n {
            let a = reversed ? x[x.count - 1 - k] : x[k], b = reversed ? y[y.count - 1 - k] : y[k]
            if a != b { return a < b }
        }
        return x.count == y.count ? nil : x.count < y.count
    }

    /// The first place in `order` whose candidate is not before the key.
    private func insertionPoint(_ order: [Int32], before: (Int) -> Bool) -> Int {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(Int(order[mid])) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
