import ArgumentParser

@main
struct Dealscope: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dealscope",
        abstract: "Explore business partnerships and deals, with the sentence of the source behind every fact.",
        discussion: """
            With no subcommand, dealscope opens the full-screen explorer on the bundled article \
            (or on --data PATH). The subcommands print the same data for people and scripts.

            Exit codes: 0 success; 64 usage error (unknown option, partner or date); \
            65 data error (malformed or inconsistent dataset); 69 the explorer needs a terminal; \
            78 the explorer's config file has a problem.
            """,
        version: version,
        subcommands: [Explore.self, Partners.self, Deals.self, Timeline.self, Show.self, Validate.self, Export.self, Cache.self, ConfigCommand.self, SaveLoop.self],
        defaultSubcommand: Explore.self
    )
}
