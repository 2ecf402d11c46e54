/// Something that happened, or a time reference, in the documents.
public struct Event: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let date: PartialDate?
    public let order: EventOrder?
    public let deals: [String]
    public let partners: [String]
    public let note: String?
    public internal(set) var evidence: [Evidence]
    public let origin: SourceLocation
}

/// How an undated event is placed: next to another event or to the document's own date.
public struct EventOrder: Sendable, Hashable {
    public enum Relation: String, Sendable, CaseIterable {
        case before, with, after
    }

    public static let documentAnchor = "document"

    public let relation: Relation
    /// An event id, or `documentAnchor`.
    public let anchor: String

    public var phrase: String {
        let target = anchor == Self.documentAnchor ? "the document" : anchor
        switch relation {
        case .before: return "before \(target)"
        case .with: return "same time as \(target)"
        case .after: return "after \(target)"
        }
    }
}
