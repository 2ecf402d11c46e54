import DealModel
@testable import ExplorerCore
import Testing

/// The bundled catalog, loaded once for all tests.
let bundled: Catalog = {
    do { return try DatasetLoader.load(path: nil) } catch { fatalError("bundled data failed to load: \(error)") }
}()

func start(_ width: Int = 120, _ height: Int = 40, partners: [String] = []) -> AppState {
    Explorer.start(catalog: bundled, partners: partners, width: width, height: height)
}

/// Feeds keys written as in tmux: single characters, or key names (`KeyName`) in
/// angle brackets such as <Enter>, <Tab>, <Esc>, <Down>, <C-f>.
@discardableResult
func press(_ state: inout AppState, _ keys: String) -> [Effect] {
    var effects: [Effect] = []
    var rest = Substring(keys)
    while let c = rest.first {
        if c == "<", let close = rest.firstIndex(of: ">") {
            let name = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            effects += Explorer.update(&state, .key(named(name)))
        } else {
            rest.removeFirst()
            effects += Explorer.update(&state, .key(.char(c)))
        }
    }
    return effects
}

func named(_ name: String) -> Key {
    guard let key = KeyName.parse(name) else { fatalError("unknown key name \(name)") }
    return key
}

func screen(_ state: AppState) -> String { Explorer.render(state).text }

extension AppState {
    var selectedEventID: String? { selectedEvent.map { catalog.events[$0].id } }
    var selectedDealID: String? { selectedDeal.map { catalog.deals[$0].id } }
    var selectedPartnerName: String? { selectedPartner.map { catalog.partners[$0].name } }
    /// The cursor row of every pane.
    var cursors: [Int] { PaneID.allCases.map { lists[$0].cursor } }
}

/// The document view on the first span several records quote, then `keys`.
func sharedQuote(_ width: Int = 120, _ height: Int = 40, then keys: String = "") -> AppState {
    var s = start(width, height)
    press(&s, "v<Home>")
    for _ in 0..<100 {
        guard case .document(let q) = s.mode, let quotes = s.documentQuotes, quotes.owners(q).count < 2 else { break }
        press(&s, "]")
    }
    press(&s, keys)
    return s
}
