/// Dates as precise as the article gives them: "March 3, 2024" and "3 March 2024" (days),
/// "March 2024" (a month), "Q3 2024" and "the third quarter of 2024", "H2 2024" and "the
/// second half of last year", "in 2023" (a year: a bare number is a year only when the
/// words around it make it one), and relative dates ("last year", "in December", "on
/// Tuesday", "a year later") resolved against the publication date when there is one.
struct DateMention {
    var lo: Int
    var hi: Int
    var date: DraftDate?
    /// The words of a relative date that could not be resolved.
    var unresolved: String?
    /// "a year later", "two weeks earlier": an offset from the date before it.
    var offset: (unit: Int, count: Int)?
}

struct DateFinder {
    let text: ArticleText
    let lexicon: Lexicon
    let published: DraftDate?

    /// Offset units in `dates.txt`.
    static let year = 1, month = 2, week = 3, day = 4

    static func find(_ text: ArticleText, lexicon: Lexicon, published: DraftDate?) -> [DateMention] {
        let f = DateFinder(text: text, lexicon: lexicon, published: published)
        var out: [DateMention] = []
        var i = 0
        let starts: [Category] = [.month, .weekday, .quarterWord, .halfWord, .quarterOrdinal, .relativeDate, .numberWord, .dateApproximate]
        let mask = starts.reduce(UInt64(0)) { $0 | 1 << UInt64($1.rawValue) }
        while i < text.tokens.count {
            // Most words can start no date: a number, a month, "last year", "a year later" can.
            let t = text.tokens[i]
            guard t.kind == .number || text.hits.masks[i] & mask != 0 || t.key == Words.a || t.flags.contains(.hasDigit) else { i += 1; continue }
            if var m = f.date(at: i) {
                if let a = text.hits.ending(.dateApproximate, before: m.lo, maxLength: 2), let d = m.date {
                    m.date = DraftDate(year: d.year, half: d.half, quarter: d.quarter, month: d.month, day: d.day, approximate: true)
                    m.lo -= Int(a.length)
                }
                out.append(m)
                i = m.hi
            } else {
                i += 1
            }
        }
        f.resolveOffsets(&out)
        return out
    }

    private var h: PhraseHits { text.hits }
    private var t: [Token] { text.tokens }

    private func number(_ i: Int) -> Int? { text.integer(i) }

    private func year(_ i: Int) -> Int? {
        guard let n = number(i), t[i].end - t[i].start == 4, (1900...2100).contains(n) else { return nil }
        return n
    }

    /// Whether the words before a date speak of the future ("is expected to close in
    /// December"); words after it ("in February and will offer") do not count.
    private func futureSentence(_ i: Int) -> Bool {
        let start = text.sentences[Int(text.sentenceOf[i])].tokens.lowerBound
        var k = i - 1
        while k >= start && i - k <= 10 {
            if h.has(.future, at: k) { return true }
            k -= 1
        }
        return false
    }

    /// Whether a word before `i` says a date follows ("in", "since", "early", "of").
    private func cueBefore(_ i: Int) -> Bool {
        h.ending(.yearCue, before: i, maxLength: 3) != nil
    }

    private func date(at i: Int) -> DateMention? {
        monthFirst(at: i) ?? dayFirst(at: i) ?? quarterOrHalf(at: i) ?? yearAlone(at: i) ?? relative(at: i) ?? weekday(at: i) ?? offset(at: i)
    }

    /// "March 3, 2024", "March 2024", "in March".
    func monthFirst(at i: Int) -> DateMention? {
        guard let m = h.longest(.month, at: i) else { return nil }
        let month = Int(m.payload)
        var j = i + Int(m.length)
        if let d = number(j), (1...31).contains(d), t[j].end - t[j].start <= 2 {
            j += 1
            if j < t.count, Self.ordinalSuffixes.contains(t[j].key), !t[j].flags.contains(.spaceBefore) { j += 1 }
            var k = j
            if text.isPunct(k, ",") { k += 1 }
            if let y = year(k) { return valid(DraftDate(year: y, month: month, day: d), i, k + 1) }
            return resolved(month: month, day: d, i, j)
        }
        var k = j
        if text.isPunct(k, ",") || t.indices.contains(k) && t[k].key == Words.of { k += 1 }
        if let y = year(k) { return DateMention(lo: i, hi: k + 1, date: DraftDate(year: y, month: month)) }
        // A month alone ("in December", "late October"); "May" without such a word is a verb.
        guard cueBefore(i) else { return nil }
        return resolved(month: month, day: nil, i, j)
    }

    /// "3 March 2024", "3 March".
    func dayFirst(at i: Int) -> DateMention? {
        guard let d = number(i), (1...31).contains(d), t[i].end - t[i].start <= 2, let m = h.longest(.month, at: i + 1) else { return nil }
        let j = i + 1 + Int(m.length)
        if let y = year(j) { return valid(DraftDate(year: y, month: Int(m.payload), day: d), i, j + 1) }
        return resolved(month: Int(m.payload), day: d, i, j)
    }

