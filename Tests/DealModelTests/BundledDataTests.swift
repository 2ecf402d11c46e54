@testable import DealModel
import Testing

/// The bundled article (Assets/openai-microsoft-alliance.*): evidence, timeline and queries.
@Suite("Bundled data")
struct BundledDataTests {
    let c = bundled

    // MARK: Evidence

    /// The quotes written in the dataset file, per record, read with the JSON parser alone.
    /// The quotes as written in the bundled file, per record: its own, then its products'.
    static func writtenQuotes() throws -> [String: [String]] {
        guard case .success(let bytes) = FileAccess.read(Paths.bundledDataset) else {
            Issue.record("cannot read \(Paths.bundledDataset)")
            return [:]
        }
        let root = try JSONParser.parse(bytes)
        func member(_ node: JSONNode, _ key: String) -> JSONNode? {
            guard case .object(let members) = node.value else { return nil }
            return members.first { $0.key == key }?.value
        }
        func items(_ node: JSONNode?) -> [JSONNode] {
            guard let node, case .array(let a) = node.value else { return [] }
            return a
        }
        func string(_ node: JSONNode?) -> String {
            guard let node, case .string(let s) = node.value else { return "" }
            return s
        }
        func text(_ quote: JSONNode) -> String { member(quote, "text").map { string($0) } ?? string(quote) }
        var counts: [String: [String]] = [:]
        for kind in ["partners", "deals", "events"] {
            for record in items(member(root, kind)) {
                let id = string(member(record, "id"))
                counts["\(kind) \(id)", default: []] += items(member(record, "evidence")).map(text)
                for product in items(member(record, "products")) where member(product, "evidence") != nil {
                    counts["\(kind) \(id)", default: []] += items(member(product, "evidence")).map(text)
                }
            }
        }
        return counts
    }

