/// The fields of a quote written as an object (a quote may also be a plain string).
public enum QuoteField: String, CaseIterable, Sendable {
    case text, document, occurrence
}

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

/// A quote located in its document: the document and the byte offsets of the words
/// the quote matched. Everything else (string range, paragraph, sentence) is worked
/// out when asked, so that a million quotes cost 24 bytes each.
public struct Evidence: Sendable, Hashable {
    public let document: SourceDocument
    /// Byte offsets of the match in the document's UTF-8 text (cheap; orders quotes).
    public let utf8Range: Range<Int>

    public init(document: SourceDocument, utf8Range: Range<Int>) {
        self.document = document
        self.utf8Range = utf8Range
    }

    /// The same words of the same loaded document.
    public static func == (a: Evidence, b: Evidence) -> Bool { a.document === b.document && a.utf8Range == b.utf8Range }

    public func hash(into h: inout Hasher) {
        h.combine(ObjectIdentifier(document))
        h.combine(utf8Range)
    }

    /// The matched text's range in `document.text`.
    public var range: Range<String.Index> { document.index(utf8Range.lowerBound)..<document.index(utf8Range.upperBound) }
    /// 0-based paragraph (counted through the whole document) holding the start.
    public var paragraph: Int { document.paragraphIndex(containingOffset: utf8Range.lowerBound) }
    /// 0-based sentence (counted through the whole document) holding the start.
    public var sentence: Int { document.sentenceIndex(containingOffset: utf8Range.lowerBound) }
    /// 0-based sentence within its paragraph.
    public var sentenceInParagraph: Int { sentence - document.firstSentence(ofParagraph: paragraph) }

    /// Character offsets (user-perceived characters from the start of the document).
    /// Counted on demand: it walks the document.
    public var characterRange: Range<Int> {
        let text = document.text
        let r = range
        let start = text.distance(from: text.startIndex, to: r.lowerBound)
        return start..<(start + text.distance(from: r.lowerBound, to: r.upperBound))
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
