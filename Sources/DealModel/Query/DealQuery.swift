/// A filter over deals and events. Every part narrows the result; an empty part
/// does not filter.
public struct DealQuery: Sendable, Equatable {
    public enum PartnerMode: String, Sendable {
        /// Records involving at least one of the partners.
        case any
        /// Records involving every one of the partners: deals between them.
        case all
    }

    /// Partner ids.
    public var partners: [String]
    public var partnerMode: PartnerMode
    public var kinds: Set<DealKind>
    /// Free text, matched case- and diacritic-insensitively.
    public var text: String
    public var from: PartialDate?
    public var to: PartialDate?

    public init(partners: [String] = [], partnerMode: PartnerMode = .all, kinds: Set<DealKind> = [], text: String = "", from: PartialDate? = nil, to: PartialDate? = nil) {
        self.partners = partners
        self.partnerMode = partnerMode
        self.kinds = kinds
        self.text = text
        self.from = from
        self.to = to
    }

    public var isEmpty: Bool { partners.isEmpty && kinds.isEmpty && text.isEmpty && from == nil && to == nil }
}

extension Catalog {
    /// Indices of the deals that pass the query, in deal order.
    public func dealIndices(matching q: DealQuery) -> [Int] {
        if q.isEmpty { return Array(deals.indices) }
        let wanted = q.partners.compactMap { partnerIndex(id: $0) }
        let needle = self.needle(q.text)
        var candidates: [Int]
        if let first = wanted.first {
            if q.partnerMode == .all {
                candidates = Array(dealsOfPartner[first])
                for p in wanted.dropFirst() {
                    let set = Set(dealsOfPartner[p])
                    candidates = candidates.filter(set.contains)
                }
            } else {
                candidates = Array(Set(wanted.flatMap { dealsOfPartner[$0] })).sorted()
            }
        } else {
            candidates = Array(deals.indices)
        }
        return candidates.filter { d in
            if !q.kinds.isEmpty && !q.kinds.contains(deals.kind(d)) { return false }
            if !needle.isEmpty && !dealMatches(d, needle) { return false }
            if q.from != nil || q.to != nil {
                if let date = deals.date(d) {
                    return DayBounds.of(date).overlaps(from: q.from, to: q.to)
                }
                return eventsOfDeal[d].contains { eventBounds[$0].overlaps(from: q.from, to: q.to) }
            }
            return true
        }
    }

    /// Indices of the events that pass the query, in timeline order. The kind filter
    /// keeps events with at least one deal of those kinds.
    public func eventIndices(matching q: DealQuery) -> [Int] {
        let wanted = q.partners.compactMap { partnerIndex(id: $0) }
        let needle = self.needle(q.text)
        // Start from the events of the named partners, not from every event.
        let candidates: [Int]
        if let first = wanted.first {
            if q.partnerMode == .all {
                var set = Array(eventsOfPartner[first])
                for p in wanted.dropFirst() {
                    let other = Set(eventsOfPartner[p])
                    set = set.filter(other.contains)
                }
                candidates = set
            } else {
                candidates = Array(Set(wanted.flatMap { eventsOfPartner[$0] })).sorted()
            }
        } else {
            candidates = Array(events.indices)
        }
        if q.kinds.isEmpty && needle.isEmpty && q.from == nil && q.to == nil { return candidates }
        return candidates.filter { e in
            if !q.kinds.isEmpty && !dealsOfEvent[e].contains(where: { q.kinds.contains(deals.kind($0)) }) { return false }
            if !needle.isEmpty && !eventMatches(e, needle) { return false }
            if (q.from != nil || q.to != nil) && !eventBounds[e].overlaps(from: q.from, to: q.to) { return false }
            return true
        }
    }

    /// Indices of the partners whose names, aliases, products or quotes match the text.
    public func partnerIndices(matchingText text: String) -> [Int] {
        let needle = self.needle(text)
        guard !needle.isEmpty else { return Array(partners.indices) }
        return partners.indices.filter { partnerMatches($0, needle) }
    }

    /// The event after (or before) a given one in a list of event indices in timeline
    /// order; nil at the ends.
    public func neighbour(of event: Int, in list: [Int], forward: Bool) -> Int? {
        if let at = list.firstIndex(of: event) {
            let next = forward ? at + 1 : at - 1
            return list.indices.contains(next) ? list[next] : nil
        }
        // Not in the list: the nearest in timeline order.
        return forward ? list.first { $0 > event } : list.last { $0 < event }
    }

    /// Earliest day the event can be on, for year and date jumps; nil when unbounded.
    public func earliestDay(ofEvent e: Int) -> Int? { eventBounds[e].earliest }
    public func latestDay(ofEvent e: Int) -> Int? { eventBounds[e].latest }
}

extension String {
    /// Without the white space around it.
    public var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
