import DealModel

/// What `:export FILE` writes: the records a query shows as a dataset (`.json`, which
/// loads back), CSV or Markdown (`TableExport`, as `dealscope export --format`),
/// atomically.
struct ViewExport {
    enum Format {
        case json, csv, markdown

        /// By the file's extension; nil for any other.
        init?(path: String) {
            let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
            if name.hasSuffix(".json") { self = .json } else if name.hasSuffix(".csv") { self = .csv } else if name.hasSuffix(".md") || name.hasSuffix(".markdown") { self = .markdown } else { return nil }
        }
    }

    /// How many records a file holds.
    struct Counts: Equatable { var deals, partners, events: Int }

    let catalog: Catalog
    let query: DealQuery

    init(_ catalog: Catalog, matching query: DealQuery) {
        self.catalog = catalog
        self.query = query
    }

    /// Writes the file; the error (an `AtomicFile.Failure`, or a `DataLoadError` when
    /// the records shown do not load as a dataset) says why not and what to do.
    func write(_ format: Format, to path: String, replacing: Bool) throws -> Counts {
        switch format {
        case .json:
            let selection = DatasetWriter.Selection(catalog, matching: query)
            let writer = DatasetWriter(catalog: catalog, selection: selection, directory: FilePaths.directory(of: path))
            try AtomicFile.write(path, replacing: replacing) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in
                try writer.write(failing: emit)
            }
            return Counts(deals: selection.deals.count, partners: selection.partners.count, events: selection.events.count)
        case .csv, .markdown:
            let table = try TableExport(catalog, matching: query)
            let bytes = table.bytes(format == .csv ? .csv(raw: false) : .markdown)
            try AtomicFile.write(path, replacing: replacing) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in try emit(bytes) }
            return Counts(deals: table.catalog.deals.count, partners: table.catalog.partners.count, events: table.catalog.events.count)
        }
    }
}
