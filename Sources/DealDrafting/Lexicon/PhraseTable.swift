/// What a lexicon phrase is.
/// (At most 64: `PhraseHits` keeps one bit for each.)
enum Category: UInt8, CaseIterable {
    // Names (match only where the text's first word has a capital letter).
    case organisation, product, publication, place, firstName, nationality
    // Words about names.
    case notName, legalSuffix, orgHead, bodyHead, regulatorHead, orgNoun, orgPossession, orgPreceder, role, honorific,
         placeHead, lawWord, productNoun, unitNoun, makerNoun, refersToOne, refersToSeveral, sourceCue, competitorCue
    // Deals.
    case dealNoun, status
    // Amounts.
    case currency, scale, numberWord, approximate, atMost, atLeast, rangeTo, perYear, perQuarter, perMonth,
         stakeWord, percentWord, notDealBefore, notDealAfter, estimate
    // Dates and order.
    case month, weekday, yearCue, dateApproximate, quarterWord, halfWord, quarterOrdinal, relativeDate, offsetUnit, later, earlier,
         orderAfter, orderBefore, orderWith, eventVerb, future

    /// Names need a capital letter in the text ("Apple", never "apple").
    var isName: Bool {
        switch self {
        case .organisation, .product, .publication, .place, .firstName, .nationality, .month, .weekday: true
        default: false
        }
    }
}

/// A lexicon phrase found in the text: its category, its length in tokens, and a
/// number whose meaning depends on the category (an organisation's index, a month…).
struct Hit {
    let category: Category
    let length: UInt8
    let payload: Int32
}

/// Phrases of one or more tokens, found by hashing token keys in order: a phrase's
/// whole hash says what it is, and the hash of each of its beginnings says that
/// a longer phrase may follow.
struct PhraseTable: Sendable {
    /// Where a phrase's hits are in `pool`: start and count, packed in one number.
    private(set) var entries = KeyTable<UInt64>()
    private(set) var pool: [Hit] = []
    /// Hashes of phrases' beginnings (the value says nothing).
    private(set) var prefixes = KeyTable<Bool>()
    private(set) var maxLength = 1

    mutating func add(_ keys: [UInt64], _ category: Category, _ payload: Int32) {
        guard !keys.isEmpty, keys.count < 256 else { return }
        var h = WordHash.seed
        for (k, key) in keys.enumerated() {
            h = WordHash.chain(h, key)
            if k < keys.count - 1 { prefixes[h] = true }
        }
        let hit = Hit(category: category, length: UInt8(keys.count), payload: payload)
        var hits = hits(h)
        if hits.contains(where: { $0.category == category && $0.payload == payload }) { return }
        hits.append(hit)
        // A phrase's hits are copied to the pool's end when one is added (few have more than one).
        entries[h] = UInt64(pool.count) << 32 | UInt64(hits.count)
        pool += hits
        maxLength = max(maxLength, keys.count)
    }

    private func hits(_ h: UInt64) -> ArraySlice<Hit> {
        guard let e = entries[h] else { return [] }
        let start = Int(e >> 32)
        return pool[start..<start + Int(e & 0xFFFF_FFFF)]
    }

    /// Whether a single word is in the category.
    func isWord(_ key: UInt64, _ category: Category) -> Bool {
        hits(WordHash.chain(WordHash.seed, key)).contains { $0.category == category && $0.length == 1 }
    }

    /// Every phrase starting at each token, as one flat list with a start index per
    /// token (`starts[i]..<starts[i+1]`).
    func scan(_ tokens: [Token]) -> PhraseHits {
        var hits: [Hit] = []
        hits.reserveCapacity(tokens.count)
        var starts = [Int32](repeating: 0, count: tokens.count + 1)
        for i in tokens.indices {
            starts[i] = Int32(hits.count)
            var h = WordHash.seed
            var j = i
            while j < tokens.count && j - i < maxLength {
                h = WordHash.chain(h, tokens[j].key)
                if let e = entries[h] {
                    let start = Int(e >> 32)
                    for k in start..<start + Int(e & 0xFFFF_FFFF) where !pool[k].category.isName || tokens[i].looksLikeName { hits.append(pool[k]) }
                }
                guard prefixes.contains(h) else { break }
                j += 1
            }
        }
        starts[tokens.count] = Int32(hits.count)
        var masks = [UInt64](repeating: 0, count: tokens.count)
        for i in tokens.indices {
            for k in Int(starts[i])..<Int(starts[i + 1]) { masks[i] |= 1 << UInt64(hits[k].category.rawValue) }
        }
        return PhraseHits(hits: hits, starts: starts, masks: masks)
    }
}

/// The phrases found in one article.
struct PhraseHits {
    let hits: [Hit]
    let starts: [Int32]
    /// The categories of the phrases starting at each token, one bit each: most tokens
    /// start none, and most questions are answered without looking at the hits.
    let masks: [UInt64]

    @inline(__always)
    func has(_ category: Category, at i: Int) -> Bool {
        i >= 0 && i < masks.count && masks[i] & (1 << UInt64(category.rawValue)) != 0
    }

    /// The longest phrase of a category starting at token `i`.
    func longest(_ category: Category, at i: Int) -> Hit? {
        guard has(category, at: i) else { return nil }
        var best: Hit?
        for k in Int(starts[i])..<Int(starts[i + 1]) where hits[k].category == category {
            if best == nil || hits[k].length > best!.length { best = hits[k] }
        }
        return best
    }

    /// The longest phrase of any of the categories.
    func longest(_ categories: [Category], at i: Int) -> Hit? {
        guard i >= 0, i < masks.count, masks[i] != 0 else { return nil }
        var best: Hit?
        for k in Int(starts[i])..<Int(starts[i + 1]) where categories.contains(hits[k].category) {
            if best == nil || hits[k].length > best!.length { best = hits[k] }
        }
        return best
    }

    /// The longest phrase of the category that ends just before token `i`.
    func ending(_ category: Category, before i: Int, maxLength: Int = 6) -> Hit? {
        var k = max(0, i - maxLength)
        while k < i {
            if has(category, at: k) {
                for x in Int(starts[k])..<Int(starts[k + 1]) where hits[x].category == category && k + Int(hits[x].length) == i { return hits[x] }
            }
            k += 1
        }
        return nil
    }
}
