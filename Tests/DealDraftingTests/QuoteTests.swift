@testable import DealDrafting
import DealModel
import Testing

/// Every quote a draft writes is the document's own words and is located exactly once
/// under the loader's matching rules (DealModel's `SourceDocument`), `occurrence`
/// choosing among repeats; every draft mark's words are the document's.
@Suite("Drafting: quotes")
struct QuoteTests {
    static func allQuotes(_ d: ArticleDraft) -> [DraftQuote] {
        d.partners.flatMap { $0.evidence + $0.products.flatMap(\.evidence) } + d.deals.flatMap(\.evidence) + d.events.flatMap(\.evidence)
            + d.notes.compactMap(\.quote)
    }

    static func marks(_ d: ArticleDraft) -> [DraftMark] {
        d.partners.flatMap { [$0.draft] + $0.products.map(\.draft) } + d.deals.map(\.draft) + d.events.map(\.draft)
    }

    /// Checks a draft against its document, as the loader would.
    static func check(_ d: ArticleDraft, text: String) {
        let document = SourceDocument(id: d.document.id, title: nil, date: nil, path: "", text: text)
        let quotes = allQuotes(d)
        #expect(!quotes.isEmpty)
        for q in quotes {
            #expect(q.document == d.document.id)
            #expect(q.text.count >= 3)
            let matches = document.matches(of: q.text)
            if let n = q.occurrence {
                #expect(matches.count > 1 && n <= matches.count, "\(q.text) #\(n) of \(matches.count)")
            } else {
                #expect(matches.count == 1, "\(q.text) matches \(matches.count) times")
            }
        }
        for m in marks(d) {
            #expect(text.contains(m.matched), "the mark \(m.rule) matched words not in the text: \(m.matched)")
            #expect(m.rule.contains("."))
        }
        // Every record has evidence; a record proposed from the text is never without it.
        #expect(d.partners.allSatisfy { !$0.evidence.isEmpty })
        #expect(d.deals.allSatisfy { !$0.evidence.isEmpty })
        #expect(d.events.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func aRepeatedSentenceIsQuotedWithItsOccurrence() {
        let text = """
            Amazon invested $4 billion in Anthropic.
            Analysts were surprised.
            Amazon invested $4 billion in Anthropic.
            Anthropic named AWS its primary cloud provider.
            """
        let d = draft(text)
        Self.check(d, text: text)
        let deal = d.deal(.investment, "Amazon", "Anthropic")
        #expect(deal?.evidence.map(\.occurrence) == [1, 2])
        #expect(deal?.evidence.first?.text == "Amazon invested $4 billion in Anthropic.")
    }

    @Test func typographicQuotesAndDashesAreQuotedAsWritten() {
        let text = "OpenAI’s “frontier” deal: Microsoft invested $13 billion in OpenAI — the largest so far.\nMicrosoft invested $13 billion in OpenAI - the largest so far."
        let d = draft(text)
        Self.check(d, text: text)
        // The second sentence's words, folded, also lie inside the first line: it is the
        // second occurrence; the first line occurs once.
        #expect(d.deals.first?.evidence.map(\.occurrence) == [nil, 2])
    }

    @Test(arguments: ["fabrikam-contoso-venture", "aster-funding-ledger", "cloud-compute-note", "halcyon-brightwater-cma", "openai-amd-chips",
                      "northwind-tailspin-licence", "proseware-adatum-talks", "infrastructure-digest", "aster-funding-baytech", "ai-deals-briefing"])
    func everyQuoteOfTheTestArticlesLocatesExactlyOnce(_ name: String) throws {
        let article = try fixture(name)
        Self.check(drafter.draft(article: article), text: article.text)
    }

    @Test func theBundledArticleDraftsWithLocatedQuotes() throws {
        let article = try Article.read(path: Paths.assets + "/openai-microsoft-alliance.txt")
        Self.check(drafter.draft(article: article), text: article.text)
    }

    /// The drafted partners and events, written as a dataset of today's format, load
    /// through DealModel's own loader without a problem.
    @Test func draftedEvidenceLoadsThroughTheDatasetLoader() throws {
        let article = try fixture("halcyon-brightwater-cma")
        let d = drafter.draft(article: article)
        func quotes(_ e: [DraftQuote]) -> String {
            "[" + e.map { q in "{\"text\": \(json(q.text))" + (q.occurrence.map { ", \"occurrence\": \($0)" } ?? "") + "}" }.joined(separator: ", ") + "]"
        }
        let partners = d.partners.map { p in
            "{\"id\": \"\(p.id)\", \"name\": \(json(p.name)), \"aliases\": [\(p.aliases.map(json).joined(separator: ", "))], \"evidence\": \(quotes(p.evidence))}"
        }
        let events = d.events.filter { $0.date.map { $0.precision != .half && $0.precision != .quarter } ?? true }.map { e in
            "{\"id\": \"\(e.id)\", \"title\": \(json(e.title)), \"date\": \(e.date.map { json($0.formatted) } ?? "null"), \"partners\": [\(e.partners.map(json).joined(separator: ", "))], \"evidence\": \(quotes(e.evidence))}"
        }
        let dataset = """
            {"dealscope": 1, "documents": [{"id": "\(d.document.id)", "path": "halcyon-brightwater-cma.txt"}],
             "partners": [\(partners.joined(separator: ",\n"))], "events": [\(events.joined(separator: ",\n"))]}
            """
        let (catalog, problems) = DatasetLoader.check(json: Array(dataset.utf8), file: "draft.json", directory: Paths.fixtures)
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        #expect(catalog?.partners.count == d.partners.count)
        #expect(catalog?.events.count == events.count)
    }

    private func json(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
