import DealModel
import TerminalText

/// The whole source document with every quote marked; n/N move between quotes.
/// Only the paragraphs on screen are wrapped and drawn, and the view's place is a
/// paragraph and a line in it, so a 150 MB document scrolls as easily as an article.
enum DocumentView {
    /// The first line shown: a paragraph and a line of it (its last line is the blank
    /// line after it).
    struct Position: Equatable, Sendable {
        var paragraph: Int
        /// The piece of a long paragraph (`DocumentPieces`); 0 in most paragraphs.
        var piece = 0
        var line: Int
    }

    /// The document shown: the one open, else that of the selected record's first quote.
    static func document(_ state: AppState) -> SourceDocument? {
        state.documentQuotes?.document ?? firstEvidence(state)?.document ?? state.catalog.documents.first
    }

    static func firstEvidence(_ state: AppState) -> Evidence? {
        state.detailRecord.flatMap { state.catalog.evidence(of: $0).first }
    }

    /// Every quoted span of the document shown, in reading order (gathered by the
    /// catalog once per document).
    static func collectQuotes(_ state: AppState) -> DocumentQuotes? {
        document(state).map { state.catalog.quotes(in: $0) }
    }

    static func title(_ record: RecordRef, _ c: Catalog) -> String {
        switch record {
        case .partner(let p): c.partners[p].name
        case .deal(let d): c.deals.title(d)
        case .event(let e): c.events.title(e)
        }
    }

    /// The status line in the document view: the search, then which quoted span is
    /// current and whose it is.
    static func status(_ state: AppState, quote current: Int) -> String {
        if let typing = state.documentTyping { return "/" + typing.text + "  " + DocumentSearch.progress(state.documentSearch, typed: typing.text) }
        if let selection = state.documentSelection { return selectionStatus(state, selection) }
        let search = state.documentSearch.map { "/\($0.text): " + DocumentSearch.progress($0, typed: $0.text) + " · " } ?? ""
        guard let all = state.documentQuotes, all.count > current, current >= 0 else { return search + "no quotes in this document · Esc closes" }
        let list = all.owners(current)
        let span = "quoted span \(current + 1) of \(all.count)"
        guard list.count > 1 else { return search + span + " · Enter opens: " + (list.first.map { title($0, state.catalog) } ?? "") }
        return search + span + " · quoted by \(list.count): Enter chooses"
    }

    /// "selected 4 words · a adds them to Northwind Traders, Esc drops", from the keys as bound.
    static func selectionStatus(_ state: AppState, _ selection: DocumentSelection) -> String {
        let keys = state.keys(.document)
        let words = document(state).map { selection.text(in: $0).split(whereSeparator: \.isWhitespace).count } ?? 0
        var parts = ["selected \(words) word\(words == 1 ? "" : "s")"]
        if let a = keys.firstKey(.attachQuote), let record = state.detailRecord { parts.append("\(a) quotes it in " + title(record, state.catalog)) }
        let new = [keys.firstKey(.newPartner), keys.firstKey(.newDeal), keys.firstKey(.newEvent)].compactMap { $0 }
        if !new.isEmpty { parts.append(new.joined(separator: "/") + " new partner/deal/event") }
        if let esc = keys.firstKey(.close) { parts.append(esc + " drops") }
        return parts.joined(separator: " · ")
    }

    /// What the document view counts, in words: a span several records quote is one
    /// quoted span and several quotes ("58 quoted spans, 71 quotes").
    static func counts(_ state: AppState) -> String {
        guard let all = state.documentQuotes else { return "" }
        return "\(all.count) quoted span\(all.count == 1 ? "" : "s"), \(all.quoteCount) quote\(all.quoteCount == 1 ? "" : "s")"
    }

    static func startQuote(_ state: AppState) -> Int {
        guard let first = firstEvidence(state), let all = state.documentQuotes else { return 0 }
        return all.index(of: first.utf8Range) ?? 0
    }

    /// Width for text inside the frame.
    static func textWidth(_ state: AppState) -> Int { max(1, Rect(x: 0, y: 0, width: state.width, height: state.height - 1).inner.width - 2) }
    static func textHeight(_ state: AppState) -> Int { Rect(x: 0, y: 0, width: state.width, height: state.height - 1).inner.height }

    static func pieces(of state: AppState) -> DocumentPieces? { document(state).map(DocumentPieces.init) }

