/// Mentions become organisations: one per name, with its other names (a short form
/// the article uses, an acronym in brackets, a unit "of" it), and products get owners.
extension NameFinder {
    private static let unitOf: Set<UInt64> = [WordHash.of("of")]

    mutating func makeEntities() {
        let isOrg: (Mention) -> Bool = { $0.kind == .organisation || ($0.kind == .candidate && $0.cue != nil) }
        var orgKeys = Set(names.mentions.filter(isOrg).map(\.key))
        var canonical: [UInt64: UInt64] = [:]

        for k in names.mentions.indices where names.mentions[k].kind == .candidate && !orgKeys.contains(names.mentions[k].key) {
            if let owner = unitOwner(k) {
                canonical[names.mentions[k].key] = names.mentions[owner].key
                names.mentions[k].cue = Names.Cue(rule: .unit, lo: min(names.mentions[k].lo, names.mentions[owner].lo), hi: max(names.mentions[k].hi, names.mentions[owner].hi))
            }
        }
        for k in names.mentions.indices where isOrg(names.mentions[k]) {
            let m = names.mentions[k]
            // "Competition and Markets Authority (CMA)"
            if text.isPunct(m.hi, "("), text.isPunct(m.hi + 2, ")"), m.hi + 1 < text.tokens.count, text.tokens[m.hi + 1].flags.contains(.allCaps) {
                let acronym = WordHash.chain(WordHash.seed, text.tokens[m.hi + 1].key)
                if canonical[acronym] == nil && !orgKeys.contains(acronym) { canonical[acronym] = m.key; acronymAt.insert(m.hi + 1) }
            }
        }
        addShortForms(orgKeys: orgKeys, canonical: &canonical)
        orgKeys.formUnion(canonical.keys)

        var entityOf: [UInt64: Int] = [:]
        for k in names.mentions.indices.sorted(by: { names.mentions[$0].lo < names.mentions[$1].lo }) {
            let m = names.mentions[k]
            let known = m.kind == .organisation || orgKeys.contains(m.key) || acronymAt.contains(m.lo)
            guard (m.kind == .candidate && known) || m.kind == .organisation else { continue }
            let key = canonical[m.key].map { canonical[$0] ?? $0 } ?? m.key
            let form = text.string(m.lo, m.hi)
            if let e = entityOf[key] {
                if !names.entities[e].forms.contains(form) { names.entities[e].forms.append(form) }
                if names.entities[e].cue.rule == .listed, let cue = m.cue, cue.rule != .listed { names.entities[e].cue = cue }
            } else {
                let lexiconIndex = m.kind == .organisation ? m.entity : nil
                let name = lexiconIndex.map { lexicon.organisations[$0].name } ?? bareName(m.lo, m.hi)
                let cue = m.cue ?? Names.Cue(rule: lexiconIndex != nil ? .gazetteer : .named, lo: m.lo, hi: m.hi)
                let regulator = lexiconIndex.map { lexicon.organisations[$0].regulator } ?? text.hits.has(.regulatorHead, at: lastNameToken(m))
                names.entities.append(Names.Entity(name: name, key: key, forms: [form], lexicon: lexiconIndex, regulator: regulator, cue: cue, firstMention: m.lo))
                entityOf[key] = names.entities.count - 1
            }
            names.mentions[k].kind = .organisation
            names.mentions[k].entity = entityOf[key]!
        }
        // An organisation is named as written where the article gives its full name.
        for e in names.entities.indices where names.entities[e].lexicon == nil {
            if let full = names.mentions.first(where: { $0.kind == .organisation && $0.entity == e && $0.key == names.entities[e].key }) {
                names.entities[e].name = bareName(full.lo, full.hi)
            }
        }
        resolveProductOwners()
        for m in names.mentions where m.kind == .candidate && !m.headline {
            names.notProposed.append((text.string(m.lo, m.hi), m.lo, false))
        }
    }

    private func lastNameToken(_ m: Mention) -> Int {
        var end = m.hi - 1
        while end > m.lo && text.hits.has(.legalSuffix, at: end) { end -= 1 }
        return end
    }

    /// "Adatum Silicon, a unit of Adatum"; "its networking-chip unit, Adatum Silicon".
    private func unitOwner(_ k: Int) -> Int? {
        let m = names.mentions[k]
        let t = text.tokens
        if text.isPunct(m.hi, ","), let noun = appositionNoun(after: m.hi), noun.category == .unitNoun,
           noun.end < t.count, Self.unitOf.contains(t[noun.end].key), let o = mentionIndex(startingAt: noun.end + 1) {
            return o
        }
        if text.isPunct(m.lo - 1, ","), text.hits.ending(.unitNoun, before: m.lo - 1, maxLength: 2) != nil {
            var j = m.lo - 2
            while j >= 0 && m.lo - j <= 6 && sameSentence(j, m.lo) {
                if t[j].kind == .possessive, let o = mentionIndex(endingAt: j) { return o }
                if t[j].key == Words.its { return subjectBefore(j) }
                j -= 1
            }
        }
        return nil
    }

    private func mentionIndex(startingAt i: Int) -> Int? {
        names.mentions.firstIndex { $0.lo == i && ($0.kind == .organisation || $0.kind == .candidate) }
    }

    private func mentionIndex(endingAt i: Int) -> Int? {
        names.mentions.firstIndex { $0.hi == i && ($0.kind == .organisation || $0.kind == .candidate) }
    }

    /// The first organisation of the sentence, before token `i`.
    private func subjectBefore(_ i: Int) -> Int? {
        let sentence = text.sentences[Int(text.sentenceOf[i])].tokens
        return names.mentions.indices.filter { sentence.contains(names.mentions[$0].lo) && names.mentions[$0].lo < i }
            .filter { names.mentions[$0].kind == .organisation || names.mentions[$0].cue != nil }
            .min { names.mentions[$0].lo < names.mentions[$1].lo }
    }

    /// "Fabrikam Robotics" is also "Fabrikam" where the article says only that: the first
    /// word of a longer name, unless it is a word of its own (a place, a known name,
    /// "General").
    private mutating func addShortForms(orgKeys: Set<UInt64>, canonical: inout [UInt64: UInt64]) {
        var seen = Set<UInt64>()
        for m in names.mentions where (m.kind == .candidate && orgKeys.contains(m.key)) && m.hi - m.lo >= 2 && !seen.contains(m.key) {
            seen.insert(m.key)
            let first = m.lo
            let h = text.hits
            guard !h.has(.notName, at: first), !h.has(.orgHead, at: first), !h.has(.place, at: first), !h.has(.nationality, at: first),
                  !h.has(.organisation, at: first), !h.has(.product, at: first), !h.has(.firstName, at: first) else { continue }
            // The short form may have been read as an organisation of its own ("chief
            // executive of Fabrikam"): it is the same one.
            let short = WordHash.chain(WordHash.seed, text.tokens[first].key)
            guard canonical[short] == nil, short != m.key else { continue }
            canonical[short] = m.key
        }
    }

    private mutating func resolveProductOwners() {
        for p in names.products.indices {
            var owner = -1
            switch productOwners[p] {
            case .lexicon(let o): owner = names.entities.firstIndex { $0.lexicon == o } ?? -1
            case .mention(let m): owner = names.mentions[m].kind == .organisation ? names.mentions[m].entity : -1
            case .none: break
            }
            names.products[p].owner = owner
            if owner < 0 {
                names.notProposed.append((names.products[p].name, names.products[p].firstMention, true))
            }
        }
    }
}
