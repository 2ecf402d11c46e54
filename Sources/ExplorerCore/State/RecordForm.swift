import DealModel
import TerminalText

/// The edit form (`e`): one record's fields as typed text. Text becomes JSON by
/// shape alone (a number when it reads as one, else the text, so the loader names
/// what is wrong); every rule is the loader's, checked by decoding the record.
struct RecordForm: Equatable, Sendable {
    enum Shape: Equatable, Sendable {
        /// Free text; a comma-separated list of texts or ids.
        case text, list
        /// One word of a vocabulary, or a currency the data uses (completed with C-Space).
        case word([String]), currency
        /// `microsoft:licensor, openai`: partner ids, each with its role after a colon.
        case parties
        /// `after EVENT-ID`: the relation (completed) and the event.
        case order
        /// A figure; yes or no.
        case number, flag
    }

    struct Field: Equatable, Sendable {
        let label: String
        /// The record's field, and the amount's field inside `value`.
        let key: String
        let sub: String?
        let shape: Shape
        var text = ""
        /// The loader's message for the text, nil when it reads.
        var error: String?

        init(_ label: String, _ key: String, sub: String? = nil, _ shape: Shape = .text) {
            self.label = label
            self.key = key
            self.sub = sub
            self.shape = shape
        }
    }

    let record: RecordKey
    let original: JSONTree
    /// The file of the record's first definition, where its fields are checked.
    let file: Int
    var fields: [Field]
    /// The fields' texts as the form opened: a field not retyped is not rewritten.
    let opened: [String]
    var cursor = 0
    /// Why the last Enter did not save (the loader's message, or the invalid fields).
    var refusal: String?

    static let relations = ["after", "before", "with"]

    static func fields(_ list: RecordList) -> [Field] {
        switch list {
        case .partners:
            [Field("Name", "name"), Field("Aliases", "aliases", .list), Field("Note", "note")]
        case .deals:
            [Field("Title", "title"), Field("Kind", "kind", .word(DealKind.allCases.map(\.rawValue))),
             Field("Status", "status", .word(DealStatus.allCases.map(\.rawValue))), Field("Parties", "parties", .parties),
             Field("Date", "date"), Field("Amount", "value", sub: "amount", .number), Field("Currency", "value", sub: "currency", .currency),
             Field("Approximate", "value", sub: "approximate", .flag),
             Field("Bound", "value", sub: "bound", .word(Amount.Bound.allCases.map(\.rawValue))),
             Field("Maximum", "value", sub: "maximum", .number), Field("Shared by", "value", sub: "sharedBy", .list), Field("Note", "note")]
        case .events:
            [Field("Title", "title"), Field("Date", "date"), Field("Order", "order", .order), Field("Note", "note")]
        }
    }

    /// The form of a record as its file writes it.
    init(_ key: RecordKey, record: JSONTree, file: Int) {
        self.record = key
        original = record
        self.file = file
        fields = Self.fields(key.list).map { f in
            var f = f
            let value = f.sub.map { record[f.key]?[$0] } ?? record[f.key]
            f.text = value.map { Self.text($0, f.shape) } ?? ""
            return f
        }
        opened = fields.map(\.text)
    }

    // MARK: Text and JSON

    static func text(_ v: JSONTree, _ shape: Shape) -> String {
        switch (v, shape) {
        case (.string(let s), _): return s
        case (.number(let n), _): return number(n)
        case (.bool(let b), _): return b ? "yes" : "no"
        case (.array(let items), .parties):
            return items.map { p in [p["partner"]?.string, p["role"]?.string].compactMap { $0 }.joined(separator: ":") }.joined(separator: ", ")
        case (.array(let items), _): return items.compactMap(\.string).joined(separator: ", ")
        case (.object, _) where v["value"] != nil:
            // A date written as an object: as the string form writes it.
            return (v["approximate"] == .bool(true) ? "~" : "") + (v["value"]?.string ?? "")
        case (.object(let members), .order): return members.first.map { "\($0.key) \($0.value.string ?? "")" } ?? ""
        default: return ""
        }
    }

    /// 110000000000, not 1.1e11: as the file writes figures.
    static func number(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e18 ? String(Int64(n)) : String(n)
    }

