import DealModel
import TerminalText

/// The whole document with every quote marked: it scrolls like a list, ]/[ go from
/// quoted span to quoted span, / searches it as in less (n/N go through the matches),
/// Enter opens the record that quotes the current span (or offers a choice).
enum DocumentMode {
    static let evidence = "Evidence"

    static let keys = KeyTable(KeyTable.scrolling(space: true) + [
        KeyBinding([.char("/")], .search, "search the document (case and accents ignored), as in less"),
        KeyBinding([.char("n")], .nextMatch, "next match, as in less (no search: next quoted span)"),
        KeyBinding([.char("N")], .previousMatch, "previous match (no search: previous quoted span)"),
        KeyBinding([.char("]"), .tab], .nextQuote, "next quoted span, search or not"),
        KeyBinding([.char("["), .backTab], .previousQuote, "previous quoted span, search or not"),
        KeyBinding([.enter], .openQuote, "open the record that quotes the span (quoted by several: choose one)"),
        KeyBinding([.char("s")], .select, "select a word: at the current quote, else at the top line", group: evidence),
        KeyBinding([.char("w")], .extendWord, "selection: one word more", group: evidence),
        KeyBinding([.char("b")], .shrinkWord, "selection: one word less", group: evidence),
        KeyBinding([.char(")")], .extendSentence, "selection: to the end of the sentence, then the next", group: evidence),
        KeyBinding([.char("(")], .shrinkSentence, "selection: back a sentence", group: evidence),
        KeyBinding([.char("a")], .attachQuote, "add the selection as a quote of the record selected in the panes", group: evidence),
        KeyBinding([.char("P")], .newPartner, "new partner from the selection (a draft named by it)", group: evidence),
        KeyBinding([.char("D")], .newDeal, "new deal from the selection (parties: the selected record's partners)", group: evidence),
        KeyBinding([.char("E")], .newEvent, "new event from the selection (undated: placed before the document)", group: evidence),
        KeyBinding([.char("u")], .undo, "undo the last edit", group: evidence),
        KeyBinding([.ctrl("r")], .redo, "redo", group: evidence),
        KeyBinding([.escape, .char("q"), .char("v")], .close, "drop the selection, else close the document"),
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
        case .select, .extendWord, .shrinkWord, .extendSentence, .shrinkSentence: select(command, &state)
        case .attachQuote: attach(&state)
        case .newPartner, .newDeal, .newEvent: create(command == .newPartner ? .partners : command == .newDeal ? .deals : .events, &state)
        case .undo, .redo:
            state.undoEdit(redo: command == .redo)
            state.documentSelection = nil
        case .close:
            if state.documentSelection != nil { state.documentSelection = nil } else { close(&state) }
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
        state.documentSelection = nil
        state.documentDragAnchor = nil
    }

    /// Starts the selection (at the current quote when the view follows it, else at
    /// the top line shown), or moves its end by a word or a sentence.
    static func select(_ command: Command, _ state: inout AppState) {
        guard let doc = DocumentView.document(state) else { return }
        guard let selection = state.documentSelection, command != .select else {
            // At the search's current match (so `/` reaches any word from the keyboard),
            // else at the current quote, else at the top line.
            let quote = state.documentTop == nil ? DocumentView.currentQuoteRange(state)?.lowerBound : nil
            let from = state.documentSearch?.current?.lowerBound ?? quote
            state.documentSelection = DocumentSelection.word(at: from ?? DocumentView.offset(state, at: DocumentView.top(state)), in: doc)
            if state.documentSelection == nil { state.message = "no words here to select" }
            return
        }
        switch command {
        case .extendWord, .shrinkWord: state.documentSelection = selection.byWord(forward: command == .extendWord, in: doc)
        default: state.documentSelection = selection.bySentence(forward: command == .extendSentence, in: doc)
        }
    }

    /// The selection added as a quote of the record the panes have selected; the
    /// view stays, with the new quote current.
    static func attach(_ state: inout AppState) {
        guard let selection = state.documentSelection, let doc = DocumentView.document(state) else {
            state.message = "nothing selected: s selects a word"
            return
        }
        guard let record = state.detailRecord else { state.message = "no record selected in the panes"; return }
        let key = state.key(record)
        if state.edit({ s throws(EditRefusal) in try s.attachQuote(key, document: s.document(like: doc), utf8Range: selection.range) }) {
            showQuote(selection.range, &state)
        }
    }

    /// A new draft record from the selection; the view stays, its quote current.
    static func create(_ list: RecordList, _ state: inout AppState) {
        guard let selection = state.documentSelection, let doc = DocumentView.document(state) else {
            state.message = "nothing selected: s selects a word"
            return
        }
        let words = selection.text(in: doc)
        // A partner the data names already gets the words as a quote, not a twin.
        if list == .partners, case .success(let p) = state.catalog.lookupPartner(words) {
            state.message = "“\(Sanitizer.line(words))” is partner “\(Sanitizer.line(state.catalog.partners[p].name))” already: select it in Partners and press a to add the words as its quote"
            return
        }
        let key = RecordKey(list, NewRecord.id(list, words: words, state))
        let fields = NewRecord.fields(list, words: words, state)
        if state.edit({ s throws(EditRefusal) in try s.create(key, fields: fields, document: s.document(like: doc), utf8Range: selection.range) }) {
            showQuote(selection.range, &state)
            // The new record is the one the panes have selected (e edits it at once).
            let message = state.message
            if let r = state.ref(key) { state.select(r) }
            state.message = message
        }
    }

    /// After an edit: the selection dropped, the quote made of it current.
    static func showQuote(_ range: Range<Int>, _ state: inout AppState) {
        state.documentSelection = nil
        if let k = state.documentQuotes?.index(of: range) { state.mode = .document(quote: k) }
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
        // (Quotes come first among Detail's items: the k-th quote is the k-th item.)
        state.detailCursor = (.record(record), k)
        let heading = "Evidence \(k + 1) of \(evidence.count) "
        let lines = DetailPane.lines(state, width: Layout(state).rect(.detail).inner.width)
        if let row = lines.firstIndex(where: { $0.map(\.text).joined().hasPrefix(heading) }) { state.lists[.detail].scroll = row }
    }
}
