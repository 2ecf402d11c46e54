import TerminalText

/// A run of text with one role.
struct Span: Equatable {
    var text: String
    var role: Role

    init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

typealias StyledLine = [Span]

enum StyledText {
    /// Wraps spans into lines of at most `width` columns, breaking at spaces; a word
    /// wider than the line is broken by characters. `indent` columns start every line
    /// after the first.
    static func wrap(_ spans: [Span], width: Int, indent: Int = 0) -> [StyledLine] {
        guard width > indent else { return [spans] }
        // Split into words (with the space before them) that keep their role.
        var words: [[Span]] = []
        var current: [Span] = []
        for span in spans {
            var piece = ""
            for c in span.text {
                if c == " " {
                    if !piece.isEmpty { current.append(Span(piece, span.role)); piece = "" }
                    if !current.isEmpty { words.append(current); current = [] }
                    current.append(Span(" ", span.role))
                } else {
                    piece.append(c)
                }
            }
            if !piece.isEmpty { current.append(Span(piece, span.role)) }
        }
        if !current.isEmpty { words.append(current) }

        var lines: [StyledLine] = []
        var line: StyledLine = []
        var used = 0
        func flush() {
            lines.append(line)
            line = indent > 0 ? [Span(String(repeating: " ", count: indent))] : []
            used = indent
        }
        for var word in words {
            var w = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if used + w > width && used > indent {
                flush()
                // Drop the leading space of a word that starts a line.
                if word.first?.text == " " { word.removeFirst(); w -= 1 }
            }
            if w > width - indent {
                for span in word {
                    for c in span.text {
                        let cw = DisplayWidth.of(c)
                        if used + cw > width { flush() }
                        append(&line, c, span.role)
                        used += cw
                    }
                }
                continue
            }
            for span in word { append(&line, span.text, span.role) }
            used += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func append(_ line: inout StyledLine, _ c: Character, _ role: Role) {
        append(&line, String(c), role)
    }

    private static func append(_ line: inout StyledLine, _ text: String, _ role: Role) {
        if let last = line.last, last.role == role {
            line[line.count - 1].text += text
        } else {
            line.append(Span(text, role))
        }
    }

    /// Draws one styled line, clipped to `limit` columns.
    static func draw(_ line: StyledLine, into grid: inout Grid, row: Int, column: Int, limit: Int) {
        var x = column
        for span in line {
            let room = column + limit - x
            if room <= 0 { break }
            x += grid.put(span.text, row: row, column: x, role: span.role, limit: room)
        }
    }
}
