import DealModel

/// Splits an article into tokens and sentences in one pass over its UTF-8 bytes. Only
/// non-ASCII bytes are decoded, and only to ask what kind of character they are.
struct Tokenizer {
    /// Folded keys of words whose full stop belongs to them ("inc", "corp", "jan").
    let abbreviations: Set<UInt64>

    private static let apostrophe: UInt8 = 0x27

    /// What a character is to the tokenizer.
    private enum Class { case letter, digit, space, newline, apostrophe, hyphen, currency, punct, skip }

    private static func classify(_ s: Unicode.Scalar) -> Class {
        switch s.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: return .newline
        case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x27, 0x2019, 0x2018: return .apostrophe
        case 0x2D, 0x2010...0x2015, 0x2212: return .hyphen
        case 0x24, 0xA3, 0xA5, 0x20AC, 0x20B9, 0x20A9: return .currency
        case 0xAD, 0x200B...0x200D, 0xFEFF: return .skip
        default:
            if s.value < 0x80 { return .punct }
            let p = s.properties
            if p.isAlphabetic { return .letter }
            if p.numericType != nil { return .digit }
            if p.generalCategory == .nonspacingMark { return .letter }
            return p.isWhitespace ? .space : .punct
        }
    }

    @inline(__always)
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (Unicode.Scalar(UInt8(c0)), 1) }
        let n = b.count
        if c0 < 0xE0, i + 1 < n { return (Unicode.Scalar(((c0 & 0x1F) << 6) | (UInt32(b[i + 1]) & 0x3F)) ?? " ", 2) }
        if c0 < 0xF0, i + 2 < n {
            return (Unicode.Scalar(((c0 & 0x0F) << 12) | ((UInt32(b[i + 1]) & 0x3F) << 6) | (UInt32(b[i + 2]) & 0x3F)) ?? " ", 3)
        }
        if i + 3 < n {
            let v = ((c0 & 0x07) << 18) | ((UInt32(b[i + 1]) & 0x3F) << 12) | ((UInt32(b[i + 2]) & 0x3F) << 6) | (UInt32(b[i + 3]) & 0x3F)
            return (Unicode.Scalar(v) ?? " ", 4)
        }
        return (" ", 1)
    }

    @inline(__always)
    private static func classAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Class, Int) {
        if i >= b.count { return (.space, 0) }
        let c = b[i]
        if c < 0x80 {
            switch c {
            case 0x61...0x7A, 0x41...0x5A: return (.letter, 1)
            case 0x30...0x39: return (.digit, 1)
            case 0x20, 0x09: return (.space, 1)
            case 0x0A, 0x0D: return (.newline, 1)
            default: return (classify(Unicode.Scalar(c)), 1)
            }
        }
        let (s, w) = scalar(b, i)
        return (classify(s), w)
    }

    /// Tokens of `b[from...]`.
    func tokens(_ b: UnsafeBufferPointer<UInt8>, from: Int = 0) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(b.count / 5)
        var i = from
        var space = true
        var lineStart = true
        let n = b.count
        while i < n {
            let (cls, w) = Self.classAt(b, i)
            switch cls {
            case .space, .skip:
                if cls == .space { space = true }
                i += w
                continue
            case .newline:
                space = true
                lineStart = true
                i += w
                continue
            case .letter, .digit:
                let end = cls == .digit ? numberEnd(b, i) : wordEnd(b, i)
                var t = makeWord(b, i, end, kind: cls == .digit ? .number : .word)
                if cls == .letter, end < n, b[end] == 0x2E, abbreviations.contains(t.key) || t.flags.contains(.abbreviation) {
                    t.end += 1
                    t.flags.insert(.abbreviation)
                }
                push(&out, t, &space, &lineStart)
                i = Int(t.end)
            case .apostrophe:
                // "’s" after a word is a possessive; any other apostrophe is a mark.
                let next = i + w
                if let last = out.last, !space, last.kind != .punct, next < n, b[next] | 0x20 == 0x73,
                   Self.classAt(b, next + 1).0 != .letter, Self.classAt(b, next + 1).0 != .digit {
                    let t = Token(start: Int32(i), end: Int32(next + 1), key: WordHash.of([Self.apostrophe, 0x73]), kind: .possessive, flags: [])
                    push(&out, t, &space, &lineStart)
                    i = next + 1
                } else {
                    push(&out, Token(start: Int32(i), end: Int32(next), key: WordHash.of([Self.apostrophe]), kind: .punct, flags: []), &space, &lineStart)
                    i = next
                }
            case .hyphen:
                push(&out, Token(start: Int32(i), end: Int32(i + w), key: WordHash.of([0x2D]), kind: .punct, flags: []), &space, &lineStart)
                i += w
            case .currency:
                var t = makeWord(b, i, i + w, kind: .currency)
                t.flags = []
                push(&out, t, &space, &lineStart)
                i += w
            case .punct:
                let (s, _) = Self.scalar(b, i)
                let folded: UInt8
                switch s.value {
                case 0x201C, 0x201D, 0x201E, 0xAB, 0xBB: folded = 0x22
                case 0x2026: folded = 0x2E
                case 0x2022, 0x25CF, 0xB7: folded = 0x2A
                default: folded = s.isASCII ? UInt8(s.value) : 0x3F
                }
                push(&out, Token(start: Int32(i), end: Int32(i + w), key: WordHash.of([folded]), kind: .punct, flags: []), &space, &lineStart)
                i += w
            }
        }
        return out
    }

    private func push(_ out: inout [Token], _ t: Token, _ space: inout Bool, _ lineStart: inout Bool) {
        var t = t
        if space { t.flags.insert(.spaceBefore) }
        if lineStart { t.flags.insert(.lineStart) }
        space = false
        lineStart = false
        out.append(t)
    }

    /// Letters and digits, with an apostrophe inside ("O'Neil", "don't") but not a
    /// possessive's; dotted initials ("U.S.") keep their full stops.
    private func wordEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        let n = b.count
        while i < n {
            let (cls, w) = Self.classAt(b, i)
            if cls == .letter || cls == .digit { i += w; continue }
            if cls == .apostrophe {
                let (after, aw) = Self.classAt(b, i + w)
                guard after == .letter else { break }
                // "’s" followed by a non-letter is a possessive: stop before it.
                if b[i + w] | 0x20 == 0x73, aw == 1 {
                    let (c2, _) = Self.classAt(b, i + w + 1)
                    if c2 != .letter && c2 != .digit { break }
                }
                i += w
                continue
            }
            // U.S., e.g.: a single letter, a full stop, a letter.
            if b[i] == 0x2E, i - start >= 1, i + 2 < n, Self.classAt(b, i + 1).0 == .letter {
                let runStart = lastDotOrStart(b, start, i)
                if i - runStart == 1, b[i + 2] == 0x2E { i += 2; continue }
            }
            break
        }
        return i
    }

    private func lastDotOrStart(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int) -> Int {
        var j = i - 1
        while j > start && b[j - 1] != 0x2E { j -= 1 }
        return j
    }

    /// Digits with thousands separators and a decimal point: "1,000", "4.5".
    private func numberEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        let n = b.count
        @inline(__always) func digit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
        while i < n {
            if digit(i) { i += 1; continue }
            if b[i] == 0x2C, digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4) { i += 4; continue }
            if b[i] == 0x2E, digit(i + 1) { i += 1; continue }
            break
        }
        return i
    }

    private func makeWord(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, kind: Token.Kind) -> Token {
        var h = WordHash.seed
        var flags: Token.Flags = []
        var upper = 0, lower = 0, first = true, firstUpper = false, ascii = true
        var dotted = false
        for k in start..<end {
            let c = b[k]
            if c >= 0x80 { ascii = false; break }
            if c == 0x2E { dotted = true; h = WordHash.add(h, c); continue }
            if c >= 0x41 && c <= 0x5A {
                upper += 1
                if first { firstUpper = true }
                h = WordHash.add(h, c + 0x20)
            } else {
                if c >= 0x61 && c <= 0x7A { lower += 1 }
                if c >= 0x30 && c <= 0x39 { flags.insert(.hasDigit) }
                h = WordHash.add(h, c)
            }
            first = false
        }
        if !ascii {
            let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            h = WordHash.of(Array(TextFolding.fold(s).utf8))
            upper = 0; lower = 0; firstUpper = false
            for (k, ch) in s.unicodeScalars.enumerated() {
                let p = ch.properties
                if p.isUppercase { upper += 1; if k == 0 { firstUpper = true } } else if p.isLowercase { lower += 1 }
                if p.numericType != nil { flags.insert(.hasDigit) }
            }
        }
        if upper + lower > 0 { flags.insert(.hasLetter) }
        if firstUpper { flags.insert(.capitalised) }
        if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
        if !firstUpper && upper > 0 { flags.insert(.innerCaps) }
        if dotted { flags.insert(.abbreviation) }
        return Token(start: Int32(start), end: Int32(end), key: h, kind: kind, flags: flags)
    }
}
