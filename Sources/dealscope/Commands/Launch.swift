import DealModel

/// Replaced by the ncurses explorer.
func launchExplorer(catalog: Catalog, partners: [String], noColor: Bool) throws {
    Out.error("dealscope: the explorer is not built yet")
}
