/// A document's paragraphs (non-empty lines, trimmed) and sentences as UTF-8 offsets,
/// found in one pass over the bytes. Only non-ASCII bytes are decoded, and only where
/// a line end, a space, a closing quote or a sentence start may be at stake.
struct DocumentSplit: Sendable {
    var paragraphStarts: [UInt32] = []
    var paragraphEnds: [UInt32] = []
    var sentenceStarts: [UInt32] = []
    var sentenceEnds: [UInt32] = []
    var paragraphFirstSentence: [UInt32] = []

    init(paragraphStarts: [UInt32], paragraphEnds: [UInt32], sentenceStarts: [UInt32], sentenceEnds: [UInt32], paragraphFirstSentence: [UInt32]) {
        self.paragraphStarts = paragraphStarts
        self.paragraphEnds = paragraphEnds
        self.sentenceStarts = sentenceStarts
        self.sentenceEnds = sentenceEnds
        self.paragraphFirstSentence = paragraphFirstSentence
    }

    /// Whether the offsets are a split of some text of `length` bytes, as `init` makes
    /// them (a snapshot's are checked so): at least one paragraph, each non-empty, in
    /// order, each starting with its first sentence; sentences non-empty and in order.
    func isValid(length: Int) -> Bool {
        let n = paragraphStarts.count, m = sentenceStarts.count
        guard n >= 1, m >= n, paragraphEnds.count == n, paragraphFirstSentence.count == n, sentenceEnds.count == m else { return false }
        func ordered(_ starts: [UInt32], _ ends: [UInt32]) -> Bool {
            var last: UInt32 = 0
            for k in starts.indices {
                guard starts[k] >= last, starts[k] < ends[k] else { return false }
                last = ends[k]
            }
            return Int(last) <= length
        }
        guard ordered(paragraphStarts, paragraphEnds), ordered(sentenceStarts, sentenceEnds), paragraphFirstSentence[0] == 0 else { return false }
        for k in 0..<n {
            let first = Int(paragraphFirstSentence[k])
            guard first < m, k == 0 || first > Int(paragraphFirstSentence[k - 1]), sentenceStarts[first] == paragraphStarts[k] else { return false }
        }
        return true
    }

    init(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var lineStart = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                addLine(b, lineStart, i)
                i += 1
                lineStart = i
            } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA9 {  // U+2029
                addLine(b, lineStart, i)
                i += 3
                lineStart = i
            } else {
                i += 1
            }
        }
        addLine(b, lineStart, n)
    }

    /// The scalar starting at `i` and its width in bytes.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
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

    /// Whether the byte starts a scalar (is not a continuation byte).
    @inline(__always)
    static func isLead(_ c: UInt8) -> Bool { c & 0xC0 != 0x80 }

    /// The start of the scalar that ends just before `i`.
    @inline(__always)
    static func scalarStart(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var j = i - 1
        while j > 0 && !isLead(b[j]) { j -= 1 }
        return j
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool { QuoteMatcher.isSpace(s) }

    private mutating func addLine(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        var lo = from, hi = to
        while lo < hi {
            let (s, w) = Self.scalar(b, lo)
            guard Self.isSpace(s) else { break }
            lo += w
        }
        while hi > lo {
            let j = Self.scalarStart(b, before: hi)
            guard Self.isSpace(Self.scalar(b, j).0) else { break }
            hi = j
        }
        guard lo < hi else { return }
        paragraphStarts.append(UInt32(lo))
        paragraphEnds.append(UInt32(hi))
        paragraphFirstSentence.append(UInt32(sentenceStarts.count))
        addSentences(b, lo, hi)
    }

    private static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s { case "\"", "'", "”", "’", ")", "]", "»": true; default: false }
    }

    private static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s { case "\"", "'", "“", "‘", "(", "[", "«": true; default: false }
    }

    /// Splits a paragraph after '.', '!' or '?' (and any closing quotes or brackets)
    /// when whitespace and then an upper-case letter, digit or opening quote follows.
    private mutating func addSentences(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        var start = from
        var i = from
        while i < to {
            let c = b[i]
            guard c == 0x2E || c == 0x21 || c == 0x3F else { i += 1; continue }
            var end = i + 1
            while end < to {
                let (s, w) = Self.scalar(b, end)
                guard Self.isCloser(s) else { break }
                end += w
            }
            var next = end
            while next < to {
                let (s, w) = Self.scalar(b, next)
                guard Self.isSpace(s) else { break }
                next += w
            }
            if next > end, next < to {
                let n = Self.scalar(b, next).0
                let starts = n.isASCII
                    ? (n.value >= 0x41 && n.value <= 0x5A) || (n.value >= 0x30 && n.value <= 0x39) || Self.isOpener(n)
                    : n.properties.isUppercase || n.properties.numericType != nil || Self.isOpener(n)
                if starts {
                    sentenceStarts.append(UInt32(start))
                    sentenceEnds.append(UInt32(end))
                    start = next
                    i = next
                    continue
                }
            }
            i = end
        }
        if start < to {
            sentenceStarts.append(UInt32(start))
            sentenceEnds.append(UInt32(to))
        }
    }
}
