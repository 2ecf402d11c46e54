/// A deal, agreement, arrangement or amendment between partners.
public struct Deal: Sendable, Identifiable, Defined {
    public let id: String
    public let title: String
    public let kind: DealKind
    public let status: DealStatus
    public let parties: [Party]
    public let date: PartialDate?
    public let value: Amount?
    public internal(set) var evidence: [Evidence]
    /// Amends, products, note and draft mark.
    public let plain: PlainFields<DealField>
    public let origins: [SourceLocation]

    public var amends: String? { plain.text(.amends) }
    public var products: [String] { plain.texts(.products) }
    public var note: String? { plain.text(.note) }
    public var draft: DraftMark? { plain.draft(.draft) }
    public var partnerIDs: [String] { parties.map(\.partner) }

    public init(id: String, title: String, kind: DealKind, status: DealStatus, parties: [Party], date: PartialDate? = nil, value: Amount? = nil,
                amends: String? = nil, products: [String] = [], note: String? = nil, evidence: [Evidence], draft: DraftMark? = nil,
                origin: SourceLocation) {
        var plain = PlainFields<DealField>()
        plain[.amends] = amends.map(FieldValue.text)
        plain[.products] = .plain(products)
        plain[.note] = note.map(FieldValue.text)
        plain[.draft] = draft.map(FieldValue.draft)
        self.init(id: id, title: title, kind: kind, status: status, parties: parties, date: date, value: value, evidence: evidence,
                  plain: plain, origins: [origin])
    }

    init(id: String, title: String, kind: DealKind, status: DealStatus, parties: [Party], date: PartialDate?, value: Amount?,
         evidence: [Evidence], plain: PlainFields<DealField>, origins: [SourceLocation]) {
        self.id = id
        self.title = title
        self.kind = kind
        self.status = status
        self.parties = parties
        self.date = date
        self.value = value
        self.evidence = evidence
        self.plain = plain
        self.origins = origins
    }

    public func value(_ f: DealField) -> FieldValue? {
        switch f {
        case .id: .text(id)
        case .title: .text(title)
        case .kind: .text(kind.rawValue)
        case .status: .text(status.rawValue)
        case .parties: .parties(parties)
        case .date: date.map(FieldValue.date)
        case .value: value.map(FieldValue.amount)
        case .evidence: .evidence(evidence)
        case .amends, .products, .note, .draft: plain[f]
        }
    }

    /// The deal with these field values (a merge of several definitions).
    init(values v: [DealField: FieldValue], origins: [SourceLocation]) {
        var parties: [Party] = [], evidence: [Evidence] = [], date: PartialDate?, value: Amount?
        if case .parties(let p)? = v[.parties] { parties = p }
        if case .evidence(let e)? = v[.evidence] { evidence = e }
        if case .date(let d)? = v[.date] { date = d }
        if case .amount(let a)? = v[.value] { value = a }
        self.init(id: v[.id]?.text ?? "", title: v[.title]?.text ?? "", kind: DealKind(rawValue: v[.kind]?.text ?? "") ?? .framework,
                  status: DealStatus(rawValue: v[.status]?.text ?? "") ?? .stated, parties: parties, date: date, value: value,
                  evidence: evidence, plain: PlainFields(v), origins: origins)
    }
}

/// The fields of a deal, in the order a dataset writes them.
public enum DealField: String, FieldList {
    case id, title, kind, status, parties, date, value, amends, products, note, evidence, draft

    public var kind: FieldKind {
        switch self {
        case .id: .id
        case .title, .note: .text
        case .kind: .word(DealKind.allCases.map(\.rawValue))
        case .status: .word(DealStatus.allCases.map(\.rawValue))
        case .parties: .parties
        case .date: .date
        case .value: .amount
        case .amends: .reference
        case .products: .texts
        case .evidence: .evidence
        case .draft: .draft
        }
    }

    public var isRequired: Bool {
        switch self {
        case .id, .title, .kind, .status, .parties, .evidence: true
        default: false
        }
    }

    public var merge: FieldMerge {
        switch self {
        case .parties, .products, .evidence: .combine
        case .draft: .anyDraft
        default: .agree
        }
    }

    public var isPlain: Bool {
        switch self {
        case .amends, .products, .note, .draft: true
        default: false
        }
    }

    public var writesNull: Bool { self == .date || self == .value }
}

public struct Party: Sendable, Hashable {
    public let partner: String
    public let role: String?

    public init(partner: String, role: String?) {
        self.partner = partner
        self.role = role
    }
}

/// The fields of a party.
public enum PartyField: String, CaseIterable, Sendable {
    case partner, role
}

public enum DealKind: String, Sendable, CaseIterable, Comparable {
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

    /// Short label for narrow columns.
    public var label: String {
        switch self {
        case .strategicPartnership: "partnership"
        case .licence: "licence"
        case .intellectualProperty: "IP"
        case .cloud: "cloud"
        case .modelHosting: "hosting"
        case .investment: "investment"
        case .productIntegration: "integration"
        case .framework: "framework"
        case .amendment: "amendment"
        case .acquisition: "acquisition"
        case .merger: "merger"
        case .jointVenture: "JV"
        case .supply: "supply"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum DealStatus: String, Sendable, CaseIterable {
    case inEffect = "in-effect"
    case unchanged, announced, disclosed, stated, reported, rumoured, ended
    case inTalks = "in-talks"
    case agreed, pending, completed
    case calledOff = "called-off"
    case challenged, blocked
}
