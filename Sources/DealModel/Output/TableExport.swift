/// CSV or Markdown of the records a query shows. The CLI's `export --format csv|markdown`
/// and the explorer's `:export FILE.csv|md` both write through it, so the same filter
/// gives the same bytes.
public struct TableExport: Sendable {
    public enum Format: Sendable {
        /// `raw`: every cell exactly as in the data (CSVExport says why not by default).
        case csv(raw: Bool)
        case markdown
    }

    /// The records shown: the dataset the JSON export of the same query writes, loaded
    /// (the whole catalog when nothing is filtered).
    public let catalog: Catalog

    public init(_ catalog: Catalog, matching query: DealQuery) throws(DataLoadError) {
        self.catalog = query.isEmpty ? catalog : try catalog.subset(DatasetWriter.Selection(catalog, matching: query))
    }

    public func lines(_ format: Format) -> [String] {
        switch format {
        case .csv(let raw): CSVExport(catalog: catalog, raw: raw).lines()
        case .markdown: MarkdownExport(catalog: catalog).lines()
        }
    }

    /// The file's bytes: the lines, each ended by a line feed.
    public func bytes(_ format: Format) -> [UInt8] { Array((lines(format).joined(separator: "\n") + "\n").utf8) }
}
