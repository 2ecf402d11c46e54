import DealModel

/// Turns analysed articles into drafts in the data format's shape: one id per
/// organisation across all of them, one deal (one id) for the same deal reported by
/// several, fields that several definitions give made to agree (so that the datasets
/// load together), and the notes that say what was decided. Drafts are made one
/// article at a time, so that a caller can write each and let it go.
struct DraftAssembler: Sendable {
    let articles: [PackedArticle]
    let identity: OrganisationIdentity
    let documentIDs: [String]
    private let nearMissesOf: [[Int]]
    private let deals: DealMerger

    init(_ articles: [PackedArticle], lexicon: Lexicon) {
        self.articles = articles
        identity = OrganisationIdentity(articles, lexicon: lexicon)
        nearMissesOf = Self.nearMissesByArticle(identity, articles: articles.count)
        documentIDs = DraftDataset.documentIDs(paths: articles.map(\.document.path))
        deals = DealMerger(articles, identity: identity, documentIDs: documentIDs)
    }

    func partnerID(_ a: Int, _ local: Int) -> String { identity.globals[identity.globalOf[a][local]].id }
    func partnerName(_ a: Int, _ local: Int) -> String { identity.globals[identity.globalOf[a][local]].name }

    /// The words of an article's span.
    private func words(_ a: Int, _ span: AnalysedArticle.Span) -> String {
        let u = articles[a].text.utf8
        return String(decoding: u[u.index(u.startIndex, offsetBy: Int(span.lo))..<u.index(u.startIndex, offsetBy: Int(span.hi))], as: UTF8.self)
    }

    private func mark(_ a: Int, _ m: AnalysedArticle.Mark) -> DraftMark { DraftMark(rule: m.rule, matched: words(a, m.span)) }

    func draft(_ a: Int) -> ArticleDraft {
        let packed = articles[a]
        let d = packed.document
        let article = AnalysedArticle(text: packed.text, path: d.path, title: d.title, publisher: d.publisher, url: d.url, published: d.published,
                                      quotes: packed.quotes, organisations: packed.organisations, deals: packed.deals, events: packed.events, notes: packed.notes)
        let quotes = article.quotes.map { DraftQuote(text: words(a, $0.span), document: documentIDs[a], occurrence: $0.occurrence) }
        let document = DraftDocument(id: documentIDs[a], path: article.path, title: article.title, publisher: article.publisher, url: article.url, date: article.published)
        let notes = article.notes.map { DraftNote(kind: $0.kind, message: $0.message, quote: $0.quote.map { quotes[$0] }) } + deals.notes[a] + nearMissNotes(a)
        return ArticleDraft(document: document, partners: partners(a, article, quotes), deals: dealDefinitions(a, article, quotes),
                            events: events(a, article, quotes), notes: notes)
    }

    private func partners(_ a: Int, _ article: AnalysedArticle, _ quotes: [DraftQuote]) -> [DraftPartner] {
        article.organisations.enumerated().compactMap { k, o in
            guard o.proposed else { return nil }
            let name = partnerName(a, k)
            var aliases: [String] = []
            for form in [o.name] + o.forms where form != name && !aliases.contains(form) { aliases.append(form) }
            let products = o.products.map { p in DraftProduct(name: p.name, evidence: p.quote.map { [quotes[$0]] } ?? [], draft: mark(a, p.mark)) }
            return DraftPartner(id: partnerID(a, k), name: name, aliases: aliases, products: products, note: nil,
                                evidence: o.quote.map { [quotes[$0]] } ?? [], draft: mark(a, o.mark))
        }
    }

    private func dealDefinitions(_ a: Int, _ article: AnalysedArticle, _ quotes: [DraftQuote]) -> [DraftDeal] {
        article.deals.enumerated().map { d, deal in
            let decision = deals.decisions[a][d]
            let group = deals.groups[Int(decision.group)]
            var parties: [DraftParty] = []
            for p in deal.parties {
                let pid = partnerID(a, p.organisation)
                if !parties.contains(where: { $0.partner == pid }) { parties.append(DraftParty(partner: pid, role: group.roles[pid] ?? p.role)) }
            }
            var value = decision.keepsValue ? deal.value : nil
            value?.sharedBy = deal.sharedBy.map { partnerID(a, $0) }
            return DraftDeal(id: group.id, title: group.title, kind: deal.kind, status: group.status, parties: parties,
                             date: decision.keepsDate ? deal.date : nil, value: value, amends: nil, products: deal.products, note: nil,
                             evidence: deal.quotes.map { quotes[$0] }, draft: mark(a, deal.mark))
        }
    }

    private func events(_ a: Int, _ article: AnalysedArticle, _ quotes: [DraftQuote]) -> [DraftEvent] {
        var ids = IDAllocator()
        var eventIDs: [String] = []
        let group = { (d: Int) in deals.groups[Int(deals.decisions[a][d].group)] }
        for e in article.events {
            let base: String
            if let d = e.deal {
                let deal = group(d).id
                base = e.date.map { deal + "-" + $0.iso.lowercased() } ?? documentIDs[a] + "-" + deal
            } else {
                base = documentIDs[a] + "-" + (e.partners.first.map { partnerID(a, $0) } ?? "event") + (e.date.map { "-" + $0.iso.lowercased() } ?? "")
            }
            eventIDs.append(ids.take(base))
        }
        return article.events.enumerated().map { k, e in
            var partners: [String] = []
            let dealParties = e.deal.map { d in article.deals[d].parties.map { partnerID(a, $0.organisation) } } ?? []
            for p in e.partners.map({ partnerID(a, $0) }) where !dealParties.contains(p) && !partners.contains(p) { partners.append(p) }
            let order = e.order.map { o in
                DraftOrder(relation: o.relation, anchor: { if case .event(let x) = o.anchor { return eventIDs[x] } else { return DraftOrder.document } }())
            }
            return DraftEvent(id: eventIDs[k], title: e.deal.map { group($0).title } ?? e.title, date: e.date, order: e.date == nil ? order : nil,
                              deals: e.deal.map { [group($0).id] } ?? [], partners: partners, note: e.note,
                              evidence: e.quotes.map { quotes[$0] }, draft: mark(a, e.mark))
        }
    }

    /// Near-misses by article: those naming one of the article's organisations.
    static func nearMissesByArticle(_ identity: OrganisationIdentity, articles: Int) -> [[Int]] {
        var out = [[Int]](repeating: [], count: articles)
        for (k, (g, h)) in identity.nearMisses.enumerated() {
            for a in Set(identity.globals[g].articles + identity.globals[h].articles) { out[a].append(k) }
        }
        return out
    }

    private func nearMissNotes(_ a: Int) -> [DraftNote] {
        var out: [DraftNote] = []
        for k in nearMissesOf[a] {
            let (g, h) = identity.nearMisses[k]
            let x = identity.globals[g], y = identity.globals[h]
            out.append(DraftNote(kind: .nearMiss, message: "\"\(x.name)\" (\(x.id)) and \"\(y.name)\" (\(y.id)) are nearly the same name; they are kept as two partners: merge them if they are one", quote: nil))
        }
        return out
    }
}
