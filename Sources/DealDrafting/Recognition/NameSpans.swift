/// People by their first names, names from the gazetteers, and the capitalised spans
/// left over.
extension NameFinder {
    typealias Mention = Names.Mention

    /// "Harper Lane", "Dr. Banks": a first name (or an honorific) and capitalised words
    /// after it, unless the gazetteer knows the whole as something else ("Morgan Stanley").
    mutating func findPeople() {
        let t = text.tokens
        var i = 0
        while i < t.count {
            guard t[i].kind == .word, t[i].looksLikeName, !claimed[i] else { i += 1; continue }
            let honorific = text.hits.ending(.honorific, before: i, maxLength: 2) != nil
            guard honorific || text.hits.has(.firstName, at: i) else { i += 1; continue }
            if let g = text.hits.longest([.organisation, .product, .publication, .place], at: i), g.length >= 2 { i += Int(g.length); continue }
            var j = i + 1
            while j < t.count, j - i < 3, sameSentence(i, j), isSurname(j) { j += 1 }
            if j == i + 1 && !honorific { i += 1; continue }
            add(Mention(lo: i, hi: j, kind: .person))
            personWords.insert(t[j - 1].key)
            i = j
        }
    }

    private func isSurname(_ j: Int) -> Bool {
        let t = text.tokens[j]
        guard t.kind == .word, t.flags.contains(.capitalised), t.flags.contains(.spaceBefore), !t.flags.contains(.lineStart) else { return false }
        let h = text.hits
        return !h.has(.notName, at: j) && !h.has(.orgHead, at: j) && !h.has(.legalSuffix, at: j) && !h.has(.bodyHead, at: j)
            && !h.has(.month, at: j) && !h.has(.weekday, at: j)
    }

    /// Organisations, products, publications and places the lexicon knows. An
    /// organisation's legal suffix joins it ("Microsoft Corp"); another word that makes
    /// organisation names ("Nvidia Ventures") makes it a different one, left to the spans.
    mutating func findGazetteerNames() {
        let t = text.tokens
        var i = 0
        while i < t.count {
            guard !claimed[i], t[i].looksLikeName, let hit = bestName(at: i) else { i += 1; continue }
            var hi = i + Int(hit.length)
            if (i..<hi).contains(where: { claimed[$0] }) { i += 1; continue }
            let followedByName = hi < t.count && t[hi].kind == .word && t[hi].flags.contains(.capitalised) && t[hi].flags.contains(.spaceBefore)
                && !t[hi].flags.contains(.lineStart)
            switch hit.category {
            case .organisation:
                if followedByName && text.hits.has(.orgHead, at: hi) && !text.hits.has(.legalSuffix, at: hi) { i = hi; continue }
                while hi < t.count && text.hits.has(.legalSuffix, at: hi) && t[hi].looksLikeName && sameSentence(i, hi) { hi += 1 }
                add(Mention(lo: i, hi: hi, kind: .organisation, entity: Int(hit.payload), key: Self.lexiconKey(Int(hit.payload)), headline: inHeadline(i)))
            case .product:
                add(Mention(lo: i, hi: hi, kind: .product, entity: -1, key: Self.lexiconKey(Int(hit.payload)) ^ 1, headline: inHeadline(i)))
                pendingProducts.append((names.mentions.count - 1, Int(hit.payload)))
            case .publication:
                add(Mention(lo: i, hi: hi, kind: .publication))
            default:
                // "Boston Dynamics" is not Boston.
                if followedByName && !text.hits.has(.notName, at: hi) { i = hi; continue }
                add(Mention(lo: i, hi: hi, kind: .place))
            }
            i = hi
        }
    }

    /// The longest name at `i`; on a tie an organisation, then a product, a publication,
    /// a place.
    private func bestName(at i: Int) -> Hit? {
        let order: [Category] = [.organisation, .product, .publication, .place]
        var best: Hit?
        for c in order {
            if let h = text.hits.longest(c, at: i), best == nil || h.length > best!.length { best = h }
        }
        return best
    }

    /// A lexicon organisation's key: all its names are one organisation.
    static func lexiconKey(_ index: Int) -> UInt64 { 0x8000_0000_0000_0000 | UInt64(index) << 1 }

