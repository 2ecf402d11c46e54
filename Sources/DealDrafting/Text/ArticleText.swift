/// An article's text as tokens and sentences, with the lexicon's phrases found in it.
struct ArticleText {
    struct Sentence {
        /// Token indices.
        let tokens: Range<Int>
        /// A line written as a heading ("OpenAI Mega Deals With New Partners"): its
        /// capitals say nothing about names.
        let headline: Bool
    }

    let text: String
    let tokens: [Token]
    let sentences: [Sentence]
    /// The sentence of each token.
    let sentenceOf: [Int32]
    let hits: PhraseHits
    /// Keys of words the article writes in lower case somewhere ("shares"): such a word
    /// capitalised at a sentence start is not a name.
    let lowercase: KeyTable<Bool>

    init(text: String, from start: Int, lexicon: Lexicon) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        let tokens = text.utf8.withContiguousStorageIfAvailable { lexicon.tokenizer.tokens($0, from: start) } ?? []
        self.tokens = tokens
        hits = lexicon.table.scan(tokens)
        var lowercase = KeyTable<Bool>(capacity: tokens.count / 2)
        for t in tokens where t.kind == .word && !t.looksLikeName && t.flags.contains(.hasLetter) { lowercase[t.key] = true }
        self.lowercase = lowercase
        let sentences = Self.split(tokens, hits)
        self.sentences = sentences
        var of = [Int32](repeating: 0, count: tokens.count)
        for (s, sentence) in sentences.enumerated() { for i in sentence.tokens { of[i] = Int32(s) } }
        sentenceOf = of
    }

    /// The document's words from the start of token `lo` to the end of token `hi - 1`.
    func string(_ lo: Int, _ hi: Int) -> String {
        guard lo < hi, lo >= 0, hi <= tokens.count else { return "" }
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: Int(tokens[lo].start))
        let b = u.index(u.startIndex, offsetBy: Int(tokens[hi - 1].end))
        return String(text[a..<b])
    }

    func word(_ i: Int) -> String { string(i, i + 1) }

    /// The value of a number token ("1,200", "4.5"), read from its bytes.
    func number(_ i: Int) -> Double? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number else { return nil }
        var whole = 0.0, fraction = 0.0, scale = 1.0, inFraction = false
        return text.utf8.withContiguousStorageIfAvailable { b -> Double? in
            for k in Int(tokens[i].start)..<Int(tokens[i].end) {
                let c = b[k]
                if c == 0x2C { continue }
                if c == 0x2E { inFraction = true; continue }
                guard c >= 0x30 && c <= 0x39 else { return nil }
                if inFraction { scale /= 10; fraction += Double(c - 0x30) * scale } else { whole = whole * 10 + Double(c - 0x30) }
            }
            return whole + fraction
        } ?? nil
    }

    /// The value of a number token of plain digits ("2024", "03"); nil otherwise.
    func integer(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].end - tokens[i].start <= 9 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { b -> Int? in
            var n = 0
            for k in Int(tokens[i].start)..<Int(tokens[i].end) {
                let c = b[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            return n
        } ?? nil
    }

    func key(_ i: Int) -> UInt64 { i >= 0 && i < tokens.count ? tokens[i].key : 0 }

    func isPunct(_ i: Int, _ c: Character) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punct && tokens[i].key == Self.punctKeys[c]
    }

    static let punctKeys: [Character: UInt64] = {
        var m: [Character: UInt64] = [:]
        for c in ",.;:()\"'-&*!?/[]%" { m[c] = WordHash.of([c.asciiValue!]) }
        return m
    }()

    static let closers: Set<UInt64> = [punctKeys["\""]!, punctKeys["'"]!, punctKeys[")"]!, punctKeys["]"]!]
    static let enders: Set<UInt64> = [punctKeys["."]!, punctKeys["!"]!, punctKeys["?"]!]

    /// Sentences end at a line's end, and after ".", "!" or "?" (and closing quotes or
    /// brackets) before a word that may start a sentence; after an abbreviation only
    /// before a word that is never a name ("The"), or after a legal suffix ("Inc.")
    /// before any capitalised word.
    private static func split(_ tokens: [Token], _ hits: PhraseHits) -> [Sentence] {
        var out: [Sentence] = []
        var start = 0
        var lineStart = 0
        func close(_ end: Int) {
            guard end > start else { return }
            out.append(Sentence(tokens: start..<end, headline: false))
            start = end
        }
        func closeLine(_ end: Int) {
            close(end)
            let headline = isHeadline(tokens, lineStart..<end)
            if headline {
                var k = out.count - 1
                while k >= 0 && out[k].tokens.lowerBound >= lineStart {
                    out[k] = Sentence(tokens: out[k].tokens, headline: true)
                    k -= 1
                }
            }
            lineStart = end
        }
        var i = 0
        while i < tokens.count {
            if i > start && tokens[i].flags.contains(.lineStart) { closeLine(i); continue }
            let t = tokens[i]
            var ends = false
            if t.kind == .punct && enders.contains(t.key) {
                ends = true
            } else if t.flags.contains(.abbreviation), i + 1 < tokens.count, !tokens[i + 1].flags.contains(.lineStart) {
                // "Inc." before a capital ends a sentence; "Dr." or "St." before a name does not.
                let next = tokens[i + 1]
                ends = next.flags.contains(.capitalised) && (hits.has(.notName, at: i + 1) || hits.has(.legalSuffix, at: i))
            }
            if ends {
                var end = i + 1
                while end < tokens.count && tokens[end].kind == .punct && closers.contains(tokens[end].key) && !tokens[end].flags.contains(.lineStart) { end += 1 }
                if end >= tokens.count || tokens[end].flags.contains(.lineStart) {
                    i = end
                    continue
                }
                let next = tokens[end]
                let startsSentence = next.flags.contains(.capitalised) || next.kind == .number || next.kind == .currency
                    || (next.kind == .punct && (next.key == punctKeys["\""] || next.key == punctKeys["("]))
                if startsSentence && (t.kind == .punct || t.flags.contains(.abbreviation)) { close(end) }
                i = end
                continue
            }
            i += 1
        }
        closeLine(tokens.count)
        return out
    }

    /// A line without a final full stop whose longer words are mostly capitalised.
    private static func isHeadline(_ tokens: [Token], _ line: Range<Int>) -> Bool {
        guard let last = line.last else { return false }
        let t = tokens[last]
        if t.kind == .punct && (enders.contains(t.key) || closers.contains(t.key) || t.key == punctKeys[":"]) { return false }
        // "… to Proseware Inc.": the abbreviation's full stop ends the line.
        if t.flags.contains(.abbreviation) { return false }
        var long = 0, capitalised = 0
        for k in line where tokens[k].kind == .word && tokens[k].end - tokens[k].start >= 4 {
            long += 1
            if tokens[k].looksLikeName { capitalised += 1 }
        }
        return long >= 2 && capitalised * 10 >= long * 6
    }
}
