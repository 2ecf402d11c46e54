import ArgumentParser
import DealModel
import TerminalText

struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A dataset file, a directory of datasets, or an article (a text file, drafted in memory) (default: the bundled article).", valueName: "path"))
    var data: String?

    /// Loads the data (an article is drafted in memory), or exits 65 with the first
    /// problem (and how many more there are).
    func load() throws -> Catalog {
        if let data, Drafting.isArticle(data) { return try Drafting.open(data) }
        do {
            return try DatasetLoader.load(path: data)
        } catch {
            throw report(error)
        }
    }

    /// Prints the first problem of a failed load (and how many more there are) and
    /// gives the exit code for it.
    func report(_ error: DataLoadError) -> ExitCode { Self.report(error, path: data) }

    /// `option`: an option other than --data that named `path`, said first.
    static func report(_ error: DataLoadError, path: String?, option: String? = nil) -> ExitCode {
        let problems = error.problems
        if let first = problems.first {
            Out.error("dealscope: " + (option.map { $0 + ": " } ?? "") + Sanitizer.block(first.description))
        }
        if problems.count > 1 {
            Out.error("(and \(problems.count - 1) more problem\(problems.count == 2 ? "" : "s"); `dealscope validate\(path.map { " " + Sanitizer.line($0) } ?? "")` lists them all)")
        }
        return ExitCode(Exit.data)
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON with stable field names instead of a table.")
    var json = false

    @Flag(name: .long, help: "Never use colour or text attributes (NO_COLOR is honoured too).")
    var noColor = false

    var console: Console { Console.stdout(noColor: noColor) }
}

struct PartnerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only records involving this partner: an id, name, alias or product. Repeat it for the records between several partners.", valueName: "partner"))
    var partner: [String] = []

    @Flag(name: .long, help: "With several --partner, keep records involving any of them rather than all of them.")
    var any = false

    /// Partner ids, or a `LookupError` naming the closest known partner (nothing printed).
    func ids(in catalog: Catalog) throws(Catalog.LookupError) -> [String] {
        var ids: [String] = []
        for query in partner {
            switch catalog.lookupPartner(query) {
            case .success(let i): ids.append(catalog.partners[i].id)
            case .failure(let e): throw e
            }
        }
        return ids
    }

    /// Partner ids, or a usage error naming the closest known partner.
    func resolve(in catalog: Catalog) throws -> [String] {
        try partner.map { query in
            switch catalog.lookupPartner(query) {
            case .success(let i): return catalog.partners[i].id
            case .failure(let e):
                Out.error("dealscope: " + Sanitizer.line(e.description))
                throw ExitCode(Exit.usage)
            }
        }
    }
}

func parseDate(_ text: String?, option: String) throws -> PartialDate? {
    guard let text else { return nil }
    switch PartialDate.parse(text) {
    case .success(let d): return d
    case .failure(let e):
        Out.error("dealscope: \(option): " + Sanitizer.line(e.description))
        throw ExitCode(Exit.usage)
    }
}

func emit(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    Out.print(lines.joined(separator: "\n"))
}

/// `--from` after `--to` is a usage error, not an empty result.
func checkRange(_ q: DealQuery) throws {
    if let from = q.from, let to = q.to, from.earliestDay > to.latestDay {
        Out.error("dealscope: --from \(from.iso) is after --to \(to.iso); swap them")
        throw ExitCode(Exit.usage)
    }
}
