import DealModel

/// A quote in its paragraph as Detail shows it, cut to `context` bytes on each side
/// (with "…"), so that what Detail lays out per key does not grow with the paragraph:
/// a quote in a 50 MB paragraph costs what one in an article does. The document view
/// (`v`) shows the paragraph whole.
enum QuoteContext {
    static let context = 600
    /// A longer quote shows its start and its end.
    static let longestQuote = 2000

    /// The paragraph around the quote: other sentences muted, the quote's sentence
    /// plain, the quoted words highlighted.
    static func spans(_ e: Evidence) -> [Span] {
        let doc = e.document
        let u = doc.text.utf8
        func offset(_ i: String.Index) -> Int { u.distance(from: u.startIndex, to: i) }
        let para = doc.paragraphs.offsets(e.paragraph)
        let q = e.utf8Range
        let sentence = e.sentenceRange
        let lo = lead(doc, max(para.lowerBound, q.lowerBound - context))
        let hi = lead(doc, min(para.upperBound, q.upperBound + context))
        func clamp(_ o: Int) -> Int { min(max(o, lo), hi) }
        let sLo = clamp(offset(sentence.lowerBound)), sHi = clamp(offset(sentence.upperBound))
        let qLo = clamp(max(sLo, q.lowerBound)), qHi = clamp(min(sHi, q.upperBound))
        var spans = [
            Span(lo > para.lowerBound ? "… " : "", .muted), Span(text(doc, lo, sLo), .muted), Span(text(doc, sLo, qLo)),
        ]
        if qHi - qLo > longestQuote {
            let cut = lead(doc, qLo + longestQuote / 2), back = lead(doc, qHi - longestQuote / 2)
            spans += [Span(text(doc, qLo, cut), .quote), Span(" … ", .muted), Span(text(doc, back, qHi), .quote)]
        } else {
            spans.append(Span(text(doc, qLo, qHi), .quote))
        }
        spans += [Span(text(doc, qHi, sHi)), Span(text(doc, sHi, hi), .muted), Span(hi < para.upperBound ? " …" : "", .muted)]
        return spans.filter { !$0.text.isEmpty }
    }

    /// The sentence that holds the quote, cut to the context around the quote.
    static func sentence(_ e: Evidence) -> String {
        let doc = e.document
        let u = doc.text.utf8
        let s = e.sentenceRange
        let sLo = u.distance(from: u.startIndex, to: s.lowerBound), sHi = u.distance(from: u.startIndex, to: s.upperBound)
        let lo = lead(doc, max(sLo, e.utf8Range.lowerBound - context)), hi = lead(doc, min(sHi, e.utf8Range.upperBound + context))
        return (lo > sLo ? "… " : "") + text(doc, lo, hi) + (hi < sHi ? " …" : "")
    }

    /// The first scalar start at or after a byte offset.
    static func lead(_ doc: SourceDocument, _ o: Int) -> Int {
        let u = doc.text.utf8
        var o = min(max(0, o), u.count)
        while o < u.count && u[u.index(u.startIndex, offsetBy: o)] & 0xC0 == 0x80 { o += 1 }
        return o
    }

    static func text(_ doc: SourceDocument, _ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        let u = doc.text.utf8
        return String(doc.text[u.index(u.startIndex, offsetBy: a)..<u.index(u.startIndex, offsetBy: b)])
    }
}
