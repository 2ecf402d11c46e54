/// Records of every file of a session changed in place or removed, as an edit's
/// changes (links, merges and splits touch records all over the files). Changes in
/// place come first and removals last, from the highest place down, so each change's
/// place is still the place it was read from.
struct RecordRewrite {
    struct Place: Hashable, Comparable {
        let file: Int
        let list: RecordList
        let index: Int

        static func < (a: Place, b: Place) -> Bool {
            (a.file, a.list.rank, a.index) < (b.file, b.list.rank, b.index)
        }
    }

    let files: [EditableFile]
    private var updated: [Place: JSONTree] = [:]
    private var removed: Set<Place> = []

    init(_ files: [EditableFile]) { self.files = files }

    /// The record at a place as the edit has it so far.
    func record(_ p: Place) -> JSONTree { updated[p] ?? files[p.file].records(p.list)[p.index] }

    /// Every record of a list still there, with its place.
    func records(_ list: RecordList) -> [(place: Place, record: JSONTree)] {
        files.indices.flatMap { f in
            files[f].records(list).indices.compactMap { i -> (Place, JSONTree)? in
                let p = Place(file: f, list: list, index: i)
                return removed.contains(p) ? nil : (p, record(p))
            }
        }
    }

    /// The places where the record is defined.
    func definitions(of key: RecordKey) -> [Place] {
        records(key.list).filter { $0.record["id"]?.string == key.id }.map(\.place)
    }

    mutating func update(_ p: Place, _ body: (inout JSONTree) -> Void) {
        var r = record(p)
        body(&r)
        updated[p] = r
    }

    /// Changes every record of a list (each record it changes is kept).
    mutating func updateAll(_ list: RecordList, _ body: (inout JSONTree) -> Void) {
        for (p, r) in records(list) {
            var new = r
            body(&new)
            if new != r { updated[p] = new }
        }
    }

    mutating func remove(_ p: Place) { removed.insert(p) }

    /// The edit's changes; records written back as they were are left out.
    var changes: [Change] {
        var out: [Change] = []
        for p in updated.keys.sorted() {
            let old = files[p.file].records(p.list)[p.index]
            let change = Change(file: p.file, list: p.list, index: p.index, old: old, new: updated[p])
            if change.new != change.old { out.append(change) }
        }
        for p in removed.sorted(by: >) {
            out.append(Change(file: p.file, list: p.list, index: p.index, old: record(p), new: nil))
        }
        return out
    }
}

extension RecordList {
    /// The order of the lists in a file.
    var rank: Int { RecordList.allCases.firstIndex(of: self)! }

    /// The keys of a record's fields with what a record defined in several datasets
    /// does with each (`FieldList.merge`): merging two records follows the same rules.
    var fieldMerges: [(key: String, merge: FieldMerge)] {
        switch self {
        case .partners: PartnerField.allCases.map { ($0.key, $0.merge) }
        case .deals: DealField.allCases.map { ($0.key, $0.merge) }
        case .events: EventField.allCases.map { ($0.key, $0.merge) }
        }
    }
}

extension JSONTree {
    /// A list of strings held under `key`, nil when there is none; an emptied list
    /// is removed.
    subscript(strings key: String) -> [String] {
        get { self[key]?.items?.compactMap(\.string) ?? [] }
        set { self[key] = newValue.isEmpty ? nil : .array(newValue.map(JSONTree.string)) }
    }

    /// A deal's `value.sharedBy` changed (a deal without a value is left alone).
    mutating func changeSharedBy(_ body: ([String]) -> [String]) {
        guard var value = self["value"], case .object = value else { return }
        value[strings: "sharedBy"] = body(value[strings: "sharedBy"])
        self["value"] = value
    }

    /// Whether the value is absent or `null` (a deal's date "the document states none").
    static func isNone(_ v: JSONTree?) -> Bool { v == nil || v == .null }
}

extension Array where Element: Equatable {
    /// Each element once, in first order.
    func uniqued() -> [Element] {
        var out: [Element] = []
        for e in self where !out.contains(e) { out.append(e) }
        return out
    }
}
