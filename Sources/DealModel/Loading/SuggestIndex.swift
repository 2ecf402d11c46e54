#if canImport(Glibc)
import Glibc
#endif

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
        let key = Array(lowered.utf8)
        let ascii = key.allSatisfy { $0 < 0x80 }
        var scratch = ([Int](), [Int]())
        var best: (index: Int, distance: Int)?
        // Ties: in a short list the first given; in a long one the nearest in length
        // (a prefix counts as one edit, whatever its length), then alphabetically.
        func better(_ i: Int, _ d: Int, than b: (index: Int, distance: Int)) -> Bool {
            if d != b.distance { return d < b.distance }
            if forward.isEmpty { return i < b.index }
            let li = abs(ends[i + 1] - ends[i] - key.count), lb = abs(ends[b.index + 1] - ends[b.index] - key.count)
            return li != lb ? li < lb : compare(i, b.index, reversed: false)
        }
        func consider(_ i: Int) {
            let d = distance(key, ascii: ascii, lowered: lowered, to: i, &scratch)
            if best.map({ better(i, d, than: $0) }) ?? true { best = (i, d) }
        }
        if forward.isEmpty {
            for i in candidates.indices { consider(i) }
        } else {
            // Neighbours in both orders, and the misspelling less its last letters or
            // its first ones (p2133 for p2133x, which a run of p21330…p21339 would keep
            // out of the window).
            var near: [Int] = []
            for (order, reversed) in [(forward, false), (backward, true)] {
                let at = insertionPoint(order) { precedes($0, key, reversed: reversed) }
                near += (max(0, at - Self.window)..<min(order.count, at + Self.window)).map { Int(order[$0]) }
                for cut in 1...2 where key.count > cut {
                    let part = reversed ? Array(key.dropFirst(cut)) : Array(key.dropLast(cut))
                    let at = insertionPoint(order) { precedes($0, part, reversed: reversed) }
                    if at < order.count, !precedes(part, Int(order[at]), reversed: reversed) { near.append(Int(order[at])) }
                }
            }
            near.sort()
            for (k, i) in near.enumerated() where k == 0 || near[k - 1] != i { consider(i) }
        }
        guard let best else { return nil }
        let length = ascii ? ends[best.index + 1] - ends[best.index] : candidates[best.index].lowercased().count
        return Suggest.isClose(best.distance, lowered.count, length) ? candidates[best.index] : nil
    }

    /// `Suggest.distance` to candidate i, on bytes when both are ASCII (ids always
    /// are), with the two rows of the table made once per search.
    private func distance(_ key: [UInt8], ascii: Bool, lowered: String, to i: Int, _ rows: inout ([Int], [Int])) -> Int {
        let n = ends[i + 1] - ends[i]
        let plain = ascii && text.withUnsafeBufferPointer { t in UnsafeBufferPointer(rebasing: t[ends[i]..<ends[i + 1]]).allSatisfy { $0 < 0x80 } }
        guard plain else { return Suggest.distance(Array(lowered), Array(candidates[i].lowercased())) }
        if key.isEmpty || n == 0 { return max(key.count, n) }
        rows.0.removeAll(keepingCapacity: true)
        rows.0.append(contentsOf: 0...n)
        rows.1.removeAll(keepingCapacity: true)
        rows.1.append(contentsOf: repeatElement(0, count: n + 1))
        return text.withUnsafeBufferPointer { t in
            key.withUnsafeBufferPointer { k in
                let c = UnsafeBufferPointer(rebasing: t[ends[i]..<ends[i + 1]])
                let shorter = min(k.count, n)
                if memcmp(c.baseAddress!, k.baseAddress!, shorter) == 0 { return min(1, abs(k.count - n)) }
                for a in 0..<k.count {
                    rows.1[0] = a + 1
                    for b in 0..<n {
                        rows.1[b + 1] = min(rows.0[b + 1] + 1, rows.1[b] + 1, rows.0[b] + (k[a] == c[b] ? 0 : 1))
                    }
                    swap(&rows.0, &rows.1)
                }
                return rows.0[n]
            }
        }
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
