/// Organisations and products of an analysed article, and notes on what was not proposed.
extension Analyser {
    mutating func makeOrganisations() {
        var proposed = Set<Int>()
        for d in out.deals { for p in d.parties { proposed.insert(p.organisation) } }
        for e in out.events { proposed.formUnion(e.partners) }
        // An organisation named in a deal's sentences is part of the story ("Halcyon,
        // which is advised by Morgan Stanley, said it remained committed to the deal"),
        // unless it is there as a rival.
        for m in names.mentions where m.kind == .organisation && dealSentences.contains(Int(text.sentenceOf[m.lo])) {
            if text.hits.ending(.competitorCue, before: m.lo, maxLength: 4) == nil && !((max(0, m.lo - 4))..<m.lo).contains(where: { text.hits.has(.competitorCue, at: $0) }) {
                proposed.insert(m.entity)
            }
        }
        var keys = [[UInt64]](repeating: [], count: names.entities.count)
        for m in names.mentions where m.kind == .organisation && !keys[m.entity].contains(m.key) { keys[m.entity].append(m.key) }
        for (k, entity) in names.entities.enumerated() {
            if !keys[k].contains(entity.key) { keys[k].append(entity.key) }
            let s = Int(text.sentenceOf[entity.cue.lo])
            let quote = proposed.contains(k) ? quote(sentence: s) : nil
            let name = entity.name
            var forms = entity.forms
            forms.removeAll { $0 == name }
            out.organisations.append(AnalysedArticle.Organisation(name: name, forms: forms, lexicon: entity.lexicon, mark: mark(entity.cue.rule.rawValue, entity.cue.lo, entity.cue.hi),
                                                                  quote: quote, products: [], proposed: proposed.contains(k), keys: keys[k].sorted()))
        }
        for p in names.products where p.owner >= 0 && !out.organisations[p.owner].products.contains(where: { $0.name == p.name }) {
            let q = out.organisations[p.owner].proposed ? quote(sentence: Int(text.sentenceOf[p.firstMention])) : nil
            out.organisations[p.owner].products.append(AnalysedArticle.Product(name: p.name, mark: mark(p.cue.rule.rawValue, p.cue.lo, p.cue.hi), quote: q))
        }
    }

    mutating func noteWhatWasLeft() {
        for (k, o) in out.organisations.enumerated() where !o.proposed {
            out.notes.append(.init(reason: .organisationUnused, subject: o.name, quote: quote(sentence: Int(text.sentenceOf[names.entities[k].firstMention]))))
        }
        var seen = Set<String>()
        for n in names.notProposed where seen.insert(n.name).inserted {
            out.notes.append(.init(reason: n.product ? .productWithoutOwner : .notAnOrganisation, subject: n.name, quote: quote(sentence: Int(text.sentenceOf[n.at]))))
        }
        for m in names.mentions where m.kind == .publication {
            let name = text.string(m.lo, m.hi)
            if seen.insert(name).inserted { out.notes.append(.init(reason: .publication, subject: name, quote: quote(sentence: Int(text.sentenceOf[m.lo])))) }
        }
        let used = Set(proposals.flatMap { [$0.amount, $0.stake].compactMap { $0 } })
        for (k, a) in amounts.enumerated() where !used.contains(k) {
            out.notes.append(.init(reason: a.dealValue ? .amountWithoutDeal : .amountNotDealValue, subject: a.value.text ?? "", quote: quote(sentence: Int(text.sentenceOf[a.lo]))))
        }
        for d in dates where d.unresolved != nil && d.offset == nil {
            out.notes.append(.init(reason: .unresolvedDate, subject: d.unresolved!, quote: quote(sentence: Int(text.sentenceOf[d.lo]))))
        }
    }
}

/// Quotes of one article, each the exact words of a sentence; located together, in one
/// pass, under the loader's own matching rules, so that `occurrence` is set exactly
/// when the words occur more than once.
struct QuoteBook {
    private var spans: [AnalysedArticle.Span] = []
    private var index: [AnalysedArticle.Span: Int] = [:]

    mutating func add(_ span: AnalysedArticle.Span) -> Int {
        if let k = index[span] { return k }
        spans.append(span)
        index[span] = spans.count - 1
        return spans.count - 1
    }

    func locate(in document: String) -> [AnalysedArticle.Quote] {
        guard !spans.isEmpty else { return [] }
        let bytes = Array(document.utf8)
        let texts = spans.map { String(decoding: bytes[Int($0.lo)..<Int($0.hi)], as: UTF8.self) }
        let found = SourceDocumentMatching(text: document).matches(texts)
        return spans.indices.map { k in
            let matches = found[k]
            guard matches.count > 1 else { return AnalysedArticle.Quote(span: spans[k], occurrence: nil) }
            let n = matches.firstIndex { $0.lowerBound == Int(spans[k].lo) }
            return AnalysedArticle.Quote(span: spans[k], occurrence: (n ?? 0) + 1)
        }
    }
}
