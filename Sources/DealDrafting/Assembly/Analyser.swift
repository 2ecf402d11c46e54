import DealModel
/// Drafts one article on its own: names, amounts, dates, deal proposals, then deals,
/// events and organisations numbered within the article, with located quotes.
struct Analyser {
    let text: ArticleText
    let lexicon: Lexicon
    let names: Names
    let amounts: [AmountMention]
    let dates: [DateMention]
    let proposals: [Proposal]
    let usedSentences: Set<Int>
    var out: AnalysedArticle
    var quotes = QuoteBook()
    /// Where the article speaks of each event (token positions), for order words.
    var eventAnchors: [[Int]] = []
    /// Sentences that are evidence of a deal.
    var dealSentences = Set<Int>()

    static func analyse(_ article: Article, lexicon: Lexicon) -> AnalysedArticle {
        var notes: [AnalysedArticle.Note] = []
        var published = article.published
        if published == nil, let written = article.headerPublished {
            published = DraftDate.parse(written) ?? DateFinder.standalone(written, lexicon: lexicon)
            if published == nil {
                notes.append(.init(reason: .headerDate, subject: written, quote: nil))
            }
        }
        let text = ArticleText(text: article.text, from: article.bodyStart, lexicon: lexicon)
        let names = NameFinder.find(text, lexicon: lexicon, publisher: article.publisher)
        let amounts = AmountFinder.find(text, lexicon: lexicon)
        let dates = DateFinder.find(text, lexicon: lexicon, published: published)
        var finder = DealFinder(text: text, lexicon: lexicon, names: names, amounts: amounts, dates: dates)
        finder.run()
        var a = Analyser(text: text, lexicon: lexicon, names: finder.names, amounts: amounts, dates: dates, proposals: finder.proposals,
                         usedSentences: finder.usedSentences,
                         out: AnalysedArticle(text: String(decoding: Array(article.text.utf8), as: UTF8.self), path: article.path, title: article.title, publisher: article.publisher, url: article.url,
                                              published: published))
        a.out.notes = notes
        a.makeDeals()
        a.makeFactEvents()
        a.orderEvents()
        a.makeOrganisations()
        a.noteWhatWasLeft()
        a.out.quotes = a.quotes.locate(in: text.text)
        return a.out
    }

    /// The sentence as a quote, without a leading bullet.
    mutating func quote(sentence s: Int) -> Int {
        var r = text.sentences[s].tokens
        while r.count > 1, text.isPunct(r.lowerBound, "*") || text.isPunct(r.lowerBound, "-") { r = (r.lowerBound + 1)..<r.upperBound }
        return quotes.add(span(r.lowerBound, r.upperBound))
    }

    /// The bytes of tokens `lo..<hi`.
    func span(_ lo: Int, _ hi: Int) -> AnalysedArticle.Span {
        AnalysedArticle.Span(lo: text.tokens[lo].start, hi: text.tokens[max(lo, hi - 1)].end)
    }

    func mark(_ rule: String, _ lo: Int, _ hi: Int) -> AnalysedArticle.Mark { AnalysedArticle.Mark(rule: rule, span: span(lo, hi)) }

    // MARK: deals

    /// Proposals of the same kind between the same lead parties are one deal, unless
    /// they give different amounts or dates.
    mutating func makeDeals() {
        var groups: [[Int]] = []
        let values = proposals.map(value)
        let dates = proposals.map(\.dealDate)
        let compatible = { (a: Int, b: Int) -> Bool in
            if let x = values[a], let y = values[b], !x.sameFigure(as: y) { return false }
            if let x = dates[a], let y = dates[b], x != y { return false }
            return true
        }
        for (k, p) in proposals.enumerated() {
            if let g = groups.firstIndex(where: { g in proposals[g[0]].key == p.key && g.allSatisfy { compatible($0, k) } }) {
                groups[g].append(k)
            } else {
                groups.append([k])
            }
        }
        for g in groups { out.deals.append(deal(from: g)) }
        for (d, g) in groups.enumerated() { makeDealEvents(d, g) }
    }

