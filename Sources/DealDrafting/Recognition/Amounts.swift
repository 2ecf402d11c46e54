/// Amounts of money and stakes as the article words them: "$4bn", "roughly 110 billion
/// dollars", "up to $100 billion", "between $8 billion and $10 billion", "$2-3bn",
/// "£2.1bn ($2.6bn)", "$800 million a year", "six billion dollars", "a 7% stake".
struct AmountMention {
    var lo: Int
    var hi: Int
    var value: DraftAmount
    /// False for a valuation, revenue, a forecast, a fee: a figure that is not what a
    /// deal is worth.
    var dealValue: Bool
}

struct AmountFinder {
    let text: ArticleText
    let lexicon: Lexicon

    static func find(_ text: ArticleText, lexicon: Lexicon) -> [AmountMention] {
        let f = AmountFinder(text: text, lexicon: lexicon)
        var out: [AmountMention] = []
        var i = 0
        let starts: [Category] = [.currency, .numberWord]
        let mask = starts.reduce(UInt64(0)) { $0 | 1 << UInt64($1.rawValue) }
        while i < text.tokens.count {
            // An amount starts with a currency, a number, a number word, "a" or "half".
            let t = text.tokens[i]
            guard t.kind == .number || text.hits.masks[i] & mask != 0 || t.key == Words.a || t.key == Words.an || t.key == Words.half else { i += 1; continue }
            if let m = f.money(at: i) ?? f.stake(at: i) {
                out.append(m)
                i = m.hi
            } else {
                i += 1
            }
        }
        return out
    }

    private var h: PhraseHits { text.hits }
    private var t: [Token] { text.tokens }

    /// A figure: digits ("1,200", "4.5"), or number words ("six", "one and a half",
    /// "a", "half a"), then scale words ("billion", "bn", "hundred million").
    private func figure(at i: Int) -> (value: Double, end: Int, scale: Double)? {
        guard i < t.count else { return nil }
        var value: Double
        var k: Int
        if t[i].kind == .number {
            guard let v = text.number(i) else { return nil }
            value = v
            k = i + 1
        } else if let w = h.longest(.numberWord, at: i) {
            value = lexicon.numbers[Int(w.payload)]
            k = i + Int(w.length)
            // "twenty-five", "one and a half"
            if text.isPunct(k, "-"), let u = h.longest(.numberWord, at: k + 1) { value += lexicon.numbers[Int(u.payload)]; k += 1 + Int(u.length) }
            if k + 2 < t.count, t[k].key == Words.and, t[k + 1].key == Words.a, t[k + 2].key == Words.half { value += 0.5; k += 3 }
        } else if t[i].key == Words.half, i + 1 < t.count, t[i + 1].key == Words.a {
            value = 0.5
            k = i + 2
        } else if t[i].key == Words.a || t[i].key == Words.an {
            value = 1
            k = i + 1
            guard h.has(.scale, at: k) else { return nil }
        } else {
            return nil
        }
        var scale = 1.0
        while k < t.count, !t[k].flags.contains(.lineStart), let s = h.longest(.scale, at: k) {
            // A one-letter scale ("m", "b") only right after the digits: "$4m", not "4 m".
            if t[k].end - t[k].start == 1 && t[k].flags.contains(.spaceBefore) { break }
            scale *= lexicon.numbers[Int(s.payload)]
            k += Int(s.length)
        }
        return (value * scale, k, scale)
    }

    private func currency(at i: Int) -> (code: String, end: Int)? {
        guard i < t.count, let c = h.longest(.currency, at: i) else { return nil }
        let end = i + Int(c.length)
        // "A$" and "HK$" are written as one word: "a $10 billion round" is in dollars.
        if c.length > 1 && t[end - 1].kind == .currency && t[end - 1].flags.contains(.spaceBefore) { return nil }
        return (lexicon.currencies[Int(c.payload)], end)
    }

    /// One sum: currency before or after the figure.
    private func sum(at i: Int) -> (value: Double, currency: String?, end: Int, scale: Double)? {
        if let c = currency(at: i), let f = figure(at: c.end) {
            // "$4 billion dollars" would name it twice; take a trailing code all the same.
            let after = currency(at: f.end)
            return (f.value, c.code, after?.end ?? f.end, f.scale)
        }
        if let f = figure(at: i) {
            if let c = currency(at: f.end) { return (f.value, c.code, c.end, f.scale) }
            return (f.value, nil, f.end, f.scale)
        }
        return nil
    }

