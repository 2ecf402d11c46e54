import DealModel
import TerminalText

/// `y`, `c`, `Y`: the selected record's id, its first quote with where it stands,
/// or the current row, sent to the terminal's clipboard (the backend writes OSC 52
/// between frames). The text passes the sanitizer like anything shown, so a pasted
/// quote carries no control character; the status line says what was copied.
enum Copying {
    static func copy(_ command: Command, _ state: inout AppState) -> [Effect] {
        let text: String?
        let what: String
        switch command {
        case .copyID:
            text = records(state).map { ids in ids.map { id($0, state.catalog) }.joined(separator: " ") }
            what = "id"
        case .copyQuote:
            text = records(state)?.first.flatMap { state.catalog.evidence(of: $0).first }.map(quote)
            what = "quote"
        default:
            text = row(state)
            what = "row"
        }
        guard let text, !text.isEmpty else {
            state.message = "nothing selected to copy"
            return []
        }
        let clean = Sanitizer.line(text)
        state.message = "copied the \(what): \(clean)"
        return [.copy(clean)]
    }

    /// The records of the selection: Detail's record, or an edge's deals.
    static func records(_ state: AppState) -> [RecordRef]? {
        switch state.detailSubject {
        case .record(let r)?: [r]
        case .deals(let deals, _)?: deals.map(RecordRef.deal)
        case nil: nil
        }
    }

    static func id(_ record: RecordRef, _ c: Catalog) -> String {
        switch record {
        case .partner(let p): c.partners[p].id
        case .deal(let d): c.deals.id(d)
        case .event(let e): c.events.id(e)
        }
    }

    /// “the quoted words” — file.txt (the document's title), paragraph 3, sentence 2
    static func quote(_ e: Evidence) -> String {
        let file = e.document.path.split(separator: "/").last.map(String.init) ?? e.document.path
        let title = e.document.title.map { " (\($0))" } ?? ""
        return "“\(oneLine(String(e.matchedText)))” — \(file)\(title), paragraph \(e.paragraph + 1), sentence \(e.sentenceInParagraph + 1)"
    }

    /// The focused pane's current row as text, its columns two spaces apart.
    static func row(_ state: AppState) -> String? {
        switch state.focus {
        case .network:
            guard let m = NetworkModel.of(state), m.rows.indices.contains(state.network.row) else { return nil }
            let c = state.catalog, r = m.rows[state.network.row], g = m.groups[r.group]
            var parts = [c.partners[m.centre].name, g.edge.label, NetworkView.nodeText(g.node, c)]
            if let e = r.edge2, let q = r.node2 { parts += [e.label, c.partners[q].name] }
            return parts.joined(separator: "  ")
        case .chart:
            return row(of: .timeline, state)
        default:
            return row(of: state.cursorPane, state)
        }
    }

    static func row(of pane: PaneID, _ state: AppState) -> String? {
        guard let list = pane.list, state.lists[pane].cursor < list.rowCount(state) else { return nil }
        return list.row(state, Relations(state), state.lists[pane].cursor).cells.filter { !$0.isEmpty }.joined(separator: "  ")
    }

    /// A quote across lines pastes as one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
