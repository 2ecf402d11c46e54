import DealModel
import TerminalText

/// The document byte under a screen cell, read off the lines `DocumentView.draw`
/// lays out (the same top, pieces and wrapping), so a click lands on the word drawn
/// there whatever the width, the pieces or a wide character.
extension DocumentView {
    /// The byte offset of the character drawn at (column, row); a cell right of a
    /// line's end gives the line's last character. Nil outside the text.
    static func offset(_ state: AppState, column: Int, row: Int) -> Int? {
        guard let doc = document(state), !doc.paragraphs.isEmpty else { return nil }
        let inner = Rect(x: 0, y: 0, width: state.width, height: state.height - 1).inner
        let target = row - inner.y
        guard target >= 0, target < inner.height else { return nil }
        let pieces = DocumentPieces(document: doc)
        let start = top(state)
        var at: (Int, Int)? = (start.paragraph, start.piece)
        var line = start.line, shown = 0
        while let (p, k) = at {
            let lines = block(state, p, k).lines
            if line < lines.count, shown + lines.count - line > target {
                return offset(in: lines, line: line + target - shown, from: pieces.range(p, k).lowerBound, doc, column: column - inner.x - 1)
            }
            shown += max(0, lines.count - line)
            line = 0
            at = pieces.next(p, k)
        }
        return nil
    }

    /// Walks the piece's bytes along its wrapped lines (a line starts without the
    /// space it broke at, which is skipped here) to the character at `column`.
    private static func offset(in lines: [StyledLine], line n: Int, from start: Int, _ doc: SourceDocument, column: Int) -> Int? {
        DocumentSelection.bytes(doc) { b -> Int? in
            var i = start
            func take(_ text: String) -> [Int] {
                var starts: [Int] = []
                for c in text {
                    let bytes = Array(String(c).utf8)
                    // A space the wrap dropped before this line's first character.
                    while i < b.count, b[i] == 0x20, bytes.first != 0x20 { i += 1 }
                    starts.append(i)
                    i += bytes.count
                }
                return starts
            }
            for l in lines.prefix(n) { _ = take(l.map(\.text).joined()) }
            let text = lines[n].map(\.text).joined()
            let starts = take(text)
            guard !starts.isEmpty else { return nil }
            var x = 0
            for (c, s) in zip(text, starts) {
                x += DisplayWidth.of(Sanitizer.line(String(c)))
                if column < x { return s }
            }
            return starts.last
        } ?? nil
    }
}