    /// Piece `k` of paragraph `p` wrapped, with the quotes and the search's matches
    /// marked, and (after the paragraph's last piece) the blank line after it; and the
    /// line holding the byte offset `focus` when the piece holds it.
    static func block(_ state: AppState, _ p: Int, _ k: Int, focus: Int? = nil) -> (lines: [StyledLine], focusLine: Int?) {
        guard let doc = document(state) else { return ([], nil) }
        let pieces = DocumentPieces(document: doc)
        let r = pieces.range(p, k)
        let last = k == pieces.count(p) - 1
        let search = state.documentSearch
        let key = DocumentBlocks.Key(document: doc, paragraph: p, piece: k, width: textWidth(state), quote: currentQuoteRange(state),
                                     search: search?.text, origin: search?.origin ?? 0, scanned: search?.scanned ?? 0,
                                     match: search?.current, selection: state.documentSelection?.range)
        let lines = DocumentBlocks.lines(key) { StyledText.wrap(spans(state, doc, r), width: textWidth(state)) }
        var focusLine: Int?
        if let focus, r.contains(focus) {
            // The lines' bytes, counted up to the focus (a space a line starts without
            // is not counted, so at worst the line after a break is named).
            var count = r.lowerBound
            focusLine = lines.count - 1
            for (n, l) in lines.enumerated() {
                count += l.reduce(0) { $0 + $1.text.utf8.count }
                if count > focus { focusLine = n; break }
            }
        }
        return (last ? lines + [[]] : lines, focusLine)
    }

    /// The text of a byte range as spans of one role each: quotes, then the current
    /// quote, then the search's matches over them.
    static func spans(_ state: AppState, _ doc: SourceDocument, _ r: Range<Int>) -> [Span] {
        var roles = [Role](repeating: .normal, count: r.count)
        func paint(_ q: Range<Int>, _ role: Role) {
            let lo = max(q.lowerBound, r.lowerBound), hi = min(q.upperBound, r.upperBound)
            if lo < hi { for i in (lo - r.lowerBound)..<(hi - r.lowerBound) { roles[i] = role } }
        }
        if let quotes = state.documentQuotes {
            for q in quotes.overlapping(r) { paint(quotes.range(q), .related) }
            if let current = currentQuoteRange(state) { paint(current, .quote) }
        }
        if let search = state.documentSearch {
            for m in search.overlapping(r) { paint(m, .match) }
            if let current = search.current { paint(current, .selectedFocused) }
        }
        if let selection = state.documentSelection { paint(selection.range, .selection) }
        let text = doc.text
        let u = text.utf8
        var spans: [Span] = []
        var i = u.index(u.startIndex, offsetBy: r.lowerBound)
        let end = u.index(u.startIndex, offsetBy: r.upperBound)
        var o = r.lowerBound
        while i < end {
            let next = min(end, text.index(after: i))
            let role = roles[o - r.lowerBound]
            if let l = spans.last, l.role == role { spans[spans.count - 1].text += text[i..<next] } else { spans.append(Span(String(text[i..<next]), role)) }
            o += u.distance(from: i, to: next)
            i = next
        }
        return spans
    }

    static func currentQuoteRange(_ state: AppState) -> Range<Int>? {
        guard case .document(let current) = state.mode, let quotes = state.documentQuotes, current >= 0, current < quotes.count else { return nil }
        return quotes.range(current)
    }

    static func lineCount(_ state: AppState, _ p: Int, _ k: Int) -> Int { block(state, p, k).lines.count }

    /// Moves a position by `n` lines (back when negative), stopping at the start and
    /// at the last line of the document; only the pieces passed are laid out.
    static func advance(_ state: AppState, _ start: Position, by n: Int) -> Position {
        guard let pieces = pieces(of: state), !pieces.document.paragraphs.isEmpty else { return Position(paragraph: 0, line: 0) }
        var pos = start
        var left = n
        while left > 0 {
            let count = lineCount(state, pos.paragraph, pos.piece)
            if pos.line + left < count { pos.line += left; break }
            guard let (p, k) = pieces.next(pos.paragraph, pos.piece) else { pos.line = count - 1; break }
            left -= count - pos.line
            pos = Position(paragraph: p, piece: k, line: 0)
        }
        while left < 0 {
            if pos.line + left >= 0 { pos.line += left; break }
            guard let (p, k) = pieces.previous(pos.paragraph, pos.piece) else { pos.line = 0; break }
            left += pos.line + 1
            pos = Position(paragraph: p, piece: k, line: lineCount(state, p, k) - 1)
        }
        return pos
    }

    /// The place that shows a byte offset a third of a screen from the top.
    static func place(_ state: AppState, showing offset: Int) -> Position {
        guard let doc = document(state), !doc.paragraphs.isEmpty else { return Position(paragraph: 0, line: 0) }
        let p = doc.paragraphIndex(containingOffset: offset)
        let k = DocumentPieces(document: doc).piece(p, holding: offset)
        let line = block(state, p, k, focus: offset).focusLine ?? 0
        return advance(state, Position(paragraph: p, piece: k, line: line), by: -(textHeight(state) / 3))
    }