    private func value(_ p: Proposal) -> DraftAmount? {
        var v: DraftAmount?
        if let a = p.amount { v = amounts[a].value }
        if let s = p.stake {
            let stake = amounts[s]
            if var money = v {
                money.stake = stake.value.stake
                if let a = p.amount {
                    let lo = min(amounts[a].lo, stake.lo), hi = max(amounts[a].hi, stake.hi)
                    if hi - lo <= amounts[a].hi - amounts[a].lo + stake.hi - stake.lo + 6 { money.text = text.string(lo, hi) }
                }
                v = money
            } else {
                v = stake.value
            }
        }
        return v
    }

    private mutating func deal(from group: [Int]) -> AnalysedArticle.Deal {
        let first = proposals[group[0]]
        var parties: [AnalysedArticle.Party] = []
        var products: [String] = []
        var sentences: [Int] = []
        var status: DealStatus?
        var date: DraftDate?
        var amountOf: Proposal?
        for k in group {
            let p = proposals[k]
            for party in p.parties where !parties.contains(where: { $0.organisation == party.entity }) {
                parties.append(AnalysedArticle.Party(organisation: party.entity, role: party.role, slot: party.slot))
            }
            for product in p.products where !products.contains(names.products[product].name) { products.append(names.products[product].name) }
            for s in p.sentences where !sentences.contains(s) { sentences.append(s) }
            if let s = p.status { status = s }
            if date == nil { date = p.dealDate }
            if amountOf == nil && (p.amount != nil || p.stake != nil) { amountOf = p }
        }
        var sharedBy: [Int] = []
        let payers = amountOf?.entities(inSlot: 0) ?? []
        if payers.count >= 2 && amountOf?.amount != nil { sharedBy = payers }
        var qs: [Int] = []
        for s in sentences.sorted() { qs.append(quote(sentence: s)) }
        dealSentences.formUnion(sentences)
        return AnalysedArticle.Deal(kind: first.kind, status: status ?? first.patternStatus ?? .inEffect, parties: parties, products: products, date: date,
                                    value: amountOf.flatMap(value), sharedBy: sharedBy, mark: mark(first.rule, first.lo, first.hi),
                                    quotes: qs, symmetric: first.symmetric)
    }

    /// One event per date the deal's sentences give; one undated event when they give none.
    private mutating func makeDealEvents(_ d: Int, _ group: [Int]) {
        var byDate: [(date: DraftDate, sentences: [Int], partners: [Int], lo: Int, hi: Int)] = []
        var unresolved: [String] = []
        for k in group {
            for dated in proposals[k].dates {
                if let i = byDate.firstIndex(where: { $0.date == dated.date }) {
                    if !byDate[i].sentences.contains(dated.sentence) { byDate[i].sentences.append(dated.sentence) }
                    for p in dated.partners where !byDate[i].partners.contains(p) { byDate[i].partners.append(p) }
                } else {
                    byDate.append((dated.date, [dated.sentence], dated.partners, dated.lo, dated.hi))
                }
            }
            unresolved += proposals[k].unresolved
        }
        for b in byDate {
            let qs = b.sentences.sorted().map { quote(sentence: $0) }
            out.events.append(AnalysedArticle.Event(title: "", deal: d, date: b.date, partners: b.partners, mark: mark("event.dated", b.lo, b.hi), quotes: qs))
            eventAnchors.append(group.flatMap { proposals[$0].anchors }.filter { b.sentences.contains(Int(text.sentenceOf[$0])) })
        }
        if byDate.isEmpty {
            let first = proposals[group[0]]
            var note: String?
            if !unresolved.isEmpty { note = "The article dates it \"\(unresolved[0])\", which cannot be resolved without its publication date (--published)." }
            // A regulator the sentence names is part of what happened.
            let sentence = text.sentences[first.sentence].tokens
            var regulators: [Int] = []
            for m in names.mentions where m.kind == .organisation && sentence.contains(m.lo) && names.entities[m.entity].regulator
                && !first.entities.contains(m.entity) && !regulators.contains(m.entity) { regulators.append(m.entity) }
            out.events.append(AnalysedArticle.Event(title: "", deal: d, date: nil, partners: regulators, note: note, mark: mark("event.undated", first.lo, first.hi),
                                                    quotes: [quote(sentence: first.sentence)]))
            eventAnchors.append(group.flatMap { proposals[$0].anchors })
        }
    }
}
