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

    func run() throws {
        let target = path ?? data
        let (catalog, problems) = DatasetLoader.check(path: target, rules: files.rules, snapshots: false)
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
}
