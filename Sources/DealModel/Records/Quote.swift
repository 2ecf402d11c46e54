/// A quote of a document as written in a dataset, before it is located.
public struct QuoteSpec: Hashable, Sendable {
    public let text: String
    /// Document id; nil means the dataset's first document.
    public let document: String?
    /// 1-based choice among several matches.
    public let occurrence: Int?
    /// Where the quote was written in its dataset file, for error messages.
    public let origin: SourceLocation

    public init(text: String, document: String? = nil, occurrence: Int? = nil, origin: SourceLocation = .unknown) {
        self.text = text
        self.document = document
        self.occurrence = occurrence
        self.origin = origin
    }
}

/// A quote located in its document.
public struct Evidence: Sendable {
    public let quote: QuoteSpec
    public let document: SourceDocument
    /// 0-based sentence within its paragraph.
    public var sentenceInParagraph: Int { sentence - document.paragraphFirstSentence[paragraph] }

    /// The matched text's range in `document.text`.
    public let range: Range<String.Index>
    /// 0-based paragraph and sentence (counted through the whole document) holding the start.
    public let paragraph: Int
    public let sentence: Int
    /// Byte offsets of the match in the document's UTF-8 text (cheap; orders quotes).
    public let utf8Range: Range<Int>

    /// Character offsets (user-perceived characters from the start of the document).
    /// Counted on demand: it walks the document.
    public var characterRange: Range<Int> {
        let text = document.text
        let start = text.distance(from: text.startIndex, to: range.lowerBound)
        return start..<(start + text.distance(from: range.lowerBound, to: range.upperBound))
    }

    /// The exact words of the document that the quote matched.
    public var matchedText: Substring { document.text[range] }
    /// The sentences that hold the quote (usually one).
    public var sentenceRange: Range<String.Index> { document.sentenceSpan(covering: range) }
    public var sentenceText: Substring { document.text[sentenceRange] }
    public var paragraphRange: Range<String.Index> { document.paragraphs[paragraph] }
}

/// A place in a dataset file.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public static let unknown = SourceLocation(file: "", line: 0, column: 0)

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}
