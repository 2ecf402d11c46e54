import TerminalText

/// An aligned text table. Columns are measured in display columns; when the output
/// has a width, the table is fitted to it: columns that say nothing (every cell "—"
/// or empty) are left out first, then those of low priority, until the rest fit at
/// their natural widths (flexible ones at 12 or more, the first of them at 24);
/// then the flexible columns shrink, ending in an ellipsis. Rows never wrap; the
/// notes under them (evidence) wrap at spaces, so no word is cut.
struct Table {
    struct Column {
        let header: String
        var flexible = false
        var alignRight = false
        /// 0: always shown; otherwise higher numbers are left out first.
        var dropOrder = 0
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

    static let flexibleMinimum = 12
    static let primaryMinimum = 24

    func render(on console: Console) -> [String] {
        let natural = columns.indices.map { c in
            max(DisplayWidth.of(columns[c].header), rows.map { DisplayWidth.of($0[c]) }.max() ?? 0)
        }
        var shown = Array(columns.indices)
        var widths = natural
        if let total = console.width {
            // The first flexible column to keep (the title) keeps more room than the others.
            let primary = columns.indices.filter { columns[$0].flexible }.min { columns[$0].dropOrder < columns[$1].dropOrder }
            func minimum(_ c: Int) -> Int {
                columns[c].flexible ? min(natural[c], c == primary ? Self.primaryMinimum : Self.flexibleMinimum) : natural[c]
            }
            func needed() -> Int { shown.reduce(0) { $0 + minimum($1) } + 2 * (shown.count - 1) }
            let empty = { (c: Int) in rows.allSatisfy { $0[c] == "—" || $0[c].isEmpty } }
            while needed() > total, let drop = shown.filter({ columns[$0].dropOrder > 0 && empty($0) }).first
                    ?? shown.filter({ columns[$0].dropOrder > 0 }).max(by: { columns[$0].dropOrder < columns[$1].dropOrder }) {
                shown.removeAll { $0 == drop }
            }
            var excess = shown.reduce(0) { $0 + natural[$1] } + 2 * (shown.count - 1) - total
            // The column that would be left out first gives up its room first.
            for c in shown.sorted(by: { columns[$0].dropOrder > columns[$1].dropOrder }) where columns[c].flexible && excess > 0 {
                let cut = min(excess, max(0, natural[c] - Self.flexibleMinimum))
                widths[c] -= cut
                excess -= cut
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (k, c) in shown.enumerated() {
                let last = k == shown.count - 1
                if last && !columns[c].alignRight {
                    parts.append(DisplayWidth.truncate(cells[c], to: widths[c]))
                } else {
                    parts.append(DisplayWidth.fit(cells[c], to: widths[c], alignRight: columns[c].alignRight))
                }
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        // Whatever still does not fit is cut at the terminal's edge, never wrapped.
        func fitted(_ s: String) -> String { console.width.map { DisplayWidth.truncate(s, to: $0) } ?? s }
        var out = [console.bold(fitted(line(columns.map(\.header))))]
        for (r, row) in rows.enumerated() {
            out.append(fitted(line(row)))
            for note in notes[r] {
                let lines = console.width.map { DisplayWidth.wrap(note, width: max(20, $0 - 4)) } ?? [note]
                out += lines.map { console.dim(fitted("    " + $0)) }
            }
        }
        return out
    }
}
