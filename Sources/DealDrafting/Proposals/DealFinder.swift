import DealModel
/// Turns pattern matches into deal proposals: parties and roles, the amount and dates of
/// the sentence, the status its words give; adds the sentences that refer back to a
/// deal ("The transaction is expected to close in the third quarter").
struct DealFinder {
    let text: ArticleText
    let lexicon: Lexicon
    var names: Names
    let amounts: [AmountMention]
    let dates: [DateMention]
    var parties: PartyUnits
    var proposals: [Proposal] = []
    /// Where an amount or a date that starts at a token ends (0 elsewhere): rules and
    /// distances count it as one word. (A stake holds the word "stake", which rules
    /// name: it is not counted whole.)
    let phraseEnd: [Int32]
    /// Sentences a deal was read from or referred to.
    var usedSentences = Set<Int>()

    init(text: ArticleText, lexicon: Lexicon, names: Names, amounts: [AmountMention], dates: [DateMention]) {
        self.text = text
        self.lexicon = lexicon
        self.names = names
        self.amounts = amounts
        self.dates = dates
        parties = PartyUnits(text: text, names: names)
        var ends = [Int32](repeating: 0, count: text.tokens.count)
        for a in amounts where a.value.amount != nil { ends[a.lo] = Int32(a.hi) }
        for d in dates { ends[d.lo] = max(ends[d.lo], Int32(d.hi)) }
        phraseEnd = ends
    }

    /// Words from `lo` to `hi`, an amount or a date counting as one.
    func words(from lo: Int, to hi: Int) -> Int {
        var n = 0, k = lo
        while k < hi { k = max(k + 1, Int(phraseEnd[k])); n += 1 }
        return n
    }

    mutating func run() {
        let matcher = PatternMatcher(text: text, lexicon: lexicon, parties: parties, phraseEnd: phraseEnd)
        var amountUsed = Set<Int>()
        for (s, sentence) in text.sentences.enumerated() where !sentence.headline {
            var found = matcher.matches(in: sentence.tokens).compactMap { proposal(from: $0, sentence: s) }
            found = select(found)
            attachDates(&found, sentence: s)
            for var p in found {
                attachStatus(&p)
                attachAmount(&p, used: &amountUsed)
                if absorb(p) { continue }
                // One party is a deal only with a figure of its own, and never from a fallback rule.
                if p.parties.count < 2 && (p.fallback || (p.amount == nil && p.stake == nil)) { continue }
                p.key = p.makeKey()
                proposals.append(p)
                usedSentences.insert(s)
            }
        }
        for (s, sentence) in text.sentences.enumerated() where !sentence.headline { referBack(s, amountUsed: &amountUsed) }
    }

    // MARK: from matches

    private mutating func proposal(from m: PatternMatcher.Match, sentence: Int) -> Proposal? {
        let pattern = lexicon.patterns[m.pattern]
        var ps: [Proposal.Party] = []
        var products: [Int] = []
        var roles: [Int: String] = [:]
        for case .slot(let letter, let role, _) in pattern.elements { roles[letter] = role }
        // Named parties first; then "it" takes the first organisation it may stand for that
        // is not already one of them.
        for pass in 0..<2 {
            for (slot, units) in m.slots.enumerated() {
                if pass == 1 && units.contains(PatternMatcher.subject) {
                    // The sentence's subject: its first organisation before the match.
                    let sentence = text.sentences[sentence].tokens
                    guard let e = names.mentions.first(where: { $0.kind == .organisation && sentence.contains($0.lo) && $0.hi <= m.lo && !ps.map(\.entity).contains($0.entity) })?.entity
                    else { return nil }
                    ps.append(Proposal.Party(entity: e, role: roles[slot] ?? "party", slot: slot))
                }
                for u in units where u != PatternMatcher.subject && (parties.units[u].pronoun && !parties.units[u].several) == (pass == 1) {
                    let unit = parties.units[u]
                    var entities = unit.entities
                    if let c = unit.candidate { entities = [promote(c, cue: Names.Cue(rule: .party, lo: m.lo, hi: m.hi))] }
                    if unit.pronoun && !unit.several {
                        guard let e = entities.first(where: { e in !ps.contains { $0.entity == e } }) else { return nil }
                        entities = [e]
                    }
                    if let p = unit.product { products.append(p) }
                    for e in entities where !ps.contains(where: { $0.entity == e }) {
                        ps.append(Proposal.Party(entity: e, role: roles[slot] ?? "party", slot: slot))
                    }
                }
            }
        }
        // The same organisation on both sides ("Microsoft … Microsoft") is no deal.
        let slotsFilled = m.slots.indices.filter { !m.slots[$0].isEmpty }.count
        if slotsFilled >= 2 && Set(ps.map(\.slot)).count < 2 { return nil }
        guard !ps.isEmpty else { return nil }
        return Proposal(pattern: m.pattern, kind: pattern.kind, rule: pattern.rule, fallback: pattern.fallback, joins: pattern.joins, parties: ps, products: products, sentence: sentence,
                        lo: m.lo, hi: m.hi, patternStatus: pattern.status, sentences: [sentence], anchors: [m.lo])
    }

