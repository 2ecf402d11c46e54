import Foundation
import Testing

/// The later fields of the format on the command line: amounts as the document
/// states them, halves and quarters in date options, draft marks, new kinds.
@Suite("Extended format on the command line")
struct ExtendedFormatCLITests {
    static let data = Paths.fixture("extended/extended.dealscope.json")

    @Test func amountsInTheTableAsTheDocumentStatesThem() throws {
        let r = try dealscope("deals", "--data", Self.data, "--brief")
        #expect(r.status == 0, "\(r)")
        func value(_ id: String) -> String? { r.stdoutLines.first { $0.hasPrefix(id + " ") } }
        #expect(value("globex-initech")?.contains(" ≤10bn USD ") == true)
        #expect(value("acme-hooli-talks")?.contains(" ≥1bn USD ") == true)
        #expect(value("first-phase")?.contains(" 2–3bn USD (1.6–2.4bn GBP) ") == true)
        #expect(value("acme-supply")?.contains(" 1bn USD/yr ") == true)
        #expect(value("acme-hooli-stake")?.contains(" ≈500m USD · 7% stake ") == true)
        #expect(value("hooli-initech-stake")?.contains(" 12% stake ") == true)
        #expect(value("globex-initech")?.contains(" H2 2025 ") == true)
    }

    @Test func theListingJSONHasEveryAmountFieldAndTheDraftMark() throws {
        let r = try dealscope("deals", "--data", Self.data, "--json")
        let list = try #require(try r.json() as? [[String: Any]])
        func deal(_ id: String) -> [String: Any]? { list.first { $0["id"] as? String == id } }
        let phase = try #require(deal("first-phase")?["value"] as? [String: Any])
        #expect(phase["maximum"] as? Int == 3_000_000_000)
        #expect((phase["equivalent"] as? [String: Any])?["currency"] as? String == "GBP")
        #expect(phase["bound"] is NSNull && phase["stake"] is NSNull && phase["per"] is NSNull)
        let stake = try #require(deal("hooli-initech-stake")?["value"] as? [String: Any])
        #expect(stake["amount"] is NSNull && stake["currency"] is NSNull && stake["stake"] as? Int == 12)
        #expect(deal("globex-initech")?["date"] as? String == "2025-H2")
        #expect((deal("acme-supply")?["draft"] as? [String: Any])?["rule"] as? String == "supply.agreed-to-supply")
        #expect(deal("initech-acme")?["draft"] is NSNull)
        let partners = try #require(try dealscope("partners", "--data", Self.data, "--json").json() as? [[String: Any]])
        #expect(partners.first { $0["id"] as? String == "acme" }?["draft"] is [String: Any])
    }

    @Test func datesTakeHalvesAndQuarters() throws {
        let r = try dealscope("timeline", "--data", Self.data, "--from", "2024-Q4", "--brief")
        #expect(r.status == 0, "\(r)")
        #expect(CLITests.firstColumn(r).count == 4)
        let deals = try dealscope("deals", "--data", Self.data, "--from", "2025-H2", "--to", "2025-Q4", "--json")
        #expect(Set(CLITests.ids(try deals.json())) == ["globex-initech", "acme-hooli-talks"])
        let bad = try dealscope("deals", "--data", Self.data, "--from", "2025-Q5")
        #expect(bad.status == 64 && bad.stderr.contains("has no such quarter"), "\(bad)")
    }

    @Test func theNewKindsFilterAndDraftsShow() throws {
        let jv = try dealscope("deals", "--data", Self.data, "--kind", "joint-venture", "--json")
        #expect(CLITests.ids(try jv.json()) == ["acme-hooli-jv"])
        let show = try dealscope("show", "acme-supply", "--data", Self.data)
        #expect(show.stdout.contains("  draft     proposed by rule supply.agreed-to-supply from “agreed to supply chips”; not yet accepted\n"))
        #expect(show.stdout.contains("  value     1bn USD/yr\n"))
    }
}
