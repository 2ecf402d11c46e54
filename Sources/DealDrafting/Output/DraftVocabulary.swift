/// Deal kinds of the data format (`docs/data-format.md`), including those added for
/// drafting; the raw value is the word the dataset file uses.
public enum DraftKind: String, Sendable, CaseIterable, Hashable, Comparable {
    case strategicPartnership = "strategic-partnership"
    case licence
    case intellectualProperty = "intellectual-property"
    case cloud
    case modelHosting = "model-hosting"
    case investment
    case productIntegration = "product-integration"
    case framework
    case amendment
    case acquisition
    case merger
    case jointVenture = "joint-venture"
    case supply

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Deal statuses of the data format, as the document words them.
public enum DraftStatus: String, Sendable, CaseIterable, Hashable {
    case inEffect = "in-effect"
    case unchanged, announced, disclosed, stated, reported, rumoured, ended
    case inTalks = "in-talks"
    case agreed, pending, completed
    case calledOff = "called-off"
    case challenged, blocked
}

/// A quote of the document, as a dataset writes it: `occurrence` is set when the words
/// occur more than once in the document (under the loader's matching rules).
public struct DraftQuote: Hashable, Sendable {
    public let text: String
    /// The document id.
    public let document: String
    /// 1-based; nil when the words occur exactly once.
    public let occurrence: Int?

    public init(text: String, document: String, occurrence: Int?) {
        self.text = text
        self.document = document
        self.occurrence = occurrence
    }
}

extension DraftKind {
    /// Kinds whose parties play the same part (a deal's id then names them in order).
    var isSymmetric: Bool { [.strategicPartnership, .merger, .jointVenture, .framework, .amendment].contains(self) }
}
