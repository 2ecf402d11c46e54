@testable import DealDrafting
import DealModel
import Testing

/// A deal's status from the words the article uses.
@Suite("Drafting: status")
struct StatusTests {
    @Test(arguments: [
        ("Contoso Ltd is in talks to acquire Fabrikam Inc.", DealStatus.inTalks),
        ("Contoso Ltd reportedly agreed to buy Fabrikam Inc.", .reported),
        ("Contoso Ltd agreed to buy Fabrikam Inc.", .agreed),
        ("Contoso Ltd completed its acquisition of Fabrikam Inc.", .completed),
        ("Contoso Ltd called off its planned acquisition of Fabrikam Inc.", .calledOff),
        ("Contoso Ltd dropped its planned $20 billion purchase of Fabrikam Inc.", .calledOff),
        ("The regulator said it would move to block Contoso Ltd's acquisition of Fabrikam Inc.", .challenged),
        ("A court blocked Contoso Ltd's acquisition of Fabrikam Inc.", .blocked),
        ("Contoso Ltd's acquisition of Fabrikam Inc. has yet to close.", .pending),
        ("Rumours say Contoso Ltd will acquire Fabrikam Inc.", .rumoured),
        ("Contoso Ltd acquired Fabrikam Inc.", .completed),
        ("Contoso Ltd and Fabrikam Inc. said their partnership remains unchanged.", .unchanged),
        ("Contoso Ltd is winding down its contracts with Fabrikam Inc.", .ended),
    ])
    func statusWords(text: String, status: DealStatus) {
        let d = draft(text)
        #expect(d.deals.count == 1)
        #expect(d.deals.first?.status == status, "\(d.deals.map { ($0.kind, $0.status) })")
    }

    @Test func weakWordsDoNotOverruleARulesOwnStatus() {
        // "announced" does not make a completed investment an announcement…
        #expect(draft("Contoso Ltd announced it had invested $10 million in Fabrikam Inc.").deals.first?.status == .completed)
        // …but stands where the rule gives none.
        #expect(draft("Contoso Ltd announced a partnership with Fabrikam Inc.").deals.first?.status == .announced)
        #expect(draft("Contoso Ltd partners with Fabrikam Inc.").deals.first?.status == .inEffect)
    }

    @Test func aLaterSentenceAboutTheDealGivesItsStatus() {
        let d = draft("""
            Fabrikam Robotics Inc. and Contoso Ltd today announced an agreement to form Lakeshore Automation, a joint venture.
            The transaction is subject to regulatory approval and is expected to close in the third quarter of 2024.
            """)
        let venture = d.deals.first { $0.kind == .jointVenture }
        #expect(venture?.status == .pending)
        #expect(venture?.evidence.count == 2)
        #expect(d.events.contains { $0.date?.formatted == "2024-Q3" && $0.deals == [venture?.id ?? ""] })
    }
}
