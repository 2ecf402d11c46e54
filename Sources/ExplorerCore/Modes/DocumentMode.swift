import DealModel

/// The whole document with every quote marked: it scrolls like a list, ]/[ go from
/// quoted span to quoted span, / searches it as in less (n/N go through the matches),
/// Enter opens the record that quotes the current span (or offers a choice).
enum DocumentMode {
    static let keys = KeyTable(KeyTable.scrolling(space: true) + [
        KeyBinding([.char("/")], .search, "search the document (case and accents ignored), as in less"),
        KeyBinding([.char("n")], .nextMatch, "next match, as in less (no search: next quoted span)"),
        KeyBinding([.char("N")], .previousMatch, "previous match (no search: previous quoted span)"),
        KeyBinding([.char("]"), .tab], .nextQuote, "next quoted span, search or not"),
        KeyBinding([.char("["), .backTab], .previousQuote, "previous quoted span, search or not"),
        KeyBinding([.enter], .openQuote, "open the record that quotes the span (quoted by several: choose one)"),
        KeyBinding([.escape, .char("q"), .char("v")], .close, "close the document"),
        KeyBinding([.char("?")], .help, "help"),
        KeyBinding([.ctrl("c")], .quit, "quit"),
        KeyTable.redraw,
    ], notes: ["n and N go through a search's matches as they do in less, and through the quoted spans when there is no search; ] and [ always go through the quoted spans, so both stay a key away."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .document(let quote) = state.mode else { return [] }
        let count = state.documentQuotes?.count ?? 0
        let page = max(1, DocumentView.textHeight(state))
        func scroll(_ lines: Int) { state.documentTop = DocumentView.scrolled(state, by: lines) }
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
        case .search:
            let origin = DocumentView.offset(state, at: DocumentView.top(state))
            state.documentTyping = DocumentTyping(top: state.documentTop, quote: quote, origin: origin)
            state.documentSearch = nil
        case .nextMatch, .previousMatch:
            if state.documentSearch == nil { return run(command == .nextMatch ? .nextQuote : .previousQuote, &state) }
            DocumentSearch.jump(&state, forward: command == .nextMatch)
        case .openQuote:
            guard let all = state.documentQuotes, quote >= 0, quote < all.count else { break }
            let owners = all.owners(quote)
            if owners.count > 1 {
                state.quotePicker = QuotePicker(owners: owners, span: all.range(quote))
            } else if let record = owners.first {
                open(record, at: all.range(quote), &state)
            }
        case .close: close(&state)
        default: break
        }
        return []
    }

    static func close(_ state: inout AppState) {
        state.mode = .normal
        state.documentQuotes = nil
        state.documentSearch = nil
        state.documentTyping = nil
        state.quotePicker = nil
    }

    /// Leaves the document for a record that quotes a span: its row is selected and
    /// Detail, focused, shows that quote's evidence at its top ("Evidence 5 of 8").
    static func open(_ record: RecordRef, at span: Range<Int>, _ state: inout AppState) {
        let document = DocumentView.document(state)
        close(&state)
        state.select(record)
        guard state.detailRecord == record else { return }
        let evidence = state.catalog.evidence(of: record)
        guard let k = evidence.firstIndex(where: { $0.utf8Range == span && $0.document === document }) else { return }
        state.setFocus(.detail)
        let heading = "Evidence \(k + 1) of \(evidence.count) "
        let lines = DetailPane.lines(state, width: Layout(state).rect(.detail).inner.width)
        if let row = lines.firstIndex(where: { $0.map(\.text).joined().hasPrefix(heading) }) { state.lists[.detail].scroll = row }
    }
}
