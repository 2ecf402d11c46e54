import ArgumentParser
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

@main
struct Dealscope: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dealscope",
        abstract: "Explore business partnerships and deals, with the sentence of the source behind every fact.",
        discussion: """
            With no subcommand, dealscope opens the full-screen explorer on the bundled article \
            (or on PATH, the same as --data PATH: a dataset, a directory of them, or an article, \
            a text file that is drafted in memory). `dealscope draft` writes drafts. The subcommands print the same data for people and scripts.

            Exit codes: 0 success; 64 usage error (unknown option, partner or date); \
            65 data error (malformed or inconsistent dataset, or an article that is not UTF-8 text); 69 the explorer needs a terminal; \
            73 an output file cannot be written (or exists: draft --force replaces it); \
            78 the explorer's config file has a problem.
            """,
        version: version,
        subcommands: [Explore.self, Partners.self, Deals.self, Timeline.self, Show.self, Validate.self, Export.self, Draft.self, Cache.self, ConfigCommand.self, SaveLoop.self],
        defaultSubcommand: Explore.self
    )

    /// The argument parser's own `main`, but every message it makes goes through the
    /// sanitizer: its errors echo arguments as given (a file name or a `--format`
    /// value holding escape sequences would otherwise reach the terminal raw).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if !text.isEmpty {
                if code == .success { Out.print(Sanitizer.block(text)) } else { Out.error(text) }
            }
            Glibc.exit(code.rawValue)
        }
    }
}
