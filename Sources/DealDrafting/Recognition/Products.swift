/// Products and the organisations that own them: from the gazetteer ("ChatGPT" is
/// OpenAI's) and from the words of the article ("Tailspin's Scribe clinical model",
/// "Nimbus, Contoso's vision platform", "Charts, the record system from Litware",
/// "ChatGPT maker OpenAI", "its Nimbus vision software").
extension NameFinder {
    /// Where a product's owner is: a lexicon organisation, or a mention of this article.
    enum Owner { case lexicon(Int), mention(Int), none }

    mutating func findProducts() {
        var sameProduct: [(Int, Int)] = []
        var found: [(mention: Int, owner: Owner, cue: Names.Cue, lexicon: Int?)] = []
        for (m, p) in pendingProducts {
            let mention = names.mentions[m]
            found.append((m, .lexicon(lexicon.products[p].owner), Names.Cue(rule: .productGazetteer, lo: mention.lo, hi: mention.hi), p))
        }
        let byStart = Dictionary(names.mentions.indices.map { (names.mentions[$0].lo, $0) }, uniquingKeysWith: { a, _ in a })
        let byEnd = Dictionary(names.mentions.indices.map { (names.mentions[$0].hi, $0) }, uniquingKeysWith: { a, _ in a })
        for k in names.mentions.indices {
            let m = names.mentions[k]
            guard m.kind == .candidate || m.kind == .product, !m.headline else { continue }
            let known = found.firstIndex { $0.mention == k }
            if m.kind == .candidate, m.cue?.rule == .suffix || m.cue?.rule == .described { continue }
            guard let (owner, cue) = productOwner(k, byStart: byStart, byEnd: byEnd) else { continue }
            if let known {
                // The gazetteer's owner stands unless it is not named here.
                if case .lexicon(let o) = found[known].owner, lexiconOrganisationNamed(o) { continue }
                found[known].owner = .mention(owner)
            } else {
                found.append((k, .mention(owner), cue, nil))
            }
        }
        // Every mention of a product's name is the product ("license its Nimbus vision
        // software" before "Nimbus, Contoso's computer-vision platform").
        for f in found where f.lexicon == nil {
            let key = names.mentions[f.mention].key
            for k in names.mentions.indices where k != f.mention && names.mentions[k].kind == .candidate && names.mentions[k].key == key && names.mentions[k].cue == nil {
                names.mentions[k].kind = .product
                sameProduct.append((k, f.mention))
            }
        }
        for f in found {
            names.mentions[f.mention].kind = .product
            if case .mention(let o) = f.owner, names.mentions[o].kind == .candidate, names.mentions[o].cue == nil {
                names.mentions[o].cue = Names.Cue(rule: .owner, lo: f.cue.lo, hi: f.cue.hi)
            }
            let mention = names.mentions[f.mention]
            names.products.append(Names.Product(name: text.string(mention.lo, mention.hi), owner: -1, cue: f.cue, lexicon: f.lexicon, firstMention: mention.lo))
            names.mentions[f.mention].entity = names.products.count - 1
            productOwners.append(f.owner)
        }
        for (k, original) in sameProduct { names.mentions[k].entity = names.mentions[original].entity }
    }

    private func lexiconOrganisationNamed(_ index: Int) -> Bool {
        names.mentions.contains { $0.kind == .organisation && $0.entity == index }
    }

    /// A mention that may own something: an organisation or an unclassified name.
    private func ownerMention(_ k: Int?) -> Int? {
        guard let k else { return nil }
        let m = names.mentions[k]
        return m.kind == .organisation || m.kind == .candidate ? k : nil
    }

    private func productOwner(_ k: Int, byStart: [Int: Int], byEnd: [Int: Int]) -> (Int, Names.Cue)? {
        let m = names.mentions[k]
        let t = text.tokens
        let h = text.hits
        // "Tailspin's Scribe clinical documentation model"
        if m.lo >= 2, t[m.lo - 1].kind == .possessive, let o = ownerMention(byEnd[m.lo - 1]),
           let end = productNounAfter(m.hi, within: 3) {
            return (o, Names.Cue(rule: .productPossessive, lo: names.mentions[o].lo, hi: end))
        }
        // "Nimbus, Contoso's computer-vision platform"; "Charts, the … system from Litware"
        if text.isPunct(m.hi, ","), let noun = appositionNoun(after: m.hi), noun.category == .productNoun {
            var j = m.hi + 1
            while j < noun.at {
                if t[j].kind == .possessive, let o = ownerMention(byEnd[j]) {
                    return (o, Names.Cue(rule: .productApposition, lo: m.lo, hi: noun.end))
                }
                j += 1
            }
            var after = noun.end
            while after < t.count && after - noun.end < 4 && t[after].kind == .word && !t[after].looksLikeName {
                if Self.ownerPrepositions.contains(t[after].key), let o = ownerMention(byStart[after + 1]) {
                    return (o, Names.Cue(rule: .productApposition, lo: m.lo, hi: names.mentions[o].hi))
                }
                after += 1
            }
        }
        // "ChatGPT maker OpenAI", "ChatGPT-maker OpenAI"
        var next = m.hi
        if text.isPunct(next, "-") { next += 1 }
        if let maker = h.longest(.makerNoun, at: next), let o = ownerMention(byStart[next + Int(maker.length)]) {
            return (o, Names.Cue(rule: .productMaker, lo: m.lo, hi: names.mentions[o].hi))
        }
        // "its Nimbus vision software", "the Beacon streaming service": the sentence's
        // first organisation owns it.
        if m.lo >= 1, Self.determiners.contains(t[m.lo - 1].key), let end = productNounAfter(m.hi, within: 2) {
            let sentence = text.sentences[Int(text.sentenceOf[m.lo])].tokens
            if let o = names.mentions.indices.filter({ sentence.contains(names.mentions[$0].lo) && names.mentions[$0].hi <= m.lo - 1 })
                .min(by: { names.mentions[$0].lo < names.mentions[$1].lo }), let owner = ownerMention(o),
                names.mentions[owner].kind == .organisation || names.mentions[owner].cue != nil {
                return (owner, Names.Cue(rule: .productOwned, lo: m.lo - 1, hi: end))
            }
        }
        return nil
    }

    /// The end of a product noun among the next few lower-case words.
    private func productNounAfter(_ from: Int, within n: Int) -> Int? {
        var k = from
        let t = text.tokens
        while k < t.count && k - from <= n && sameSentence(k, from) {
            if let hit = text.hits.longest(.productNoun, at: k) { return k + Int(hit.length) }
            if t[k].kind == .punct && !text.isPunct(k, "-") { return nil }
            if t[k].looksLikeName { return nil }
            k += 1
        }
        return nil
    }

    private static let ownerPrepositions: Set<UInt64> = Set(["from", "by", "of"].map { WordHash.of($0) })
    private static let determiners: Set<UInt64> = Set(["its", "the", "their", "his", "her"].map { WordHash.of($0) })
}
