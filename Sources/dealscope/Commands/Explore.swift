import ArgumentParser
import DealModel
import ExplorerCore
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the full-screen explorer (the default).")

    @Argument(help: ArgumentHelp("An article (a text file, drafted in memory) or a dataset to explore; the same as --data PATH.", valueName: "path"))
    var path: String?
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var partners: PartnerOptions
    @Flag(name: .long, help: "Never use colour; bold, reverse and underline still mark the screen.")
    var noColor = false
    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        // A config file's problems are told before anything else, each with its line.
        let config = try configOptions.load()
        if path != nil && dataOptions.data != nil {
            Out.error("dealscope: give the data once: as PATH or as --data PATH")
            throw ExitCode(Exit.usage)
        }
        if let path = self.path, !FileProbe.exists(path) {
            // Most likely a misspelt subcommand ("dealscope partner").
            let names = Dealscope.configuration.subcommands.map { $0._commandName }
            let hint = Suggest.closest(to: path, among: names).map { " (did you mean `dealscope \($0)`?)" } ?? ""
            Out.error("dealscope: \(Sanitizer.line(path)): no such file or subcommand\(hint)")
            throw ExitCode(Exit.usage)
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        let reason: String? =
            isatty(1) != 1 ? "standard output is not a terminal"
            : isatty(0) != 1 ? "standard input is not a terminal"
            : term.isEmpty ? "TERM is not set"
            : term == "dumb" ? "TERM is \"dumb\""
            : nil
        if let reason {
            Out.error("dealscope: the explorer needs a terminal (\(reason)); for text output use `dealscope partners`, `deals`, `timeline` or `show ID` (see `dealscope --help`)")
            throw ExitCode(Exit.noTerminal)
        }
        // The explorer opens at once and loads the data in the background; problems
        // with the data or --partner are reported after the terminal is restored.
        let path = self.path ?? dataOptions.data, rules = dataOptions.rules
        let partners = self.partners
        let label = path.map(baseName) ?? "the bundled article"
        if let path, Drafting.isArticle(path) { return try explore(article: path, config: config) }
        do {
            // A snapshot for next time is saved once the data is on screen.
            try launchExplorer(label: label, noColor: noColor, config: config, load: { progress in
                let catalog = try DatasetLoader.load(path: path, rules: rules, saveSnapshot: false, progress: progress)
                return (catalog, try partners.ids(in: catalog))
            }, afterward: { catalog in DatasetLoader.saveSnapshot(catalog, path: path) })
        } catch let error as DataLoadError {
            throw DataOptions.report(error, path: path)
        } catch let error as Catalog.LookupError {
            throw lookupFailed(error)
        }
    }

    /// An article: read (and refused) before the terminal is taken, drafted in memory
    /// while the explorer opens, its title saying it is a draft not saved.
    private func explore(article path: String, config: Config) throws {
        let article = try Drafting.read([path])[0]
        let partners = self.partners
        do {
            try Drafting.reporting {
                try launchExplorer(label: "draft of " + baseName(path), noColor: noColor, config: config, load: { _ in
                    let catalog = try Drafting.inMemory(article)
                    return (catalog, try partners.ids(in: catalog))
                })
            }
        } catch let error as Catalog.LookupError {
            throw lookupFailed(error)
        }
    }

    private func lookupFailed(_ error: Catalog.LookupError) -> ExitCode {
        Out.error("dealscope: " + Sanitizer.line(error.description))
        return ExitCode(Exit.usage)
    }
}
