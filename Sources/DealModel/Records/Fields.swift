/// The fields of one kind of record as a dataset writes them: the cases are the JSON
/// keys, in the order a dataset is written. Both loaders, the storage, the snapshot,
/// the JSON outputs, the dataset writer and the tests take names, order and types
/// from these declarations (`PartnerField`, `DealField`, `EventField`, …), so a field
/// is declared once.
public protocol FieldList: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// What the field holds.
    var kind: FieldKind { get }
    /// Whether every definition of the record must give it.
    var isRequired: Bool { get }
    /// What a record defined in several datasets does with it.
    var merge: FieldMerge { get }
    /// Stored by the generic code (`PlainFields`, `RareColumns`) rather than in a
    /// column or property of its own: a new field of a plain kind needs no code of
    /// its own to be read, stored, saved in a snapshot, written and compared.
    var isPlain: Bool { get }
    /// Written as `null` when the record has none ("the document states none"),
    /// rather than left out.
    var writesNull: Bool { get }
}

extension FieldList {
    public var writesNull: Bool { false }
    public var key: String { rawValue }
    static var keys: [String] { allCases.map(\.rawValue) }
}

/// What a field holds, as the loaders read it and the writers write it.
public enum FieldKind: Sendable, Equatable {
    /// The record's own id.
    case id
    /// A string (a blank one is refused when the field is required).
    case text
    /// An array of strings.
    case texts
    /// One word of a fixed list (a deal's kind or status).
    case word([String])
    /// The id of another record, and an array of them.
    case reference, references
    case date, amount, parties, order, products, evidence
    /// `{ "rule": …, "matched": … }`: proposed by the drafter, not yet accepted.
    case draft

    /// Kinds the generic code stores, reads and writes.
    var isPlain: Bool {
        switch self {
        case .text, .texts, .reference, .references, .draft: true
        default: false
        }
    }
}

/// What a record defined in several datasets does with a field.
public enum FieldMerge: Sendable {
    /// Given by several definitions, it must be the same in all.
    case agree
    /// Lists are combined (each entry once).
    case combine
    /// A draft mark stays while any definition has one.
    case anyDraft
}

/// One field's value, whatever the record: how the writers, the comparisons and the
/// merging of shared records see every field.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case texts([String])
    case date(PartialDate)
    case amount(Amount)
    case parties([Party])
    case order(EventOrder)
    case products([Product])
    case evidence([Evidence])
    case draft(DraftMark)

    var text: String? { if case .text(let s) = self { s } else { nil } }
    var texts: [String]? { if case .texts(let s) = self { s } else { nil } }
    var draft: DraftMark? { if case .draft(let d) = self { d } else { nil } }

    /// The field's plain value in a stored form: empty lists are no value.
    static func plain(_ texts: [String]) -> FieldValue? { texts.isEmpty ? nil : .texts(texts) }
}

/// The plain fields of one record (see `FieldList.isPlain`), by field.
public struct PlainFields<F: FieldList>: Hashable, Sendable {
    private(set) var values: [F: FieldValue] = [:]

    public init() {}

    init(_ values: [F: FieldValue]) {
        self.values = values.filter { $0.key.isPlain }
    }

    public subscript(field: F) -> FieldValue? {
        get { values[field] }
        set { values[field] = newValue }
    }

    public func text(_ f: F) -> String? { values[f]?.text }
    public func texts(_ f: F) -> [String] { values[f]?.texts ?? [] }
    public func draft(_ f: F) -> DraftMark? { values[f]?.draft }
}

/// A record proposed by `dealscope draft` and not yet accepted by a person: the rule
/// that proposed it and the words of the document it matched.
public struct DraftMark: Hashable, Sendable {
    public let rule: String
    public let matched: String

    public init(rule: String, matched: String) {
        self.rule = rule
        self.matched = matched
    }
}

/// The fields of a draft mark.
public enum DraftField: String, CaseIterable, Sendable {
    case rule, matched
}

/// A record defined in several places keeps them all, the first first.
public protocol Defined {
    var origins: [SourceLocation] { get }
}

extension Defined {
    /// Where the record was first defined.
    public var origin: SourceLocation { origins.first ?? .unknown }
}

/// The top-level fields of a dataset, in the order a dataset writes them.
public enum DatasetField: String, CaseIterable, Sendable {
    case dealscope, title, documents, partners, deals, events
    /// Read (an editor's schema reference) and never written.
    case schema = "$schema"
}
