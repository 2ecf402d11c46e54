extension TimelineOrder {
    /// The same order as `sort`, for events given by position rather than as items
    /// (the fast loader's columns): returns positions in timeline order, or nil when
    /// the `order` references form a cycle. `link(i)` is an event's order relation and
    /// anchor position (nil: the document). Chains are followed with an explicit
    /// stack, so no chain is too long.
    static func sortPositions(count: Int, date: (Int) -> PartialDate?, link: (Int) -> (EventOrder.Relation, Int?)?,
                              documentPosition: (Int) -> Int, id: (Int) -> String, documentDate: PartialDate?) -> [Int]? {
        let anchorBase: [Int] = documentDate.map { [0] + $0.sortKey + [Int.max] } ?? [1]
        var keys = [[Int]?](repeating: nil, count: count)
        var visiting = [Bool](repeating: false, count: count)
        func own(_ i: Int, base: [Int]) -> [Int] {
            if let d = date(i) { return [0] + d.sortKey + [documentPosition(i)] }
            let relation = (link(i) ?? (.before, nil)).0
            let rel = relation == .before ? -1 : relation == .with ? 1 : 2
            return base + [rel, documentPosition(i)]
        }
        for start in 0..<count where keys[start] == nil {
            var stack = [start]
            while let i = stack.last {
                if keys[i] != nil { stack.removeLast(); continue }
                var base = anchorBase
                if date(i) == nil, let target = link(i)?.1 {
                    if let k = keys[target] {
                        base = k
                    } else if visiting[target] {
                        return nil
                    } else {
                        visiting[i] = true
                        stack.append(target)
                        continue
                    }
                }
                keys[i] = own(i, base: base)
                visiting[i] = false
                stack.removeLast()
            }
        }
        // Each event sorts by its key followed by 0, so that "before" (-1) comes ahead
        // of the anchor and "with" (1) and "after" (2) behind it.
        let full = keys.map { $0! + [0] }
        return (0..<count).sorted { a, b in
            let ka = full[a], kb = full[b]
            let n = min(ka.count, kb.count)
            for i in 0..<n where ka[i] != kb[i] { return ka[i] < kb[i] }
            if ka.count != kb.count { return ka.count < kb.count }
            return id(a) < id(b)
        }
    }
}
