import ArgumentParser
import DealModel
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the loaded data, or the part a filter shows, as a dataset (JSON), CSV or Markdown.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, markdown
    }

    @Option(name: .long, help: "json (a dataset in the documented format, which loads back), csv (one row per record) or markdown.")
    var format: Format = .json
    @Flag(name: .long, help: "CSV: every cell exactly as in the data (no formula guard, control characters as they are); not to a terminal.")
    var raw = false
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var filters: FilterOptions
    @Option(name: .long, help: ArgumentHelp("Write to this file, atomically, instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(name: .long, help: "With --output, print a JSON summary of what was written.")
    var json = false

    func validate() throws {
        if raw && format != .csv { throw ValidationError("--raw applies to --format csv only") }
        if raw && output == nil && isatty(1) == 1 {
            throw ValidationError("--raw writes control characters as they are, which a terminal would obey; redirect the output to a file")
        }
    }

    func run() throws {
        if json && output == nil {
            Out.error("dealscope: export --json needs --output FILE (without it the export itself goes to standard output)")
            throw ExitCode(Exit.usage)
        }
        let loaded = try dataOptions.load()
        let query = try filters.query(in: loaded)
        let selection = DatasetWriter.Selection(loaded, matching: query)
        // CSV and Markdown of a filtered view: the dataset the JSON export writes, loaded.
        let catalog = query.isEmpty || format == .json ? loaded : try subset(loaded, selection)
        switch format {
        case .json: try DatasetExport(catalog: catalog, selection: selection).write(to: output)
        case .csv: try write(CSVExport(catalog: catalog, raw: raw).lines(), loadedFrom: loaded)
        case .markdown: try write(MarkdownExport(catalog: catalog).lines(), loadedFrom: loaded)
        }
        if json, let output {
            let all = DatasetWriter.Selection(all: catalog), written = format == .json ? selection : all
            Out.print(JSONOut.object([("output", .string(output)), ("format", .string(format.rawValue)), ("partners", .int(written.partners.count)),
                                      ("deals", .int(written.deals.count)), ("events", .int(written.events.count))]).render())
        }
    }

    private func subset(_ catalog: Catalog, _ selection: DatasetWriter.Selection) throws -> Catalog {
        do { return try catalog.subset(selection) } catch { throw dataOptions.report(error) }
    }

    private func write(_ lines: [String], loadedFrom loaded: Catalog) throws {
        guard let output else { return emit(lines) }
        try DatasetExport.save(output, loadedFrom: loaded) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in
            try emit(Array((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}
