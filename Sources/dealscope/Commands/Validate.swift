import ArgumentParser
import DealModel
import TerminalText

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a dataset and list every problem, each with where it is and how to fix it.")

    @Argument(help: ArgumentHelp("A dataset file or a directory of datasets (default: the bundled data).", valueName: "path"))
    var path: String?
    @Option(name: .long, help: .hidden)
    var data: String?
    @OptionGroup var files: FileOptions
    @Flag(name: .long, help: "Print the problems as a JSON array (file, line, column, record, message, fix); [] when there are none.")
    var json = false

    func run() throws {
        let target = path ?? data
        if let target, Drafting.isArticle(target) {
            Out.error("dealscope: \(Sanitizer.line(target)) is an article, not a dataset\n  fix: `dealscope draft \(Sanitizer.line(target))` proposes a dataset from it")
            throw ExitCode(Exit.data)
        }
        let (catalog, problems) = DatasetLoader.check(path: target, rules: files.rules, snapshots: false)
        if json {
            Out.print(JSONOut.array(problems.map(Self.json)).render())
            if !problems.isEmpty { throw ExitCode(Exit.data) }
            return
        }
        if let catalog, problems.isEmpty {
            let quotes = catalog.partners.reduce(0) { $0 + $1.evidence.count + $1.products.reduce(0) { $0 + $1.evidence.count } }
                + catalog.deals.reduce(0) { $0 + $1.evidence.count } + catalog.events.reduce(0) { $0 + $1.evidence.count }
            Out.print("ok: \(catalog.partners.count) partners, \(catalog.deals.count) deals, \(catalog.events.count) events; \(quotes) quotes each found once in \(catalog.documents.count) document\(catalog.documents.count == 1 ? "" : "s")")
            return
        }
        Out.errors(problems.lazy.map(\.description))
        Out.error("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        throw ExitCode(Exit.data)
    }

    /// One problem for scripts; a place without a line or column has null there.
    static func json(_ p: DataProblem) -> JSONOut {
        .object([("file", .string(p.location.file)), ("line", p.location.line > 0 ? .int(p.location.line) : .null),
                 ("column", p.location.column > 0 ? .int(p.location.column) : .null), ("record", .optional(p.record)),
                 ("message", .string(p.message)), ("fix", .optional(p.fix))])
    }
}
