/// What the drafter found in one article, numbered within the article: organisations,
/// deals and events with their quotes already located. Identity across articles and
/// ids come after (`DraftAssembler`).
struct AnalysedArticle: Sendable {
    struct Quote: Sendable {
        let text: String
        let occurrence: Int?
    }

    struct Organisation: Sendable {
        var name: String
        var forms: [String]
        var lexicon: Int?
        var mark: DraftMark
        var quote: Int?
        var products: [Product]
        /// A party to a deal or an event.
        var proposed: Bool
    }

    struct Product: Sendable {
        let name: String
        let mark: DraftMark
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
        var mark: DraftMark
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
        var mark: DraftMark
        var quotes: [Int]
    }

    struct Note: Sendable {
        let kind: DraftNote.Kind
        let message: String
        let quote: Int?
    }

    let path: String?
    let title: String?
    let publisher: String?
    let url: String?
    let published: DraftDate?
    var quotes: [Quote] = []
    var organisations: [Organisation] = []
    var deals: [Deal] = []
    var events: [Event] = []
    var notes: [Note] = []
}
