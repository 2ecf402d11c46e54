@testable import DealDrafting
import Testing

/// Undated events take their order from the article's words.
@Suite("Drafting: order of events")
struct OrderTests {
    @Test func atTheSameTimeTiesAnEventToTheOneBefore() {
        let d = draft("OpenAI signed a cloud agreement with Oracle. At the same time, OpenAI deepened ties with Apple.")
        let apple = d.events.first { $0.deals.contains { $0.contains("apple") } }
        let oracle = d.events.first { $0.deals.contains { $0.contains("oracle") } }
        #expect(apple?.order == DraftOrder(relation: .with, anchor: oracle?.id ?? ""))
        #expect(oracle?.order == DraftOrder(relation: .before, anchor: DraftOrder.document))
    }

    @Test func followsAndAfterPutOneEventAfterAnother() {
        let d = draft("Fabrikam Inc. signed a supply agreement with Contoso Ltd after Contoso Ltd acquired Tailspin Inc.")
        let supply = d.events.first { $0.deals == [d.deals.first { $0.kind == .supply }?.id ?? ""] }
        let purchase = d.events.first { $0.deals == [d.deals.first { $0.kind == .acquisition }?.id ?? ""] }
        #expect(supply?.order == DraftOrder(relation: .after, anchor: purchase?.id ?? ""))
        let e = draft("The agreement between Fabrikam Inc. and Contoso Ltd follows Contoso Ltd's acquisition of Tailspin Inc.")
        #expect(e.events.contains { $0.order?.relation == .after || $0.order?.relation == .before && $0.order?.anchor != DraftOrder.document })
    }

    @Test func aDatedEventHasNoOrderAndAnUndatedOneIsBeforeItsDocument() {
        let d = draft("OpenAI signed a cloud agreement with Oracle in 2024. OpenAI deepened ties with Apple.")
        #expect(d.events.first { $0.date != nil }?.order == nil)
        #expect(d.events.first { $0.date == nil }?.order == DraftOrder(relation: .before, anchor: DraftOrder.document))
    }
}
