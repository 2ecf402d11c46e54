/// What the words around a capitalised span say it is: a person, a place, a law, a
/// publication, or an organisation (and by which rule).
extension NameFinder {
    mutating func classifySpans() {
        for k in names.mentions.indices where names.mentions[k].kind == .candidate && !names.mentions[k].headline {
            let m = names.mentions[k]
            if let kind = exclusion(m) {
                names.mentions[k].kind = kind
                if kind == .person { personWords.insert(text.tokens[m.hi - 1].key) }
                continue
            }
            names.mentions[k].cue = organisationCue(m)
        }
        // A surname seen once as a person is a person everywhere ("Roux said").
        for k in names.mentions.indices where names.mentions[k].kind == .candidate {
            let m = names.mentions[k]
            if m.hi - m.lo == 1 && personWords.contains(text.tokens[m.lo].key) && m.cue == nil { names.mentions[k].kind = .person }
        }
    }

    /// People, places, laws and publications are not partners.
    private func exclusion(_ m: Mention) -> Names.Kind? {
        let h = text.hits
        let t = text.tokens
        if m.hi - m.lo == 1 && personWords.contains(t[m.lo].key) { return .person }
        if publicationKeys.contains(m.key) { return .publication }
        if h.ending(.sourceCue, before: m.lo, maxLength: 3) != nil { return .publication }
        // "the AI Act": a name ending in a law's word, or that word after capitals.
        if h.has(.lawWord, at: m.hi - 1) && (m.hi - m.lo >= 2 || (m.lo > 0 && (t[m.lo - 1].looksLikeName || t[m.lo - 1].key == Words.the))) { return .law }
        if h.has(.placeHead, at: m.hi - 1) && m.hi - m.lo >= 2 { return .place }
        if text.isPunct(m.hi, "-") && m.hi + 1 < t.count && t[m.hi + 1].key == Words.based { return .place }
        // A role right before ("analyst Jane Doe", "Analyst: Jane Doe").
        var before = m.lo
        if text.isPunct(before - 1, ":") { before -= 1 }
        if m.hi - m.lo >= 2, h.ending(.role, before: before, maxLength: 3) != nil, !h.has(.orgHead, at: m.hi - 1), !h.has(.legalSuffix, at: m.hi - 1) {
            return .person
        }
        // A role after a comma ("Lisa Su, AMD's chief executive").
        if text.isPunct(m.hi, ","), let noun = appositionNoun(after: m.hi), noun.category == .role { return .person }
        return nil
    }


    /// The first describing noun after a comma, before the next mark: "…, a Paris-based
    /// artificial intelligence startup" gives "startup".
    func appositionNoun(after comma: Int) -> (category: Category, at: Int, end: Int)? {
        let t = text.tokens
        var k = comma + 1
        let wanted: [Category] = [.role, .unitNoun, .productNoun, .orgNoun]
        while k < t.count && k - comma <= 9 && sameSentence(k, comma) {
            if t[k].kind == .punct && !text.isPunct(k, "-") { return nil }
            if let hit = text.hits.longest(wanted, at: k) { return (hit.category, k, k + Int(hit.length)) }
            k += 1
        }
        return nil
    }

    /// The first rule that reads the span as an organisation, if any.
    private func organisationCue(_ m: Mention) -> Names.Cue? {
        let h = text.hits
        let t = text.tokens
        // "Fabrikam Robotics", "Federal Office of Markets": a word that makes
        // organisations' names, last (or a body's, anywhere after the first word).
        if m.hi - m.lo >= 2 && (h.has(.legalSuffix, at: m.hi - 1) || h.has(.orgHead, at: m.hi - 1)
                                || ((m.lo + 1)..<m.hi).contains { h.has(.bodyHead, at: $0) }) {
            return Names.Cue(rule: .suffix, lo: m.lo, hi: m.hi)
        }
        if let noun = h.ending(.orgNoun, before: m.lo, maxLength: 3), sameSentence(m.lo - 1, m.lo) {
            return Names.Cue(rule: .described, lo: m.lo - Int(noun.length), hi: m.hi)
        }
        if text.isPunct(m.hi, ","), let noun = appositionNoun(after: m.hi), noun.category == .orgNoun {
            return Names.Cue(rule: .apposition, lo: m.lo, hi: noun.end)
        }
        if m.hi < t.count && t[m.hi].kind == .possessive {
            var k = m.hi + 1
            while k < t.count && k <= m.hi + 3 && t[k].kind == .word && !t[k].looksLikeName {
                if let hit = h.longest(.orgPossession, at: k) { return Names.Cue(rule: .possessive, lo: m.lo, hi: k + Int(hit.length)) }
                k += 1
            }
        }
        if let p = h.ending(.orgPreceder, before: m.lo, maxLength: 4), sameSentence(m.lo - 1, m.lo) {
            return Names.Cue(rule: .preceded, lo: m.lo - Int(p.length), hi: m.hi)
        }
        return nil
    }

    private static let listWords: Set<UInt64> = Set(["and", "&", "or", "plus"].map { WordHash.of($0) })

    /// "Investors including Nvidia, Salesforce Ventures and Bpifrance": a name listed
    /// with organisations is one.
    mutating func spreadThroughLists() {
        let order = names.mentions.indices.sorted { names.mentions[$0].lo < names.mentions[$1].lo }
        var start = 0
        while start < order.count {
            // The run order[start...end] is one list.
            var end = start
            while end + 1 < order.count, isListSeparator(names.mentions[order[end]].hi, names.mentions[order[end + 1]].lo) { end += 1 }
            defer { start = end + 1 }
            guard end > start else { continue }
            let group = order[start...end]
            guard group.contains(where: { names.mentions[$0].kind == .organisation || (names.mentions[$0].kind == .candidate && names.mentions[$0].cue != nil) }),
                  !group.contains(where: { [.person, .place, .product].contains(names.mentions[$0].kind) }) else { continue }
            let first = names.mentions[order[start]], last = names.mentions[order[end]]
            for g in group where names.mentions[g].kind == .candidate && names.mentions[g].cue == nil && !names.mentions[g].headline {
                names.mentions[g].cue = Names.Cue(rule: .listed, lo: first.lo, hi: last.hi)
            }
        }
    }

    /// Only ",", "and", ", and", "&", "or" between two names.
    private func isListSeparator(_ from: Int, _ to: Int) -> Bool {
        guard to > from, to - from <= 2, sameSentence(from, to) else { return false }
        var sawWord = false
        for i in from..<to {
            if text.isPunct(i, ",") { continue }
            if Self.listWords.contains(text.tokens[i].key) && !sawWord { sawWord = true; continue }
            return false
        }
        return true
    }
}
