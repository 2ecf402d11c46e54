import ArgumentParser
import DealDrafting
import DealModel
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

struct Draft: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose a dataset from news articles, every record marked as a draft.",
        discussion: """
            One article without --out prints its dataset to standard output. --out FILE writes \
            it there; --out DIR (an existing directory, a path ending in /, or any --out with \
            several articles) writes ID.dealscope.json in it for each article; several articles \
            without --out are written next to each article. Articles drafted together share one \
            id per partner and per deal, so `--data DIR` loads them as one picture. An existing \
            file is never replaced without --force.
            """)

    @Argument(help: ArgumentHelp("Article files: UTF-8 text, optionally opening with Title:, Publisher:, URL: and Published: lines.", valueName: "article"))
    var articles: [String] = []
    @Option(name: .long, help: ArgumentHelp("The articles' publication date (YYYY, YYYY-MM or YYYY-MM-DD), over their Published: line.", valueName: "date"))
    var published: String?
    @Option(name: .customLong("with"), help: ArgumentHelp("A dataset (or directory) whose partners, aliases and products the drafter should know. Repeatable.", valueName: "dataset"))
    var known: [String] = []
    @Option(name: .long, help: ArgumentHelp("Where to write: a file (one article) or a directory.", valueName: "file|dir"))
    var out: String?
    @Flag(name: .long, help: "Replace existing output files.")
    var force = false
    @Flag(name: .long, help: "Print a JSON summary of what was written (with --out, or several articles).")
    var json = false

    func run() throws {
        guard !articles.isEmpty else {
            Out.error("dealscope: draft needs at least one article file: dealscope draft ARTICLE.txt [--out FILE|DIR]")
            throw ExitCode(Exit.usage)
        }
        if json && out == nil && articles.count == 1 {
            Out.error("dealscope: draft --json needs --out FILE (without it the dataset itself goes to standard output)")
            throw ExitCode(Exit.usage)
        }
        let date = try publishedDate()
        let targets = try destinations()
        let drafter = try Drafting.drafter(with: known)
        let read = try Drafting.read(articles, published: date)
        if let dir = outDirectory { try makeDirectory(dir) }
        // Half the bar for analysing the articles (on every core), half for writing.
        let progress = ProgressBar(label: "drafting", total: 2 * read.count)
        var written: [JSONOut] = []
        var failure: Error?
        drafter.draft(count: read.count, article: { progress.step(); return read[$0] }) { i, draft in
            progress.step()
            guard failure == nil else { return }
            do { written.append(try write(draft, to: targets[i], progress)) } catch { failure = error }
        }
        progress.finish()
        if let failure { throw failure }
        if json { Out.print(JSONOut.array(written).render()) }
    }

    /// One dataset, to its file or standard output; its summary.
    private func write(_ draft: ArticleDraft, to target: String?, _ progress: ProgressBar) throws -> JSONOut {
        // Loaded from beside the article (as a dataset there would be); the writer then
        // gives the document's path relative to where the dataset goes.
        let directory = FilePaths.directory(of: draft.document.path ?? ".")
        let catalog = try Drafting.reporting { try Drafting.catalog(draft, title: Drafting.title(draft), directory: directory) }
        Drafting.warnings(draft).forEach(progress.say)
        try DatasetExport(catalog: catalog, selection: DatasetWriter.Selection(all: catalog)).write(to: target)
        let what = "\(draft.partners.count) partners, \(draft.deals.count) deals, \(draft.events.count) events"
        let article = draft.document.path ?? draft.document.id
        if let target { progress.say("dealscope: \(Sanitizer.line(article)) → \(Sanitizer.line(target)): \(what), all drafts to review") }
        return .object([("article", .string(article)), ("output", .optional(target)), ("partners", .int(draft.partners.count)),
                        ("deals", .int(draft.deals.count)), ("events", .int(draft.events.count)), ("notes", .int(draft.notes.count))])
    }

    private func publishedDate() throws -> DraftDate? {
        guard let published else { return nil }
        guard let d = DraftDate.parse(published), !published.hasPrefix("~"), d.half == nil, d.quarter == nil else {
            Out.error("dealscope: --published \(Sanitizer.line(published)) is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
            throw ExitCode(Exit.usage)
        }
        return d
    }

    /// The file each article's dataset goes to (nil: standard output), checked before
    /// anything is drafted: no existing file is replaced without --force.
    private func destinations() throws -> [String?] {
        // Named by the document ids the drafter will give, known before drafting.
        let names = DraftDataset.documentIDs(paths: articles).map { $0 + ".dealscope.json" }
        let targets: [String?] =
            if let dir = outDirectory { names.map { joinPath(dir, $0) } }
            else if let out { [out] }
            else if articles.count == 1 { [nil] }
            else { zip(articles, names).map { joinPath(FilePaths.directory(of: $0), $1) } }
        let existing = targets.compactMap { $0 }.filter(FileProbe.exists)
        if !force && !existing.isEmpty {
            for path in existing { Out.error("dealscope: \(Sanitizer.line(path)) exists; pass --force to replace it, or choose another --out") }
            throw ExitCode(Exit.cannotWrite)
        }
        return targets
    }

    /// `--out` as a directory: an existing one, a path ending in "/", or any `--out`
    /// with several articles (made when the articles have been read).
    private var outDirectory: String? {
        guard let out, FileProbe.isDirectory(out) || out.hasSuffix("/") || articles.count > 1 else { return nil }
        return out
    }

    private func makeDirectory(_ path: String) throws {
        guard !FileProbe.isDirectory(path) else { return }
        if mkdir(path, 0o777) != 0 {
            let reason = String(cString: strerror(errno))
            Out.error("dealscope: cannot make the directory \(Sanitizer.line(path)): \(reason)\n  fix: create its parent directory, or choose another --out")
            throw ExitCode(Exit.cannotWrite)
        }
    }
}
