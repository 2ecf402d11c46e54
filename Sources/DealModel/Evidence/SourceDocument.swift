/// A source document: its text split into paragraphs and sentences, so that a quote
/// can be shown in context. Positions are kept as UTF-8 offsets (4 bytes each, where a
/// `Range<String.Index>` takes 32), and turned into string indices when asked.
public final class SourceDocument: Sendable {
    public let id: String
    public let date: PartialDate?
    /// Title, publisher and URL.
    public let plain: PlainFields<DocumentField>
    /// The file it was read from, as given (for messages).
    public let path: String
    public let text: String
    let split: DocumentSplit

    public var title: String? { plain.text(.title) }
    public var publisher: String? { plain.text(.publisher) }
    public var url: String? { plain.text(.url) }

    /// Where it came from, as far as its dataset says: "“Title”, Publisher, 12 Jun 2024,
    /// URL" (Detail and `show` say it under a quote); nil when it says nothing.
    public var source: String? {
        let parts = [title.map { "“\($0)”" }, publisher, date?.display, url].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// A document whose split was saved (a snapshot); the caller checked it fits.
    init(id: String, date: PartialDate?, plain: PlainFields<DocumentField>, path: String, text: String, split: DocumentSplit) {
        var text = text
        text.makeContiguousUTF8()
        self.id = id
        self.date = date
        self.plain = plain
        self.path = path
        self.text = text
        self.split = split
    }

    convenience init(id: String, date: PartialDate?, plain: PlainFields<DocumentField>, path: String, text: String) {
        var text = text
        text.makeContiguousUTF8()
        let split = text.utf8.withContiguousStorageIfAvailable { DocumentSplit($0) } ?? DocumentSplit(UnsafeBufferPointer(start: nil, count: 0))
        self.init(id: id, date: date, plain: plain, path: path, text: text, split: split)
    }

    public convenience init(id: String, title: String?, publisher: String? = nil, url: String? = nil, date: PartialDate?, path: String, text: String) {
        var plain = PlainFields<DocumentField>()
        plain[.title] = title.map(FieldValue.text)
        plain[.publisher] = publisher.map(FieldValue.text)
        plain[.url] = url.map(FieldValue.text)
        self.init(id: id, date: date, plain: plain, path: path, text: text)
    }

    public func value(_ f: DocumentField) -> FieldValue? {
        switch f {
        case .id: .text(id)
        case .path: .text(path)
        case .date: date.map(FieldValue.date)
        case .title, .publisher, .url: plain[f]
        }
    }

    /// Non-empty lines of the text, trimmed, without their line ends.
    public var paragraphs: OffsetRanges { OffsetRanges(text: text, starts: split.paragraphStarts, ends: split.paragraphEnds) }
    /// Sentences in reading order, through all paragraphs.
    public var sentences: OffsetRanges { OffsetRanges(text: text, starts: split.sentenceStarts, ends: split.sentenceEnds) }

    /// Index of the first sentence of a paragraph.
    func firstSentence(ofParagraph p: Int) -> Int { Int(split.paragraphFirstSentence[p]) }

    /// The string index of a UTF-8 offset (constant time on native strings).
    @inline(__always)
    func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }

    @inline(__always)
    func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: index) }

    /// The paragraph holding a position.
    public func paragraphIndex(containing position: String.Index) -> Int { paragraphIndex(containingOffset: offset(position)) }
    public func paragraphIndex(containingOffset o: Int) -> Int { Self.last(split.paragraphStarts, atMost: o) }

    /// The sentence holding a position.
    public func sentenceIndex(containing position: String.Index) -> Int { sentenceIndex(containingOffset: offset(position)) }
    public func sentenceIndex(containingOffset o: Int) -> Int { Self.last(split.sentenceStarts, atMost: o) }

    /// The last position whose start is at most `o` (0 when none is).
    static func last(_ starts: [UInt32], atMost o: Int) -> Int {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= o { lo = mid } else { hi = mid - 1 }
        }
        return max(lo, 0)
    }

    /// From the start of the sentence holding the range's start to the end of the
    /// sentence holding its end.
    public func sentenceSpan(covering range: Range<String.Index>) -> Range<String.Index> {
        guard !split.sentenceStarts.isEmpty else { return range }
        let lo = offset(range.lowerBound), hi = offset(range.upperBound)
        let first = sentenceIndex(containingOffset: lo)
        let last = sentenceIndex(containingOffset: hi > lo ? hi - 1 : lo)
        return index(min(Int(split.sentenceStarts[first]), lo))..<index(max(Int(split.sentenceEnds[last]), hi))
    }

    /// Every place the quote's text matches, tolerant of whitespace, typographic
    /// quotes and dashes, and case.
    /// (The folded copy of the text this needs is built for the call and dropped
    /// after it: a loaded catalog does not keep it.)
    public func matches(of quote: String) -> [Range<String.Index>] {
        matchOffsets(ofAll: [quote])[0].map { index($0.lowerBound)..<index($0.upperBound) }
    }

    /// The matches of many quotes at once, in one pass over the text.
    public func matches(ofAll quotes: [String]) -> [[Range<String.Index>]] {
        matchOffsets(ofAll: quotes).map { $0.map { index($0.lowerBound)..<index($0.upperBound) } }
    }

    /// The same as UTF-8 offsets.
    func matchOffsets(ofAll quotes: [String]) -> [[Range<Int>]] {
        QuoteMatcher(text: text).offsets(ofAll: quotes)
    }
}

/// Ranges of a document kept as UTF-8 offsets, read as string ranges.
public struct OffsetRanges: RandomAccessCollection, Sendable {
    let text: String
    let starts: [UInt32]
    let ends: [UInt32]
    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }
    public subscript(i: Int) -> Range<String.Index> {
        let u = text.utf8
        return u.index(u.startIndex, offsetBy: Int(starts[i]))..<u.index(u.startIndex, offsetBy: Int(ends[i]))
    }
    /// The UTF-8 offsets of range `i`.
    public func offsets(_ i: Int) -> Range<Int> { Int(starts[i])..<Int(ends[i]) }
}

/// The fields of a document, in the order a dataset writes them.
public enum DocumentField: String, FieldList {
    case id, path, title, publisher, url, date

    public var kind: FieldKind {
        switch self {
        case .id: .id
        case .path, .title, .publisher, .url: .text
        case .date: .date
        }
    }

    public var isRequired: Bool { self == .id || self == .path }
    public var merge: FieldMerge { .agree }
    public var isPlain: Bool { self == .title || self == .publisher || self == .url }
    public var writesNull: Bool { self == .date }
}
