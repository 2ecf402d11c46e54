/// Loads datasets from a file or a directory into a checked `Catalog`.
public enum DatasetLoader {
    /// Loads `path` (a dataset file or a directory of them), or the bundled data when
    /// nil. Throws every problem found.
    /// `saveSnapshot: false` leaves saving to the caller (`saveSnapshot(_:path:)`), as
    /// the explorer does once the data is on screen.
    public static func load(path: String?, saveSnapshot: Bool = true, progress: ProgressHandler? = nil) throws(DataLoadError) -> Catalog {
        let (catalog, problems) = check(path: path, fast: true, snapshots: true, saveSnapshot: saveSnapshot, progress: progress)
        if let catalog, problems.isEmpty { return catalog }
        throw DataLoadError(problems: problems)
    }

    /// Loads and checks everything it can, returning all problems rather than the first.
    /// `snapshots: false` reads the dataset itself even when a snapshot of it holds
    /// (`validate` does), and saves none.
    public static func check(path: String?, snapshots: Bool = true, progress: ProgressHandler? = nil) -> (Catalog?, [DataProblem]) {
        check(path: path, fast: true, snapshots: snapshots, progress: progress)
    }

    /// `fast: false` skips the snapshot and the fast path (tests compare the paths).
    static func check(path: String?, fast: Bool, snapshots: Bool = false, saveSnapshot: Bool = true, progress: ProgressHandler? = nil) -> (Catalog?, [DataProblem]) {
        MallocPolicy.apply()
        let log = ProblemLog()
        let files = datasetFiles(path: path, log: log)
        // One file of plain, valid data takes the fast path (or its snapshot, when one
        // holds); anything else, or any doubt, the careful one below.
        if fast, files.count == 1, log.isEmpty {
            let file = files[0]
            if snapshots {
                do {
                    let catalog = try Snapshot.attempt(dataset: file)
                    progress?(LoadProgress(phase: "done", fraction: 1))
                    return (catalog, [])
                } catch {
                    LoadTrace.say("snapshot not used: \(error.reason)")
                }
            }
            var fastCatalog: Catalog?
            do { fastCatalog = try FastLoad.attempt(file: file, progress: progress) } catch { LoadTrace.say("fast path left: \(error.reason)") }
            if let catalog = fastCatalog {
                if snapshots && saveSnapshot {
                    progress?(LoadProgress(phase: "saving a snapshot for next time", fraction: 0.95))
                    Self.saveSnapshot(catalog, path: file)
                }
                progress?(LoadProgress(phase: "done", fraction: 1))
                return (catalog, [])
            }
        }
        var drafts: [DatasetDraft] = []
        for (n, file) in files.enumerated() {
            progress?(LoadProgress(phase: "reading and parsing", fraction: 0.4 * Double(n) / Double(max(1, files.count))))
            if let d = decodeFile(file, log: log) { drafts.append(d) }
        }
        progress?(LoadProgress(phase: "checking and locating quotes", fraction: 0.4))
        if drafts.isEmpty && log.isEmpty {
            log.add(SourceLocation(file: path ?? "", line: 0, column: 0), "no dataset found", fix: "pass a dataset file (*.json) or a directory that holds them")
        }
        let catalog = drafts.isEmpty ? nil : CatalogBuilder(log: log, progress: progress).build(drafts)
        progress?(LoadProgress(phase: "done", fraction: 1))
        return (log.isEmpty ? catalog : nil, inFileOrder(log.problems, files: files))
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
    static func inFileOrder(_ problems: [DataProblem], files: [String]) -> [DataProblem] {
        problems.enumerated().sorted { a, b in
            let fa = files.firstIndex(of: a.element.location.file) ?? -1
            let fb = files.firstIndex(of: b.element.location.file) ?? -1
            if fa != fb { return fa < fb }
            let la = a.element.location, lb = b.element.location
            if la.line != lb.line { return la.line < lb.line }
            if la.column != lb.column { return la.column < lb.column }
            return a.offset < b.offset
        }.map(\.element)
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

    static func decodeFile(_ file: String, log: ProblemLog) -> DatasetDraft? {
        switch FileAccess.read(file) {
        case .failure(let f):
            log.add(SourceLocation(file: file, line: 0, column: 0), "cannot read the dataset: \(f.message)", fix: "check the path and its permissions")
            return nil
        case .success(let bytes):
            return decode(bytes, file: file, directory: FileAccess.directory(of: file), log: log)
        }
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
