/// The earliest and latest day (as yyyymmdd) an event can have happened on; nil where
/// nothing bounds it. Dated events are bounded by their date's precision; undated
/// ones inherit bounds through their `order`.
struct DayBounds: Sendable, Equatable {
    var earliest: Int?
    var latest: Int?

    static func of(_ date: PartialDate) -> DayBounds { DayBounds(earliest: date.earliestDay, latest: date.latestDay) }

    static func infer(events: [Event], index: [String: Int], documentDate: PartialDate?) -> [DayBounds] {
        let document = documentDate.map(of) ?? DayBounds()
        var memo = [DayBounds?](repeating: nil, count: events.count)
        var visiting = [Bool](repeating: false, count: events.count)
        // A cycle of `order` references is reported at load, but the catalog is still
        // built to find the other problems: an event met again on the way is unbounded.
        func bounds(_ i: Int) -> DayBounds {
            if let b = memo[i] { return b }
            if visiting[i] { return DayBounds() }
            visiting[i] = true
            defer { visiting[i] = false }
            let e = events[i]
            var b = DayBounds()
            if let d = e.date {
                b = of(d)
            } else {
                let order = e.order ?? EventOrder(relation: .before, anchor: EventOrder.documentAnchor)
                let anchor = order.anchor == EventOrder.documentAnchor ? document : index[order.anchor].map { bounds($0) } ?? DayBounds()
                switch order.relation {
                case .before: b.latest = anchor.latest
                case .with: b = anchor
                case .after: b.earliest = anchor.earliest
                }
            }
            memo[i] = b
            return b
        }
        return events.indices.map { bounds($0) }
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
