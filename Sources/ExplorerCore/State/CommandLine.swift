import DealModel

/// The `:` command line.
enum CommandLine {
    static let help = "commands: goto DATE (2025, 2025-10, 2025-10-03), filter PARTNER (adds it), unfilter PARTNER (takes it out), "
        + "sort COLUMN [asc|desc] (date, kind, parties, value, title; name, deals; off), clear, "
        + "w (save), e (reload), saveas FILE, export FILE.json|csv|md (export! replaces a file), help, quit"

    static let verbs = ["goto", "filter", "unfilter", "sort", "clear", "w", "e", "saveas", "export", "help", "quit"]

    /// Tab: completes the command word, or a partner name after `filter`.
    static func complete(_ text: String, _ catalog: Catalog, filter: [String] = []) -> String {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 {
            let hits = verbs.filter { $0.hasPrefix(text.lowercased()) }
            return hits.count == 1 ? hits[0] + " " : text
        }
        let verb = parts[0].lowercased()
        guard ["filter", "f", "partner", "unfilter", "uf"].contains(verb) else { return text }
        let typed = TextFolding.fold(parts[1])
        // unfilter completes only the partners in the filter.
        let partners = verb.hasPrefix("u") ? catalog.partners.filter { filter.contains($0.id) } : catalog.partners
        let names = partners.flatMap(\.allNames).filter { TextFolding.fold($0).hasPrefix(typed) }
        guard let first = names.first else { return text }
        // The longest common prefix of the candidates, or the one name.
        var common = first
        for n in names.dropFirst() {
            while !TextFolding.fold(n).hasPrefix(TextFolding.fold(common)) { common.removeLast() }
        }
        return parts[0] + " " + (common.count >= parts[1].count ? common : parts[1])
    }

    static func execute(_ line: String, _ state: inout AppState) -> [Effect] {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first?.lowercased() else { return [] }
        let argument = words.count > 1 ? words[1] : ""
        switch verb {
        case "goto", "g":
            switch PartialDate.parse(argument) {
            case .success(let d): state.goto(d)
            case .failure(let e): state.message = "goto: \(e)"
            }
        case "filter", "f", "partner", "unfilter", "uf":
            // filter adds, unfilter takes out: typing a command twice does what it says twice.
            let adding = !verb.hasPrefix("u")
            guard !argument.isEmpty else {
                state.message = "\(adding ? "filter" : "unfilter") needs a partner: :\(adding ? "filter" : "unfilter") Amazon (Tab completes names)"
                return []
            }
            switch state.catalog.lookupPartner(argument) {
            case .success(let p):
                let partner = state.catalog.partners[p]
                state.lists[.partners].cursor = state.row(ofPartner: p)
                if state.filter.contains(partner.id) == adding {
                    state.message = "\(partner.name) is \(adding ? "already" : "not") in the filter"
                } else {
                    state.toggleFilter()
                    state.message = adding ? "\(partner.name) added to the filter (:unfilter \(partner.name) takes it out)" : "\(partner.name) taken out of the filter"
                }
            case .failure(let e): state.message = e.description
            }
        case "sort", "s": Sorting.command(argument, &state)
        case "clear", "x":
            state.filter = []
            state.applyFilter()
        case "help", "h": return InputMode.normal.run(.help, &state)
        case "w", "write": return [.write(.save(thenQuit: false))]
        case "wq": return [.write(.save(thenQuit: true))]
        case "e", "edit", "reload": state.reload()
        case "e!": state.reload(force: true)
        case "saveas":
            guard !argument.isEmpty else { state.message = "saveas needs a file: :saveas reviewed.json"; return [] }
            return [.write(.saveAs(argument))]
        case "export", "export!":
            guard ViewExport.Format(path: argument) != nil else {
                state.message = "export writes by the file's extension: :export FILE.json (a dataset), FILE.csv or FILE.md"
                return []
            }
            return [.write(.export(argument, replacing: verb == "export!"))]
        case "quit", "q": return InputMode.normal.run(.quit, &state)
        case "q!": return [.quit]
        default:
            state.message = "unknown command “\(verb)”; \(help)"
        }
        return []
    }
}