    static func json(_ text: String, _ shape: Shape) -> JSONTree? {
        let t = text.trimmed
        guard !t.isEmpty else { return nil }
        switch shape {
        case .text, .word, .currency: return .string(t)
        case .number: return Double(t).flatMap { $0.isFinite ? JSONTree.number($0) : nil } ?? .string(t)
        case .flag: return t == "yes" ? .bool(true) : t == "no" ? nil : .string(t)
        case .list: return .array(items(t).map(JSONTree.string))
        case .parties:
            return .array(items(t).map { item in
                let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmed }
                return .object([.init("partner", .string(parts[0]))] + (parts.count > 1 ? [.init("role", .string(parts[1]))] : []))
            })
        case .order:
            let parts = t.split(separator: " ", maxSplits: 1).map(String.init)
            return parts.count == 2 ? .object([.init(parts[0], .string(parts[1].trimmed))]) : .string(t)
        }
    }

    static func items(_ t: String) -> [String] {
        t.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// The record's field `key` as the form writes it (the amount: its fields over
    /// the ones the form does not show; none given: no amount).
    func value(_ key: String) -> JSONTree? {
        let group = fields.filter { $0.key == key }
        guard group.first?.sub != nil else { return group.first.flatMap { Self.json($0.text, $0.shape) } }
        // Every shown field cleared: no amount, whatever the form does not show (the
        // words it was read from) — or a wrong value could never be taken away.
        if group.allSatisfy({ $0.text.trimmed.isEmpty }) { return nil }
        var amount = JSONTree.object([])
        if case .object? = original[key] { amount = original[key]! }
        for f in group { amount[f.sub!] = Self.json(f.text, f.shape) }
        return amount == .object([]) ? nil : amount
    }

    /// The record's fields the form shows, in order, each once.
    var keys: [String] { fields.map(\.key).reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }

    /// The record's fields with a field retyped (a date written as an object, a figure
    /// written 1.5e9, stay as written when not retyped).
    var changes: [EditSession.FieldValue] {
        keys.filter { k in fields.indices.contains { fields[$0].key == k && fields[$0].text != opened[$0] } }.map { ($0, value($0)) }
    }

    var isValid: Bool { fields.allSatisfy { $0.error == nil } }

    /// What was typed, to keep across a crash; nil while nothing is retyped.
    var draft: FormDraft? {
        guard fields.map(\.text) != opened else { return nil }
        return FormDraft(record: record, fields: fields.map { ($0.label, $0.text) }, cursor: cursor)
    }

    /// The form of a record with the text of a kept draft typed into it, each field
    /// checked as typed; nil when the draft's fields are not this form's.
    init?(_ draft: FormDraft, record: JSONTree, file: Int, session: EditSession) {
        self.init(draft.record, record: record, file: file)
        guard fields.map(\.label) == draft.fields.map(\.label) else { return nil }
        for (i, f) in draft.fields.enumerated() where fields[i].text != f.text {
            cursor = i
            type(f.text, session: session)
        }
        cursor = min(max(0, draft.cursor), fields.count - 1)
    }

    // MARK: Typing

    /// The field at the cursor typed to `text`, then checked: the fields of valid
    /// groups and this one, decoded by the loader; its message under this field.
    mutating func type(_ text: String, session: EditSession) {
        fields[cursor].text = text
        refusal = nil
        let key = fields[cursor].key
        for i in fields.indices where fields[i].key == key { fields[i].error = nil }
        let valid = keys.filter { k in k == key || fields.allSatisfy { $0.key != k || $0.error == nil } }
        var typed = original
        for k in valid { typed[k] = value(k) }
        fields[cursor].error = session.problem(typed, in: record.list, file: file).map { Sanitizer.line($0.message) }
    }

    /// The words a field completes from; nil when it completes none.
    func vocabulary(_ f: Field, _ catalog: Catalog) -> [String]? {
        switch f.shape {
        case .word(let words): words
        case .currency: catalog.currencies
        case .flag: ["yes", "no"]
        case .order: Self.relations
        default: nil
        }
    }

    /// C-Space: the word being typed completed (as far as the candidates agree), or
    /// the next word of the vocabulary when it is whole; the candidates, for the
    /// status line.
    func completed(_ catalog: Catalog) -> (text: String, candidates: [String])? {
        let f = fields[cursor]
        guard let words = vocabulary(f, catalog), !words.isEmpty else { return nil }
        // The order completes its relation, the first word.
        let head = f.shape == .order ? String(f.text.prefix { $0 != " " }) : f.text
        let rest = String(f.text.dropFirst(head.count))
        if let i = words.firstIndex(of: head) { return (words[(i + 1) % words.count] + rest, words) }
        let candidates = words.filter { $0.hasPrefix(head) }
        guard let first = candidates.first else { return (f.text, []) }
        let common = candidates.dropFirst().reduce(first) { String(zip($0, $1).prefix { $0 == $1 }.map(\.0)) }
        return (common + rest, candidates)
    }
}
