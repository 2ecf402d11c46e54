/// The plain fields (`FieldList.isPlain`) of a table's records, each field a sparse
/// column by record position: notes, amends and draft marks are on few records, so a
/// million records without them take no room.
struct RareColumns<F: FieldList>: Sendable {
    /// The fields that have a value on some record, each with its values.
    private(set) var columns: [F: [Int: FieldValue]] = [:]

    subscript(field: F, record: Int) -> FieldValue? {
        get { columns[field]?[record] }
        set {
            if let newValue {
                columns[field, default: [:]][record] = newValue
            } else if columns[field]?.removeValue(forKey: record) != nil, columns[field]?.isEmpty == true {
                columns[field] = nil
            }
        }
    }

    /// The plain fields of one record.
    func fields(_ record: Int) -> PlainFields<F> {
        var out = PlainFields<F>()
        for (f, column) in columns { if let v = column[record] { out[f] = v } }
        return out
    }

    mutating func set(_ record: Int, _ fields: PlainFields<F>) {
        for (f, v) in fields.values { self[f, record] = v }
    }

    /// The values of one field, by record (empty when no record has it).
    func column(_ field: F) -> [Int: FieldValue] { columns[field] ?? [:] }

    mutating func setColumn(_ field: F, _ values: [Int: FieldValue]) { columns[field] = values.isEmpty ? nil : values }

    /// The same values with records moved to `position[old]`.
    func renumbered(_ position: [Int32]) -> RareColumns {
        var out = RareColumns()
        for (f, column) in columns { out.columns[f] = Dictionary(uniqueKeysWithValues: column.map { (Int(position[$0.key]), $0.value) }) }
        return out
    }

    /// Appends the values of records read apart, numbered from `offset` here.
    mutating func append(_ other: RareColumns, offset: Int) {
        for (f, column) in other.columns { for (k, v) in column { self[f, k + offset] = v } }
    }

    /// Whether a searchable field of a record (plain text or a list of text, not a
    /// reference or a draft mark) satisfies `test`.
    func anyText(_ record: Int, _ test: (String) -> Bool) -> Bool {
        for (f, column) in columns {
            switch (f.kind, column[record]) {
            case (.text, .text(let s)?): if test(s) { return true }
            case (.texts, .texts(let list)?): if test(list.joined(separator: " ")) { return true }
            default: continue
            }
        }
        return false
    }

    var isEmpty: Bool { columns.isEmpty }
}
