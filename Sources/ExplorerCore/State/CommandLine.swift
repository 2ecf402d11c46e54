import DealModel

/// The `:` command line.
enum CommandLine {
    static let help = "commands: goto DATE (2025, 2025-10, 2025-10-03), filter PARTNER, clear, help, quit"

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
            switch state.catalog.lookupPartner(argument) {
            case .success(let p):
                state.cursor[Pane.partners.rawValue] = p
                state.toggleFilter()
            case .failure(let e): state.message = e.description
            }
        case "clear", "x":
            state.filter = []
            state.applyFilter()
        case "help", "h": state.mode = .help
        case "quit", "q": return [.quit]
        default:
            state.message = "unknown command “\(verb)”; \(help)"
        }
        return []
    }
}
