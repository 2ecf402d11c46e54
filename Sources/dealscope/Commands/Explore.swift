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

    func run() throws {
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
        let catalog = try dataOptions.load()
        let ids = try partners.resolve(in: catalog)
        try launchExplorer(catalog: catalog, partners: ids, noColor: noColor)
    }
}
