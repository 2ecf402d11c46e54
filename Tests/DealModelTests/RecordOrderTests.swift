@testable import DealModel
import Testing

/// Each order of `--sort` and the explorer's panes against the plain comparison of
/// what it orders by: the keys read once (first letters, first parties, amount bits)
/// must never decide differently.
@Suite struct RecordOrders {
    static let catalogs = [bundled, try! DatasetLoader.load(path: Paths.fixture("dates")), try! DatasetLoader.load(path: Paths.fixture("good"))]

    /// Sorted ascending: no neighbours out of order by `expected`, missing values last.
    static func check(_ c: Catalog, _ column: DealSortColumn, _ expected: (Deal, Deal) -> Bool, missing: (Deal) -> Bool = { _ in false }) {
        for descending in [false, true] {
            let rows = c.dealOrder(column).sorted(Array(0..<c.deals.count).reversed(), descending: descending)
            #expect(Set(rows) == Set(0..<c.deals.count))
            let present = rows.prefix { !missing(c.deals[$0]) }
            #expect(rows.dropFirst(present.count).allSatisfy { missing(c.deals[$0]) }, "\(column): missing values last")
            for (a, b) in zip(present, present.dropFirst()) {
                let (x, y) = (c.deals[a], c.deals[b])
                #expect(!(descending ? expected(x, y) : expected(y, x)), "\(column) \(descending ? "desc" : "asc"): \(x.id) before \(y.id)")
                if !expected(x, y) && !expected(y, x) { #expect(a < b, "\(column): ties in the listing's own order") }
            }
        }
    }

    @Test(arguments: catalogs)
    func dealsByEveryColumn(_ c: Catalog) {
        Self.check(c, .title) { $0.title.lowercased() < $1.title.lowercased() }
        Self.check(c, .id) { $0.id < $1.id }
        Self.check(c, .kind) { $0.kind.rawValue < $1.kind.rawValue }
        Self.check(c, .status) { $0.status.rawValue < $1.status.rawValue }
        Self.check(c, .parties) { x, y in
            x.parties.map { c.partnerIndex(id: $0.partner)! }.lexicographicallyPrecedes(y.parties.map { c.partnerIndex(id: $0.partner)! })
        }
        Self.check(c, .date, { x, y in
            let (a, b) = (x.date!, y.date!)
            return (a.earliestDay, -a.latestDay) < (b.earliestDay, -b.latestDay)
        }, missing: { $0.date == nil })
        Self.check(c, .value, { x, y in (x.value!.currency ?? "", x.value!.amount ?? x.value!.stake ?? 0) < (y.value!.currency ?? "", y.value!.amount ?? y.value!.stake ?? 0) }, missing: { $0.value == nil })
    }

    @Test func partnersAndEvents() {
        let byDeals = bundled.partnerOrder(.deals).sorted(Array(bundled.partners.indices), descending: true)
        #expect(byDeals.prefix(2).map { bundled.partners[$0].id } == ["openai", "microsoft"])
        #expect(bundled.eventOrder(.date).sorted(Array(0..<bundled.events.count).shuffled(), descending: false) == Array(0..<bundled.events.count))
        let titles = bundled.eventOrder(.title).sorted(Array(0..<bundled.events.count), descending: false).map { bundled.events.title($0).lowercased() }
        #expect(titles == titles.sorted())
    }
}
