/// Something that happened, or a time reference, in the documents.
public struct Event: Sendable, Identifiable, Defined {
    public let id: String
    public let title: String
    public let date: PartialDate?
    public let order: EventOrder?
    public let deals: [String]
    public let partners: [String]
    public internal(set) var evidence: [Evidence]
    /// Note and draft mark.
    public let plain: PlainFields<EventField>
    public let origins: [SourceLocation]

    public var note: String? { plain.text(.note) }
    public var draft: DraftMark? { plain.draft(.draft) }

    public init(id: String, title: String, date: PartialDate? = nil, order: EventOrder? = nil, deals: [String] = [], partners: [String] = [],
                note: String? = nil, evidence: [Evidence], draft: DraftMark? = nil, origin: SourceLocation) {
        var plain = PlainFields<EventField>()
        plain[.note] = note.map(FieldValue.text)
        plain[.draft] = draft.map(FieldValue.draft)
        self.init(id: id, title: title, date: date, order: order, deals: deals, partners: partners, evidence: evidence, plain: plain,
                  origins: [origin])
    }

    init(id: String, title: String, date: PartialDate?, order: EventOrder?, deals: [String], partners: [String], evidence: [Evidence],
         plain: PlainFields<EventField>, origins: [SourceLocation]) {
        self.id = id
        self.title = title
        self.date = date
        self.order = order
        self.deals = deals
        self.partners = partners
        self.evidence = evidence
        self.plain = plain
        self.origins = origins
    }

    public func value(_ f: EventField) -> FieldValue? {
        switch f {
        case .id: .text(id)
        case .title: .text(title)
        case .date: date.map(FieldValue.date)
        case .order: order.map(FieldValue.order)
        case .deals: .plain(deals)
        case .partners: .plain(partners)
        case .evidence: .evidence(evidence)
        case .note, .draft: plain[f]
        }
    }

    /// The event with these field values (a merge of several definitions).
    init(values v: [EventField: FieldValue], origins: [SourceLocation]) {
        var evidence: [Evidence] = [], date: PartialDate?, order: EventOrder?
        if case .evidence(let e)? = v[.evidence] { evidence = e }
        if case .date(let d)? = v[.date] { date = d }
        if case .order(let o)? = v[.order] { order = o }
        self.init(id: v[.id]?.text ?? "", title: v[.title]?.text ?? "", date: date, order: order, deals: v[.deals]?.texts ?? [],
                  partners: v[.partners]?.texts ?? [], evidence: evidence, plain: PlainFields(v), origins: origins)
    }
}

/// The fields of an event, in the order a dataset writes them.
public enum EventField: String, FieldList {
    case id, title, date, order, deals, partners, note, evidence, draft

    public var kind: FieldKind {
        switch self {
        case .id: .id
        case .title, .note: .text
        case .date: .date
        case .order: .order
        case .deals, .partners: .references
        case .evidence: .evidence
        case .draft: .draft
        }
    }

    public var isRequired: Bool { self == .id || self == .title || self == .evidence }

    public var merge: FieldMerge {
        switch self {
        case .deals, .partners, .evidence: .combine
        case .draft: .anyDraft
        default: .agree
        }
    }

    public var isPlain: Bool { self == .note || self == .draft }
}

/// How an undated event is placed: next to another event or to its document's date.
public struct EventOrder: Sendable, Hashable {
    /// The keys of an `order` object.
    public enum Relation: String, Sendable, CaseIterable {
        case before, with, after
    }

    /// The anchor that means the document of the event's first quote.
    public static let documentAnchor = "document"

    public let relation: Relation
    /// An event id, or `documentAnchor`.
    public let anchor: String

    public init(relation: Relation, anchor: String) {
        self.relation = relation
        self.anchor = anchor
    }

    public var phrase: String {
        let target = anchor == Self.documentAnchor ? "the document" : anchor
        switch relation {
        case .before: return "before \(target)"
        case .with: return "same time as \(target)"
        case .after: return "after \(target)"
        }
    }
}
