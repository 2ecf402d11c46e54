import Foundation
import Testing
@testable import DealModel

/// The format's later fields (docs/data-format.md): document origin, draft marks,
/// the new kinds and statuses, bounds, ranges, rates, equivalents and stakes, halves
/// and quarters, each document an anchor, and records shared by several datasets.
@Suite("Extended format")
struct ExtendedFormatTests {
    static let path = Paths.fixture("extended/extended.dealscope.json")
    static let catalog: Catalog = {
        do { return try DatasetLoader.load(path: path) } catch { fatalError("\(error)") }
    }()

    @Test func theFastAndTheCarefulLoaderReadEveryFieldTheSame() throws {
        let (fast, careful) = try FastPathTests.bothWays(Self.path)
        FastPathTests.expectSame(fast, careful)
        #expect(fast.contains { $0.hasPrefix(#"deal acme-supply "#) && $0.contains(#"draft=draft("supply.agreed-to-supply""#) })
    }

    @Test func documentsKeepWhereTheyWerePublished() {
        let a = Self.catalog.documents[0], b = Self.catalog.documents[1]
        #expect(a.title == "Globex to buy Initech" && a.publisher == "The Daily Planet" && a.url == "https://example.com/globex-initech")
        #expect(a.date == PartialDate(year: 2025, month: 10, day: 3))
        #expect(b.title == nil && b.publisher == "Hooli newsroom" && b.date == PartialDate(year: 2024, quarter: 4, approximate: true))
    }

    @Test func draftMarksStayOnTheirRecords() throws {
        let c = Self.catalog
        let acme = try #require(c.partner(id: "acme"))
        #expect(acme.draft == DraftMark(rule: "partner.named", matched: "Acme agreed"))
        #expect(acme.products.first?.draft?.rule == "product.supplies")
        #expect(c.deal(id: "acme-supply")?.draft?.matched == "agreed to supply chips")
        #expect(c.event(id: "money-committed")?.draft?.rule == "event.committed")
        #expect(c.partner(id: "globex")?.draft == nil && c.deal(id: "initech-acme")?.draft == nil)
    }

    @Test func amountsAreShownAsTheDocumentStatesThem() {
        func value(_ id: String) -> Amount? { Self.catalog.deal(id: id)?.value }
        #expect(value("globex-initech")?.compact == "≤10bn USD")
        #expect(value("acme-hooli-talks")?.compact == "≥1bn USD")
        #expect(value("first-phase")?.compact == "2–3bn USD (1.6–2.4bn GBP)")
        #expect(value("acme-supply")?.compact == "1bn USD/yr")
        #expect(value("acme-hooli-stake")?.compact == "≈500m USD · 7% stake")
        #expect(value("hooli-initech-stake")?.compact == "12% stake")
        #expect(value("hooli-initech-stake")?.amount == nil)
        #expect(Amount(amount: 12e9, currency: "USD", equivalent: .init(amount: 9.5e9, currency: "GBP")).compact == "12bn USD (9.5bn GBP)")
        #expect(Amount(amount: 5e8, currency: "USD", maximum: 2e9).compact == "500m–2bn USD")
        #expect(Amount(amount: 110e9, currency: "USD", approximate: true, sharedBy: ["a", "b"]).compact == "≈110bn USD")
    }

    @Test func theNewKindsAndStatusesLoad() {
        let c = Self.catalog
        #expect(Set(c.deals.map(\.kind)).isSuperset(of: [.acquisition, .merger, .jointVenture, .supply]))
        #expect(Set(c.deals.map(\.status)).isSuperset(of: [.inTalks, .agreed, .pending, .completed, .calledOff, .challenged, .blocked]))
        #expect(c.dealIDs(matching: DealQuery(kinds: [.jointVenture])) == ["acme-hooli-jv"])
    }

    /// Each document is an anchor at its own date: "document" is the document of the
    /// event's first quote; an event without an order is before its document.
    @Test func eachDocumentIsAnAnchorAtItsOwnDate() {
        let c = Self.catalog
        #expect(c.events.map(\.id) == ["merger-challenged", "jv-set-up", "talks-continue", "money-committed", "purchase-announced"])
        // After document b (~2024-Q4): from its first day on; with it: the same.
        #expect(c.earliestDay(ofEvent: c.index(ofEvent: "talks-continue")) == 2024_10_01)
        #expect(c.latestDay(ofEvent: c.index(ofEvent: "talks-continue")) == nil)
        #expect(c.earliestDay(ofEvent: c.index(ofEvent: "money-committed")) == 2024_10_01)
        // Before document a (3 Oct 2025): by that day at the latest.
        #expect(c.earliestDay(ofEvent: c.index(ofEvent: "purchase-announced")) == nil)
        #expect(c.latestDay(ofEvent: c.index(ofEvent: "purchase-announced")) == 2025_10_03)
    }

