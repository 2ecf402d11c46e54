/// Runs the deal patterns of `deals.txt` over one sentence. A match is the pattern, the
/// tokens it covered and the party units in each of its slots.
struct PatternMatcher {
    struct Match {
        let pattern: Int
        let lo: Int
        let hi: Int
        /// Unit indices for slots A, B and C; `subject` for an optional slot left out.
        var slots: [[Int]]
    }

    let text: ArticleText
    let lexicon: Lexicon
    let parties: PartyUnits
    /// Where an amount or a date that starts at a token ends (0 elsewhere): a gap passes
    /// "between $8 billion and $10 billion" as one word.
    let phraseEnd: [Int32]

    static let subject = -1

    private static let semicolon = ArticleText.punctKeys[";"]!
    private static let comma = ArticleText.punctKeys[","]!
    private static let listWords: Set<UInt64> = Set(["and", "&", "plus", "or"].map { WordHash.of($0) })
    private static let asWell = (WordHash.of("as"), WordHash.of("well"))

    func matches(in sentence: Range<Int>) -> [Match] {
        // The patterns whose first required word is in the sentence, as bits (in order,
        // each once).
        var candidates = [UInt64](repeating: 0, count: (lexicon.patterns.count + 63) / 64)
        var any = false
        for i in sentence {
            guard let e = lexicon.anchors[text.tokens[i].key] else { continue }
            let start = Int(e >> 32)
            for p in lexicon.anchorPool[start..<start + Int(e & 0xFFFF_FFFF)] { candidates[Int(p) >> 6] |= 1 << UInt64(p & 63) }
            any = true
        }
        guard any else { return [] }
        var out: [Match] = []
        var slots: [[Int]] = [[], [], []]
        for (w, word) in candidates.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 {
                let p = w * 64 + bit
                let pattern = lexicon.patterns[p]
                // Every word the pattern requires must be in the sentence.
                guard lexicon.requiredWords[p].allSatisfy({ w in sentence.contains { w.contains(text.tokens[$0].key) } }) else { continue }
                var start = sentence.lowerBound
                while start < sentence.upperBound {
                    for k in slots.indices { slots[k].removeAll(keepingCapacity: true) }
                    if canStart(pattern, 0, at: start), let end = step(pattern, 0, start, sentence.upperBound, &slots) {
                        out.append(Match(pattern: p, lo: start, hi: end, slots: slots))
                        start = end
                    } else {
                        start += 1
                    }
                }
            }
        }
        return out
    }

    /// Whether element `e` (or the first that follows an optional one) can match at `i`.
    private func canStart(_ p: DealPattern, _ e: Int, at i: Int) -> Bool {
        guard e < p.elements.count else { return true }
        switch p.elements[e] {
        case .slot(_, _, let optional): return parties.unit(at: i) != nil || (optional && canStart(p, e + 1, at: i))
        case .words(let keys, let optional): return keys.contains(text.tokens[i].key) || (optional && canStart(p, e + 1, at: i))
        case .gap: return true
        }
    }

    private func step(_ p: DealPattern, _ e: Int, _ i: Int, _ end: Int, _ slots: inout [[Int]]) -> Int? {
        if e == p.elements.count { return i }
        switch p.elements[e] {
        case .words(let keys, let optional):
            if i < end && keys.contains(text.tokens[i].key), let r = step(p, e + 1, i + 1, end, &slots) { return r }
            return optional ? step(p, e + 1, i, end, &slots) : nil
        case .gap(let most):
            var k = i
            var skipped = 0
            while k <= end && skipped <= most {
                if let r = step(p, e + 1, k, end, &slots) { return r }
                if k == end || blocksGap(k) { break }
                k = min(end, max(k + 1, Int(phraseEnd[k])))
                skipped += 1
            }
            return nil
        case .slot(let letter, _, let optional):
            // "from the Contoso Foundation": a party may follow "the".
            if i + 1 < end, text.tokens[i].key == Words.the, parties.unit(at: i) == nil, parties.unit(at: i + 1) != nil {
                return step(p, e, i + 1, end, &slots)
            }
            guard i < end, let first = parties.unit(at: i), usable(first) else {
                guard optional else { return nil }
                slots[letter].append(Self.subject)
                if let r = step(p, e + 1, i, end, &slots) { return r }
                slots[letter].removeLast()
                return nil
            }
            var list = [first]
            var ends = [parties.units[first].hi]
            // A list names each organisation once: "… in Fabrikam Inc. and Fabrikam Inc.
            // invested …" ends the list before the second.
            while let (next, to) = continuation(after: ends.last!, end), !list.contains(where: { same($0, next) }) {
                list.append(next)
                ends.append(to)
            }
            for n in stride(from: list.count, through: 1, by: -1) {
                slots[letter].append(contentsOf: list[0..<n])
                if let r = step(p, e + 1, ends[n - 1], end, &slots) { return r }
                slots[letter].removeLast(n)
            }
            if optional {
                slots[letter].append(Self.subject)
                if let r = step(p, e + 1, i, end, &slots) { return r }
                slots[letter].removeLast()
            }
            return nil
        }
    }

    private func same(_ a: Int, _ b: Int) -> Bool {
        let x = parties.units[a], y = parties.units[b]
        if let c = x.candidate, let d = y.candidate { return parties.candidateKeys[c] == parties.candidateKeys[d] }
        return !x.entities.isEmpty && x.entities == y.entities
    }

    private func usable(_ u: Int) -> Bool {
        let unit = parties.units[u]
        return !unit.entities.isEmpty || unit.candidate != nil
    }

    /// ", X", " and X", ", and X", " as well as X": the next party of a list.
    private func continuation(after i: Int, _ end: Int) -> (Int, Int)? {
        var k = i
        let t = text.tokens
        if k < end && t[k].key == Self.comma { k += 1 }
        if k < end && Self.listWords.contains(t[k].key) { k += 1 }
        if k > i && k < end && t[k].key == Words.the && parties.unit(at: k) == nil { k += 1 }
        else if k + 2 < end && t[k].key == Self.asWell.0 && t[k + 1].key == Self.asWell.1 && t[k + 2].key == Self.asWell.0 { k += 3 }
        guard k > i, k < end, let u = parties.unit(at: k), usable(u), !parties.units[u].pronoun else { return nil }
        return (u, parties.units[u].hi)
    }

    /// A gap does not pass a ";" or another organisation (one that owns what follows,
    /// "Microsoft's assistant", is passed, and so is a product).
    private func blocksGap(_ k: Int) -> Bool {
        if text.tokens[k].key == Self.semicolon { return true }
        if let u = parties.unit(at: k), !parties.units[u].entities.isEmpty, !parties.units[u].pronoun, parties.units[u].product == nil {
            let end = parties.units[u].hi
            return !(end < text.tokens.count && text.tokens[end].kind == .possessive)
        }
        return false
    }
}
