/// Fields of a record changed together (the explorer's form), and checked as they
/// are typed by the loader's own decoder.
extension EditSession {
    /// A field's new value; nil removes the field.
    public typealias FieldValue = (field: String, value: JSONTree?)

    /// The record as its first definition writes it, and the file of that definition.
    public func record(_ key: RecordKey) -> (record: JSONTree, file: Int)? {
        definitions(of: key).first.map { ($0.record, $0.file) }
    }

    /// What the loader says of a record of `file` (as `record(_:)` gave it, changed);
    /// nil when it reads. The record is decoded alone, a small text, so this fits a
    /// keystroke; references to other records are checked by the edit itself, which
    /// builds the catalog.
    public func problem(_ record: JSONTree, in list: RecordList, file: Int) -> DataProblem? {
        var root = files[file].head
        root[list.rawValue] = .array([record])
        let log = ProblemLog()
        let path = files[file].path
        _ = DatasetLoader.decode(DatasetLayout.text(root), file: path, directory: FileAccess.directory(of: path), log: log)
        return log.problems.first
    }

    /// Several fields set at once, as one edit: each in every definition that gives
    /// it, or in the first when none does.
    public func set(_ key: RecordKey, _ values: [FieldValue], label: String) throws(EditRefusal) -> Edit {
        let defs = definitions(of: key)
        guard !defs.isEmpty else { throw EditRefusal("no \(key)") }
        var news = defs.map(\.record)
        for v in values {
            let giving = defs.indices.filter { defs[$0].record[v.field] != nil }
            for i in giving.isEmpty ? [0] : giving { news[i][v.field] = v.value }
        }
        let changes = defs.indices.compactMap { i -> Change? in
            news[i] == defs[i].record ? nil : Change(file: defs[i].file, list: key.list, index: defs[i].index, old: defs[i].record, new: news[i])
        }
        return Edit(label, changes)
    }
}

extension Catalog {
    /// The currencies the deals' values use, for completing a typed one.
    public var currencies: [String] { Set(deals.amounts.compactMap(\.currency)).sorted() }
}
