/// The dataset a person edits: the files the records came from, each as records in
/// file order (`EditableFile`, so a record defined in two files is edited in both),
/// the catalog built from them by the loader's own code after every edit (an edit
/// whose result the loader would refuse is refused with the loader's message), undo
/// and redo over the whole session, the journal of unsaved edits, and saving back.
public struct EditSession: Sendable {
    /// The path given (`--data`), nil for the bundled data.
    public let source: String?
    public private(set) var files: [EditableFile]
    public private(set) var catalog: Catalog
    public private(set) var undoStack: [Edit] = []
    public private(set) var redoStack: [Edit] = []
    /// The files whose records differ from the file on disk.
    public private(set) var dirty: Set<Int> = []
    /// Where unsaved edits are journalled; nil when the cache is off.
    public private(set) var journal: EditJournal?
    /// Journal writes wait for `flushJournal()` instead of happening in `apply`: the
    /// explorer's update stays free of file writes, and its runner flushes.
    public var defersJournal = false
    private var journalQueue: [JournalStep] = []

    private enum JournalStep: Sendable {
        case edit(Edit, base: [EditableFile])
        case clear
    }

    /// Reads the dataset files of `path` (a file or a directory; nil: the bundled data).
    /// `cache`: where the journal goes (tests give their own; nil: no journal).
    public static func open(path: String?, cache: String? = SnapshotCache.directory) throws(EditRefusal) -> EditSession {
        let log = ProblemLog()
        let paths = DatasetLoader.datasetFiles(path: path, log: log)
        if let p = log.problems.first { throw EditRefusal(p.description, problems: log.problems) }
        var files: [EditableFile] = []
        for p in paths { files.append(try read(p)) }
        let catalog = try build(files)
        return EditSession(source: path, files: files, catalog: catalog, journal: cache.map { EditJournal(files: files, cache: $0) })
    }

    /// A session over one file not yet on disk: unsaved from the start.
    init(new file: EditableFile, cache: String?) throws(EditRefusal) {
        self.init(source: file.path, files: [file], catalog: try Self.build([file]), journal: cache.map { EditJournal(files: [file], cache: $0) })
        dirty = [0]
    }

    private init(source: String?, files: [EditableFile], catalog: Catalog, journal: EditJournal?) {
        self.source = source
        self.files = files
        self.catalog = catalog
        self.journal = journal
    }

    static func read(_ path: String) throws(EditRefusal) -> EditableFile {
        switch FileAccess.read(path) {
        case .failure(let f): throw EditRefusal("cannot read \(path): \(f.message)")
        case .success(let bytes): return try EditableFile(path: path, bytes: bytes)
        }
    }

    /// The catalog of the files as they would be written: each file's text decoded and
    /// checked, the records of all joined, exactly as `--data` loads them.
    static func build(_ files: [EditableFile], texts: [[UInt8]]? = nil) throws(EditRefusal) -> Catalog {
        let log = ProblemLog()
        var drafts: [DatasetDraft] = []
        for (k, f) in files.enumerated() {
            if let d = DatasetLoader.decode(texts?[k] ?? f.text(), file: f.path, directory: FileAccess.directory(of: f.path), log: log) { drafts.append(d) }
        }
        let catalog = log.isEmpty ? CatalogBuilder(log: log).build(drafts) : nil
        let problems = DatasetLoader.inFileOrder(log.problems, files: files.map(\.path))
        guard let catalog, problems.isEmpty else {
            throw EditRefusal(problems.first.map { p in [p.record, p.message].compactMap { $0 }.joined(separator: ": ") } ?? "the data does not load", problems: problems)
        }
        return catalog
    }

    public var isDirty: Bool { !dirty.isEmpty }

    // MARK: Edits

    /// Makes an edit (one that changes nothing is not kept): refused, and nothing
    /// changes, when the loader would refuse the result. The edit is journalled before it counts; a journal that cannot be
    /// written is said in the result (the edit stays in memory).
    @discardableResult
    public mutating func apply(_ edit: Edit) throws(EditRefusal) -> String? {
        guard !edit.changes.isEmpty else { return nil }
        try perform(edit)
        undoStack.append(edit)
        redoStack.removeAll()
        return record(edit)
    }

