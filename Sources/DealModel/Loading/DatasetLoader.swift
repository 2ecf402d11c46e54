/// Loads datasets from a file or a directory into a checked `Catalog`.
public enum DatasetLoader {
    /// Loads `path` (a dataset file or a directory of them), or the bundled data when
    /// nil. Throws the first problem found (`complete` false: there may be more; see
    /// `check`), found with as little work as can be.
    /// `saveSnapshot: false` leaves saving to the caller (`saveSnapshot(_:path:)`), as
    /// the explorer does once the data is on screen.
    public static func load(path: String?, rules: FileRules = .standard, saveSnapshot: Bool = true, progress: ProgressHandler? = nil) throws(DataLoadError) -> Catalog {
        let r = run(path: path, rules: rules, fast: true, snapshots: true, saveSnapshot: saveSnapshot, progress: progress, wanted: 1)
        if let catalog = r.catalog, r.problems.isEmpty { return catalog }
        throw DataLoadError(problems: r.problems, complete: r.complete)
    }

    /// Loads and checks everything it can, returning all problems rather than the first.
    /// `snapshots: false` reads the dataset itself even when a snapshot of it holds
    /// (`validate` does), and saves none.
    public static func check(path: String?, rules: FileRules = .standard, snapshots: Bool = true, progress: ProgressHandler? = nil) -> (Catalog?, [DataProblem]) {
        check(path: path, rules: rules, fast: true, snapshots: snapshots, progress: progress)
    }

    /// `fast: false` skips the snapshot and the fast path (tests compare the paths).
    static func check(path: String?, rules: FileRules = .standard, fast: Bool, snapshots: Bool = false, saveSnapshot: Bool = true,
                      progress: ProgressHandler? = nil) -> (Catalog?, [DataProblem]) {
        let r = run(path: path, rules: rules, fast: fast, snapshots: snapshots, saveSnapshot: saveSnapshot, progress: progress, wanted: .max)
        return (r.catalog, r.problems)
    }

    /// `wanted`: how many problems to look for (1: stop at the first found, `Int.max`:
    /// all); `complete` says whether every problem was looked for.
    private static func run(path: String?, rules: FileRules, fast: Bool, snapshots: Bool, saveSnapshot: Bool, progress: ProgressHandler?,
                            wanted: Int) -> (catalog: Catalog?, problems: [DataProblem], complete: Bool) {
        MallocPolicy.apply()
        let meter = ProgressMeter(progress)
        defer { meter.finish() }
        let log = ProblemLog()
        let files = datasetFiles(path: path, log: log)
        // One file takes the fast path (or its snapshot, when one holds), which loads
        // plain valid data, and reports what it finds joining the records of data it
        // decoded without a doubt; anything else, or any doubt, the careful one below.
        if fast, files.count == 1, log.isEmpty {
            let file = files[0]
            if snapshots {
                do {
                    if Snapshot.path(for: file) != nil { meter.phase("reading the snapshot", 0) }
                    let catalog = try Snapshot.attempt(dataset: file, rules: rules)
                    return (catalog, [], true)
                } catch {
                    LoadTrace.say("snapshot not used: \(error.reason)")
                }
            }
            do {
                let catalog = try FastLoad.attempt(file: file, rules: rules, progress: meter, report: wanted)
                if snapshots && saveSnapshot {
                    meter.phase("saving a snapshot for next time", 0.95)
                    Self.saveSnapshot(catalog, path: file)
                }
                return (catalog, [], true)
            } catch {
                LoadTrace.say("fast path left: \(error.reason)")
                // What the fast path found is all there is to say (or the file changed
                // while it was read: reading it again would judge another file).
                if !error.problems.isEmpty { return (nil, error.problems, wanted == .max) }
            }
        }
        var drafts: [DatasetDraft] = []
        for (n, file) in files.enumerated() {
            meter.phase("reading and parsing", 0.4 * Double(n) / Double(max(1, files.count)))
            if let d = decodeFile(file, rules: rules, log: log) { drafts.append(d) }
        }
        // Looking for the first problem, the records are not joined once decoding has
        // found one.
        if wanted < .max && !log.isEmpty { return (nil, inFileOrder(log.problems, files: files), false) }
        meter.phase("checking and locating quotes", 0.4)
        if drafts.isEmpty && log.isEmpty {
            log.add(SourceLocation(file: path ?? "", line: 0, column: 0), "no dataset found", fix: "pass a dataset file (*.json) or a directory that holds them")
        }
        let catalog = drafts.isEmpty ? nil : CatalogBuilder(log: log, rules: rules, progress: meter).build(drafts)
        return (log.isEmpty ? catalog : nil, inFileOrder(log.problems, files: files), true)
    }