    @Test func theBundledDataLoadsWithoutProblems() {
        let (catalog, problems) = DatasetLoader.check(path: Paths.bundledDataset)
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog != nil)
        #expect(c.partners.count == 8)
        #expect(c.deals.count == 12)
        #expect(c.events.count == 10)
        #expect(c.documents.map(\.id) == ["article"])
        #expect(c.documents[0].date == nil)
    }

    @Test func theBundledDataIsFoundWithoutAPath() throws {
        // The default (no --data) finds Assets/ beside or above the build, or from the source tree.
        let catalog = try DatasetLoader.load(path: nil)
        #expect(catalog.allIDs == c.allIDs)
    }

    @Test func everyQuoteOfEveryRecordResolvesExactlyOnce() throws {
        let written = try Self.writtenQuotes()
        var located: [String: [Evidence]] = [:]
        for p in c.partners { located["partners \(p.id)"] = p.evidence + p.products.flatMap(\.evidence) }
        for d in c.deals { located["deals \(d.id)"] = d.evidence }
        for e in c.events { located["events \(e.id)"] = e.evidence }
        #expect(located.mapValues(\.count) == written.mapValues(\.count), "every quote written in the file is located, none dropped")

        for (record, evidence) in located {
            for (e, quote) in zip(evidence, written[record] ?? []) {
                let doc = e.document
                let text = doc.text
                #expect(e.range.lowerBound >= text.startIndex && e.range.upperBound <= text.endIndex, "\(record)")
                #expect(!e.range.isEmpty, "\(record)")
                // The located words are the quote, up to the tolerated differences.
                #expect(QuoteMatcher.foldQuery(String(e.matchedText)) == QuoteMatcher.foldQuery(quote),
                        "\(record): \"\(e.matchedText)\" vs \"\(quote)\"")
                // And it is the only place the quote matches.
                let matches = doc.matches(of: quote)
                #expect(matches.count == 1, "\(record): \"\(quote)\" matches \(matches.count) times")
                #expect(matches.first == e.range, "\(record)")
                // Positions agree with the range.
                #expect(e.characterRange.lowerBound == text.distance(from: text.startIndex, to: e.range.lowerBound))
                #expect(e.characterRange.count == text.distance(from: e.range.lowerBound, to: e.range.upperBound))
                #expect(doc.paragraphs[e.paragraph].contains(e.range.lowerBound), "\(record)")
                #expect(doc.sentences[e.sentence].contains(e.range.lowerBound), "\(record)")
                #expect(e.sentenceText.contains(e.matchedText), "\(record)")
            }
        }
    }

    @Test func typographicQuotesInTheArticleAreMatchedFromStraightOnes() throws {
        // The dataset writes ' and - where the article has ’ and the non-breaking hyphen U+2011.
        let licence = c.deal(id: "msft-openai-licence")!
        let e = licence.evidence.first { $0.matchedText.hasPrefix("Microsoft confirmed") }!
        #expect(try Self.writtenQuotes()["deals msft-openai-licence"]!.contains { $0.hasPrefix("Microsoft confirmed") && $0.contains("OpenAI's") })
        #expect(e.matchedText.contains("OpenAI\u{2019}s"))
        let statement = c.event(id: "joint-statement")!
        let side = statement.evidence.first { $0.matchedText.contains("side\u{2011}by") }!
        #expect(try Self.writtenQuotes()["events joint-statement"]!.contains { $0.contains("side-by-side") })
        #expect(side.matchedText.contains("side\u{2011}by\u{2011}side"))
    }

    // MARK: Timeline

    /// The order the rules of docs/data-format.md ("Timeline order") give for the article:
    /// 1. dated events by date, the coarser first: 2023, then 2025, then 2025-10;
    /// 2. the document has no date, so its anchor comes after every dated event;
    /// 3. joint-statement is `after` october-2025-update, so it follows that event, with the
    ///    events attached to it: before it funding-disclosed and rumours (both `before`,
    ///    in document order: funding-disclosed's first quote is in paragraph 1, the rumours
    ///    are the last paragraph), funding-disclosed carrying displacement-questions (`after`
    ///    it), which carries apple-ties-deepened (`with` it); behind it
    ///    microsoft-confirms-licence-and-ip (`with`).
    ///    claude-added-to-azure has no order: `before` the document, i.e. after the dated
    ///    chains and ahead of the document anchor.
    static let timeline = [
        "relationship-expanded-2023",
        "framework-agreed-2025",
        "october-2025-update",
        "funding-disclosed",
        "displacement-questions",
        "apple-ties-deepened",
        "rumours-microsoft-dumping-openai",
        "joint-statement",
        "microsoft-confirms-licence-and-ip",
        "claude-added-to-azure",
    ]

    @Test func timelineOrder() {
        #expect(c.events.map(\.id) == Self.timeline)
    }

    @Test func timelineRespectsEveryOrderRelation() {
        let position = Dictionary(uniqueKeysWithValues: c.events.enumerated().map { ($1.id, $0) })
        // Dated events: by date, coarser first.
        let dated = c.events.filter { $0.date != nil }
        #expect(dated.map(\.date!.sortKey) == dated.map(\.date!.sortKey).sorted { $0.lexicographicallyPrecedes($1) })
        for e in c.events {
            guard let o = e.order, o.anchor != EventOrder.documentAnchor else { continue }
            let me = position[e.id]!, anchor = position[o.anchor]!
            switch o.relation {
            case .before: #expect(me < anchor, "\(e.id) before \(o.anchor)")
            case .with: #expect(me == anchor + 1, "\(e.id) just behind \(o.anchor)")
            case .after: #expect(me > anchor, "\(e.id) after \(o.anchor)")
            }
        }
    }

    @Test func yearAndMonthPrecisionAreKept() throws {
        let y = try #require(c.event(id: "relationship-expanded-2023")?.date)
        #expect(y.precision == .year)
        #expect(y.month == nil && y.day == nil)
        #expect(y.display == "2023")
        #expect(y.iso == "2023")
        let m = try #require(c.event(id: "october-2025-update")?.date)
        #expect(m.precision == .month)
        #expect(m.display == "Oct 2025")
        #expect(m.iso == "2025-10")
        #expect(c.deal(id: "framework-2025")?.date?.display == "2025")
        #expect(c.event(id: "joint-statement")?.date == nil)
    }

    // MARK: Partners, kinds, dates, text

    static let dealOrder = [
        "msft-openai-partnership", "framework-2025", "october-2025-update",
        "openai-new-funding", "openai-oracle-cloud", "openai-apple-chatgpt",
        "msft-openai-licence", "azure-openai-cloud", "openai-amazon-arrangement",
        "azure-stateless-api-hosting", "msft-openai-ip", "azure-claude",
    ]

    @Test func dealsFollowTheTimelineOfTheirFirstEvent() {
        // relationship-expanded-2023 → partnership; framework-agreed-2025 → framework;
        // october-2025-update → update; funding-disclosed → funding, oracle; apple-ties → apple;
        // joint-statement → licence, azure cloud, amazon, stateless (as written); the
        // Microsoft confirmation → IP; claude-added → azure-claude.
        #expect(c.deals.map(\.id) == Self.dealOrder)
    }

    @Test func dealsBetweenMicrosoftAndOpenAI() {
        let q = DealQuery(partners: ["microsoft", "openai"], partnerMode: .all)
        #expect(c.dealIDs(matching: q) == [
            "msft-openai-partnership", "framework-2025", "october-2025-update", "msft-openai-licence",
            "azure-openai-cloud", "azure-stateless-api-hosting", "msft-openai-ip",
        ])
    }

    @Test func dealsInvolvingAmazon() {
        #expect(c.dealIDs(matching: DealQuery(partners: ["amazon"])) == ["openai-new-funding", "openai-amazon-arrangement"])
        #expect(c.dealIDs(matching: DealQuery(partners: ["amazon"], partnerMode: .any)) == ["openai-new-funding", "openai-amazon-arrangement"])
    }

    @Test func anyAndAllPartnerModes() {
        #expect(c.dealIDs(matching: DealQuery(partners: ["amazon", "apple"], partnerMode: .any))
            == ["openai-new-funding", "openai-apple-chatgpt", "openai-amazon-arrangement"])
        #expect(c.dealIDs(matching: DealQuery(partners: ["amazon", "apple"], partnerMode: .all)) == [])
        #expect(c.dealIDs(matching: DealQuery(partners: ["amazon", "nvidia", "softbank"], partnerMode: .all)) == ["openai-new-funding"])
        // Events: partners of an event include the parties of its deals.
        #expect(c.eventIDs(matching: DealQuery(partners: ["amazon"]))
            == ["funding-disclosed", "displacement-questions", "joint-statement"])
        #expect(c.eventIDs(matching: DealQuery(partners: ["anthropic", "apple"], partnerMode: .any))
            == ["apple-ties-deepened", "claude-added-to-azure"])
    }

    @Test func kindFilter() {
        #expect(c.dealIDs(matching: DealQuery(kinds: [.licence])) == ["msft-openai-licence"])
        #expect(c.dealIDs(matching: DealQuery(kinds: [.cloud])) == ["openai-oracle-cloud", "azure-openai-cloud"])
        #expect(c.dealIDs(matching: DealQuery(kinds: [.modelHosting, .intellectualProperty]))
            == ["azure-stateless-api-hosting", "msft-openai-ip", "azure-claude"])
        #expect(c.dealIDs(matching: DealQuery(partners: ["oracle"], kinds: [.cloud, .licence])) == ["openai-oracle-cloud"])
        // Events keep those with a deal of the kind.
        #expect(c.eventIDs(matching: DealQuery(kinds: [.licence])) == ["joint-statement", "microsoft-confirms-licence-and-ip"])
    }

    @Test func dateRangeRespectsPrecisionAndOrderRelations() {
        // "2025" may be any day of 2025, so it overlaps June 2025 onwards.
        // joint-statement is after Oct 2025 (bounded below), and the Microsoft confirmation
        // is at the same time. Events before joint-statement, or before the undated
        // document, have no bound at all and cannot be placed in a range.
        #expect(c.eventIDs(matching: DealQuery(from: date("2025-06")))
            == ["framework-agreed-2025", "october-2025-update", "joint-statement", "microsoft-confirms-licence-and-ip"])
        #expect(c.eventIDs(matching: DealQuery(from: date("2025-10")))
            == ["framework-agreed-2025", "october-2025-update", "joint-statement", "microsoft-confirms-licence-and-ip"])
        // Nothing dated reaches 2026, but the statement has no upper bound.
        #expect(c.eventIDs(matching: DealQuery(from: date("2026"))) == ["joint-statement", "microsoft-confirms-licence-and-ip"])
        #expect(c.eventIDs(matching: DealQuery(to: date("2024"))) == ["relationship-expanded-2023"])
        // Up to Sep 2025: the year 2025 may be early 2025; October and later may not.
        #expect(c.eventIDs(matching: DealQuery(to: date("2025-09"))) == ["relationship-expanded-2023", "framework-agreed-2025"])
        // A day inside the month still overlaps it.
        #expect(c.eventIDs(matching: DealQuery(from: date("2025-10-31"), to: date("2025-10-31")))
            == ["framework-agreed-2025", "october-2025-update", "joint-statement", "microsoft-confirms-licence-and-ip"])
        #expect(c.eventIDs(matching: DealQuery(from: date("2025-11"), to: date("2025-12")))
            == ["framework-agreed-2025", "joint-statement", "microsoft-confirms-licence-and-ip"])
    }

    @Test func dateRangeOnDeals() {
        // A dated deal by its date; an undated one by its events.
        #expect(c.dealIDs(matching: DealQuery(from: date("2025-06"))) == [
            "msft-openai-partnership", "framework-2025", "october-2025-update", "msft-openai-licence",
            "azure-openai-cloud", "openai-amazon-arrangement", "azure-stateless-api-hosting", "msft-openai-ip",
        ])
        #expect(c.dealIDs(matching: DealQuery(to: date("2024"))) == ["msft-openai-partnership"])
    }

    @Test func textSearchIgnoresCase() {
        // Partners: Microsoft owns Azure; Anthropic's evidence says "its Azure AI offering".
        #expect(c.partnerIDs(c.partnerIndices(matchingText: "AZURE")) == ["anthropic", "microsoft"])
        #expect(c.partnerIDs(c.partnerIndices(matchingText: "chatgpt")) == ["apple", "openai"])
        #expect(c.partnerIndices(matchingText: "AZURE") == c.partnerIndices(matchingText: "azure"))
        #expect(c.dealIDs(matching: DealQuery(text: "ORACLE CLOUD")) == ["openai-oracle-cloud"])
        // The Amazon arrangement's note speaks of stateless API calls too.
        #expect(c.dealIDs(matching: DealQuery(text: "  STATELESS  ")) == ["openai-amazon-arrangement", "azure-stateless-api-hosting"])
        // A deal is found by its own words (title, products, quotes, note) and its
        // parties' names, not by every product its parties own: "Azure" finds the deals
        // that involve Azure, not every Microsoft deal.
        let azure = c.dealIDs(matching: DealQuery(text: "AZURE"))
        #expect(Set(azure).isSuperset(of: ["azure-openai-cloud", "azure-stateless-api-hosting", "azure-claude"]))
        #expect(!azure.contains("msft-openai-ip"))
        #expect(!azure.contains("october-2025-update"))
        #expect(!azure.contains("openai-apple-chatgpt"))
        #expect(c.dealIDs(matching: DealQuery(text: "chatgpt")) == ["openai-apple-chatgpt"])
        #expect(c.dealIDs(matching: DealQuery(text: "amazon")).contains("openai-amazon-arrangement"))
    }

    @Test func textSearchIgnoresDiacritics() {
        // Amazon's and SoftBank's evidence is "new funding and partnerships from Amazon, Nvidia and SoftBank".
        #expect(c.partnerIDs(c.partnerIndices(matchingText: "Nvídia")) == ["amazon", "nvidia", "softbank"])
        #expect(c.partnerIDs(c.partnerIndices(matchingText: "NVÍDIA")) == ["amazon", "nvidia", "softbank"])
        #expect(c.dealIDs(matching: DealQuery(text: "Nvídia")) == ["openai-new-funding"])
        #expect(c.eventIDs(matching: DealQuery(text: "nvídiá")) == ["funding-disclosed", "displacement-questions"])
        #expect(c.partnerMatches(c.index(ofPartner: "softbank"), text: "SOFTBÄNK"))
        #expect(!c.partnerMatches(c.index(ofPartner: "softbank"), text: "hardbank"))
        #expect(TextFolding.fold("Café “Zürich” — Straße") == TextFolding.fold("cafe \"zurich\" - straße"))
    }

    @Test func counterparties() {
        #expect(c.partnerIDs(c.counterparties(of: c.index(ofPartner: "microsoft"))) == ["anthropic", "openai"])
        // Amazon, Nvidia and SoftBank are co-funders of one round: each one's counterparty
        // is OpenAI, the recipient, not the other funders.
        #expect(c.partnerIDs(c.counterparties(of: c.index(ofPartner: "amazon"))) == ["openai"])
        #expect(c.partnerIDs(c.counterparties(of: c.index(ofPartner: "oracle"))) == ["openai"])
        #expect(c.partnerIDs(c.counterparties(of: c.index(ofPartner: "openai")))
            == ["amazon", "apple", "microsoft", "nvidia", "oracle", "softbank"])
        // Partners are listed by name.
        #expect(c.partners.map(\.id) == ["amazon", "anthropic", "apple", "microsoft", "nvidia", "openai", "oracle", "softbank"])
    }

    @Test func neighbourEvents() {
        let all = Array(c.events.indices)
        let october = c.index(ofEvent: "october-2025-update")
        #expect(c.neighbour(of: october, in: all, forward: true).map { c.events[$0].id } == "funding-disclosed")
        #expect(c.neighbour(of: october, in: all, forward: false).map { c.events[$0].id } == "framework-agreed-2025")
        #expect(c.neighbour(of: 0, in: all, forward: false) == nil)
        #expect(c.neighbour(of: all.count - 1, in: all, forward: true) == nil)
        // In a filtered list, and from an event that is not in it: the nearest in timeline order.
        let amazon = c.eventIndices(matching: DealQuery(partners: ["amazon"]))
        let funding = c.index(ofEvent: "funding-disclosed")
        #expect(c.neighbour(of: funding, in: amazon, forward: true) == c.index(ofEvent: "displacement-questions"))
        #expect(c.neighbour(of: october, in: amazon, forward: true) == funding)
        #expect(c.neighbour(of: c.index(ofEvent: "apple-ties-deepened"), in: amazon, forward: false) == c.index(ofEvent: "displacement-questions"))
        #expect(c.neighbour(of: c.index(ofEvent: "claude-added-to-azure"), in: amazon, forward: true) == nil)
    }

    @Test func eventsOfADealAndDealsOfAnEvent() {
        let partnership = c.index(ofDeal: "msft-openai-partnership")
        #expect(c.eventIDs(c.eventsOfDeal[partnership]) == ["relationship-expanded-2023", "october-2025-update", "joint-statement"])
        #expect(c.eventIDs(c.eventsOfDeal[c.index(ofDeal: "msft-openai-licence")]) == ["joint-statement", "microsoft-confirms-licence-and-ip"])
        let statement = c.index(ofEvent: "joint-statement")
        #expect(c.dealIDs(c.dealsOfEvent[statement]) == [
            "msft-openai-partnership", "framework-2025", "october-2025-update", "msft-openai-licence",
            "azure-openai-cloud", "openai-amazon-arrangement", "azure-stateless-api-hosting",
        ])
        #expect(c.dealsOfEvent[c.index(ofEvent: "rumours-microsoft-dumping-openai")].isEmpty)
        // Partners of an event: those it names and the parties of its deals.
        #expect(c.partnerIDs(c.partnersOfEvent[c.index(ofEvent: "rumours-microsoft-dumping-openai")]) == ["microsoft", "openai"])
        #expect(c.partnerIDs(c.partnersOfEvent[c.index(ofEvent: "displacement-questions")])
            == ["amazon", "microsoft", "nvidia", "openai", "oracle", "softbank"])
        // Deal and event relations agree both ways.
        for (d, events) in c.eventsOfDeal.enumerated() {
            for e in events { #expect(c.dealsOfEvent[e].contains(d)) }
        }
    }

    @Test func lookupPartnerByIDNameAndProduct() {
        func id(_ q: String) -> String? {
            if case .success(let i) = c.lookupPartner(q) { return c.partners[i].id }
            return nil
        }
        #expect(id("openai") == "openai")
        #expect(id("OpenAI") == "openai")
        #expect(id("  softbank ") == "softbank")
        #expect(id("Azure") == "microsoft")
        #expect(id("azure ai") == "microsoft")
        #expect(id("ChatGPT") == "openai")
        #expect(id("iPadOS") == "apple")
        #expect(id("Claude") == "anthropic")
        #expect(id("Nvídia") == "nvidia")
    }

    @Test func lookupPartnerSuggestsTheClosestName() {
        guard case .failure(let e) = c.lookupPartner("amazn") else {
            Issue.record("\"amazn\" must not resolve")
            return
        }
        guard case .unknown(let q, let suggestion) = e else {
            Issue.record("expected .unknown, got \(e)")
            return
        }
        #expect(q == "amazn")
        #expect(suggestion == "Amazon")
        #expect(e.description == "unknown partner \"amazn\" (did you mean Amazon?)")
        // A product's misspelling suggests its owner.
        if case .failure(.unknown(_, let s)) = c.lookupPartner("Azuer") { #expect(s == "Microsoft") } else { Issue.record("Azuer resolved") }
        // Nothing close: the known partners are listed instead.
        if case .failure(let e) = c.lookupPartner("qqqqqqqqqq") {
            #expect(e.description == "unknown partner \"qqqqqqqqqq\"; the partners are Amazon, Anthropic, Apple, Microsoft, Nvidia, OpenAI, Oracle, SoftBank")
        } else { Issue.record("qqqqqqqqqq resolved") }
    }

    @Test func amountIsSharedAndNotSplit() throws {
        let funding = try #require(c.deal(id: "openai-new-funding"))
        let v = try #require(funding.value)
        #expect(v.amount == 110_000_000_000)
        #expect(v.approximate)
        #expect(v.sharedBy == ["amazon", "nvidia", "softbank"])
        #expect(v.compact == "≈110bn USD" && v.listed == "≈110bn USD Σ")
    }
}