    /// The byte offset where a shown line starts (about: a space a line starts
    /// without is not counted).
    static func offset(_ state: AppState, at pos: Position) -> Int {
        guard let pieces = pieces(of: state), pos.paragraph < pieces.document.paragraphs.count else { return 0 }
        let lines = block(state, pos.paragraph, pos.piece).lines
        return pieces.range(pos.paragraph, pos.piece).lowerBound
            + lines.prefix(pos.line).reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.utf8.count } }
    }

    /// The first line shown: the chosen place, or (following the current quote) a
    /// third of a screen above the quote; never so low that the last page is not full.
    static func top(_ state: AppState) -> Position {
        guard let pieces = pieces(of: state), !pieces.document.paragraphs.isEmpty else { return Position(paragraph: 0, line: 0) }
        let height = textHeight(state)
        var pos: Position
        if let chosen = state.documentTop {
            let p = min(max(0, chosen.paragraph), pieces.document.paragraphs.count - 1)
            pos = Position(paragraph: p, piece: min(max(0, chosen.piece), pieces.count(p) - 1), line: max(0, chosen.line))
            pos.line = min(pos.line, lineCount(state, pos.paragraph, pos.piece) - 1)
        } else if let range = currentQuoteRange(state) {
            pos = place(state, showing: range.lowerBound)
        } else {
            pos = Position(paragraph: 0, line: 0)
        }
        // Enough lines below to fill the screen? Otherwise show the last full page.
        var below = 0
        var at: (Int, Int)? = (pos.paragraph, pos.piece)
        var first = pos.line
        while below < height, let (p, k) = at {
            below += lineCount(state, p, k) - first
            first = 0
            at = pieces.next(p, k)
        }
        if below < height { pos = advance(state, pos, by: below - height) }
        return pos
    }

    /// The last page (`top` makes it a full one).
    static func end(_ state: AppState) -> Position {
        guard let pieces = pieces(of: state) else { return Position(paragraph: 0, line: 0) }
        let p = max(0, pieces.document.paragraphs.count - 1)
        return Position(paragraph: p, piece: pieces.count(p) - 1, line: Int.max / 2)
    }

    /// The position after scrolling `n` lines from what is shown.
    static func scrolled(_ state: AppState, by n: Int) -> Position {
        advance(state, top(state), by: n)
    }

    /// "/ search, ]/[ quotes, Esc closes", from the document's keys as bound.
    static func hint(_ state: AppState) -> String {
        let keys = state.keys(.document)
        let quotes = [keys.firstKey(.nextQuote), keys.firstKey(.previousQuote)].compactMap { $0 }.joined(separator: "/")
        return [keys.firstKey(.search).map { $0 + " search" }, quotes.isEmpty ? nil : quotes + " quotes", keys.firstKey(.close).map { $0 + " closes" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    static func draw(_ state: AppState, into grid: inout Grid) {
        let rect = Rect(x: 0, y: 0, width: grid.width, height: grid.height - 1)
        grid.fill(row: 0, column: 0, width: rect.width, height: rect.height, role: .normal)
        guard let doc = document(state) else { return }
        let inner = rect.inner
        let width = textWidth(state)
        let name = doc.path.split(separator: "/").last.map(String.init) ?? doc.path
        Frame.draw(rect, title: "Document " + name, number: nil, info: hint(state), focused: true, into: &grid)
        guard !doc.paragraphs.isEmpty else { return }
        let start = top(state)
        let pieces = DocumentPieces(document: doc)
        let focus = state.documentSearch?.current?.lowerBound ?? currentQuoteRange(state)?.lowerBound
        var row = 0
        var at: (Int, Int)? = (start.paragraph, start.piece)
        var skip = start.line
        var below = false
        drawing: while let (p, k) = at {
            let (lines, focusLine) = block(state, p, k, focus: focus)
            // The blank line that ends the last paragraph is not more text.
            at = pieces.next(p, k)
            let lastText = at == nil ? lines.count - 1 : lines.count
            for (n, line) in lines.enumerated().dropFirst(skip) {
                if row >= inner.height {
                    below = n < lastText
                    break drawing
                }
                StyledText.draw(line, into: &grid, row: inner.y + row, column: inner.x + 1, limit: width)
                if n == focusLine { grid.cursor = (inner.y + row, inner.x + 1) }
                row += 1
            }
            skip = 0
        }
        let more = Frame.more(above: start.paragraph > 0 || start.piece > 0 || start.line > 0, below: below)
        var place = "paragraph \(start.paragraph + 1) of \(doc.paragraphs.count)"
        let count = pieces.count(start.paragraph)
        if count > 1 { place += ", \(start.piece * 100 / count)% into it" }
        let footer = place + (more.isEmpty ? "" : " · " + more)
        Frame.footer(footer, in: rect, into: &grid)
        let counts = " " + counts(state) + " "
        if DisplayWidth.of(counts) + DisplayWidth.of(footer) + 6 <= rect.width {
            grid.put(counts, row: rect.y + rect.height - 1, column: rect.x + 1, role: .muted)
        }
        if let picker = state.quotePicker { QuotePickerView.draw(state, picker, into: &grid) }
        if let picker = state.quotePicker { QuotePickerView.draw(state, picker, into: &grid) }
        if let typing = state.documentTyping {
            grid.cursor = (grid.height - 1, min(grid.width - 1, 2 + DisplayWidth.of(typing.text)))
        }
    }
}
