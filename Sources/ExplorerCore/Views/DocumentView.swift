import DealModel
import TerminalText

/// The whole source document with every quote marked; n/N move between quotes.
enum DocumentView {
    /// One quoted span of the document and every record that quotes it.
    struct Quote: Sendable {
        let evidence: Evidence
        var owners: [(record: RecordRef, title: String)]
        var owner: String { owners.map(\.title).joined(separator: "; ") }
    }

    /// The document shown: that of the selected record's first quote.
    static func document(_ state: AppState) -> SourceDocument? {
        firstEvidence(state)?.document ?? state.catalog.documents.first
    }

    static func firstEvidence(_ state: AppState) -> Evidence? {
        state.detailRecord.flatMap { state.catalog.evidence(of: $0).first }
    }

    /// The quotes of the open document view, gathered once when it opened.
    static func quotes(_ state: AppState) -> [Quote] { state.documentQuotes }

    /// Every quoted span of the document, in reading order; a span quoted by several
    /// records is one stop.
    static func collectQuotes(_ state: AppState) -> [Quote] {
        guard let doc = document(state) else { return [] }
        let c = state.catalog
        var all: [Quote] = []
        var at: [Range<String.Index>: Int] = [:]
        func add(_ e: Evidence, _ record: RecordRef, _ title: String) {
            guard e.document === doc else { return }
            if let i = at[e.range] {
                all[i].owners.append((record, title))
            } else {
                at[e.range] = all.count
                all.append(Quote(evidence: e, owners: [(record, title)]))
            }
        }
        for (i, p) in c.partners.enumerated() { for e in p.evidence + p.products.flatMap(\.evidence) { add(e, .partner(i), p.name) } }
        for (i, d) in c.deals.enumerated() { for e in d.evidence { add(e, .deal(i), d.title) } }
        for (i, ev) in c.events.enumerated() { for e in ev.evidence { add(e, .event(i), ev.title) } }
        return all.sorted { a, b in
            a.evidence.range.lowerBound != b.evidence.range.lowerBound
                ? a.evidence.range.lowerBound < b.evidence.range.lowerBound
                : a.evidence.range.upperBound < b.evidence.range.upperBound
        }
    }

    /// The status line in the document view: which quote, and whose it is.
    static func status(_ state: AppState, quote current: Int) -> String {
        let all = quotes(state)
        guard all.indices.contains(current) else { return "no quotes in this document · Esc closes" }
        return "quote \(current + 1) of \(all.count) · Enter opens: \(all[current].owner)"
    }

    static func startQuote(_ state: AppState) -> Int {
        guard let first = firstEvidence(state) else { return 0 }
        return state.documentQuotes.firstIndex { $0.evidence.range == first.range } ?? 0
    }

    static func draw(_ state: AppState, quote current: Int, into grid: inout Grid) {
        let rect = Rect(x: 0, y: 0, width: grid.width, height: grid.height - 1)
        grid.fill(row: 0, column: 0, width: rect.width, height: rect.height, role: .normal)
        guard let doc = document(state) else { return }
        let all = quotes(state)
        let inner = rect.inner
        let width = max(1, inner.width - 2)
        let currentRange = all.indices.contains(current) ? all[current].evidence.range : nil
        var lines: [StyledLine] = []
        var currentLine = 0
        let text = doc.text
        for para in doc.paragraphs {
            // Role of every character of the paragraph.
            let chars = Array(text[para].indices)
            var roles = [Role](repeating: .normal, count: chars.count)
            for q in all where q.evidence.range.overlaps(para) {
                for (k, i) in chars.enumerated() where q.evidence.range.contains(i) { roles[k] = .related }
            }
            if let r = currentRange, r.overlaps(para) {
                for (k, i) in chars.enumerated() where r.contains(i) { roles[k] = .quote }
                currentLine = lines.count
            }
            var spans: [Span] = []
            for (k, i) in chars.enumerated() {
                if let last = spans.last, last.role == roles[k] { spans[spans.count - 1].text.append(text[i]) } else { spans.append(Span(String(text[i]), roles[k])) }
            }
            if let r = currentRange, r.overlaps(para) {
                // Point at the line that holds the start of the quote.
                let before = text.distance(from: para.lowerBound, to: max(para.lowerBound, r.lowerBound))
                let wrapped = StyledText.wrap(spans, width: width)
                var count = 0
                for (n, l) in wrapped.enumerated() {
                    count += l.reduce(0) { $0 + $1.text.count }
                    if count > before { currentLine = lines.count + n; break }
                }
                lines += wrapped
            } else {
                lines += StyledText.wrap(spans, width: width)
            }
            lines.append([])
        }
        let top = state.overlayScroll < 0 ? max(0, min(currentLine - inner.height / 3, lines.count - inner.height)) : min(state.overlayScroll, max(0, lines.count - inner.height))
        let name = doc.path.split(separator: "/").last.map(String.init) ?? doc.path
        Frame.draw(rect, title: "Document " + name, number: nil, info: "n/N quotes · Esc", focused: true, into: &grid)
        for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            StyledText.draw(line, into: &grid, row: inner.y + i, column: inner.x + 1, limit: width)
        }
        if currentLine >= top && currentLine < top + inner.height { grid.cursor = (inner.y + currentLine - top, inner.x + 1) }
    }
}
