import ArgumentParser
import DealModel
import ExplorerCore
import NcursesBackend

/// Opens the ncurses explorer; returns when the user quits. A terminal that curses
/// cannot drive (an unknown TERM) is reported like any other missing terminal.
func launchExplorer(label: String, noColor: Bool, config: Config,
                    load: @escaping @Sendable (@escaping ProgressHandler) throws -> (Catalog, [String]),
                    afterward: (@Sendable (Catalog) -> Void)? = nil) throws {
    do {
        try ExplorerRunner.run(loading: label, noColor: noColor, config: config, load: load, afterward: afterward)
    } catch let error as TerminalError {
        Out.error(error.description)
        throw ExitCode(Exit.noTerminal)
    }
}
