import ArgumentParser
import DealModel
import TerminalText

/// Which files may be read: `FileRules` from the command line.
struct FileOptions: ParsableArguments {
    @Flag(name: .long, help: "Read documents wherever their \"path\" leads, not only under the dataset file's directory.")
    var allowOutsideDocuments = false

    @Option(name: .long, help: ArgumentHelp("The largest dataset file or document to read, such as 2G or 800M (default 1G; at most 4G).", valueName: "size"))
    var maxFileSize: String?

    func validate() throws {
        guard let maxFileSize else { return }
        guard let size = FileRules.parseSize(maxFileSize), size > 0 else {
            throw ValidationError("--max-file-size takes a size such as 2G, 800M or a number of bytes")
        }
        if size > FileRules.largestReadable + 1 {
            throw ValidationError("--max-file-size can be at most 4G: places in a file are 32-bit numbers")
        }
    }

    var rules: FileRules {
        FileRules(maximumSize: maxFileSize.flatMap(FileRules.parseSize) ?? FileRules.defaultMaximumSize, documentsAnywhere: allowOutsideDocuments)
    }

    /// The options as given, to repeat in a hint.
    var arguments: String {
        (allowOutsideDocuments ? " --allow-outside-documents" : "") + (maxFileSize.map { " --max-file-size " + $0 } ?? "")
    }
}

struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A dataset file, a directory of datasets, or an article (a text file, drafted in memory) (default: the bundled article).", valueName: "path"))
    var data: String?
    @OptionGroup var files: FileOptions

    var rules: FileRules { files.rules }

    /// Loads the data (an article is drafted in memory), or exits 65 with the first
    /// problem (and how many more there are).
    func load() throws -> Catalog {
        if let data, Drafting.isArticle(data) { return try Drafting.open(data) }
        do {
            return try DatasetLoader.load(path: data, rules: rules)
        } catch {
            throw report(error)
        }
    }

    /// Prints the first problem of a failed load (and how many more there are, when
    /// that is known: a load stops at the first problem it finds) and gives the exit
    /// code for it.
    func report(_ error: DataLoadError) -> ExitCode { Self.report(error, path: data, arguments: files.arguments) }

    /// `option`: an option other than --data that named `path`, said first;
    /// `arguments`: the file options given, repeated in the hint.
    static func report(_ error: DataLoadError, path: String?, option: String? = nil, arguments: String = "") -> ExitCode {
        let problems = error.problems
        if let first = problems.first {
            Out.error("dealscope: " + (option.map { $0 + ": " } ?? "") + first.description)
        }
        let validate = "`dealscope validate\(path.map { " " + Sanitizer.line($0) } ?? "")\(arguments)`"
        if !error.complete {
            Out.error("(there may be more problems: \(validate) lists them all)")
        } else if problems.count > 1 {
            Out.error("(and \(problems.count - 1) more problem\(problems.count == 2 ? "" : "s"); \(validate) lists them all)")
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
