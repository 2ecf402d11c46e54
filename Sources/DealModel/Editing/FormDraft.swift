#if canImport(Glibc)
import Glibc
#endif

/// The text typed into an open edit form, kept beside the journal (same directory,
/// `0700`, the file `0600`, written atomically) while the form is open, so that a
/// crash, a `kill -9` or a signal loses none of it: the next start offers the form
/// back. Removed when the form closes (saved or cancelled).
public struct FormDraft: Equatable, Sendable {
    public let record: RecordKey
    /// Each field's label and text, in the form's order.
    public var fields: [(label: String, text: String)]
    public var cursor: Int

    public init(record: RecordKey, fields: [(label: String, text: String)], cursor: Int) {
        self.record = record
        self.fields = fields
        self.cursor = cursor
    }

    public static func == (a: FormDraft, b: FormDraft) -> Bool {
        a.record == b.record && a.cursor == b.cursor && a.fields.map(\.label) == b.fields.map(\.label) && a.fields.map(\.text) == b.fields.map(\.text)
    }

    /// Where the draft of a form over these dataset files goes: beside their journal.
    public static func path(forDatasets files: [String], cache: String) -> String {
        let journal = EditJournal.path(files, cache: cache)
        return String(journal.dropLast(".jsonl".count)) + ".form.json"
    }

    public func write(to path: String) throws(AtomicFile.Failure) {
        do { try SnapshotCache.prepare(FileAccess.directory(of: path)) } catch {
            throw AtomicFile.Failure(path: path, message: "the typed form cannot be kept: \(error.reason)", fix: "finish the form with Enter")
        }
        let tree = JSONTree.object([
            .init("form", .number(1)), .init("list", .string(record.list.rawValue)), .init("id", .string(record.id)),
            .init("cursor", .number(Double(cursor))),
            .init("fields", .array(fields.map { .object([.init("label", .string($0.label)), .init("text", .string($0.text))]) })),
        ])
        let bytes = Array((tree.compact + "\n").utf8)
        try AtomicFile.write(path, newMode: 0o600) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in try emit(bytes) }
    }

    /// The draft kept at `path`; nil when there is none or it does not read (a file
    /// written atomically is whole or absent, so that is someone else's file).
    public static func read(_ path: String) -> FormDraft? {
        guard FileAccess.exists(path), case .success(let bytes) = FileAccess.read(path), let tree = try? JSONTree.parse(bytes),
              tree["form"] == .number(1), let list = tree["list"]?.string.flatMap(RecordList.init(rawValue:)), let id = tree["id"]?.string,
              case .number(let cursor)? = tree["cursor"], let items = tree["fields"]?.items else { return nil }
        var fields: [(label: String, text: String)] = []
        for item in items {
            guard let label = item["label"]?.string, let text = item["text"]?.string else { return nil }
            fields.append((label, text))
        }
        return FormDraft(record: RecordKey(list, id), fields: fields, cursor: Int(cursor))
    }

    public static func remove(_ path: String) { unlink(path) }
}
