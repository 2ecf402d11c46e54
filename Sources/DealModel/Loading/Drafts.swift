/// A dataset as written in its file, decoded but not yet checked against other
/// datasets, its documents or itself.
struct DatasetDraft {
    let file: String
    let directory: String
    var title: String?
    var documents: [DocumentDraft] = []
    var partners: [PartnerDraft] = []
    var deals: [DealDraft] = []
    var events: [EventDraft] = []
}

struct DocumentDraft {
    let id: String
    let path: String
    let title: String?
    let date: PartialDate?
    let origin: SourceLocation
}

/// A reference to another record, with the place it was written.
struct Reference {
    let id: String
    let origin: SourceLocation
}

struct PartnerDraft {
    let id: String
    let name: String
    let aliases: [String]
    let products: [ProductDraft]
    let note: String?
    let quotes: [QuoteSpec]
    let origin: SourceLocation
}

struct ProductDraft {
    let name: String
    let quotes: [QuoteSpec]
}

struct PartyDraft {
    let partner: Reference
    let role: String?
}

struct AmountDraft {
    let amount: Amount
    let sharedBy: [Reference]
}

struct DealDraft {
    let id: String
    let title: String
    let kind: DealKind
    let status: DealStatus
    let parties: [PartyDraft]
    let date: PartialDate?
    let value: AmountDraft?
    let amends: Reference?
    let products: [String]
    let note: String?
    let quotes: [QuoteSpec]
    let origin: SourceLocation
}

struct EventDraft {
    let id: String
    let title: String
    let date: PartialDate?
    let order: (EventOrder, SourceLocation)?
    let deals: [Reference]
    let partners: [Reference]
    let note: String?
    let quotes: [QuoteSpec]
    let origin: SourceLocation
}
