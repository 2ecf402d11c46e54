import DealModel
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

extension DealKind {
    /// Kinds whose parties play the same part (a deal's id then names them in order).
    var isSymmetric: Bool { [.strategicPartnership, .merger, .jointVenture, .framework, .amendment].contains(self) }
}
