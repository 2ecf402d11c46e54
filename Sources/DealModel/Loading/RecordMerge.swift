/// One record defined in several datasets (docs/data-format.md, "Several
/// datasets"), joined field by field by the declaration's `merge` rules: a field
/// given by several definitions must agree, lists are combined, a draft mark stays
/// while any definition has one.
struct RecordMerge<F: FieldList> {
    private(set) var values: [F: FieldValue]
    /// Where each field was first given, for messages.
    private var places: [F: SourceLocation]
    private(set) var origins: [SourceLocation]

    init(_ values: [F: FieldValue], places: [F: SourceLocation], origin: SourceLocation) {
        self.values = values
        self.places = places
        origins = [origin]
    }

    /// The field values of a record as the declaration lists them.
    static func values(_ value: (F) -> FieldValue?) -> [F: FieldValue] {
        var out: [F: FieldValue] = [:]
        for f in F.allCases { if let v = value(f) { out[f] = v } }
        return out
    }

    /// A field on which two definitions disagree: where, and what.
    struct Disagreement {
        let location: SourceLocation
        let message: String
        static var fix: String { "make the definitions agree, or give one of them another id" }
    }

    /// Adds another definition; returns each field on which it disagrees.
    mutating func add(_ other: [F: FieldValue], places otherPlaces: [F: SourceLocation], origin: SourceLocation) -> [Disagreement] {
        var problems: [Disagreement] = []
        for f in F.allCases {
            guard let new = other[f] else { continue }
            guard let old = values[f] else {
                values[f] = new
                places[f] = otherPlaces[f] ?? origin
                continue
            }
            let here = otherPlaces[f] ?? origin, there = places[f] ?? origins[0]
            switch (f.merge, old, new) {
            case (.anyDraft, _, _): break
            case (.combine, .texts(let a), .texts(let b)): values[f] = .texts(a + b.filter { !a.contains($0) })
            case (.combine, .evidence(let a), .evidence(let b)): values[f] = .evidence(a + b.filter { !a.contains($0) })
            case (.combine, .products(let a), .products(let b)): values[f] = .products(Self.combine(a, b))
            case (.combine, .parties(let a), .parties(let b)):
                var parties = a
                for p in b {
                    if let q = a.first(where: { $0.partner == p.partner }) {
                        if q.role != p.role {
                            problems.append(Disagreement(location: here, message: "conflicting definitions: the party \"\(p.partner)\" has the role \(Self.quoted(p.role)) here but \(Self.quoted(q.role)) at \(there)"))
                        }
                    } else {
                        parties.append(p)
                    }
                }
                values[f] = .parties(parties)
            default:
                if old != new {
                    problems.append(Disagreement(location: here, message: "conflicting definitions: \"\(f.key)\" is \(new.brief) here but \(old.brief) at \(there)"))
                }
            }
        }
        origins.append(origin)
        return problems
    }

    /// Products by name: one named by both keeps the evidence of both.
    private static func combine(_ a: [Product], _ b: [Product]) -> [Product] {
        var out = a
        for p in b {
            if let k = out.firstIndex(where: { $0.name == p.name }) {
                var plain = out[k].plain
                if plain.draft(.draft) == nil { plain[.draft] = p.plain[.draft] }
                out[k] = Product(name: p.name, evidence: out[k].evidence + p.evidence.filter { !out[k].evidence.contains($0) }, plain: plain)
            } else {
                out.append(p)
            }
        }
        return out
    }

    private static func quoted(_ role: String?) -> String { role.map { "\"\($0)\"" } ?? "none" }
}

extension FieldValue {
    /// A short form for messages.
    var brief: String {
        switch self {
        case .text(let s): "\"" + ProblemMessages.abbreviate(s) + "\""
        case .texts(let list): "[" + list.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .date(let d): "\"" + d.written + "\""
        case .amount(let a): a.compact + (a.text.map { " (“\($0)”)" } ?? "") + (a.isShared ? " shared by " + a.sharedBy.joined(separator: ", ") : "")
        case .order(let o): "{ \"\(o.relation.rawValue)\": \"\(o.anchor)\" }"
        case .draft(let d): "the draft mark of rule \"\(d.rule)\""
        case .parties(let p): "\(p.count) parties"
        case .products(let p): "\(p.count) products"
        case .evidence(let e): "\(e.count) quotes"
        }
    }
}

/// The records of one kind across the datasets, by id in the order first defined: a
/// definition in another dataset merges into the record, a second one in the same
/// dataset is refused. A record defined once is kept as it is (merging is for the
/// few defined in several datasets).
struct Definitions<F: FieldList, R: Defined> {
    /// "partner", "deal", "event": for messages.
    let kind: String
    private let value: (R) -> (F) -> FieldValue?
    private let make: ([F: FieldValue], [SourceLocation]) -> R
    private(set) var order: [String] = []
    private var records: [String: First] = [:]
    private var merges: [String: Merged] = [:]

    private struct First {
        let record: R
        let places: FieldPlaces<F>
        let dataset: Int
    }

    private struct Merged {
        var merge: RecordMerge<F>
        var datasets: Set<Int>
    }

    init(_ kind: String, value: @escaping (R) -> (F) -> FieldValue?, make: @escaping ([F: FieldValue], [SourceLocation]) -> R) {
        self.kind = kind
        self.value = value
        self.make = make
    }

    /// Where the record was first defined.
    func origin(_ id: String) -> SourceLocation? { records[id]?.record.origin }

    /// Adds one definition read from dataset `dataset` (a second one from the same
    /// dataset is reported and left out).
    mutating func add(_ record: R, id: String, places: FieldPlaces<F>, dataset: Int, log: ProblemLog) {
        guard let first = records[id] else {
            order.append(id)
            records[id] = First(record: record, places: places, dataset: dataset)
            return
        }
        let label = "\(kind) \"\(id)\""
        var merged = merges[id]
            ?? Merged(merge: RecordMerge(RecordMerge.values(value(first.record)), places: first.places.all, origin: first.record.origin), datasets: [first.dataset])
        guard merged.datasets.insert(dataset).inserted else {
            log.add(record.origin, record: label, "the id is already used by the \(kind) at \(first.record.origin)", fix: "give each \(kind) its own id")
            return
        }
        for d in merged.merge.add(RecordMerge.values(value(record)), places: places.all, origin: record.origin) {
            log.add(d.location, record: label, d.message, fix: RecordMerge<F>.Disagreement.fix)
        }
        merges[id] = merged
    }

    /// The records, in the order first defined, each defined in several datasets merged.
    var merged: [R] {
        order.map { id in merges[id].map { make($0.merge.values, $0.merge.origins) } ?? records[id]!.record }
    }
}

/// Where each field of a record was written, worked out when asked: only a record
/// defined in several datasets asks.
struct FieldPlaces<F: FieldList> {
    let lines: LineMap
    let members: [JSONNode.Member]

    subscript(f: F) -> SourceLocation? { members.first { $0.key == f.key }.map { lines.location($0.value.offset) } }

    var all: [F: SourceLocation] {
        var out: [F: SourceLocation] = [:]
        for m in members { if let f = F(rawValue: m.key), out[f] == nil { out[f] = lines.location(m.value.offset) } }
        return out
    }
}
