/// The fast way in for one dataset file: straight from bytes to columns, with no
/// JSON tree and no record structs. It accepts only data the careful loader would
/// accept without a word; at the first doubt it returns nil, and the careful loader
/// reads the file again and reports every problem with its line and column.
enum FastLoad {
    static func load(file: String, progress: ProgressHandler? = nil) -> Catalog? {
        try? attempt(file: file, progress: progress)
    }

    /// The same, saying why the fast path was left.
    static func attempt(file: String, progress: ProgressHandler? = nil) throws(FastPathExit) -> Catalog {
        progress?(LoadProgress(phase: "reading and parsing", fraction: 0))
        let dataset: FastDataset
        do {
            // The file's bytes are let go as soon as they are decoded.
            guard case .success(let bytes) = FileAccess.read(file) else { throw FastPathExit("unreadable") }
            dataset = try bytes.withUnsafeBufferPointer { b throws(FastPathExit) in try FastDecoder(file: file).decode(b) }
        }
        return try FastResolver(file: file, directory: FileAccess.directory(of: file), progress: progress).build(dataset)
    }
}