    /// Undoes the last edit; its label, or nil when there is none.
    public mutating func undo() -> (label: String, warning: String?)? {
        guard let edit = undoStack.last else { return nil }
        do { try perform(edit.inverse) } catch { return nil }
        undoStack.removeLast()
        redoStack.append(edit)
        return (edit.label, record(edit.inverse))
    }

    public mutating func redo() -> (label: String, warning: String?)? {
        guard let edit = redoStack.last else { return nil }
        do { try perform(edit) } catch { return nil }
        redoStack.removeLast()
        undoStack.append(edit)
        return (edit.label, record(edit))
    }

    private mutating func perform(_ edit: Edit) throws(EditRefusal) {
        var next = files
        for c in edit.changes { try next[c.file].apply(c) }
        // Each file's text once: loaded, and compared with the file on disk.
        let texts = next.map { $0.text() }
        catalog = try Self.build(next, texts: texts)
        for k in Set(edit.changes.map(\.file)) where !next[k].isNew {
            if FileStamp.hash(texts[k]) == next[k].stamp.hash { dirty.remove(k) } else { dirty.insert(k) }
        }
        files = next
    }

    private mutating func record(_ edit: Edit) -> String? {
        journalQueue.append(.edit(edit, base: files))
        return defersJournal ? nil : flushJournal()
    }

    /// Writes the journal steps waiting (edits, a clearing); the first failure's
    /// message, the steps left for the next flush.
    @discardableResult
    public mutating func flushJournal() -> String? {
        guard let journal else { journalQueue = []; return nil }
        while let step = journalQueue.first {
            switch step {
            case .edit(let edit, let base):
                do { try journal.append(edit, base: base) } catch { return error.message }
            case .clear:
                journal.clear()
            }
            journalQueue.removeFirst()
        }
        return nil
    }

    /// The journal steps that wait for `flushJournal()`.
    public var journalPending: Int { journalQueue.count }

    private mutating func clearJournal() {
        journalQueue = [.clear]
        if !defersJournal { flushJournal() }
    }

    // MARK: Saving and reloading

    /// Why a save did not happen.
    public enum SaveFailure: Error, Sendable, CustomStringConvertible {
        /// The file changed on disk since it was read: not overwritten.
        case changedOnDisk(String)
        /// A file appeared where a new one was to be written: not overwritten.
        case appeared(String)
        case cannotWrite(AtomicFile.Failure)

        public var description: String {
            switch self {
            case .changedOnDisk(let path): "\(path) changed on disk since it was read: not overwritten (reload with :e, or save elsewhere with :saveas FILE)"
            case .appeared(let path): "\(path) exists now (made since the draft was opened): not overwritten (save elsewhere with :saveas FILE)"
            case .cannotWrite(let f): "\(f.path): \(f.message); the edits are kept (\(f.fix))"
            }
        }
    }

    /// Writes every changed file over the one it came from, atomically, after making
    /// sure none changed on disk since it was read; the journal is cleared once all
    /// are written. Returns the files written.
    @discardableResult
    public mutating func save() throws(SaveFailure) -> [String] {
        flushJournal()
        let changed = dirty.sorted()
        for k in changed where Self.changedOnDisk(files[k]) { throw files[k].isNew ? .appeared(files[k].path) : .changedOnDisk(files[k].path) }
        var written: [String] = []
        for k in changed {
            let text = files[k].text()
            do {
                try? journal?.saving(file: k, text: text, base: files)
                try AtomicFile.write(files[k].path) { (emit) throws(AtomicFile.Failure) in try emit(text) }
            } catch { throw .cannotWrite(error) }
            files[k].stamp = FileStamp(bytes: text, path: files[k].path)
            files[k].isNew = false
            dirty.remove(k)
            written.append(files[k].path)
        }
        clearJournal()
        flushJournal()
        return written
    }