    /// A name a deal pattern needs as a party becomes an organisation, everywhere.
    private mutating func promote(_ mention: Int, cue: Names.Cue) -> Int {
        let m = names.mentions[mention]
        if m.kind == .organisation { return m.entity }
        let entity = names.entities.count
        var forms: [String] = []
        for k in names.mentions.indices where names.mentions[k].kind == .candidate && names.mentions[k].key == m.key {
            names.mentions[k].kind = .organisation
            names.mentions[k].entity = entity
            let form = text.string(names.mentions[k].lo, names.mentions[k].hi)
            if !forms.contains(form) { forms.append(form) }
            if let u = parties.unit(at: names.mentions[k].lo) {
                parties.units[u].entities = [entity]
                parties.units[u].candidate = nil
            }
        }
        names.entities.append(Names.Entity(name: NameFinder.bare(text, m.lo, m.hi), key: m.key, forms: forms, lexicon: nil,
                                           regulator: text.hits.has(.regulatorHead, at: m.hi - 1), cue: cue, firstMention: m.lo))
        names.notProposed.removeAll { $0.name == text.string(m.lo, m.hi) }
        return entity
    }

    /// "OpenAI's new partnerships with Apple, Amazon": one partnership with each.
    private func split(_ p: Proposal) -> [Proposal] {
        let b = p.entities(inSlot: 1)
        guard p.kind == .strategicPartnership, b.count >= 2, !p.entities(inSlot: 0).isEmpty else { return [p] }
        return b.map { e in
            var one = p
            one.parties = p.parties.filter { $0.slot != 1 || $0.entity == e }
            return one
        }
    }

    /// One proposal per kind and parties; a fallback rule only where no other rule
    /// found a deal between the same parties.
    private func select(_ found: [Proposal]) -> [Proposal] {
        if found.count == 1 && found[0].kind != .strategicPartnership { return found }
        var out: [Proposal] = []
        var sets: [[Int]] = []
        for p in found.flatMap(split).sorted(by: { ($0.fallback ? 1 : 0, $1.hi - $1.lo, $0.lo, $0.pattern) < ($1.fallback ? 1 : 0, $0.hi - $0.lo, $1.lo, $1.pattern) }) {
            let set = Array(Set(p.entities)).sorted()
            let within = { (other: [Int]) in set.allSatisfy { other.contains($0) } }
            if out.indices.contains(where: { out[$0].kind == p.kind && sets[$0] == set }) { continue }
            if p.fallback && out.indices.contains(where: { !out[$0].fallback && within(sets[$0]) }) { continue }
            // A match inside a longer one of the same kind adds nothing.
            if out.indices.contains(where: { out[$0].kind == p.kind && out[$0].lo <= p.lo && p.hi <= out[$0].hi && within(sets[$0]) }) { continue }
            out.append(p)
            sets.append(set)
        }
        return out.sorted { $0.lo < $1.lo }
    }

