/// The fast way in for one dataset file: straight from bytes to columns, with no
/// JSON tree and no record structs. It accepts only data the careful loader would
/// accept without a word; at the first doubt it returns nil, and the careful loader
/// reads the file again and reports every problem with its line and column.
enum FastLoad {
    static func load(file: String, progress: ProgressHandler? = nil, readAheadFrom: Int = FastDecoder.readAheadSize, readAheadWaits: Bool = false) -> Catalog? {
        try? attempt(file: file, progress: progress, readAheadFrom: readAheadFrom, readAheadWaits: readAheadWaits)
    }

    /// The same, saying why the fast path was left.
    /// `readAheadFrom`: the file size from which events are read on another thread
    /// (tests set it to 0, and `readAheadWaits` so that what is read ahead is used).
    static func attempt(file: String, progress: ProgressHandler? = nil, readAheadFrom: Int = FastDecoder.readAheadSize,
                        readAheadWaits: Bool = false) throws(FastPathExit) -> Catalog {
        progress?(LoadProgress(phase: "reading and parsing", fraction: 0))
        // Taken before reading: a snapshot is saved only if the file is still this one.
        let key = Snapshot.FileKey(path: file)
        let dataset: FastDataset
        let directory = FileAccess.directory(of: file)
        // Documents are read and prepared on another thread while records are decoded.
        let prep = DocumentPrep()
        do {
            // The file is mapped, read once, and let go as it is decoded.
            guard let mapped = MappedFile(path: file) else { throw FastPathExit("unreadable") }
            var decoder = FastDecoder(file: file, mapped: mapped, readAheadFrom: readAheadFrom, readAheadWaits: readAheadWaits)
            decoder.documentsRead = { prep.start($0, directory: directory) }
            dataset = try decoder.decode(mapped.bytes)
        }
        progress?(LoadProgress(phase: "reading documents", fraction: 0.4))
        guard let prepared = prep.wait() else { throw FastPathExit("document unusable") }
        let catalog = try FastResolver(file: file, directory: directory, progress: progress).build(dataset, prepared)
        catalog.datasetKey.value = key
        return catalog
    }
}
