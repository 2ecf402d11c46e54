/// An organisation that is a party to at least one relationship in the documents.
public struct Partner: Sendable, Identifiable, Defined {
    public let id: String
    public let name: String
    public let products: [Product]
    public internal(set) var evidence: [Evidence]
    /// Aliases, note and draft mark.
    public let plain: PlainFields<PartnerField>
    /// Where it was first defined, and the places of further definitions (kept apart:
    /// fifty thousand partners are not fifty thousand arrays).
    public let origin: SourceLocation
    private let moreOrigins: [SourceLocation]

    public var origins: [SourceLocation] { [origin] + moreOrigins }

    public var aliases: [String] { plain.texts(.aliases) }
    public var note: String? { plain.text(.note) }
    public var draft: DraftMark? { plain.draft(.draft) }

    public init(id: String, name: String, aliases: [String] = [], products: [Product] = [], note: String? = nil, evidence: [Evidence],
                draft: DraftMark? = nil, origin: SourceLocation) {
        var plain = PlainFields<PartnerField>()
        plain[.aliases] = .plain(aliases)
        plain[.note] = note.map(FieldValue.text)
        plain[.draft] = draft.map(FieldValue.draft)
        self.init(id: id, name: name, products: products, evidence: evidence, plain: plain, origins: [origin])
    }

    init(id: String, name: String, products: [Product], evidence: [Evidence], plain: PlainFields<PartnerField>, origins: [SourceLocation]) {
        self.id = id
        self.name = name
        self.products = products
        self.evidence = evidence
        self.plain = plain
        origin = origins.first ?? .unknown
        moreOrigins = Array(origins.dropFirst())
    }

    /// Every name the partner can be asked for by: name, aliases and products.
    public var allNames: [String] { [name] + aliases + products.map(\.name) }

    public func value(_ f: PartnerField) -> FieldValue? {
        switch f {
        case .id: .text(id)
        case .name: .text(name)
        case .products: products.isEmpty ? nil : .products(products)
        case .evidence: .evidence(evidence)
        case .aliases, .note, .draft: plain[f]
        }
    }

    /// The partner with these field values (a merge of several definitions).
    init(values v: [PartnerField: FieldValue], origins: [SourceLocation]) {
        var products: [Product] = [], evidence: [Evidence] = []
        if case .products(let p)? = v[.products] { products = p }
        if case .evidence(let e)? = v[.evidence] { evidence = e }
        self.init(id: v[.id]?.text ?? "", name: v[.name]?.text ?? "", products: products, evidence: evidence, plain: PlainFields(v), origins: origins)
    }
}

public enum PartnerField: String, FieldList {
    case id, name, aliases, products, note, evidence, draft

    public var kind: FieldKind {
        switch self {
        case .id: .id
        case .name, .note: .text
        case .aliases: .texts
        case .products: .products
        case .evidence: .evidence
        case .draft: .draft
        }
    }

    public var isRequired: Bool { self == .id || self == .name || self == .evidence }

    public var merge: FieldMerge {
        switch self {
        case .aliases, .products, .evidence: .combine
        case .draft: .anyDraft
        case .id, .name, .note: .agree
        }
    }

    public var isPlain: Bool { self == .aliases || self == .note || self == .draft }
}

/// A product or platform owned by a partner (a cloud, a chatbot, an operating system).
public struct Product: Sendable, Hashable {
    public let name: String
    public internal(set) var evidence: [Evidence]
    /// The draft mark.
    public let plain: PlainFields<ProductField>

    public var draft: DraftMark? { plain.draft(.draft) }

    public init(name: String, evidence: [Evidence], draft: DraftMark? = nil) {
        var plain = PlainFields<ProductField>()
        plain[.draft] = draft.map(FieldValue.draft)
        self.init(name: name, evidence: evidence, plain: plain)
    }

    init(name: String, evidence: [Evidence], plain: PlainFields<ProductField>) {
        self.name = name
        self.evidence = evidence
        self.plain = plain
    }

    public func value(_ f: ProductField) -> FieldValue? {
        switch f {
        case .name: .text(name)
        case .evidence: .evidence(evidence)
        case .draft: plain[f]
        }
    }
}

public enum ProductField: String, FieldList {
    case name, evidence, draft

    public var kind: FieldKind {
        switch self {
        case .name: .text
        case .evidence: .evidence
        case .draft: .draft
        }
    }

    public var isRequired: Bool { self != .draft }
    public var merge: FieldMerge { self == .evidence ? .combine : self == .draft ? .anyDraft : .agree }
    public var isPlain: Bool { self == .draft }
}