    private static let connectors: Set<UInt64> = Set(["of", "and", "for", "de", "du", "der", "van", "von", "la", "le"].map { WordHash.of($0) })

    /// A word that may be part of a name here.
    private func eligible(_ i: Int, first: Bool) -> Bool {
        let t = text.tokens[i]
        guard !claimed[i], t.kind == .word, t.looksLikeName || (!first && t.flags.contains(.hasDigit)) else { return false }
        let h = text.hits
        if h.has(.month, at: i) || h.has(.weekday, at: i) || h.has(.nationality, at: i) { return false }
        if let q = h.longest([.quarterWord, .halfWord], at: i), q.payload > 0 { return false }
        if first {
            if t.end - t.start == 1 { return false }
            if h.has(.notName, at: i) { return false }
            if isSentenceStart(i) && text.lowercase.contains(t.key) { return false }
            // "Reportedly, …": an adverb opening a sentence.
            if isSentenceStart(i) && text.isPunct(i + 1, ",") && text.word(i).hasSuffix("ly") { return false }
        } else if h.has(.notName, at: i) {
            return h.has(.orgHead, at: i) || h.has(.legalSuffix, at: i) || h.has(.bodyHead, at: i)
        }
        return true
    }

    /// Runs of capitalised words ("Fabrikam Robotics Inc.", "Competition and Markets
    /// Authority"); "of" and "and" stay inside only where a body's name needs them.
    mutating func findSpans() {
        let t = text.tokens
        var i = 0
        while i < t.count {
            guard eligible(i, first: true) else { i += 1; continue }
            var j = i + 1
            var connectors: [Int] = []
            while j < t.count && !t[j].flags.contains(.lineStart) && sameSentence(i, j) {
                if eligible(j, first: false) && t[j].flags.contains(.spaceBefore) { j += 1; continue }
                if j + 1 < t.count && !t[j + 1].flags.contains(.lineStart) && sameSentence(i, j + 1) {
                    if text.isPunct(j, "&") && eligible(j + 1, first: false) { j += 2; continue }
                    if Self.connectors.contains(t[j].key) && !t[j].looksLikeName && eligible(j + 1, first: true) {
                        connectors.append(j)
                        j += 2
                        continue
                    }
                }
                break
            }
            var lo = i
            let bodyEnd = text.hits.has(.bodyHead, at: j - 1)
            for c in connectors {
                let keep = bodyEnd || (t[c].key != Words.and && (text.hits.has(.orgHead, at: c - 1) || text.hits.has(.bodyHead, at: c - 1)))
                if !keep {
                    addSpan(lo, c)
                    lo = c + 1
                }
            }
            addSpan(lo, j)
            i = j
        }
    }

    /// "Margie's Travel", "Macy's Inc.": two unknown capitalised names joined by "'s" are
    /// one name, unless what follows is a product ("Tailspin's Scribe model").
    mutating func joinPossessiveNames() {
        let t = text.tokens
        var k = 0
        while k + 1 < names.mentions.count {
            let a = names.mentions[k], b = names.mentions[k + 1]
            if a.kind == .candidate, b.kind == .candidate, !a.headline, b.lo == a.hi + 1, t[a.hi].kind == .possessive,
               !t[a.hi].flags.contains(.spaceBefore), a.hi - a.lo == 1, productNoun(after: b.hi) == false {
                names.mentions[k] = Mention(lo: a.lo, hi: b.hi, kind: .candidate, key: nameKey(a.lo, b.hi), headline: false)
                claim(a.lo, b.hi)
                names.mentions.remove(at: k + 1)
            }
            k += 1
        }
    }

    private func productNoun(after i: Int) -> Bool {
        var k = i
        while k < text.tokens.count && k - i <= 3 && sameSentence(i - 1, k) && text.tokens[k].kind == .word {
            if text.hits.has(.productNoun, at: k) { return true }
            k += 1
        }
        return false
    }

    private mutating func addSpan(_ lo: Int, _ hi: Int) {
        guard hi > lo, !(hi - lo == 1 && text.tokens[lo].end - text.tokens[lo].start == 1) else { return }
        add(Mention(lo: lo, hi: hi, kind: .candidate, key: nameKey(lo, hi), headline: inHeadline(lo)))
    }
}