    /// Saves a snapshot of a catalog loaded from one large dataset file (1 MB or more),
    /// so that the next start reads it instead; false when there is nothing to save or
    /// snapshots are off.
    @discardableResult
    public static func saveSnapshot(_ catalog: Catalog, path: String?) -> Bool {
        guard !catalog.fromSnapshot, catalog.files.count == 1, let file = catalog.files.first, path != nil,
              (Snapshot.FileKey(path: file)?.size ?? 0) >= Snapshot.minimumDatasetSize else { return false }
        return Snapshot.save(catalog, dataset: file)
    }

    /// Problems are found pass by pass (keys, then references, then quotes); they are
    /// reported by file, then line and column, so a reader can work down the file.
    /// (Sorted by numbers made once per problem: two million problems sort in a
    /// fraction of a second.)
    static func inFileOrder(_ problems: [DataProblem], files: [String]) -> [DataProblem] {
        let fileIndex = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = problems.enumerated().map { k, p in
            (file: fileIndex[p.location.file] ?? -1, line: p.location.line, column: p.location.column, k: k)
        }
        return keys.sorted { a, b in (a.file, a.line, a.column, a.k) < (b.file, b.line, b.column, b.k) }.map { problems[$0.k] }
    }

    /// Parses dataset JSON held in memory; documents are read relative to `directory`.
    public static func check(json bytes: [UInt8], file: String, directory: String) -> (Catalog?, [DataProblem]) {
        let log = ProblemLog()
        guard let draft = decode(bytes, file: file, directory: directory, log: log) else { return (nil, inFileOrder(log.problems, files: [file])) }
        let catalog = CatalogBuilder(log: log).build([draft])
        return (log.isEmpty ? catalog : nil, inFileOrder(log.problems, files: [file]))
    }

    static func datasetFiles(path: String?, log: ProblemLog) -> [String] {
        guard let path else {
            if let bundled = BundledData.datasetPath { return [bundled] }
            log.add(SourceLocation(file: BundledData.datasetName, line: 0, column: 0), "the bundled data cannot be found", fix: "run dealscope from its source tree, or pass --data PATH")
            return []
        }
        guard FileAccess.exists(path) else {
            log.add(SourceLocation(file: path, line: 0, column: 0), "cannot read the dataset: no such file or directory", fix: "check the spelling of the path, or give a dataset file (*.json) or a directory of them")
            return []
        }
        guard FileAccess.isDirectory(path) else { return [path] }
        let files = FileAccess.list(path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") && !$0.hasPrefix(".") }
            .map { FileAccess.join(path, $0) }
        if files.isEmpty {
            log.add(SourceLocation(file: path, line: 0, column: 0), "the directory holds no dataset (*.json) files", fix: "put dataset files in it, or pass one file")
        }
        return files
    }

    static func decodeFile(_ file: String, rules: FileRules, log: ProblemLog) -> DatasetDraft? {
        switch FileAccess.read(file, rules: rules) {
        case .failure(let f):
            log.add(unreadable(file, f))
            return nil
        case .success(let bytes):
            return decode(bytes, file: file, directory: FileAccess.directory(of: file), log: log)
        }
    }

    static func unreadable(_ file: String, _ f: FileAccess.Failure) -> DataProblem {
        let fix = if case .notRegular = f { "pass a dataset file (*.json) or a directory of them" } else { f.fix ?? "check the path and its permissions" }
        return DataProblem(SourceLocation(file: file, line: 0, column: 0), "cannot read the dataset: \(f.message)", fix: fix)
    }

    static func decode(_ bytes: [UInt8], file: String, directory: String, log: ProblemLog) -> DatasetDraft? {
        let lines = LineMap(file: file, bytes: bytes)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            log.add(SourceLocation(file: file, line: 0, column: 0), "the file is empty", fix: "write a dataset: { \"dealscope\": 1, \"documents\": [ … ], … } (see docs/data-format.md)")
            return nil
        }
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            log.add(lines.location(bad), "byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad) is not UTF-8", fix: "save the file as UTF-8")
            return nil
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            log.add(lines.location(error.offset), "malformed JSON: \(error.message)", fix: "correct the JSON syntax at that place")
            return nil
        }
        return DatasetDecoder(lines: lines, log: log).decode(root, file: file, directory: directory)
    }
}
