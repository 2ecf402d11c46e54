@testable import DealDrafting
import Testing

/// Several articles drafted together: one identity per organisation, one deal for the
/// same deal, near-misses reported, and fields that must agree made to agree.
@Suite("Drafting: several articles")
struct CrossArticleTests {
    static func drafts(_ texts: [(String, String)]) -> [ArticleDraft] {
        drafter.draft(articles: texts.map { Article(text: $0.1, path: $0.0) })
    }

    @Test func theSameCompanyInTwoArticlesIsOnePartner() {
        let d = Self.drafts([
            ("a.txt", "Fabrikam Robotics Inc. agreed to buy Relecloud Ltd."),
            ("b.txt", "Contoso Ltd invested $5 million in Fabrikam Robotics."),
        ])
        #expect(d[0].partner("Fabrikam Robotics")?.id == "fabrikam-robotics")
        #expect(d[1].partner("Fabrikam Robotics")?.id == "fabrikam-robotics")
        #expect(d[0].partner("Fabrikam Robotics")?.aliases == ["Fabrikam Robotics Inc."])
        #expect(d[1].partner("Fabrikam Robotics")?.aliases == [])
    }

    @Test func nearMissesAreReportedNotMerged() {
        let d = Self.drafts([
            ("a.txt", "Microsoft and Open AI expanded their partnership."),
            ("b.txt", "OpenAI signed a cloud agreement with Oracle."),
        ])
        #expect(d[0].partner("Open AI")?.id == "open-ai")
        #expect(d[1].partner("OpenAI")?.id == "openai")
        for draft in d {
            #expect(draft.notes.contains { $0.kind == .nearMiss && $0.message.contains("\"Open AI\" (open-ai) and \"OpenAI\" (openai)") })
        }
        // Two organisations the lexicon knows are never a near-miss ("Meta", "Beta" aside).
        #expect(!Self.drafts([("a.txt", "Salesforce invested in Anthropic. Salesforce Ventures invested in Cohere.")])[0].notes.contains { $0.kind == .nearMiss })
    }

    @Test func theSameDealInTwoArticlesIsOneDealWithEvidenceFromEach() {
        let d = Self.drafts([
            ("ledger.txt", "Published: 2024-06-12\n\nAster Labs has raised roughly $1.2 billion in a funding round led by General Catalyst, the company said on Tuesday."),
            ("baytech.txt", "Published: 2024-06-11\n\nOn Tuesday General Catalyst led a $1.2 billion round in Aster Labs, with Nvidia among the investors."),
        ])
        let a = d[0].deals.first { $0.kind == .investment }, b = d[1].deals.first { $0.kind == .investment }
        // Different figures ("roughly" or not) are two deals; the same figure is one.
        #expect(a?.id != b?.id)
        let e = Self.drafts([
            ("ledger.txt", "Published: 2024-06-12\n\nAster Labs has raised $1.2 billion in a funding round led by General Catalyst, the company said on Tuesday."),
            ("baytech.txt", "Published: 2024-06-11\n\nOn Tuesday General Catalyst led a $1.2 billion round in Aster Labs. Investors including Nvidia also took part."),
        ])
        let x = e[0].deals.first { $0.kind == .investment }!, y = e[1].deals.first { $0.kind == .investment }!
        #expect(x.id == "general-catalyst-aster-labs-investment" && y.id == x.id)
        #expect(x.evidence.first?.document == "ledger" && y.evidence.first?.document == "baytech")
        // One definition states the value and the date; both agree on status and roles.
        #expect([x.value, y.value].compactMap { $0 }.count == 1)
        #expect([x.date, y.date].compactMap { $0 }.count == 1)
        #expect(x.status == y.status)
        #expect(x.title == y.title)
        #expect(y.parties.contains { $0.partner == "nvidia" && $0.role == "investor" })
        // The dated event is one event too; each article's undated events are its own.
        let dated = e[0].events.first { $0.date != nil }!
        #expect(e[1].events.contains { $0.id == dated.id })
    }

    @Test func statusesThatDisagreeTakeTheLatestArticlesAndSaySo() {
        let d = Self.drafts([
            ("later.txt", "Published: 2024-09-30\n\nContoso Ltd completed its acquisition of Fabrikam Inc."),
            ("earlier.txt", "Published: 2024-03-01\n\nContoso Ltd is in talks to acquire Fabrikam Inc."),
        ])
        #expect(d[0].deals.first?.status == .completed && d[1].deals.first?.status == .completed)
        #expect(d[1].notes.contains { $0.kind == .disagreement && $0.message.contains("\"in-talks\"") && $0.message.contains("from later") })
        #expect(!d[0].notes.contains { $0.kind == .disagreement })
    }

    @Test func documentIdsAreUniqueAndUndatedEventsBelongToTheirDocument() {
        let d = Self.drafts([
            ("news/deal.txt", "Contoso Ltd agreed to buy Fabrikam Inc."),
            ("other/deal.txt", "Contoso Ltd agreed to buy Fabrikam Inc."),
        ])
        #expect(d.map(\.document.id) == ["deal", "deal-2"])
        #expect(d[0].deals.first?.id == d[1].deals.first?.id)
        #expect(d[0].events.first?.id != d[1].events.first?.id)
        #expect(d.allSatisfy { $0.events.first?.order == DraftOrder(relation: .before, anchor: DraftOrder.document) })
    }

    @Test func draftingIsDeterministic() throws {
        let names = ["fabrikam-contoso-venture", "aster-funding-ledger", "aster-funding-baytech", "openai-amd-chips"]
        let articles = try names.map(fixture)
        func summary(_ ds: [ArticleDraft]) -> [String] {
            ds.flatMap { d in
                d.partners.map { "\($0.id) \($0.name) \($0.aliases)" } + d.deals.map { "\($0.id) \($0.status) \($0.parties) \(String(describing: $0.value)) \($0.evidence)" }
                    + d.events.map { "\($0.id) \(String(describing: $0.date)) \(String(describing: $0.order)) \($0.evidence)" } + d.notes.map(\.message)
            }
        }
        let first = summary(drafter.draft(articles: articles))
        for _ in 0..<3 { #expect(summary(drafter.draft(articles: articles)) == first) }
    }
}
