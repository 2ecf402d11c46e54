import DealModel

/// What the drafter proposes for one article: a dataset in the data format's shape
/// (`docs/data-format.md`), field for field, plus notes for the person who reviews it.
/// Every record carries a draft mark and quotes that locate in the document exactly
/// as the loader locates them.
public struct ArticleDraft: Sendable {
    public var document: DraftDocument
    public var partners: [DraftPartner]
    public var deals: [DraftDeal]
    public var events: [DraftEvent]
    /// Near-misses, things seen but not proposed, disagreements between articles.
    public var notes: [DraftNote]
}

public struct DraftDocument: Sendable, Hashable {
    public let id: String
    /// The article file as given (a dataset writes it relative to itself).
    public let path: String?
    public let title: String?
    public let publisher: String?
    public let url: String?
    /// The publication date (`--published` or the article's `Published:` line).
    public let date: DraftDate?
}

public struct DraftPartner: Sendable {
    public let id: String
    public let name: String
    public var aliases: [String]
    public var products: [DraftProduct]
    public var note: String?
    public var evidence: [DraftQuote]
    public var draft: DraftMark
}

public struct DraftProduct: Sendable {
    public let name: String
    public var evidence: [DraftQuote]
    public var draft: DraftMark
}

public struct DraftParty: Sendable, Hashable {
    public let partner: String
    public let role: String
}

public struct DraftDeal: Sendable {
    public let id: String
    public var title: String
    public var kind: DealKind
    public var status: DealStatus
    public var parties: [DraftParty]
    public var date: DraftDate?
    public var value: DraftAmount?
    public var amends: String?
    public var products: [String]
    public var note: String?
    public var evidence: [DraftQuote]
    public var draft: DraftMark
}

/// `{ "after": anchor }` and the like; the anchor is an event id or "document".
public struct DraftOrder: Sendable, Hashable {
    public enum Relation: String, Sendable { case before, with, after }
    public static let document = "document"
    public let relation: Relation
    public let anchor: String
}

public struct DraftEvent: Sendable {
    public let id: String
    public var title: String
    public var date: DraftDate?
    /// For an undated event only.
    public var order: DraftOrder?
    public var deals: [String]
    /// Partners beyond the parties of its deals.
    public var partners: [String]
    public var note: String?
    public var evidence: [DraftQuote]
    public var draft: DraftMark
}

/// Something the reviewer should know that is not a record.
public struct DraftNote: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Two names that are nearly the same ("Open AI" and "OpenAI"): kept apart.
        case nearMiss = "near-miss"
        /// Seen in the text but not proposed, and why.
        case notProposed = "not-proposed"
        /// Two articles say different things about one record; which one was kept.
        case disagreement
        /// A relative date that could not be resolved (no published date).
        case unresolvedDate = "unresolved-date"
        /// The article's header lines.
        case header
    }

    public let kind: Kind
    public let message: String
    /// The words of the article it is about, when there are some.
    public let quote: DraftQuote?
}