    private func valid(_ date: DraftDate, _ lo: Int, _ hi: Int) -> DateMention? {
        guard let day = date.day, let month = date.month, day <= DraftDate.daysIn(month: month, year: date.year) else { return nil }
        return DateMention(lo: lo, hi: hi, date: date)
    }

    /// A month (and day) without a year: the last one before the publication date, or
    /// the next one after it when the sentence speaks of the future.
    private func resolved(month: Int, day: Int?, _ lo: Int, _ hi: Int) -> DateMention {
        guard let p = published else { return DateMention(lo: lo, hi: hi, unresolved: text.string(lo, hi)) }
        let future = futureSentence(lo)
        let here = month * 100 + (day ?? 0)
        let now = (p.month ?? 12) * 100 + (day == nil ? 0 : p.day ?? 31)
        var y = p.year
        if future && p.month != nil && here < now { y += 1 }
        if !future && here > now { y -= 1 }
        let date = DraftDate(year: y, month: month, day: day.map { min($0, DraftDate.daysIn(month: month, year: y)) })
        return DateMention(lo: lo, hi: hi, date: date)
    }

    /// "Q3 2024", "H2 2024", "the third quarter of 2024", "the second half of last year",
    /// "third-quarter", "in the fourth quarter" (of the publication year).
    private func quarterOrHalf(at i: Int) -> DateMention? {
        var n = 0
        var isQuarter = true
        var j = i
        if let q = h.longest(.quarterWord, at: i), q.payload > 0 { n = Int(q.payload); j = i + Int(q.length) }
        else if let q = h.longest(.halfWord, at: i), q.payload > 0 { n = Int(q.payload); isQuarter = false; j = i + Int(q.length) }
        else if let o = h.longest(.quarterOrdinal, at: i) {
            var k = i + Int(o.length)
            if text.isPunct(k, "-") { k += 1 }
            if let q = h.longest(.quarterWord, at: k), q.payload == 0 { j = k + Int(q.length) }
            else if let q = h.longest(.halfWord, at: k), q.payload == 0 { isQuarter = false; j = k + Int(q.length) }
            else { return nil }
            n = Int(o.payload)
            guard (1...(isQuarter ? 4 : 2)).contains(n) else { return nil }
        } else {
            return nil
        }
        var k = j
        if k < t.count && t[k].key == Words.of { k += 1 }
        func make(_ y: Int, _ hi: Int) -> DateMention {
            DateMention(lo: i, hi: hi, date: isQuarter ? DraftDate(year: y, quarter: n) : DraftDate(year: y, half: n))
        }
        if let y = year(k) { return make(y, k + 1) }
        // "3Q24"-style two-digit years are not read; "of last year" is.
        if k > j, let r = h.longest(.relativeDate, at: k), lexicon.relatives[Int(r.payload)].unit == .year {
            guard let p = published else { return DateMention(lo: i, hi: k + Int(r.length), unresolved: text.string(i, k + Int(r.length))) }
            return make(p.year + lexicon.relatives[Int(r.payload)].offset, k + Int(r.length))
        }
        guard cueBefore(i) || (i > 0 && t[i - 1].key == Words.the) else { return nil }
        guard let p = published else { return DateMention(lo: i, hi: j, unresolved: text.string(i, j)) }
        // The quarter or half of the publication year, or of the year before when it
        // has not come yet and the sentence speaks of the past.
        let current = isQuarter ? p.quarter ?? p.month.map { ($0 - 1) / 3 + 1 } : p.half ?? p.month.map { $0 <= 6 ? 1 : 2 }
        var y = p.year
        if let current, n > current, !futureSentence(i) { y -= 1 }
        return make(y, j)
    }

    /// "in 2023", "since 2019", "early 2024", "fiscal 2026", "the 2023 agreement", "in
    /// 2023 and 2024".
    private func yearAlone(at i: Int) -> DateMention? {
        if i < t.count, t[i].kind == .word, t[i].flags.contains(.hasDigit) {
            // "FY2026"
            let w = text.word(i)
            if w.count == 6, w.uppercased().hasPrefix("FY"), let y = Int(w.dropFirst(2)), (1900...2100).contains(y) {
                return DateMention(lo: i, hi: i + 1, date: DraftDate(year: y))
            }
            return nil
        }
        guard let y = year(i) else { return nil }
        if i > 0 && t[i - 1].kind == .currency { return nil }
        let cue = cueBefore(i)
        let listed = i >= 2 && (t[i - 1].key == Words.and || t[i - 1].key == Words.or || text.isPunct(i - 1, ",") || text.isPunct(i - 1, "-")) && year(i - 2) != nil
        let determiner = i >= 1 && (Self.determiners.contains(t[i - 1].key) || t[i - 1].kind == .possessive)
            && i + 1 < t.count && t[i + 1].kind == .word && !t[i + 1].looksLikeName
        guard cue || listed || determiner else { return nil }
        // "2024-03-05"
        if text.isPunct(i + 1, "-"), let m = number(i + 2), (1...12).contains(m), t[i + 2].end - t[i + 2].start == 2, !t[i + 2].flags.contains(.spaceBefore) {
            if text.isPunct(i + 3, "-"), let d = number(i + 4), t[i + 4].end - t[i + 4].start == 2, let v = valid(DraftDate(year: y, month: m, day: d), i, i + 5) { return v }
            return DateMention(lo: i, hi: i + 3, date: DraftDate(year: y, month: m))
        }
        return DateMention(lo: i, hi: i + 1, date: DraftDate(year: y))
    }

