/// Reads one record's object by its field declaration: refuses keys the declaration
/// does not have, reads the plain fields by their kind, and remembers where each
/// field was written (a record defined twice names both places when they disagree).
struct FieldReader<F: FieldList> {
    let r: ObjectReader

    init?(_ node: JSONNode, lines: LineMap, log: ProblemLog, record: String?, what: String) {
        guard let r = ObjectReader(node, lines: lines, log: log, record: record, what: what) else { return nil }
        self.r = r
        r.checkKeys(isAllowed: { F(rawValue: $0) != nil }, allowed: F.keys)
    }

    var record: String? { r.record }
    var location: SourceLocation { r.location }

    func value(_ f: F) -> JSONNode? { r.value(f.key) }
    func text(_ f: F) -> String? { r.string(f.key, required: f.isRequired) }
    func id(_ f: F) -> String? { r.id(f.key) }
    func date(_ f: F) -> PartialDate? { r.date(f.key) }
    func array(_ f: F) -> [JSONNode]? { r.array(f.key, required: f.isRequired) }
    func references(_ f: F) -> [Reference] { r.references(f.key) }

    /// Where each given field's value was written.
    var places: FieldPlaces<F> { FieldPlaces(lines: r.lines, members: r.members) }

    /// The plain fields, each read by its kind.
    func plain() -> PlainFields<F> {
        var out = PlainFields<F>()
        for f in F.allCases where f.isPlain {
            switch f.kind {
            case .text, .reference: out[f] = text(f).map(FieldValue.text)
            case .texts: out[f] = .plain(r.stringArray(f.key))
            case .references: out[f] = .plain(references(f).map(\.id))
            case .draft: out[f] = value(f).flatMap(draftMark).map(FieldValue.draft)
            default: preconditionFailure("\(F.self).\(f) is declared plain but its kind is not")
            }
        }
        return out
    }

    /// `{ "rule": …, "matched": … }`, or nil for null.
    private func draftMark(_ node: JSONNode) -> DraftMark? {
        if case .null = node.value { return nil }
        guard let d = ObjectReader(node, lines: r.lines, log: r.log, record: r.record, what: "a draft mark") else { return nil }
        d.checkKeys(allowed: DraftField.allCases.map(\.rawValue))
        let rule = d.string(DraftField.rule.rawValue, required: true), matched = d.string(DraftField.matched.rawValue, required: true)
        guard let rule, let matched else { return nil }
        return DraftMark(rule: rule, matched: matched)
    }
}
