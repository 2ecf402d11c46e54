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
        var line: Int
    }

    /// The document shown: that of the selected record's first quote.
    static func document(_ state: AppState) -> SourceDocument? {
        firstEvidence(state)?.document ?? state.catalog.documents.first
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

    /// The status line in the document view: which quote, and whose it is.
    static func status(_ state: AppState, quote current: Int) -> String {
        guard let all = state.documentQuotes, all.count > current, current >= 0 else { return "no quotes in this document · Esc closes" }
        let list = all.owners(current)
        let owners = Shortlist.text(list.count, separator: "; ", budget: 200) { title(list[$0], state.catalog) }
        return "quote \(current + 1) of \(all.count) · Enter opens: \(owners)"
    }

    static func startQuote(_ state: AppState) -> Int {
        guard let first = firstEvidence(state), let all = state.documentQuotes else { return 0 }
        return all.index(of: first.utf8Range) ?? 0
    }

    /// Width for text inside the frame.
    static func textWidth(_ state: AppState) -> Int { max(1, Rect(x: 0, y: 0, width: state.width, height: state.height - 1).inner.width - 2) }
    static func textHeight(_ state: AppState) -> Int { Rect(x: 0, y: 0, width: state.width, height: state.height - 1).inner.height }

    /// Paragraph `p` wrapped, with the quotes marked, and the blank line after it; and
    /// the line holding the start of the current quote when it starts in `p`.
    static func block(_ state: AppState, _ p: Int, current: Int) -> (lines: [StyledLine], currentLine: Int?) {
        guard let doc = document(state) else { return ([], nil) }
        let text = doc.text
        let para = doc.paragraphs[p]
        let offsets = doc.paragraphs.offsets(p)
        let quotes = state.documentQuotes
        let marked = quotes?.overlapping(offsets) ?? []
        let currentRange = quotes.flatMap { current >= 0 && current < $0.count ? $0.range(current) : nil }
        var spans: [Span] = []
        let utf8 = text.utf8
        var i = para.lowerBound
        var currentStart: Int?  // characters before the current quote's start
        var characters = 0
        while i < para.upperBound {
            let next = text.index(after: i)
            let o = utf8.distance(from: utf8.startIndex, to: i)
            var role = Role.normal
            if let r = currentRange, r.contains(o) {
                role = .quote
                if currentStart == nil { currentStart = characters }
            } else if marked.contains(where: { quotes!.range($0).contains(o) }) {
                role = .related
            }
            if let last = spans.last, last.role == role { spans[spans.count - 1].text.append(text[i]) } else { spans.append(Span(String(text[i]), role)) }
            characters += 1
            i = next
        }
        let lines = StyledText.wrap(spans, width: textWidth(state))
        var currentLine: Int?
        if let r = currentRange, offsets.contains(r.lowerBound) {
            let before = currentStart ?? 0
            var count = 0
            currentLine = 0
            for (n, l) in lines.enumerated() {
                count += l.reduce(0) { $0 + $1.text.count }
                if count > before { currentLine = n; break }
            }
        }
        return (lines + [[]], currentLine)
    }

    static func lineCount(_ state: AppState, _ p: Int) -> Int { block(state, p, current: -1).lines.count }

    /// Moves a position by `n` lines (back when negative), stopping at the start and
    /// at the last line of the document.
    static func advance(_ state: AppState, _ start: Position, by n: Int) -> Position {
        guard let doc = document(state), !doc.paragraphs.isEmpty else { return Position(paragraph: 0, line: 0) }
        var pos = start
        var left = n
        while left > 0 {
            let count = lineCount(state, pos.paragraph)
            if pos.line + left < count { pos.line += left; break }
            if pos.paragraph + 1 >= doc.paragraphs.count { pos.line = count - 1; break }
            left -= count - pos.line
            pos = Position(paragraph: pos.paragraph + 1, line: 0)
        }
        while left < 0 {
            if pos.line + left >= 0 { pos.line += left; break }
            if pos.paragraph == 0 { pos.line = 0; break }
            left += pos.line + 1
            pos = Position(paragraph: pos.paragraph - 1, line: lineCount(state, pos.paragraph - 1) - 1)
        }
        return pos
    }

    /// The first line shown: the chosen place, or (following the current quote) a
    /// third of a screen above the quote; never so low that the last page is not full.
    static func top(_ state: AppState, quote current: Int) -> Position {
        guard let doc = document(state), !doc.paragraphs.isEmpty else { return Position(paragraph: 0, line: 0) }
        let height = textHeight(state)
        var pos: Position
        if let chosen = state.documentTop {
            pos = Position(paragraph: min(max(0, chosen.paragraph), doc.paragraphs.count - 1), line: max(0, chosen.line))
            pos.line = min(pos.line, lineCount(state, pos.paragraph) - 1)
        } else if let all = state.documentQuotes, current >= 0, current < all.count {
            let p = doc.paragraphIndex(containingOffset: all.range(current).lowerBound)
            let line = block(state, p, current: current).currentLine ?? 0
            pos = advance(state, Position(paragraph: p, line: line), by: -(height / 3))
        } else {
            pos = Position(paragraph: 0, line: 0)
        }
        // Enough lines below to fill the screen? Otherwise show the last full page.
        var below = 0
        var p = pos.paragraph
        var first = pos.line
        while below < height && p < doc.paragraphs.count {
            below += lineCount(state, p) - first
            first = 0
            p += 1
        }
        if below < height { pos = advance(state, pos, by: below - height) }
        return pos
    }

    /// The last page (`top` makes it a full one).
    static func end(_ state: AppState) -> Position {
        Position(paragraph: max(0, (document(state)?.paragraphs.count ?? 1) - 1), line: Int.max / 2)
    }

    /// The position after scrolling `n` lines from what is shown.
    static func scrolled(_ state: AppState, quote current: Int, by n: Int) -> Position {
        advance(state, top(state, quote: current), by: n)
    }

    /// "n/N quotes · Esc closes", from the document's keys as bound.
    static func hint(_ state: AppState) -> String {
        let keys = state.keys(.document)
        return [keys.firstKey(.nextQuote), keys.firstKey(.previousQuote)].compactMap { $0 }.joined(separator: "/") + " quotes · "
            + (keys.firstKey(.close).map { $0 + " closes" } ?? "")
    }

    static func draw(_ state: AppState, quote current: Int, into grid: inout Grid) {
        let rect = Rect(x: 0, y: 0, width: grid.width, height: grid.height - 1)
        grid.fill(row: 0, column: 0, width: rect.width, height: rect.height, role: .normal)
        guard let doc = document(state) else { return }
        let inner = rect.inner
        let width = textWidth(state)
        let name = doc.path.split(separator: "/").last.map(String.init) ?? doc.path
        Frame.draw(rect, title: "Document " + name, number: nil, info: hint(state), focused: true, into: &grid)
        guard !doc.paragraphs.isEmpty else { return }
        let start = top(state, quote: current)
        var row = 0
        var p = start.paragraph
        var skip = start.line
        var below = false
        while p < doc.paragraphs.count {
            let (lines, currentLine) = block(state, p, current: current)
            // The blank line that ends the last paragraph is not more text.
            let last = p == doc.paragraphs.count - 1 ? lines.count - 1 : lines.count
            for (n, line) in lines.enumerated().dropFirst(skip) {
                guard row < inner.height else {
                    below = below || n < last
                    break
                }
                StyledText.draw(line, into: &grid, row: inner.y + row, column: inner.x + 1, limit: width)
                if n == currentLine { grid.cursor = (inner.y + row, inner.x + 1) }
                row += 1
            }
            skip = 0
            p += 1
            if row >= inner.height && below { break }
        }
        let more = Frame.more(above: start.paragraph > 0 || start.line > 0, below: below)
        Frame.footer("paragraph \(start.paragraph + 1) of \(doc.paragraphs.count)" + (more.isEmpty ? "" : " · " + more), in: rect, into: &grid)
    }
}
