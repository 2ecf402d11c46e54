/// An order of records by one column, for sorting listings (the explorer's panes and
/// the command line's `--sort`), over record indices: a number per record read into
/// a flat array when the order is made (a date as its first day, a title as its
/// first seven letters), so that most comparisons are two loads even at a million
/// deals, and `before` for records whose numbers are equal. Records without a value
/// in the column (an undated deal, a deal without an amount) are `missing`: they go
/// last in either direction. Ties go by record index, the listing's own order.
public struct RecordOrder: Sendable {
    public let keys: [Int64]?
    public let missing: [Bool]?
    /// A strict "comes first" between records of equal keys; nil: they are equal.
    public let before: (@Sendable (Int, Int) -> Bool)?

    public init(keys: [Int64]? = nil, missing: [Bool]? = nil, before: (@Sendable (Int, Int) -> Bool)? = nil) {
        self.keys = keys
        self.missing = missing
        self.before = before
    }

    /// The order itself, either way: "x comes first", a total order.
    public func less(descending: Bool) -> @Sendable (Int, Int) -> Bool {
        let (keys, missing, before) = (self.keys, self.missing, self.before)
        return { x, y in
            if let missing, missing[x] || missing[y] { return missing[x] == missing[y] ? x < y : missing[y] }
            if let keys, keys[x] != keys[y] { return descending ? keys[x] > keys[y] : keys[x] < keys[y] }
            if let before {
                if descending ? before(y, x) : before(x, y) { return true }
                if descending ? before(x, y) : before(y, x) { return false }
            }
            return x < y
        }
    }

    /// Sorts rows at once.
    public func sorted(_ rows: [Int], descending: Bool) -> [Int] {
        rows.sorted(by: less(descending: descending))
    }

    /// The listing's own order (by index; the other way, reversed).
    public static let own = RecordOrder { $0 < $1 }
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
            var keys = [Int64](repeating: 0, count: n), missing = [Bool](repeating: false, count: n)
            for i in 0..<n {
                if let d = deals.date(i) { keys[i] = Self.dateKey(d) } else { missing[i] = true }
            }
            return RecordOrder(keys: keys, missing: missing)
        case .kind:
            let rank = Self.ranks(DealKind.allCases.map(\.rawValue))
            return RecordOrder(keys: deals.kinds.map { rank[Int($0)] })
        case .status:
            let rank = Self.ranks(DealStatus.allCases.map(\.rawValue))
            return RecordOrder(keys: deals.statuses.map { rank[Int($0)] })
        case .parties:
            // Partners are held by name, so their positions compare as their names do;
            // the first two of them make the key.
            let parties = deals.parties
            let keys = parties.items.withUnsafeBufferPointer { items in
                parties.starts.withUnsafeBufferPointer { starts in
                    (0..<n).map { d -> Int64 in
                        let lo = Int(starts[d]), hi = Int(starts[d + 1])
                        let first = lo < hi ? Int64(items[lo]) + 1 : 0, second = lo + 1 < hi ? Int64(items[lo + 1]) + 1 : 0
                        return first << 32 | second
                    }
                }
            }
            return RecordOrder(keys: keys) { a, b in parties[a].lexicographicallyPrecedes(parties[b]) }
        case .value:
            // Currency (ranked by name), then the amount: its bits order like the
            // number when it is not negative, and the amounts decide between equals.
            // A stake alone has no currency and ranks first, by its per cent.
            let amounts = deals.amounts, index = deals.valueIndex
            @Sendable func figure(_ a: Amount) -> Double { a.amount ?? a.stake ?? 0 }
            // Most amounts share the currency before them: one hash per change, not per amount.
            var currencies = Set<String>(), previous = ""
            for a in amounts where (a.currency ?? "") != previous { previous = a.currency ?? ""; currencies.insert(previous) }
            let rank = Dictionary(uniqueKeysWithValues: currencies.sorted().enumerated().map { ($1, Int64($0)) })
            var last = ("", Int64(0))
            let byAmount = amounts.map { a -> Int64 in
                let currency = a.currency ?? "", f = figure(a)
                if currency != last.0 { last = (currency, rank[currency]!) }
                return last.1 << 55 | (f > 0 ? Int64(bitPattern: f.bitPattern) >> 9 : 0)
            }
            return RecordOrder(keys: index.map { $0 < 0 ? 0 : byAmount[Int($0)] }, missing: index.map { $0 < 0 }) { a, b in
                figure(amounts[Int(index[a])]) < figure(amounts[Int(index[b])])
            }
        case .title: return Self.textOrder(deals.titles)
        case .id: return Self.textOrder(deals.ids)
        }
    }

    /// Names (the catalog's own order), ids, and counts: of deals (`dealCounts`, the
    /// explorer's under its filter, else all) and of counterparties.
    public func partnerOrder(_ column: PartnerSortColumn, dealCounts: [Int]? = nil) -> RecordOrder {
        switch column {
        case .name: return .own
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
        case .date: return .own
        case .title: return Self.textOrder(events.titles)
        case .id: return Self.textOrder(events.ids)
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

    /// Strings by their text, ASCII letter case ignored (other bytes by value): the
    /// first eight bytes as the key (their unsigned order kept in a signed number),
    /// the rest between equal keys.
    static func textOrder(_ column: StringColumn) -> RecordOrder {
        let keys = (0..<column.count).map { i in
            column.withBytes(i) { b in
                let raw = (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64($1 < b.count ? Self.lower(b[$1]) : 0) }
                return Int64(bitPattern: raw ^ (1 << 63))
            }
        }
        return RecordOrder(keys: keys) { a, b in Self.caselessBefore(column, a, b) }
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