    /// "Investors including Nvidia and Bpifrance also took part": a proposal with one
    /// side only joins the nearest earlier one of its kind (this or the two sentences before).
    private mutating func absorb(_ p: Proposal) -> Bool {
        guard p.joins else { return false }
        guard let k = proposals.lastIndex(where: { $0.kind == p.kind && p.sentence - $0.sentence <= 2 }) else { return true }
        for party in p.parties where !proposals[k].parties.contains(where: { $0.entity == party.entity }) { proposals[k].parties.append(party) }
        proposals[k].key = proposals[k].makeKey()
        if !proposals[k].sentences.contains(p.sentence) { proposals[k].sentences.append(p.sentence) }
        proposals[k].anchors.append(p.lo)
        if proposals[k].amount == nil { proposals[k].amount = p.amount }
        usedSentences.insert(p.sentence)
        return true
    }

    // MARK: what the sentence says of it

    /// The strongest status the sentence's words give, and whether it is a weak one.
    private func statusWords(in sentence: Int) -> (DealStatus, weak: Bool)? {
        var best: Int32?
        for i in text.sentences[sentence].tokens {
            if let h = text.hits.longest(.status, at: i), best == nil || h.payload < best! { best = h.payload }
        }
        return best.map { (lexicon.statuses[Int($0)], lexicon.weakStatuses[Int($0)]) }
    }

    private func attachStatus(_ p: inout Proposal) {
        guard let (status, weak) = statusWords(in: p.sentence) else { return }
        if !weak || p.patternStatus == nil { p.status = status }
    }

    /// The deal's value: a figure inside the match, else the nearest one after it (or
    /// just before) in the sentence, that is not a valuation or revenue.
    private func attachAmount(_ p: inout Proposal, used: inout Set<Int>) {
        let sentence = text.sentences[p.sentence].tokens
        func nearest(_ stakes: Bool) -> Int? {
            var best: (Int, Int)?
            for (k, a) in amounts.enumerated() where sentence.contains(a.lo) && a.dealValue && !used.contains(k) && (a.value.amount == nil) == stakes {
                let d = a.lo >= p.lo && a.hi <= p.hi ? 0 : a.lo >= p.hi ? a.lo - p.hi + 1 : p.lo - a.hi + 3
                guard d <= 12 else { continue }
                if best == nil || d < best!.1 { best = (k, d) }
            }
            return best?.0
        }
        if let a = nearest(false) { p.amount = a; used.insert(a) }
        if let s = nearest(true) { p.stake = s; used.insert(s) }
    }

    private static let openEnded: Set<UInt64> = Set(["since", "until", "through", "by", "from"].map { WordHash.of($0) })

    /// Each date of the sentence goes to the nearest of its proposals. A proposal's own
    /// date is the one date inside its words or just around them, unless it opens a
    /// period ("since 2019") or comes after words of the future.
    private func attachDates(_ found: inout [Proposal], sentence s: Int) {
        guard !found.isEmpty else { return }
        let sentence = text.sentences[s].tokens
        // A date after a deal's words usually belongs to it ("took a stake … in April
        // 2023 and supplies …"): one before them counts three times its distance.
        func distance(_ p: Proposal, _ d: DateMention) -> Int {
            d.lo >= p.lo && d.hi <= p.hi ? 0 : d.lo >= p.hi ? d.lo - p.hi + 1 : 3 * (p.lo - d.hi) + 3
        }
        var own = [[DateMention]](repeating: [], count: found.count)
        // A regulator the sentence names ("the CMA said on Wednesday it would move to
        // block …") is part of what happened that day.
        let regulators = names.mentions.filter { $0.kind == .organisation && sentence.contains($0.lo) && names.entities[$0.entity].regulator }.map(\.entity)
        for d in dates where sentence.contains(d.lo) {
            let k = found.indices.min { distance(found[$0], d) < distance(found[$1], d) }!
            let others = regulators.filter { !found[k].entities.contains($0) }
            if let date = d.date { found[k].dates.append(Proposal.Dated(date: date, sentence: s, partners: others, lo: d.lo, hi: d.hi)) }
            else if let words = d.unresolved { found[k].unresolved.append(words) }
            let p = found[k]
            let near = (d.lo >= p.lo && d.hi <= p.hi) || (d.lo >= p.hi && words(from: p.hi, to: d.lo) <= 4) || (d.hi <= p.lo && words(from: d.hi, to: p.lo) <= 3)
            if near && d.date != nil { own[k].append(d) }
        }
        for k in found.indices where own[k].count == 1 {
            let d = own[k][0]
            if d.lo > 0 && Self.openEnded.contains(text.tokens[d.lo - 1].key) { continue }
            if (max(sentence.lowerBound, d.lo - 10)..<d.lo).contains(where: { text.hits.has(.future, at: $0) }) { continue }
            found[k].dealDate = d.date
        }
    }

