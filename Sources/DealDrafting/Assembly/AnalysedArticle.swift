/// What the drafter found in one article, numbered within the article: organisations,
/// deals and events with their quotes already located. Identity across articles and
/// ids come after (`DraftAssembler`). Words of the article are kept as byte ranges of
/// its text, not as strings of their own: ten thousand analyses stay small.
struct AnalysedArticle: Sendable {
    /// UTF-8 offsets of the article's text.
    struct Span: Sendable, Hashable {
        let lo: Int32
        let hi: Int32
    }

    struct Quote: Sendable {
        let span: Span
        let occurrence: Int?
    }

    /// A draft mark: the rule and the words it matched.
    struct Mark: Sendable {
        let rule: String
        let span: Span
    }

    struct Organisation: Sendable {
        var name: String
        var forms: [String]
        var lexicon: Int?
        var mark: Mark
        var quote: Int?
        var products: [Product]
        /// A party to a deal or an event.
        var proposed: Bool
    }

    struct Product: Sendable {
        let name: String
        let mark: Mark
        let quote: Int?
    }

    struct Party: Sendable {
        let organisation: Int
        let role: String
        let slot: Int
    }

    struct Deal: Sendable {
        var kind: DraftKind
        var status: DraftStatus
        var parties: [Party]
        var products: [String]
        var date: DraftDate?
        var value: DraftAmount?
        /// Organisations sharing the value (local numbers).
        var sharedBy: [Int]
        var mark: Mark
        var quotes: [Int]
        var note: String?
        var symmetric: Bool
    }

    struct Event: Sendable {
        enum Anchor: Sendable, Equatable { case document, event(Int) }
        var title: String
        var deal: Int?
        var date: DraftDate?
        var order: (relation: DraftOrder.Relation, anchor: Anchor)?
        var partners: [Int]
        var note: String?
        var mark: Mark
        var quotes: [Int]
    }

    struct Note: Sendable {
        let kind: DraftNote.Kind
        let message: String
        let quote: Int?
    }

    let text: String
    var path: String?
    var title: String?
    var publisher: String?
    var url: String?
    var published: DraftDate?
    var quotes: [Quote] = []
    var organisations: [Organisation] = []
    var deals: [Deal] = []
    var events: [Event] = []
    var notes: [Note] = []
}
