import ArgumentParser
import DealModel
import NcursesBackend

/// Opens the ncurses explorer; returns when the user quits. A terminal that curses
/// cannot drive (an unknown TERM) is reported like any other missing terminal.
func launchExplorer(catalog: Catalog, partners: [String], noColor: Bool) throws {
    do {
        try ExplorerRunner.run(catalog: catalog, partners: partners, noColor: noColor)
    } catch let error as TerminalError {
        Out.error(error.description)
        throw ExitCode(Exit.noTerminal)
    }
}
