/// An order of records by one column, for sorting listings (the explorer's panes and
/// the command line's `--sort`): `before` is a strict "comes first" in ascending
/// order over record indices. Records without a value in the column (an undated
/// deal, a deal without an amount) are `missing`: they are kept apart and go last in
/// either direction. Keys are read into flat arrays when the order is made, so one
/// comparison is a few loads, even at a million deals.
public struct RecordOrder: Sendable {
    public let missing: @Sendable (Int) -> Bool
    public let before: @Sendable (Int, Int) -> Bool

    public init(missing: @escaping @Sendable (Int) -> Bool = { _ in false }, before: @escaping @Sendable (Int, Int) -> Bool) {
        self.missing = missing
        self.before = before
    }

    /// An order by one integer key per record.
    init(keys: [Int64], missing: [Bool]? = nil) {
        let absent: @Sendable (Int) -> Bool
        if let missing { absent = { missing[$0] } } else { absent = { _ in false } }
        self.init(missing: absent, before: { keys[$0] < keys[$1] })
    }

    /// Sorts rows at once: ties keep the order given, missing values go last.
    public func sorted(_ rows: [Int], descending: Bool) -> [Int] {
        let present = rows.filter { !missing($0) }.enumerated()
        let sorted = present.sorted { x, y in
            let (a, b) = descending ? (y.element, x.element) : (x.element, y.element)
            if before(a, b) { return true }
            if before(b, a) { return false }
            return x.offset < y.offset
        }
        return sorted.map(\.element) + rows.filter(missing)
    }
}

/// The columns deals sort by.
public enum DealSortColumn: String, CaseIterable, Sendable {
    case date, kind, parties, value, title, status, id
}

/// The columns partners sort by.
public enum PartnerSortColumn: String, CaseIterable, Sendable {
    case name, id, deals, counterparties
}

/// The columns events sort by (`date` is the timeline's own order).
public enum EventSortColumn: String, CaseIterable, Sendable {
    case date, title, id, partners
}

extension Catalog {
    /// Dates: coarser first ("2025" before "Jan 2025"), as on the timeline. Kinds and
    /// statuses by name; parties by the names of the parties in turn; values by
    /// currency, then amount (currencies are never converted: a document's dollars
    /// are not its euros); titles and ids by their text, letter case ignored.
    public func dealOrder(_ column: DealSortColumn) -> RecordOrder {
        let deals = self.deals
        let n = deals.count
        switch column {
        case .date:
            let dates = (0..<n).map { deals.date($0) }
            return RecordOrder(keys: dates.map { $0.map(Self.dateKey) ?? 0 }, missing: dates.map { $0 == nil })
        case .kind:
            let rank = Self.ranks(DealKind.allCases.map(\.rawValue))
            return RecordOrder(keys: deals.kinds.map { rank[Int($0)] })
        case .status:
            let rank = Self.ranks(DealStatus.allCases.map(\.rawValue))
            return RecordOrder(keys: deals.statuses.map { rank[Int($0)] })
        case .parties:
            // Partners are held by name, so their positions compare as their names do.
            let parties = deals.parties
            return RecordOrder { a, b in parties[a].lexicographicallyPrecedes(parties[b]) }
        case .value:
            let values = (0..<n).map { deals.value($0) }
            return RecordOrder(missing: { values[$0] == nil }) { a, b in
                let x = values[a]!, y = values[b]!
                return x.currency != y.currency ? x.currency < y.currency : x.amount < y.amount
            }
        case .title:
            return RecordOrder { a, b in Self.caselessBefore(deals.titles, a, b) }
        case .id:
            return RecordOrder { a, b in Self.caselessBefore(deals.ids, a, b) }
        }
    }

    /// Names (the catalog's own order), ids, and counts: of deals (`dealCounts`, the
    /// explorer's under its filter, else all) and of counterparties.
    public func partnerOrder(_ column: PartnerSortColumn, dealCounts: [Int]? = nil) -> RecordOrder {
        switch column {
        case .name: return RecordOrder { $0 < $1 }
        case .id:
            let ids = partners.map { $0.id }
            return RecordOrder { ids[$0] < ids[$1] }
        case .deals: return RecordOrder(keys: (dealCounts ?? dealsOfPartner.map(\.count)).map(Int64.init))
        case .counterparties: return RecordOrder(keys: partners.indices.map { Int64(counterparties(of: $0).count) })
        }
    }

    /// The timeline's order, titles, ids, and the number of partners.
    public func eventOrder(_ column: EventSortColumn) -> RecordOrder {
        let events = self.events
        switch column {
        case .date: return RecordOrder { $0 < $1 }
        case .title: return RecordOrder { a, b in Self.caselessBefore(events.titles, a, b) }
        case .id: return RecordOrder { a, b in Self.caselessBefore(events.ids, a, b) }
        case .partners: return RecordOrder(keys: partnersOfEvent.map { Int64($0.count) })
        }
    }

    /// One key for a date: its first day, and at the same first day the wider date
    /// first (its last day later).
    static func dateKey(_ d: PartialDate) -> Int64 {
        Int64(d.earliestDay) * 100_000_000 + Int64(99_999_999 - d.latestDay)
    }

    /// The rank of each name in alphabetical order, by its position in `names`.
    static func ranks(_ names: [String]) -> [Int64] {
        var rank = [Int64](repeating: 0, count: names.count)
        for (r, i) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[i] = Int64(r) }
        return rank
    }

    /// String `a` of a column before string `b`, ASCII letter case ignored (other
    /// bytes by value).
    static func caselessBefore(_ column: StringColumn, _ a: Int, _ b: Int) -> Bool {
        column.withBytes(a) { x in
            column.withBytes(b) { y in
                for k in 0..<min(x.count, y.count) {
                    let p = Self.lower(x[k]), q = Self.lower(y[k])
                    if p != q { return p < q }
                }
                return x.count < y.count
            }
        }
    }

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { c &- 65 < 26 ? c | 0x20 : c }
}

extension DealTable {
    /// The amount, without assembling the record.
    public func value(_ i: Int) -> Amount? {
        let v = Int(valueIndex[i])
        return v >= 0 ? amounts[v] : nil
    }
}
