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
        var written = selection
        switch format {
        case .json: try DatasetExport(catalog: loaded, selection: selection).write(to: output)
        case .csv, .markdown:
            let table = try table(loaded, query)
            try write(table.bytes(format == .csv ? .csv(raw: raw) : .markdown), loadedFrom: loaded)
            written = DatasetWriter.Selection(all: table.catalog)
        }
        if json, let output {
            Out.print(JSONOut.object([("output", .string(output)), ("format", .string(format.rawValue)), ("partners", .int(written.partners.count)),
                                      ("deals", .int(written.deals.count)), ("events", .int(written.events.count))]).render())
        }
    }

    private func table(_ catalog: Catalog, _ query: DealQuery) throws -> TableExport {
        do { return try TableExport(catalog, matching: query) } catch { throw dataOptions.report(error) }
    }

    private func write(_ bytes: [UInt8], loadedFrom loaded: Catalog) throws {
        guard let output else { return Out.write(1, String(decoding: bytes, as: UTF8.self)) }
        try DatasetExport.save(output, loadedFrom: loaded) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in try emit(bytes) }
    }
}
