#if canImport(Glibc)
import Glibc
#endif

/// What a dataset file was when it was read: its identity (size, inode, times) and a
/// hash of its bytes. A save compares it with the file on disk first: a file changed
/// since (another editor, a `git pull`) is not overwritten.
public struct FileStamp: Hashable, Sendable {
    public let hash: UInt64
    let key: Snapshot.FileKey?

    init(bytes: [UInt8], path: String) {
        hash = Self.hash(bytes)
        key = Snapshot.FileKey(path: path)
    }

    /// FNV-1a over the bytes: stable across runs (the journal keeps it).
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    public var hex: String { String(hash, radix: 16) }
}

extension Snapshot.FileKey: Hashable {
    public func hash(into h: inout Hasher) { h.combine(size); h.combine(inode); h.combine(seconds); h.combine(nanoseconds) }
}

/// One dataset file as records a person can change: its top-level fields (format,
/// title, documents) and its partners, deals and events as JSON values, in file order.
public struct EditableFile: Sendable, Hashable {
    /// The file as given (relative or absolute).
    public let path: String
    /// The file's fields other than the three record lists. Records are held with
    /// their keys in declaration order (`JSONTree.canonical`), as a save writes them.
    var head: JSONTree
    private(set) var lists: [RecordList: [JSONTree]]
    /// Each record's lines as the file writes them, so that writing the file after an
    /// edit copies the records the edit did not change (`text()` runs after every edit).
    private var rendered: [RecordList: [[UInt8]]] = [:]
    /// The file on disk as last read or written.
    public internal(set) var stamp: FileStamp
    /// Not on disk yet (a draft made in memory): the first save creates it.
    public internal(set) var isNew = false

    init(path: String, bytes: [UInt8]) throws(EditRefusal) {
        self.path = path
        let root: JSONTree
        do { root = try JSONTree.parse(bytes) } catch { throw EditRefusal("\(path): malformed JSON: \(error.message)") }
        var head = root
        var lists: [RecordList: [JSONTree]] = [:]
        for list in RecordList.allCases {
            lists[list] = (root[list.rawValue]?.items ?? []).map { $0.canonical(list.order) }
            head[list.rawValue] = nil
        }
        self.head = head
        self.lists = lists
        rendered = Self.render(lists)
        stamp = FileStamp(bytes: bytes, path: path)
    }

    private static func render(_ lists: [RecordList: [JSONTree]]) -> [RecordList: [[UInt8]]] {
        Dictionary(uniqueKeysWithValues: lists.map { list, records in (list, records.map { DatasetLayout.record($0, list) }) })
    }

    public func records(_ list: RecordList) -> [JSONTree] { lists[list] ?? [] }

    /// The place of a record in this file.
    public func index(of key: RecordKey) -> Int? {
        records(key.list).firstIndex { $0["id"]?.string == key.id }
    }

    /// The documents' ids, in order (a quote without `document` is in the first).
    public var documentIDs: [String] { (head["documents"]?.items ?? []).compactMap { $0["id"]?.string } }

    /// The file as the stable layout writes it.
    public func text() -> [UInt8] {
        var root = head
        for list in RecordList.allCases { root[list.rawValue] = .array([]) }
        guard case .object(let members) = root.out(.dataset) else { return DatasetLayout.text(root) }
        return DatasetLayout.text(.object(members.map { key, value in
            RecordList(rawValue: key).map { (key, .array((rendered[$0] ?? []).map(JSONOut.raw))) } ?? (key, value)
        }))
    }

    /// Makes one change; refused when the record it replaces is not the one there.
    mutating func apply(_ c: Change) throws(EditRefusal) {
        var records = self.records(c.list)
        switch (c.old, c.new) {
        case (nil, let new?):
            guard c.index <= records.count else { throw EditRefusal("\(path): no place \(c.index + 1) among the \(c.list.rawValue)") }
            records.insert(new, at: c.index)
        case (let old?, let new):
            guard c.index < records.count, records[c.index] == old else {
                let id = old["id"]?.string ?? "?"
                throw EditRefusal("\(path): the \(c.list.noun) \"\(id)\" is not as the edit expects (the file differs)")
            }
            if let new { records[c.index] = new } else { records.remove(at: c.index) }
        case (nil, nil): return
        }
        // Only the changed record is written again.
        var lines = rendered[c.list] ?? []
        switch (c.old, c.new) {
        case (nil, let new?): lines.insert(DatasetLayout.record(new, c.list), at: c.index)
        case (_, let new?): lines[c.index] = DatasetLayout.record(new, c.list)
        default: lines.remove(at: c.index)
        }
        rendered[c.list] = lines
        lists[c.list] = records
    }
}