    /// Writes the dataset (one file) to a new file, its document paths made relative
    /// to it (a document outside its directory copied beside it), and edits that file
    /// from now on. A file already there is not replaced.
    public mutating func save(as path: String) throws(SaveFailure) {
        guard files.count == 1 else {
            throw .cannotWrite(AtomicFile.Failure(path: path, message: "the data comes from \(files.count) files", fix: "save them in place with :w"))
        }
        guard !FileAccess.exists(path) else {
            throw .cannotWrite(AtomicFile.Failure(path: path, message: "the file exists", fix: "choose another name, or remove it first"))
        }
        var file = files[0]
        let directory = FileAccess.directory(of: path)
        let copies = file.moveDocuments(from: FileAccess.directory(of: file.path), to: directory)
        let text = file.text()
        do { try AtomicFile.write(path) { (emit) throws(AtomicFile.Failure) in try emit(text) } } catch { throw .cannotWrite(error) }
        for copy in copies where !copy.exists {
            do {
                try AtomicFile.write(FileAccess.join(directory, copy.name)) { (emit) throws(AtomicFile.Failure) in try emit(copy.bytes) }
            } catch { throw .cannotWrite(error) }
        }
        clearJournal()
        flushJournal()
        do {
            let saved = try Self.read(path)
            files = [saved]
            dirty = []
            catalog = (try? Self.build(files)) ?? catalog
            journal = journal.map { EditJournal(files: files, cache: $0.cache) }
        } catch {
            throw .cannotWrite(AtomicFile.Failure(path: path, message: "written but not read back: \(error.message)", fix: "check the file"))
        }
    }

    static func changedOnDisk(_ f: EditableFile) -> Bool {
        if f.isNew { return FileAccess.exists(f.path) }
        if let key = Snapshot.FileKey(path: f.path), key == f.stamp.key { return false }
        guard case .success(let bytes) = FileAccess.read(f.path) else { return true }
        return FileStamp.hash(bytes) != f.stamp.hash
    }

    /// The files on disk changed since they were read (checked before a save).
    public var changedFiles: [String] { files.filter(Self.changedOnDisk).map(\.path) }

    /// Reads the files again, dropping unsaved edits, undo and redo, and the journal.
    public mutating func reload() throws(EditRefusal) {
        var fresh = try Self.open(path: source, cache: journal?.cache)
        fresh.defersJournal = defersJournal
        fresh.clearJournal()
        self = fresh
    }

    // MARK: The journal

    /// Replays the journal of unsaved edits over the files as read: the edits
    /// restored, or why the journal does not apply (then it is left for the person to
    /// discard). Nothing is applied when any edit does not fit.
    public mutating func restoreJournal() throws(EditRefusal) -> Int {
        guard let journal else { return 0 }
        let edits = try journal.pending(for: files)
        guard !edits.isEmpty else { return 0 }
        var copy = self
        for e in edits {
            do { try copy.perform(e) } catch { throw EditRefusal("the journal \(journal.path) does not apply to the files on disk: \(error.message)") }
            copy.undoStack.append(e)
        }
        self = copy
        return edits.count
    }

    /// Unsaved edits from an earlier run that crashed or was killed: how many, or a
    /// reason they do not apply.
    public func journalledEdits() -> Result<Int, EditRefusal> {
        guard let journal else { return .success(0) }
        do { return .success(try journal.pending(for: files).count) } catch { return .failure(error) }
    }

    /// Moves a journal that does not apply aside (`….jsonl.stale`, kept for the
    /// person to read); its new path.
    public func setAsideJournal() -> String? { journal?.setAside() }

    /// Drops the journal of an earlier run.
    public mutating func discardJournal() { clearJournal() }
}

extension EditableFile {
    /// Document paths made relative to a new directory.
    /// Document paths made relative to `new`; a document outside it (documents lie
    /// under their dataset's directory) is to be copied beside it: returned.
    mutating func moveDocuments(from old: String, to new: String) -> [DocumentCopy] {
        guard case .array(var docs)? = head["documents"] else { return [] }
        var copies: [DocumentCopy] = [], taken = Set<String>()
        for i in docs.indices {
            guard let p = docs[i]["path"]?.string else { continue }
            let absolute = p.hasPrefix("/") ? p : FileAccess.join(old, p)
            if !DocumentCopy.lies(absolute, under: new), let copy = DocumentCopy.make(of: absolute, into: new, taken: &taken) {
                copies.append(copy)
                docs[i]["path"] = .string(copy.name)
            } else {
                docs[i]["path"] = .string(FilePaths.relative(absolute, from: new))
            }
        }
        head["documents"] = .array(docs)
        return copies
    }
}
