@testable import DealDrafting
import Testing

/// The traps the test articles were written with, checked on the articles themselves
/// (the tuning set; the held-out articles are only scored, by dealscope-draft-bench).
@Suite("Drafting: test articles")
struct FixtureTests {
    @Test func pressReleaseWithAPersonNamedLikeABankAndADateline() throws {
        let d = drafter.draft(article: try fixture("fabrikam-contoso-venture"))
        #expect(d.document.title == "Fabrikam Robotics and Contoso form Lakeshore Automation joint venture")
        #expect(d.document.publisher == "Fabrikam Robotics newsroom" && d.document.date?.iso == "2024-03-05")
        #expect(d.partnerNames == ["Fabrikam Robotics", "Contoso", "Lakeshore Automation", "Northwind Capital"])
        #expect(d.partner("Morgan Ellis") == nil && d.partner("Harper Lane") == nil && d.partner("Seattle") == nil)
        let venture = d.deal(.jointVenture, "Fabrikam Robotics", "Contoso", "Lakeshore Automation")
        #expect(venture?.status == .pending)
        #expect(d.events.contains { $0.date?.iso == "2024-03-05" && $0.deals == [venture?.id ?? ""] })
        #expect(d.deal(.investment, "Northwind Capital", "Fabrikam Robotics")?.date?.iso == "2022")
    }

    @Test func newsReportWithAValuationARevenueForecastAndTalksWithNoNamedParty() throws {
        let d = drafter.draft(article: try fixture("aster-funding-ledger"))
        let round = d.deals.first { $0.kind == .investment && $0.parties.count == 5 }
        #expect(round?.value == DraftAmount(amount: 1.2e9, currency: "USD", approximate: true, equivalent: .init(amount: 1.1e9, currency: "EUR"),
                                            text: "roughly $1.2 billion (€1.1 billion)",
                                            sharedBy: ["general-catalyst", "nvidia", "salesforce-ventures", "bpifrance"]))
        #expect(d.notProposed.contains("\"$300 million\": a valuation, revenue, forecast or fee, not what a deal is worth"))
        #expect(d.notProposed.contains("\"up to $500 million a year\": no deal was found for it"))
        #expect(d.eventDates.contains("2024-06-11") && d.eventDates.contains("2024-02") && d.eventDates.contains("2024-04"))
        #expect(!d.eventDates.contains("2023"))  // "its valuation last year" dates the valuation
        #expect(d.partner("Camille Roux") == nil && d.partner("Roux") == nil && d.partner("Paris") == nil)
    }

    @Test func analystNoteWithATitleCaseHeadingAndARangeThatIsAnEstimate() throws {
        let d = drafter.draft(article: try fixture("cloud-compute-note"))
        #expect(d.partner("Sterling Hayes") == nil && d.partner("May") == nil && d.partner("Change Our View") == nil)
        #expect(d.deal(.cloud, "OpenAI", "Oracle")?.value == DraftAmount(amount: 8e9, currency: "USD", approximate: true, maximum: 10e9,
                                                                          text: "between $8 billion and $10 billion"))
        #expect(d.deal(.cloud, "OpenAI", "Oracle")?.date?.formatted == "2024-H2")
        #expect(d.deal(.investment, "Amazon", "Anthropic")?.value?.bound == .atMost)
        #expect(d.deal(.investment, "Nvidia", "CoreWeave")?.value?.stake == 7)
        #expect(d.notProposed.contains("\"$25 billion\": a valuation, revenue, forecast or fee, not what a deal is worth"))
        #expect(Set(d.eventDates).isSuperset(of: ["2023", "2024", "2023-04", "2023-09", "2024-03"]))
    }

    @Test func regulatorAndASecondCurrencyInBrackets() throws {
        let d = drafter.draft(article: try fixture("halcyon-brightwater-cma"))
        let deal = d.deal(.acquisition, "Halcyon Interactive", "Brightwater Games")
        #expect(deal?.status == .challenged)
        #expect(deal?.value?.equivalent == .init(amount: 2.6e9, currency: "USD"))
        #expect(d.partner("Competition and Markets Authority")?.aliases == ["CMA"])
        #expect(d.events.contains { $0.date?.iso == "2023-11-08" && $0.partners == ["competition-and-markets-authority"] })
        #expect(d.deal(.merger, "Ironclad Studios", "Pinecrest Media")?.status == .calledOff)
        for place in ["Britain", "Edinburgh", "London"] { #expect(d.partner(place) == nil) }
    }

    @Test func productsNamedBeforeTheirOwners() throws {
        let d = drafter.draft(article: try fixture("openai-amd-chips"))
        #expect(d.partner("OpenAI")?.products.map(\.name) == ["ChatGPT"])
        #expect(d.partner("Microsoft")?.products.map(\.name) == ["Copilot"])
        #expect(d.deal(.productIntegration, "OpenAI", "Microsoft")?.products == ["Copilot"])
        #expect(d.partner("Lisa Su") == nil)
        #expect(d.deal(.investment, "Nvidia", "OpenAI")?.value?.bound == .atMost)
        #expect(d.eventDates.contains("2025-10-06") && d.eventDates.contains("2025-09-22"))
    }
}
