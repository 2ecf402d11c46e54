/// The whole document with every quote marked: it scrolls like a list, n/N go from
/// quote to quote, Enter opens the record that quotes the current one.
enum DocumentMode {
    static let keys = KeyTable(KeyTable.scrolling(space: true) + [
        KeyBinding([.char("n"), .char("]"), .tab], .nextQuote, "next quote"),
        KeyBinding([.char("N"), .char("["), .backTab], .previousQuote, "previous quote"),
        KeyBinding([.enter], .openQuote, "open the record that quotes it"),
        KeyBinding([.escape, .char("q"), .char("v")], .close, "close the document"),
        KeyBinding([.char("?")], .help, "help"),
        KeyBinding([.ctrl("c")], .quit, "quit"),
        KeyTable.redraw,
    ])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .document(let quote) = state.mode else { return [] }
        let count = state.documentQuotes?.count ?? 0
        let page = max(1, DocumentView.textHeight(state))
        func scroll(_ lines: Int) { state.documentTop = DocumentView.scrolled(state, quote: quote, by: lines) }
        switch command {
        case .moveDown: scroll(1)
        case .moveUp: scroll(-1)
        case .pageDown: scroll(page)
        case .pageUp: scroll(-page)
        case .halfPageDown: scroll(max(1, page / 2))
        case .halfPageUp: scroll(-max(1, page / 2))
        case .top: state.documentTop = DocumentView.Position(paragraph: 0, line: 0)
        case .bottom: state.documentTop = DocumentView.end(state)
        case .nextQuote:
            if count > 0 { state.mode = .document(quote: (quote + 1) % count); state.documentTop = nil }
        case .previousQuote:
            if count > 0 { state.mode = .document(quote: (quote - 1 + count) % count); state.documentTop = nil }
        case .openQuote:
            if let all = state.documentQuotes, quote >= 0, quote < all.count, let record = all.owners(quote).first {
                close(&state)
                state.select(record)
            }
        case .close: close(&state)
        default: break
        }
        return []
    }

    static func close(_ state: inout AppState) {
        state.mode = .normal
        state.documentQuotes = nil
    }
}
