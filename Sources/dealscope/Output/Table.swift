import TerminalText

/// An aligned text table. Columns are measured in display columns; when the output
/// has a width, the flexible column shrinks (with an ellipsis) to fit it.
struct Table {
    struct Column {
        let header: String
        var flexible = false
        var alignRight = false
    }

    let columns: [Column]
    var rows: [[String]] = []
    /// Lines printed under a row (evidence), indented.
    var notes: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ cells: [String], notes: [String] = []) {
        rows.append(cells.map(Sanitizer.line))
        self.notes.append(notes.map(Sanitizer.line))
    }

    func render(on console: Console) -> [String] {
        var widths = columns.indices.map { c in
            max(DisplayWidth.of(columns[c].header), rows.map { DisplayWidth.of($0[c]) }.max() ?? 0)
        }
        if let total = console.width {
            let gap = 2 * (columns.count - 1)
            let used = widths.reduce(0, +) + gap
            if used > total, let flex = columns.firstIndex(where: \.flexible) {
                widths[flex] = max(8, widths[flex] - (used - total))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (c, cell) in cells.enumerated() {
                let last = c == cells.count - 1
                if last && !columns[c].alignRight {
                    parts.append(DisplayWidth.truncate(cell, to: widths[c]))
                } else {
                    parts.append(DisplayWidth.fit(cell, to: widths[c], alignRight: columns[c].alignRight))
                }
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = [console.bold(line(columns.map(\.header)))]
        for (r, row) in rows.enumerated() {
            out.append(line(row))
            for note in notes[r] {
                let indented = "    " + note
                out.append(console.dim(console.width.map { DisplayWidth.truncate(indented, to: $0) } ?? indented))
            }
        }
        return out
    }
}
