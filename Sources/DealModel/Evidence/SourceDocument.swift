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

    /// Lines with visible content, trimmed of surrounding whitespace.
    static func lines(of text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = text.startIndex
        var i = text.startIndex
        func close(_ end: String.Index) {
            let trimmed = trim(start..<end, in: text)
            if !trimmed.isEmpty { result.append(trimmed) }
        }
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\u{2029}" {
                close(i)
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        close(text.endIndex)
        return result
    }

    static func trim(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, text[lo].isWhitespace { lo = text.index(after: lo) }
        while hi > lo, text[text.index(before: hi)].isWhitespace { hi = text.index(before: hi) }
        return lo..<hi
    }

    /// Splits a paragraph after '.', '!' or '?' (and any closing quotes or brackets)
    /// when whitespace and then an upper-case letter, digit or opening quote follows.
    static func sentences(in paragraph: Substring) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = paragraph.startIndex
        var i = paragraph.startIndex
        let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]
        let openers: Set<Character> = ["\"", "'", "“", "‘", "(", "[", "«"]
        while i < paragraph.endIndex {
            let c = paragraph[i]
            if c == "." || c == "!" || c == "?" {
                var end = paragraph.index(after: i)
                while end < paragraph.endIndex, closers.contains(paragraph[end]) { end = paragraph.index(after: end) }
                var next = end
                while next < paragraph.endIndex, paragraph[next].isWhitespace { next = paragraph.index(after: next) }
                if next > end, next < paragraph.endIndex,
                   paragraph[next].isUppercase || paragraph[next].isNumber || openers.contains(paragraph[next]) {
                    result.append(start..<end)
                    start = next
                    i = next
                    continue
                }
                i = end
                continue
            }
            i = paragraph.index(after: i)
        }
        if start < paragraph.endIndex { result.append(start..<paragraph.endIndex) }
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