    private func money(at i: Int) -> AmountMention? {
        guard let first = sum(at: i), first.currency != nil || isRangeStart(i) else { return nil }
        var value = DraftAmount(amount: first.value, currency: first.currency)
        var hi = first.end
        // A range: "$8 billion to $10 billion", "$2-3 billion", "between $2 and $3 billion".
        let between = isRangeStart(i)
        if hi < t.count, text.isPunct(hi, "-") || (h.has(.rangeTo, at: hi) && (t[hi].key != Words.and || between)), let second = sum(at: hi + 1) {
            var low = first.value
            if first.scale == 1 && second.scale > 1 { low *= second.scale }
            if second.value > low, second.currency ?? first.currency != nil {
                value.amount = low
                value.maximum = second.value
                value.currency = first.currency ?? second.currency
                hi = second.end
            }
        }
        guard value.currency != nil else { return nil }
        var lo = i
        if between { lo -= 1 }
        // Hedges and bounds before it: "roughly", "an estimated", "up to", "at least".
        for _ in 0..<2 {
            if let a = h.ending(.approximate, before: lo, maxLength: 3) { value.approximate = true; lo -= Int(a.length) }
            else if let b = h.ending(.atMost, before: lo, maxLength: 3) { value.bound = .atMost; lo -= Int(b.length) }
            else if let b = h.ending(.atLeast, before: lo, maxLength: 3) { value.bound = .atLeast; lo -= Int(b.length) }
        }
        if value.maximum != nil { value.bound = nil }
        if !value.approximate && estimated(before: lo) { value.approximate = true }
        // A rate: "a year", "per annum".
        if let r = h.longest([.perYear, .perQuarter, .perMonth], at: hi) {
            value.per = r.category == .perYear ? .year : r.category == .perQuarter ? .quarter : .month
            hi += Int(r.length)
        }
        // A second currency in brackets: "£2.1bn ($2.6bn)".
        if text.isPunct(hi, "("), let inner = money(at: hi + 1), text.isPunct(inner.hi, ")"), let a = inner.value.amount, let c = inner.value.currency, c != value.currency {
            value.equivalent = DraftAmount.Equivalent(amount: a, currency: c, maximum: inner.value.maximum)
            hi = inner.hi + 1
        }
        value.text = text.string(lo, hi)
        return AmountMention(lo: lo, hi: hi, value: value, dealValue: isDealValue(lo, hi))
    }

    private func isRangeStart(_ i: Int) -> Bool { i > 0 && t[i - 1].key == Words.between }

    /// "a contract we estimate at between …", "estimated at": the figure is an estimate.
    private func estimated(before lo: Int) -> Bool {
        var k = lo - 1
        while k >= 0 && lo - k <= 4 && text.sentenceOf[k] == text.sentenceOf[lo] {
            if h.has(.estimate, at: k) { return true }
            k -= 1
        }
        return false
    }

    /// "a 7% stake", "a stake of 49%", "15 per cent stake".
    private func stake(at i: Int) -> AmountMention? {
        guard let v = text.number(i), v > 0, v <= 100 else { return nil }
        var k = i + 1
        if text.isPunct(k, "%") { k += 1 } else if let p = h.longest(.percentWord, at: k) { k += Int(p.length) } else { return nil }
        var lo = i
        var hi = k
        var found = false
        if let s = h.longest(.stakeWord, at: k) { hi = k + Int(s.length); found = true }
        else if k + 1 < t.count, let s = h.longest(.stakeWord, at: k + 1), !t[k].looksLikeName, t[k].kind == .word { hi = k + 1 + Int(s.length); found = true }
        if !found, i >= 2, t[i - 1].key == Words.of, h.ending(.stakeWord, before: i - 1, maxLength: 2) != nil { lo = i - 2; found = true }
        guard found else { return nil }
        var value = DraftAmount(stake: v)
        if let a = h.ending(.approximate, before: lo, maxLength: 3) { value.approximate = true; lo -= Int(a.length) }
        else if lo >= 1, t[lo - 1].key == Words.a, let a = h.ending(.approximate, before: lo - 1, maxLength: 3) { value.approximate = true; lo -= 1 + Int(a.length) }
        value.text = text.string(lo, hi)
        return AmountMention(lo: lo, hi: hi, value: value, dealValue: true)
    }

    /// Whether the words around a figure make it a deal's value: "revenue of £3bn", "a
    /// $62bn valuation" and "cost about $1.5bn" are not; "the agreement is valued at"
    /// and "a deal worth" are.
    private func isDealValue(_ lo: Int, _ hi: Int) -> Bool {
        var k = hi
        while k < t.count && k - hi < 4 && text.sentenceOf[k] == text.sentenceOf[lo] && !text.isPunct(k, ",") && !text.isPunct(k, ";") {
            if h.has(.notDealAfter, at: k) { return false }
            if h.has(.dealNoun, at: k) { break }
            k += 1
        }
        k = lo - 1
        while k >= 0 && lo - k <= 8 && text.sentenceOf[k] == text.sentenceOf[lo] && !text.isPunct(k, ";") && !text.isPunct(k, ".") {
            if h.has(.dealNoun, at: k) { return true }
            if let n = h.longest(.notDealBefore, at: k), k + Int(n.length) <= lo {
                // "the agreement is valued at": a deal noun just before the word.
                var j = k - 1
                while j >= 0 && k - j <= 3 && text.sentenceOf[j] == text.sentenceOf[lo] {
                    if h.has(.dealNoun, at: j) { return true }
                    j -= 1
                }
                return false
            }
            k -= 1
        }
        return true
    }

}
