#if canImport(Glibc)
import Glibc
#endif

/// Unsaved edits, one line each, appended and synced as they are made, so that after
/// a crash, a `kill -9` or a lost connection the next start can offer them back. It
/// lives under the cache directory (`journal/`, `0700`, files `0600`), not beside the
/// dataset, keyed by the dataset files' paths; its first line names each file with the
/// hash of its bytes when the edits began, and it is replayed only over those bytes.
/// A save or a reload clears it.
public struct EditJournal: Sendable, Hashable {
    public let path: String
    /// The cache directory it lives under.
    let cache: String

    init(files: [EditableFile], cache: String) {
        self.cache = cache
        path = Self.path(files.map(\.path), cache: cache)
    }

    var directory: String { FileAccess.directory(of: path) }

    /// Appends one edit (the header first, for a new journal) and syncs it.
    func append(_ edit: Edit, base files: [EditableFile]) throws(AtomicFile.Failure) {
        try append(Self.line(edit), base: files)
    }

    /// Notes, before a file is written over, the hash of what is written: if the
    /// process dies after the rename but before the journal is cleared, the journal
    /// still applies (its changes to that file are in it already).
    func saving(file: Int, text: [UInt8], base files: [EditableFile]) throws(AtomicFile.Failure) {
        guard FileAccess.exists(path) else { return }
        try append(.object([.init("saving", .number(Double(file))), .init("hash", .string(String(FileStamp.hash(text), radix: 16)))]), base: files)
    }

    private func append(_ line: JSONTree, base files: [EditableFile]) throws(AtomicFile.Failure) {
        func fail(_ what: String) -> AtomicFile.Failure {
            AtomicFile.Failure(path: path, message: "the journal cannot be written: \(what)", fix: "the edits are kept in memory; save them with :w")
        }
        do { try SnapshotCache.prepare(directory) } catch { throw fail(error.reason) }
        var fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        var text = ""
        if fd < 0 {
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            text = Self.header(files).compact + "\n"
        }
        guard fd >= 0 else { throw fail(String(cString: strerror(errno))) }
        defer { close(fd) }
        text += line.compact + "\n"
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { if errno == EINTR { continue }; throw fail(String(cString: strerror(errno))) }
            done += n
        }
        if fsync(fd) != 0 { throw fail(String(cString: strerror(errno))) }
    }

    /// The edits journalled over these files; throws when the journal was made over
    /// other bytes (the file changed since) or cannot be read.
    func pending(for files: [EditableFile]) throws(EditRefusal) -> [Edit] {
        guard FileAccess.exists(path) else { return [] }
        guard case .success(let bytes) = FileAccess.read(path) else { throw EditRefusal("the journal \(path) cannot be read") }
        let raw = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        // The header goes out in one write with the first edit: a journal cut short
        // there holds no edit yet.
        if raw.count <= 1 && (raw.first.flatMap { JSONTree.parseLine(Array($0)) } == nil) { return [] }
        guard let first = raw.first, let header = try? JSONTree.parse(Array(first)) else {
            throw EditRefusal("the journal \(path) is damaged: its first line is not a header")
        }
        let lines = raw.dropFirst().enumerated().map { ($0.offset, JSONTree.parseLine(Array($0.element))) }
        // Files saved since, in a save cut short before the journal was cleared.
        let saved = Set(lines.compactMap { _, t -> Int? in
            guard case .number(let k)? = t?["saving"], Int(k) < files.count, t?["hash"]?.string == files[Int(k)].stamp.hex else { return nil }
            return Int(k)
        })
        let recorded = header["files"]?.items ?? []
        let changed = files.indices.filter { k in
            !saved.contains(k) && !(k < recorded.count && recorded[k] == Self.header([files[k]])["files"]?.items?.first)
        }
        guard recorded.count == files.count, changed.isEmpty else {
            let names = changed.map { files[$0].path }
            throw EditRefusal("unsaved edits journalled in \(path) were made to \(names.isEmpty ? "other files" : names.joined(separator: ", ")) as it was before it changed on disk: not applied")
        }
        var edits: [Edit] = []
        for (n, tree) in lines {
            if tree?["saving"] != nil { continue }
            // A line cut short by a crash is the last one: the edit it began is lost.
            guard let tree, var edit = Self.edit(tree) else {
                if n == lines.count - 1 { break }
                throw EditRefusal("the journal \(path) is damaged at line \(n + 2)")
            }
            edit.changes.removeAll { saved.contains($0.file) }
            if !edit.changes.isEmpty { edits.append(edit) }
        }
        return edits
    }

    /// Removes the journal (after a save, a reload, or when the person discards it).
    func clear() { unlink(path) }

    /// Moves a journal that does not apply out of the way, keeping it for the person
    /// to read: its new path.
    func setAside() -> String? {
        let aside = path + ".stale"
        return rename(path, aside) == 0 ? aside : nil
    }

    // MARK: Lines

    static func header(_ files: [EditableFile]) -> JSONTree {
        .object([
            .init("journal", .number(1)),
            .init("files", .array(files.map { .object([.init("path", .string(FilePaths.resolved($0.path))), .init("hash", .string($0.stamp.hex))]) })),
        ])
    }

    static func line(_ e: Edit) -> JSONTree {
        .object([
            .init("label", .string(e.label)),
            .init("changes", .array(e.changes.map { c in
                .object([
                    .init("file", .number(Double(c.file))), .init("list", .string(c.list.rawValue)), .init("index", .number(Double(c.index))),
                    .init("old", c.old ?? .null), .init("new", c.new ?? .null),
                ])
            })),
        ])
    }

    static func edit(_ t: JSONTree) -> Edit? {
        guard let label = t["label"]?.string, let changes = t["changes"]?.items else { return nil }
        var out: [Change] = []
        for c in changes {
            guard case .number(let file)? = c["file"], case .number(let index)? = c["index"],
                  let list = c["list"]?.string.flatMap(RecordList.init(rawValue:)) else { return nil }
            let old = c["old"].flatMap { $0 == .null ? nil : $0 }, new = c["new"].flatMap { $0 == .null ? nil : $0 }
            out.append(Change(file: Int(file), list: list, index: Int(index), old: old, new: new))
        }
        return Edit(label, out)
    }
}

extension EditJournal {
    /// Whether unsaved edits of these dataset files are journalled (checked at every
    /// start without reading the data again).
    public static func exists(forDatasets files: [String], cache: String? = SnapshotCache.directory) -> Bool {
        guard let cache, !files.isEmpty else { return false }
        return FileAccess.exists(path(files, cache: cache))
    }

    static func path(_ files: [String], cache: String) -> String {
        cache + "/journal/" + String(FileStamp.hash(Array(files.map(FilePaths.resolved).joined(separator: "\n").utf8)), radix: 16) + ".jsonl"
    }
}
