/// The earliest and latest day (as yyyymmdd) an event can have happened on; nil where
/// nothing bounds it. Dated events are bounded by their date's precision; undated
/// ones inherit bounds through their `order`.
struct DayBounds: Sendable, Equatable {
    var earliest: Int?
    var latest: Int?

    static func of(_ date: PartialDate) -> DayBounds { DayBounds(earliest: date.earliestDay, latest: date.latestDay) }

    /// Bounds of every event: `date(i)` is an event's date, `link(i)` its order as a
    /// relation and the position of its anchor (nil: its document; -1: unknown),
    /// `documentDate(i)` the date of the document of its first quote.
    static func infer(count: Int, date: (Int) -> PartialDate?, link: (Int) -> (EventOrder.Relation, Int?)?,
                      documentDate: (Int) -> PartialDate?) -> [DayBounds] {
        var memo = [DayBounds?](repeating: nil, count: count)
        var visiting = [Bool](repeating: false, count: count)
        // A cycle of `order` references is reported at load, but the catalog is still
        // built to find the other problems: an event met again on the way is unbounded.
        // Chains are followed with an explicit stack, so a million-long chain of
        // "after" cannot overflow the call stack.
        func own(_ i: Int, anchor: DayBounds) -> DayBounds {
            if let d = date(i) { return of(d) }
            var b = DayBounds()
            switch (link(i) ?? (.before, nil)).0 {
            case .before: b.latest = anchor.latest
            case .with: b = anchor
            case .after: b.earliest = anchor.earliest
            }
            return b
        }
        // One stack for all (not an array made per event); a dated event needs none.
        var stack: [Int] = []
        for start in 0..<count where memo[start] == nil {
            if let d = date(start) {
                memo[start] = of(d)
                continue
            }
            stack.append(start)
            while let i = stack.last {
                if memo[i] != nil { stack.removeLast(); continue }
                var anchor = documentDate(i).map(of) ?? DayBounds()
                let target: Int? = date(i) == nil ? (link(i)?.1 ?? nil) : nil
                if let a = target {
                    if a < 0 || a >= count || visiting[a] {
                        anchor = DayBounds()
                    } else if let m = memo[a] {
                        anchor = m
                    } else {
                        visiting[i] = true
                        stack.append(a)
                        continue
                    }
                }
                memo[i] = own(i, anchor: anchor)
                visiting[i] = false
                stack.removeLast()
            }
        }
        return memo.map { $0 ?? DayBounds() }
    }

    /// Whether the event may fall inside [from, to]; an event with no bound at all
    /// cannot be placed in any range and never matches one.
    func overlaps(from: PartialDate?, to: PartialDate?) -> Bool {
        if earliest == nil && latest == nil { return from == nil && to == nil }
        if let from, let latest, latest < from.earliestDay { return false }
        if let to, let earliest, earliest > to.latestDay { return false }
        return true
    }
}
