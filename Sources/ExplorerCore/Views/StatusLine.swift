import DealModel
import TerminalText

/// The last row: the prompt while typing, otherwise a message or the filter and
/// counts on the left, the focused pane and a help hint on the right.
enum StatusLine {
    static func draw(_ state: AppState, row: Int, into grid: inout Grid) {
        grid.fill(row: row, column: 0, width: grid.width, height: 1, role: .statusBar)
        let right = " \(state.focus.title) │ \(hint(state.keys(state.inputMode))) "
        let left: String
        switch state.mode {
        case .search(let text): left = "/" + text + (state.pendingSearch.map { "  searching… \(Int($0.fraction * 100))%, \($0.found) found" } ?? "")
        case .command(let text): left = ":" + text
        case .document(let quote): left = state.message ?? DocumentView.status(state, quote: quote)
        default: left = state.question?.text ?? state.message ?? state.pick.map(state.pickPrompt) ?? state.loading.map(loadingText) ?? summary(state)
        }
        let rightWidth = DisplayWidth.of(right)
        let room = grid.width - rightWidth - 1
        if room >= 20 {
            grid.put(" " + titled(left, state, room: room - 1), row: row, column: 0, role: .statusBar, limit: room)
            grid.put(right, row: row, column: grid.width - rightWidth, role: .statusBar)
        } else {
            grid.put(" " + left, row: row, column: 0, role: .statusBar, limit: grid.width)
        }
        if case .search(let text) = state.mode {
            grid.cursor = (row, min(grid.width - 1, 2 + DisplayWidth.of(text)))
        } else if case .command(let text) = state.mode {
            grid.cursor = (row, min(grid.width - 1, 2 + DisplayWidth.of(text)))
        }
    }

    /// The dataset's title before the summary, as far as it fits: the summary first
    /// keeps its room (a title is cut to 12 columns at least, or left out).
    static func titled(_ left: String, _ state: AppState, room: Int) -> String {
        guard state.mode == .normal, state.message == nil, state.loading == nil,
              let title = state.catalog.title, !title.isEmpty else { return left }
        let spare = room - DisplayWidth.of(left) - 3
        guard spare >= min(12, DisplayWidth.of(title)) else { return left }
        return DisplayWidth.truncate(Sanitizer.line(title), to: spare) + " · " + left
    }

    /// "? help  q quit": the first key of the mode's help command and of its way out
    /// (close an overlay, cancel typing, or quit), so the hint is true in every mode.
    static func hint(_ keys: KeyTable) -> String {
        let out: [(Command, String)] = keys.typesText ? [(.cancel, "cancel")] : [(.close, "close"), (.quit, "quit")]
        let help = keys.firstKey(.help).map { [$0 + " help"] } ?? []
        let exit = out.lazy.compactMap { command, word in keys.firstKey(command).map { $0 + " " + word } }.first.map { [$0] } ?? []
        return (help + exit).joined(separator: "  ")
    }

    /// "Loading big.json: locating quotes ▕████▌     ▏ 52% · 3.1 s · q quits"
    static func loadingText(_ l: AppState.Loading) -> String {
        let cells = 10
        let filled = Int((l.progress.fraction * Double(cells)).rounded(.down))
        let bar = String(repeating: "█", count: min(cells, filled)) + String(repeating: " ", count: max(0, cells - filled))
        let percent = Int((l.progress.fraction * 100).rounded(.down))
        let seconds = (l.seconds * 10).rounded() / 10
        return "Loading \(l.label): \(l.progress.phase) ▕\(bar)▏ \(percent)% · \(seconds) s · q quits"
    }

    static func summary(_ state: AppState) -> String {
        let c = state.catalog
        let names = state.filter.map(c.name(ofPartner:))
        let counts = "\(state.visibleDeals.count) of \(c.deals.count) deals · \(state.visibleEvents.count) of \(c.events.count) events"
        var s: String
        switch names.count {
        case 0: s = "All partners · " + counts
        case 1: s = "Filter: \(names[0]) · " + counts
        default:
            let list = names.dropLast().joined(separator: ", ") + " and " + names.last!
            s = "Deals between \(list) · " + counts
        }
        // What is left to review and to save, first: a narrow line keeps them.
        let drafts = state.draftCount
        if drafts > 0 || state.hasUnsavedEdits {
            s = [drafts > 0 ? "\(drafts) to review" : nil, state.hasUnsavedEdits ? "[+] unsaved" : nil].compactMap { $0 }.joined(separator: " · ") + " · " + s
        }
        if let p = state.pendingSearch, p.confirm {
            // First, so that a narrow status line still shows it.
            s = "/\(p.text): searching… \(Int(p.fraction * 100))%, \(p.found) found · " + s
        } else if !state.search.isEmpty {
            let n = state.searchHits.count
            let pane = state.cursorPane
            if let k = state.searchHits.firstIndex(of: Search.Hit(pane: pane, row: state.lists[pane].cursor)) {
                s += " · /\(state.search): match \(k + 1) of \(n) (n/N)"
            } else {
                s += " · /\(state.search): \(n) match\(n == 1 ? "" : "es") (n/N)"
            }
        }
        return s
    }
}
