/// The fast way in for one dataset file: straight from bytes to columns, with no
/// JSON tree and no record structs. It accepts only data the careful loader would
/// accept without a word; at the first doubt while decoding it returns nil, and the
/// careful loader reads the file again and reports every problem with its line and
/// column. Problems of joining the records it can report itself (`FastReport`).
enum FastLoad {
    static func load(file: String, rules: FileRules = .standard, progress: ProgressMeter? = nil, readAheadFrom: Int = FastDecoder.readAheadSize,
                     readAheadWaits: Bool = false) -> Catalog? {
        try? attempt(file: file, rules: rules, progress: progress, readAheadFrom: readAheadFrom, readAheadWaits: readAheadWaits)
    }

    /// The same, saying why the fast path was left.
    /// `report`: how many problems to gather and report (in the `FastPathExit`), if
    /// the file decodes without a doubt (nil: none, leave at the first).
    /// `readAheadFrom`: the file size from which events are read on another thread
    /// (tests set it to 0, and `readAheadWaits` so that what is read ahead is used).
    static func attempt(file: String, rules: FileRules = .standard, progress: ProgressMeter? = nil, report: Int? = nil,
                        readAheadFrom: Int = FastDecoder.readAheadSize, readAheadWaits: Bool = false) throws(FastPathExit) -> Catalog {
        progress?.phase("reading and parsing", 0, until: 0.4)
        // Taken before reading: a snapshot is saved only if the file is still this one.
        let key = Snapshot.FileKey(path: file)
        let dataset: FastDataset
        let directory = FileAccess.directory(of: file)
        // Documents are read and prepared on another thread while records are decoded.
        let prep = DocumentPrep()
        // The file is mapped, read once, and let go as it is decoded; kept mapped to
        // place the problems found afterwards, if any.
        guard let mapped = MappedFile(path: file, rules: rules) else { throw FastPathExit("unreadable") }
        defer { withExtendedLifetime(mapped) {} }
        let size = mapped.bytes.count
        if let progress { mapped.onRead = { progress.advance($0, of: size) } }
        var decoder = FastDecoder(file: file, mapped: mapped, readAheadFrom: readAheadFrom, readAheadWaits: readAheadWaits)
        decoder.documentsRead = { prep.start($0, directory: directory, rules: rules) }
        let decoded = Result { () throws(FastPathExit) in try decoder.decode(mapped.bytes) }
        mapped.drop(0..<size)
        // Read while it was being rewritten: whatever was decoded is not the file.
        if mapped.changed {
            _ = prep.wait()
            throw changed(file)
        }
        dataset = try decoded.get()
        progress?.phase("reading documents", 0.4)
        guard let prepared = prep.wait() else {
            throw FastPathExit("document unusable", problems: prep.changed.withLock { $0 }.map { [$0] } ?? [])
        }
        var resolver = FastResolver(file: file, directory: directory, progress: progress)
        if let report { resolver.report = (FastReport(limit: report), RecordText(bytes: mapped.bytes, read: { mapped.drop($0) })) }
        do {
            // Handed over, not copied: the resolver lets go of each column once used.
            let catalog = try resolver.build(consume dataset, consume prepared)
            catalog.datasetKey.value = key
            return catalog
        } catch {
            // Problems placed in a file that changed meanwhile may be placed wrong.
            if !error.problems.isEmpty && mapped.changed { throw changed(file) }
            throw error
        }
    }

    private static func changed(_ file: String) -> FastPathExit {
        FastPathExit("the dataset changed", problems: [DatasetLoader.unreadable(file, .changed)])
    }
}