    // MARK: sentences that refer back

    private static let referrers: Set<UInt64> = Set(["the", "this", "that", "its", "their", "these"].map { WordHash.of($0) })

    /// "The transaction is subject to regulatory approval", "That merger had been valued
    /// at around $900 million", "The Microsoft deal drew questions from the European
    /// Commission": the sentence adds its status words, amount, dates and the
    /// organisations it names to the deal it refers to.
    private mutating func referBack(_ s: Int, amountUsed: inout Set<Int>) {
        let sentence = text.sentences[s].tokens
        guard let (at, kind, named) = dealReference(in: sentence) else { return }
        let earlier = proposals.indices.filter { proposals[$0].sentence < s && s - proposals[$0].sentence <= 8 }
        let ownHere = proposals.indices.filter { proposals[$0].sentence == s }
        // In a sentence with a deal of its own, only a reference at its start counts
        // ("The agreement follows OpenAI's pact with Nvidia").
        if !ownHere.isEmpty && at - sentence.lowerBound > 2 { return }
        // The deal of the kind the noun names, or of the organisation named before it;
        // for "the deal" or "the transaction", the last acquisition, merger or venture,
        // else the last deal.
        let transactions: [DealKind] = [.acquisition, .merger, .jointVenture]
        let pick: Int?
        if let named { pick = earlier.last { proposals[$0].entities.contains(named) } }
        else if let kind { pick = earlier.last { proposals[$0].kind == kind } ?? earlier.last }
        else { pick = earlier.last { transactions.contains(proposals[$0].kind) } ?? earlier.last }
        guard let k = pick else { return }
        if !proposals[k].sentences.contains(s) { proposals[k].sentences.append(s) }
        proposals[k].anchors.append(at)
        usedSentences.insert(s)
        guard ownHere.isEmpty else { return }
        if let (status, weak) = statusWords(in: s), !weak || proposals[k].status == nil { proposals[k].status = status }
        if proposals[k].amount == nil, let a = amounts.indices.first(where: { sentence.contains(amounts[$0].lo) && amounts[$0].dealValue && !amountUsed.contains($0) && amounts[$0].value.amount != nil }) {
            proposals[k].amount = a
            amountUsed.insert(a)
        }
        let others = names.mentions.filter { $0.kind == .organisation && sentence.contains($0.lo) }.map(\.entity)
            .filter { !proposals[k].entities.contains($0) }
        for d in dates where sentence.contains(d.lo) && !aboutAFigure(d) {
            if let date = d.date { proposals[k].dates.append(Proposal.Dated(date: date, sentence: s, partners: others, lo: d.lo, hi: d.hi)) }
            else if let words = d.unresolved { proposals[k].unresolved.append(words) }
        }
    }

    /// "its valuation last year": a date that dates a valuation or revenue, not the deal.
    private func aboutAFigure(_ d: DateMention) -> Bool {
        (max(0, d.lo - 3)..<d.lo).contains { text.hits.has(.notDealBefore, at: $0) || text.hits.has(.notDealAfter, at: $0) }
    }

    /// Where a sentence names a deal already spoken of: "the deal", "this merger", "the
    /// Microsoft deal"; its kind when the noun says it; the organisation named before it.
    private func dealReference(in sentence: Range<Int>) -> (Int, DealKind?, Int?)? {
        for i in sentence {
            guard let noun = text.hits.longest(.dealNoun, at: i) else { continue }
            let kind = lexicon.dealNounKinds[Int(noun.payload)]
            if i > sentence.lowerBound, Self.referrers.contains(text.tokens[i - 1].key) { return (i - 1, kind, nil) }
            if i > sentence.lowerBound + 1, Self.referrers.contains(text.tokens[i - 2].key), let m = names.mention(at: i - 1) ?? names.mention(at: i - 1), let e = names.organisation(of: m) {
                return (i - 2, kind, e)
            }
        }
        return nil
    }
}
