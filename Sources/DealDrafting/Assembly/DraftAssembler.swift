/// Turns analysed articles into drafts in the data format's shape: one id per
/// organisation across all of them, one deal (one id) for the same deal reported by
/// several, fields that several definitions give made to agree (so that the datasets
/// load together), and the notes that say what was decided.
struct DraftAssembler {
    let articles: [AnalysedArticle]
    let lexicon: Lexicon
    let identity: OrganisationIdentity
    var documentIDs: [String] = []
    var notes: [[DraftNote]]

    init(_ articles: [AnalysedArticle], lexicon: Lexicon) {
        self.articles = articles
        self.lexicon = lexicon
        identity = OrganisationIdentity(articles, lexicon: lexicon)
        notes = articles.map { _ in [] }
        var ids = IDAllocator()
        for a in articles {
            let base = a.path.map { Files.baseName($0) }.map { name in
                name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
            } ?? "article"
            documentIDs.append(ids.take(Slug.of(base)))
        }
    }

    func quote(_ a: Int, _ q: Int) -> DraftQuote {
        DraftQuote(text: articles[a].quotes[q].text, document: documentIDs[a], occurrence: articles[a].quotes[q].occurrence)
    }

    func partnerID(_ a: Int, _ local: Int) -> String { identity.globals[identity.globalOf[a][local]].id }
    func partnerName(_ a: Int, _ local: Int) -> String { identity.globals[identity.globalOf[a][local]].name }

    mutating func assemble() -> [ArticleDraft] {
        let deals = DealMerger(self).merge()
        var out: [ArticleDraft] = []
        for (a, article) in articles.enumerated() {
            let document = DraftDocument(id: documentIDs[a], path: article.path, title: article.title, publisher: article.publisher, url: article.url, date: article.published)
            var draft = ArticleDraft(document: document, partners: partners(a), deals: deals.definitions[a], events: events(a, deals: deals), notes: [])
            draft.notes = article.notes.map { DraftNote(kind: $0.kind, message: $0.message, quote: $0.quote.map { q in quote(a, q) }) } + deals.notes[a] + nearMissNotes(a)
            out.append(draft)
        }
        return out
    }

    private func partners(_ a: Int) -> [DraftPartner] {
        articles[a].organisations.enumerated().compactMap { k, o in
            guard o.proposed else { return nil }
            let name = partnerName(a, k)
            var aliases: [String] = []
            for form in [o.name] + o.forms where form != name && !aliases.contains(form) { aliases.append(form) }
            let products = o.products.map { p in DraftProduct(name: p.name, evidence: p.quote.map { [quote(a, $0)] } ?? [], draft: p.mark) }
            return DraftPartner(id: partnerID(a, k), name: name, aliases: aliases, products: products, note: nil,
                                evidence: o.quote.map { [quote(a, $0)] } ?? [], draft: o.mark)
        }
    }

    private func events(_ a: Int, deals: DealMerger.Result) -> [DraftEvent] {
        var ids = IDAllocator()
        var eventIDs: [String] = []
        for e in articles[a].events {
            let base: String
            if let d = e.deal {
                let deal = deals.dealID[a][d]
                base = e.date.map { deal + "-" + $0.iso.lowercased() } ?? documentIDs[a] + "-" + deal
            } else {
                base = documentIDs[a] + "-" + (e.partners.first.map { partnerID(a, $0) } ?? "event") + (e.date.map { "-" + $0.iso.lowercased() } ?? "")
            }
            eventIDs.append(ids.take(base))
        }
        return articles[a].events.enumerated().map { k, e in
            var partners: [String] = []
            let dealParties = e.deal.map { d in articles[a].deals[d].parties.map { partnerID(a, $0.organisation) } } ?? []
            for p in e.partners.map({ partnerID(a, $0) }) where !dealParties.contains(p) && !partners.contains(p) { partners.append(p) }
            let order = e.order.map { o in
                DraftOrder(relation: o.relation, anchor: { if case .event(let x) = o.anchor { return eventIDs[x] } else { return DraftOrder.document } }())
            }
            return DraftEvent(id: eventIDs[k], title: e.deal.map { deals.titles[a][$0] } ?? e.title, date: e.date, order: e.date == nil ? order : nil,
                              deals: e.deal.map { [deals.dealID[a][$0]] } ?? [], partners: partners, note: e.note,
                              evidence: e.quotes.map { quote(a, $0) }, draft: e.mark)
        }
    }

    private func nearMissNotes(_ a: Int) -> [DraftNote] {
        var out: [DraftNote] = []
        for (g, h) in identity.nearMisses {
            let mine = identity.globals[g].members.contains { $0.0 == a } || identity.globals[h].members.contains { $0.0 == a }
            let gLex = identity.globals[g].members.contains { articles[$0.0].organisations[$0.1].lexicon != nil }
            let hLex = identity.globals[h].members.contains { articles[$0.0].organisations[$0.1].lexicon != nil }
            guard mine, !(gLex && hLex) else { continue }
            let x = identity.globals[g], y = identity.globals[h]
            out.append(DraftNote(kind: .nearMiss, message: "\"\(x.name)\" (\(x.id)) and \"\(y.name)\" (\(y.id)) are nearly the same name; they are kept as two partners: merge them if they are one", quote: nil))
        }
        return out
    }
}
