/// A source document: its text split into paragraphs and sentences, so that a quote
/// can be shown in context.
public final class SourceDocument: Sendable {
    public let id: String
    public let title: String?
    public let date: PartialDate?
    /// The file it was read from, as given (for messages).
    public let path: String
    public let text: String
    /// Non-empty lines of the text, without their line ends.
    public let paragraphs: [Range<String.Index>]
    /// Sentences in reading order, through all paragraphs.
    public let sentences: [Range<String.Index>]
    /// Index of the first sentence of each paragraph.
    let paragraphFirstSentence: [Int]

    public init(id: String, title: String?, date: PartialDate?, path: String, text: String) {
        self.id = id
        self.title = title
        self.date = date
        self.path = path
        self.text = text
        var paragraphs: [Range<String.Index>] = []
        var sentences: [Range<String.Index>] = []
        var firsts: [Int] = []
        for line in Self.lines(of: text) {
            paragraphs.append(line)
            firsts.append(sentences.count)
            sentences += Self.sentences(in: text[line])
        }
        self.paragraphs = paragraphs
        self.sentences = sentences
        paragraphFirstSentence = firsts
    }

    /// Lines with visible content, trimmed of surrounding whitespace. Works on
    /// Unicode scalars (line ends and spaces are single scalars), which is several
    /// times faster than walking grapheme clusters on a large document.
    static func lines(of text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = scalars.startIndex
        func close(_ end: String.Index) {
            let trimmed = trim(start..<end, in: text)
            if !trimmed.isEmpty { result.append(trimmed) }
        }
        while i < scalars.endIndex {
            let v = scalars[i].value
            if v == 0x0A || v == 0x0D || v == 0x2029 {
                close(i)
                start = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        close(scalars.endIndex)
        return result
    }

    static func trim(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        let scalars = text.unicodeScalars
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, QuoteMatcher.isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, QuoteMatcher.isSpace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return lo..<hi
    }

    private static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "»"]
    private static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "(", "[", "«"]

    /// Splits a paragraph after '.', '!' or '?' (and any closing quotes or brackets)
    /// when whitespace and then an upper-case letter, digit or opening quote follows.
    static func sentences(in paragraph: Substring) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        let scalars = paragraph.unicodeScalars
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            if c == "." || c == "!" || c == "?" {
                var end = scalars.index(after: i)
                while end < scalars.endIndex, closers.contains(scalars[end]) { end = scalars.index(after: end) }
                var next = end
                while next < scalars.endIndex, QuoteMatcher.isSpace(scalars[next]) { next = scalars.index(after: next) }
                if next > end, next < scalars.endIndex {
                    let n = scalars[next]
                    if n.properties.isUppercase || n.properties.numericType != nil || openers.contains(n) {
                        result.append(start..<end)
                        start = next
                        i = next
                        continue
                    }
                }
                i = end
                continue
            }
            i = scalars.index(after: i)
        }
        if start < scalars.endIndex { result.append(start..<scalars.endIndex) }
        return result
    }

    /// The paragraph holding a position.
    public func paragraphIndex(containing position: String.Index) -> Int {
        var lo = 0
        var hi = paragraphs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if paragraphs[mid].lowerBound <= position { lo = mid } else { hi = mid - 1 }
        }
        return max(lo, 0)
    }

    /// The sentence holding a position.
    public func sentenceIndex(containing position: String.Index) -> Int {
        var lo = 0
        var hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].lowerBound <= position { lo = mid } else { hi = mid - 1 }
        }
        return max(lo, 0)
    }

    /// From the start of the sentence holding the range's start to the end of the
    /// sentence holding its end.
    public func sentenceSpan(covering range: Range<String.Index>) -> Range<String.Index> {
        guard !sentences.isEmpty else { return range }
        let first = sentences[sentenceIndex(containing: range.lowerBound)]
        let lastPosition = range.isEmpty ? range.lowerBound : text.index(before: range.upperBound)
        let last = sentences[sentenceIndex(containing: lastPosition)]
        return min(first.lowerBound, range.lowerBound)..<max(last.upperBound, range.upperBound)
    }

    /// Every place the quote's text matches, tolerant of whitespace, typographic
    /// quotes and dashes, and case.
    /// (The folded copy of the text this needs is built for the call and dropped
    /// after it: a loaded catalog does not keep it.)
    public func matches(of quote: String) -> [Range<String.Index>] {
        QuoteMatcher(text: text).ranges(of: quote)
    }

    /// The matches of many quotes at once, in one pass over the text.
    public func matches(ofAll quotes: [String]) -> [[Range<String.Index>]] {
        QuoteMatcher(text: text).ranges(ofAll: quotes)
    }
}
