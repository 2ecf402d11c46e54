import DealModel

/// The `:` command line.
enum CommandLine {
    static let help = "commands: goto DATE (2025, 2025-10, 2025-10-03), filter PARTNER, clear, help, quit"

    static let verbs = ["goto", "filter", "clear", "help", "quit"]

    /// Tab: completes the command word, or a partner name after `filter`.
    static func complete(_ text: String, _ catalog: Catalog) -> String {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 {
            let hits = verbs.filter { $0.hasPrefix(text.lowercased()) }
            return hits.count == 1 ? hits[0] + " " : text
        }
        guard ["filter", "f", "partner"].contains(parts[0].lowercased()) else { return text }
        let typed = TextFolding.fold(parts[1])
        let names = catalog.partners.flatMap(\.allNames).filter { TextFolding.fold($0).hasPrefix(typed) }
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
        case "filter", "f", "partner":
            guard !argument.isEmpty else {
                state.message = "filter needs a partner: :filter Amazon (Tab completes names)"
                return []
            }
            switch state.catalog.lookupPartner(argument) {
            case .success(let p):
                state.lists[.partners].cursor = p
                state.toggleFilter()
            case .failure(let e): state.message = e.description
            }
        case "clear", "x":
            state.filter = []
            state.applyFilter()
        case "help", "h": return InputMode.normal.run(.help, &state)
        case "quit", "q": return [.quit]
        default:
            state.message = "unknown command “\(verb)”; \(help)"
        }
        return []
    }
}
