extension TimelineOrder {
    /// The same order as `sort`, for events given by position rather than as items
    /// (the fast loader's columns): returns positions in timeline order, or nil when
    /// the `order` references form a cycle. `link(i)` is an event's order relation and
    /// anchor position (nil: the document). Keys live in one flat array and chains are
    /// followed with an explicit stack, so neither a million events nor a million-long
    /// chain costs a million allocations or a deep call stack.
    static func sortPositions(count: Int, date: (Int) -> PartialDate?, link: (Int) -> (EventOrder.Relation, Int?)?,
                              documentPosition: (Int) -> Int, id: (Int) -> String, documentDate: PartialDate?) -> [Int]? {
        let anchorBase: [Int] = documentDate.map { [0] + $0.sortKey + [Int.max] } ?? [1]
        var flat: [Int] = []
        flat.reserveCapacity(count * 6)
        var start = [Int](repeating: -1, count: count)
        var length = [Int](repeating: 0, count: count)
        var visiting = [Bool](repeating: false, count: count)
        for first in 0..<count where start[first] < 0 {
            var stack = [first]
            while let i = stack.last {
                if start[i] >= 0 { stack.removeLast(); continue }
                let s = flat.count
                if let d = date(i) {
                    flat.append(0)
                    flat.append(contentsOf: d.sortKey)
                } else {
                    let (relation, target) = link(i) ?? (.before, nil)
                    if let target {
                        if start[target] < 0 {
                            if visiting[target] { return nil }
                            visiting[i] = true
                            stack.append(target)
                            continue
                        }
                        let t = start[target]
                        for k in t..<(t + length[target]) { flat.append(flat[k]) }
                    } else {
                        flat.append(contentsOf: anchorBase)
                    }
                    flat.append(relation == .before ? -1 : relation == .with ? 1 : 2)
                }
                flat.append(documentPosition(i))
                start[i] = s
                length[i] = flat.count - s
                visiting[i] = false
                stack.removeLast()
            }
        }
        // Each event sorts by its key followed by 0, so that "before" (-1) comes ahead
        // of the anchor and "with" (1) and "after" (2) behind it; a prefix sorts first.
        return flat.withUnsafeBufferPointer { f in
            (0..<count).sorted { a, b in
                let sa = start[a], la = length[a], sb = start[b], lb = length[b]
                let n = min(la, lb)
                for k in 0..<n where f[sa + k] != f[sb + k] { return f[sa + k] < f[sb + k] }
                if la != lb {
                    // The shorter key's next element is its trailing 0.
                    if la < lb { return f[sb + la] == 0 ? true : 0 < f[sb + la] }
                    return f[sa + lb] == 0 ? false : f[sa + lb] < 0
                }
                return id(a) < id(b)
            }
        }
    }
}