    @Test func dateRangesTakeHalvesAndQuarters() {
        let c = Self.catalog
        func events(_ from: String?, _ to: String?) -> [String] {
            c.eventIDs(matching: DealQuery(from: from.map(date), to: to.map(date)))
        }
        // H2 2024 holds Q3 2024: the jv (Q3) is inside, the challenge (H2) may be; the
        // announcement, some time before 3 Oct 2025, may be too.
        #expect(events("2024-Q3", "2024-Q3") == ["merger-challenged", "jv-set-up", "purchase-announced"])
        #expect(events("2024-Q4", nil) == ["merger-challenged", "talks-continue", "money-committed", "purchase-announced"])
        #expect(events(nil, "2024-H1") == ["purchase-announced"])
        #expect(c.dealIDs(matching: DealQuery(from: date("2025-Q4"))) == ["acme-hooli-talks", "globex-initech"])
    }

    /// Every new rule, and every new message: one change to the valid fixture, one
    /// problem, with its place and fix, and the fast loader steps aside.
    @Test(arguments: [
        (#""date": "2025-H2""#, #""date": "2025-H3""#, #"invalid date in "date": "2025-H3" has no such half: a year has H1 and H2"#, "\"2024-H2\""),
        (#"{ "partner": "hooli" }], "date": "2024-Q3""#, #"{ "partner": "hooli" }], "date": "2024-Q5""#, #"invalid date in "date": "2024-Q5" has no such quarter: quarters run from Q1 to Q4"#, "\"2024-Q3\""),
        (#""bound": "at-most""#, #""bound": "up-to""#, #"unknown bound "up-to""#, "use one of: at-most, at-least"),
        (#""per": "year""#, #""per": "annum""#, #"unknown per "annum""#, "use one of: year, quarter, month"),
        (#""maximum": 3000000000,"#, #""maximum": 1000000000,"#, #""maximum" (1000000000) is below "amount" (2000000000)"#, "\"maximum\""),
        (#""bound": "at-least""#, #""bound": "at-least", "maximum": 2000000000"#, #"an amount cannot be both a range ("maximum") and a bound ("bound")"#, "\"up to\""),
        (#""value": { "stake": 12 }"#, #""value": { "stake": 120 }"#, #""stake" must be a percentage above 0 and at most 100, found 120"#, "\"stake\": 7"),
        (#""value": { "stake": 12 }"#, #""value": { "currency": "USD", "stake": 12 }"#, #""currency" needs an "amount""#, "remove \"currency\""),
        (#""value": { "stake": 12 }"#, #""value": { "text": "12%" }"#, #"the field "amount" is missing"#, "\"stake\""),
        (#""value": { "stake": 12 }"#, #""value": { "stake": 12, "per": "year" }"#, #""per" needs an "amount""#, "remove \"per\""),
        (#""bound": "at-least" }"#, #""bound": "at-least", "equivalent": { "amount": 800000000, "currency": "GBP", "maximum": 900000000 } }"#,
         #"the equivalent is a range but the amount is not"#, "ranges"),
        (#""currency": "GBP", "maximum": 2400000000 }"#, #""currency": "GBP" }"#, #"the amount is a range but its equivalent has no "maximum""#, "ranges"),
        (#""currency": "GBP""#, #""currency": "Pounds""#, #""Pounds" is not an ISO 4217 currency code"#, "USD or EUR"),
        (#"{ "amount": 1600000000, "currency": "GBP""#, #"{ "amount": null, "currency": "GBP""#, #"the field "amount" is missing"#, "second currency"),
        (#""rule": "event.committed", "matched": "was committed by Acme" }"#, #""rule": "event.committed" }"#, #"the field "matched" is missing"#, "\"matched\""),
        (#""kind": "merger""#, #""kind": "mergers""#, #"unknown kind "mergers""#, "did you mean \"merger\"?"),
        (#""status": "called-off""#, #""status": "cancelled""#, #"unknown status "cancelled""#, "called-off"),
        (#""publisher": "Hooli newsroom""#, #""publishr": "Hooli newsroom""#, #"unknown key "publishr""#, "did you mean \"publisher\"?"),
    ])
    func everyNewRuleIsReportedWithItsPlaceAndFix(from: String, to: String, message: String, fix: String) throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(text.components(separatedBy: from).count == 2, "the change applies once")
        let (dir, file) = try Self.copy(text.replacingOccurrences(of: from, with: to))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (catalog, problems) = DatasetLoader.check(path: file, fast: false)
        #expect(catalog == nil)
        try #require(problems.count == 1, "\(problems)")
        let p = problems[0]
        #expect(p.message == message)
        #expect(p.fix?.contains(fix) == true, "\(p.fix ?? "no fix")")
        // The place: the file, and the line where the change is.
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains(from) }.map { $0 + 1 }
        #expect(p.location.file == file && p.location.line == line, "\(p.location)")
        #expect(FastLoad.load(file: file) == nil, "the fast loader steps aside")
    }

    /// The fixture's text with its documents, in a fresh directory.
    static func copy(_ text: String) throws -> (dir: String, file: String) {
        let dir = try temporaryDirectory("dealscope-ext")
        for doc in ["a.txt", "b.txt"] { try FileManager.default.copyItem(atPath: Paths.fixture("extended/" + doc), toPath: dir + "/" + doc) }
        try text.write(toFile: dir + "/x.dealscope.json", atomically: true, encoding: .utf8)
        return (dir, dir + "/x.dealscope.json")
    }
}

/// A deal or an event defined in several datasets is one record.
@Suite("Records shared by datasets")
struct SharedRecordTests {
    @Test func definitionsAreCombinedIntoOneRecord() throws {
        let c = try DatasetLoader.load(path: Paths.fixture("shared"))
        let deal = try #require(c.deal(id: "rocket-supply"))
        #expect(c.deals.count == 1 && c.events.count == 1)
        #expect(deal.parties.map(\.partner) == ["acme", "globex", "initech"])
        #expect(deal.evidence.map(\.document.id) == ["alpha", "beta"])
        // Given by one definition only: kept.
        #expect(deal.date == PartialDate(year: 2024, month: 3))
        // A draft mark stays while any definition has one.
        #expect(deal.draft?.rule == "supply.signed")
        // Every place it was defined, the first first.
        #expect(deal.origins.map { ($0.file as NSString).lastPathComponent } == ["alpha.dealscope.json", "beta.dealscope.json"])
        let event = try #require(c.event(id: "deliveries"))
        #expect(event.deals == ["rocket-supply"] && event.partners == ["initech"])
        #expect(event.evidence.count == 2)
        #expect(c.events.origins.all(0).count == 2)
    }

    /// Each disagreement names both places: where the field is written in each.
    @Test(arguments: [
        (#""status": "agreed","#, #""status": "completed","#, #"conflicting definitions: "status" is "completed" here but "agreed" at "#, "alpha.dealscope.json:11:94"),
        (#""date": "2024-06", "partners""#, #""date": "2024-07", "partners""#, #"conflicting definitions: "date" is "2024-07" here but "2024-06" at "#, "alpha.dealscope.json:19:64"),
        (#"{ "partner": "globex", "role": "customer" }, { "partner": "initech""#, #"{ "partner": "globex", "role": "buyer" }, { "partner": "initech""#,
         // The role's place: where the first definition lists its parties.
         #"conflicting definitions: the party "globex" has the role "buyer" here but "customer" at "#, "alpha.dealscope.json:12:18"),
    ])
    func disagreementsNameBothPlaces(from: String, to: String, message: String, there: String) throws {
        let dir = try temporaryDirectory("dealscope-shared")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["alpha.dealscope.json", "alpha.txt", "beta.txt"] { try FileManager.default.copyItem(atPath: Paths.fixture("shared/" + name), toPath: dir + "/" + name) }
        let beta = try String(contentsOfFile: Paths.fixture("shared/beta.dealscope.json"), encoding: .utf8)
        #expect(beta.contains(from))
        try beta.replacingOccurrences(of: from, with: to).write(toFile: dir + "/beta.dealscope.json", atomically: true, encoding: .utf8)
        let (catalog, problems) = DatasetLoader.check(path: dir)
        #expect(catalog == nil)
        try #require(problems.count == 1, "\(problems)")
        #expect(problems[0].location.file == dir + "/beta.dealscope.json")
        #expect(problems[0].message.hasPrefix(message), "\(problems[0].message)")
        #expect(problems[0].message.contains(dir + "/" + there), "\(problems[0].message)")
        #expect(problems[0].fix == "make the definitions agree, or give one of them another id")
        #expect(problems[0].record?.hasPrefix("deal") == true || problems[0].record?.hasPrefix("event") == true)
    }

    /// Twice in one dataset is still a duplicate, not a merge.
    @Test func aDealTwiceInOneDatasetIsADuplicate() throws {
        let text = try String(contentsOfFile: Paths.fixture("shared/alpha.dealscope.json"), encoding: .utf8)
        let deal = text.components(separatedBy: "\"deals\": [")[1].components(separatedBy: "  ],\n  \"events\"")[0]
        let doubled = text.replacingOccurrences(of: deal, with: deal.trimmingCharacters(in: .whitespacesAndNewlines) + ",\n" + deal)
        let (catalog, problems) = DatasetLoader.check(json: Array(doubled.utf8), file: "alpha.json", directory: Paths.fixture("shared"))
        #expect(catalog == nil)
        #expect(problems.map(\.message) == ["the id is already used by the deal at alpha.json:9:13"])
        #expect(problems.first?.location.line == 17)
    }
}
