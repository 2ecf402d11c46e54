import ArgumentParser
import DealModel
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the full-screen explorer (the default).")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var partners: PartnerOptions
    @Flag(name: .long, help: "Never use colour; bold, reverse and underline still mark the screen.")
    var noColor = false
    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        // A config file's problems are told before anything else, each with its line.
        let config = try configOptions.load()
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
        let path = dataOptions.data, rules = dataOptions.rules
        let partners = self.partners
        let label = path.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "the bundled article"
        do {
            // A snapshot for next time is saved once the data is on screen.
            try launchExplorer(label: label, noColor: noColor, config: config, load: { progress in
                let catalog = try DatasetLoader.load(path: path, rules: rules, saveSnapshot: false, progress: progress)
                return (catalog, try partners.ids(in: catalog))
            }, afterward: { catalog in DatasetLoader.saveSnapshot(catalog, path: path) })
        } catch let error as DataLoadError {
            throw dataOptions.report(error)
        } catch let error as Catalog.LookupError {
            Out.error("dealscope: " + Sanitizer.line(error.description))
            throw ExitCode(Exit.usage)
        }
    }
}
