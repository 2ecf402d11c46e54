import ArgumentParser
import DealModel
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the whole loaded dataset as JSON, CSV or Markdown.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, markdown
    }

    @Option(name: .long, help: "json (top-level partners, deals, events), csv (one row per record) or markdown.")
    var format: Format = .json
    @Flag(name: .long, help: "CSV: every cell exactly as in the data (no formula guard, control characters as they are); not to a terminal.")
    var raw = false
    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if raw && format != .csv { throw ValidationError("--raw applies to --format csv only") }
        if raw && isatty(1) == 1 {
            throw ValidationError("--raw writes control characters as they are, which a terminal would obey; redirect the output to a file")
        }
    }

    func run() throws {
        let catalog = try dataOptions.load()
        switch format {
        case .json: Out.print(catalog.exportJSON().render())
        case .csv: emit(CSVExport(catalog: catalog, raw: raw).lines())
        case .markdown: emit(MarkdownExport(catalog: catalog).lines())
        }
    }
}
