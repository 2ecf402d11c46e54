import DealModel
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
        /// Folded keys of every name the article gives it (legal suffixes aside): the same
        /// key in two articles is the same organisation.
        var keys: [UInt64]
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
        var kind: DealKind
        var status: DealStatus
        var parties: [Party]
        var products: [String]
        var date: DraftDate?
        var value: DraftAmount?
        /// Organisations sharing the value (local numbers).
        var sharedBy: [Int]
        var mark: Mark
        var quotes: [Int]
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

    /// A note, kept as its reason and subject; the sentence is written when it is drafted.
    struct Note: Sendable {
        enum Reason: Int, Sendable {
            case organisationUnused, notAnOrganisation, publication, productWithoutOwner, amountWithoutDeal, amountNotDealValue, unresolvedDate, headerDate
        }

        let reason: Reason
        let subject: String
        let quote: Int?

        var kind: DraftNote.Kind {
            switch reason {
            case .unresolvedDate: .unresolvedDate
            case .headerDate: .header
            default: .notProposed
            }
        }

        var message: String {
            switch reason {
            case .organisationUnused: "\(subject): an organisation the article names, but in no deal or event the rules found"
            case .notAnOrganisation: "\(subject): a name no rule reads as an organisation"
            case .publication: "\(subject): a publication (a source, not a party)"
            case .productWithoutOwner: "\(subject) (a product; its owner is not named in the article)"
            case .amountWithoutDeal: "\"\(subject)\": no deal was found for it"
            case .amountNotDealValue: "\"\(subject)\": a valuation, revenue, forecast or fee, not what a deal is worth"
            case .unresolvedDate: "\"\(subject)\" cannot be dated without the article's publication date (give --published)"
            case .headerDate: "Published: \"\(subject)\" is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or, for example, March 3, 2024"
            }
        }
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