    /// "last year", "this month", "today", "earlier this year".
    private func relative(at i: Int) -> DateMention? {
        guard let r = h.longest(.relativeDate, at: i) else { return nil }
        let hi = i + Int(r.length)
        let rule = lexicon.relatives[Int(r.payload)]
        guard let p = published else { return DateMention(lo: i, hi: hi, unresolved: text.string(i, hi)) }
        switch rule.unit {
        case .year: return DateMention(lo: i, hi: hi, date: DraftDate(year: p.year + rule.offset))
        case .month:
            guard p.month != nil else { return DateMention(lo: i, hi: hi, unresolved: text.string(i, hi)) }
            let d = DraftDate(year: p.year, month: p.month).adding(months: rule.offset)
            return DateMention(lo: i, hi: hi, date: d)
        case .day:
            guard p.day != nil else { return DateMention(lo: i, hi: hi, unresolved: text.string(i, hi)) }
            return DateMention(lo: i, hi: hi, date: p.adding(days: rule.offset))
        }
    }

    /// "on Tuesday": the last Tuesday up to the publication day (the next one for the
    /// future).
    private func weekday(at i: Int) -> DateMention? {
        guard let w = h.longest(.weekday, at: i) else { return nil }
        let hi = i + Int(w.length)
        guard let p = published, p.day != nil, let today = p.weekday else { return DateMention(lo: i, hi: hi, unresolved: text.string(i, hi)) }
        let target = Int(w.payload) - 1
        var delta = target - today
        // News speaks of the last such day unless it says "next".
        let next = i > 0 && text.tokens[i - 1].key == Words.next
        if next { if delta <= 0 { delta += 7 } } else if delta > 0 { delta -= 7 }
        return DateMention(lo: i, hi: hi, date: p.adding(days: delta))
    }

    /// "a year later", "two weeks earlier": resolved against the date before it.
    private func offset(at i: Int) -> DateMention? {
        var count = 1
        var j = i
        if let n = number(i) { count = n; j += 1 }
        else if let w = h.longest(.numberWord, at: i) { count = Int(lexicon.numbers[Int(w.payload)]); j += Int(w.length) }
        else if t[i].key == Words.a { j += 1 }
        else { return nil }
        guard let u = h.longest(.offsetUnit, at: j) else { return nil }
        let k = j + Int(u.length)
        if h.has(.later, at: k) { return DateMention(lo: i, hi: k + 1, offset: (Int(u.payload), count)) }
        if h.has(.earlier, at: k) { return DateMention(lo: i, hi: k + 1, offset: (Int(u.payload), -count)) }
        return nil
    }

    /// Offsets take the date written before them, at no finer a precision than their unit.
    private func resolveOffsets(_ dates: inout [DateMention]) {
        var last: DraftDate?
        for k in dates.indices {
            if let o = dates[k].offset {
                let words = text.string(dates[k].lo, dates[k].hi)
                guard let base = last else { dates[k].unresolved = words; continue }
                switch o.unit {
                case Self.year: dates[k].date = DraftDate(year: base.year + o.count)
                case Self.month where base.month != nil: dates[k].date = DraftDate(year: base.year, month: base.month).adding(months: o.count)
                case Self.week where base.day != nil: dates[k].date = base.adding(days: 7 * o.count)
                case Self.day where base.day != nil: dates[k].date = base.adding(days: o.count)
                default: dates[k].unresolved = words
                }
            }
            if let d = dates[k].date { last = d }
        }
    }

    static let ordinalSuffixes: Set<UInt64> = Set(["st", "nd", "rd", "th"].map { WordHash.of($0) })
    static let determiners: Set<UInt64> = Set(["the", "its", "their", "this", "that"].map { WordHash.of($0) })
}

extension DateFinder {
    /// A date written on its own, such as a header's "October 7, 2025".
    static func standalone(_ words: String, lexicon: Lexicon) -> DraftDate? {
        let text = ArticleText(text: words, from: 0, lexicon: lexicon)
        let f = DateFinder(text: text, lexicon: lexicon, published: nil)
        guard let m = f.monthFirst(at: 0) ?? f.dayFirst(at: 0), m.hi == text.tokens.count else { return nil }
        return m.date
    }
}
