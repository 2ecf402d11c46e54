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

struct DocumentDraft: Sendable {
    let id: String
    let path: String
    let date: PartialDate?
    /// Title, publisher, URL.
    let plain: PlainFields<DocumentField>
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
    let products: [ProductDraft]
    let quotes: [QuoteSpec]
    let plain: PlainFields<PartnerField>
    let places: FieldPlaces<PartnerField>
    let origin: SourceLocation
}

struct ProductDraft {
    let name: String
    let quotes: [QuoteSpec]
    let plain: PlainFields<ProductField>
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
    let quotes: [QuoteSpec]
    /// Amends, products, note, draft mark.
    let plain: PlainFields<DealField>
    let places: FieldPlaces<DealField>
    let origin: SourceLocation

    var amends: Reference? { plain.text(.amends).map { Reference(id: $0, origin: places[DealField.amends] ?? origin) } }
}

struct EventDraft {
    let id: String
    let title: String
    let date: PartialDate?
    let order: (EventOrder, SourceLocation)?
    let deals: [Reference]
    let partners: [Reference]
    let quotes: [QuoteSpec]
    /// Note, draft mark.
    let plain: PlainFields<EventField>
    let places: FieldPlaces<EventField>
    let origin: SourceLocation
}
