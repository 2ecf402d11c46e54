import TerminalText

/// An in-memory screen of cells that views draw into and backends paint. Nothing is
/// ever written outside it: every write is clipped.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should rest (the selected row), for screen readers.
    public var cursor: (row: Int, column: Int)? {
        get { cursorStorage.map { ($0 / max(width, 1), $0 % max(width, 1)) } }
        set { cursorStorage = newValue.map { $0.row * width + $0.column } }
    }
    private var cursorStorage: Int?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes text from (column, row), clipped to `limit` columns (and the grid).
    /// Text is sanitized here, so nothing raw from data can reach the terminal.
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let end = min(width, column + (limit ?? width))
        var x = column
        var clean = Sanitizer.line(text)
        // Text that does not fit ends with an ellipsis, never cut mid-word silently.
        if end - column > 0 && DisplayWidth.of(clean) > end - column {
            clean = DisplayWidth.truncate(clean, to: end - column)
        }
        for c in clean {
            let w = DisplayWidth.of(c)
            if w == 0 {
                // A lone zero-width character joins the previous cell.
                if x > 0, x - 1 >= column, x - 1 < width {
                    var prev = self[row, x - 1]
                    if prev.isContinuation, x - 2 >= 0 { prev = self[row, x - 2]; prev.text.append(c); self[row, x - 2] = prev } else { prev.text.append(c); self[row, x - 1] = prev }
                }
                continue
            }
            if x + w > end { break }
            if x >= 0 {
                clearWide(row: row, column: x)
                if w == 2 { clearWide(row: row, column: x + 1) }
                self[row, x] = Cell(text: String(c), role: role, width: UInt8(w))
                if w == 2 { self[row, x + 1] = Cell(text: "", role: role, width: 0) }
            }
            x += w
        }
        return x - column
    }

    /// Keeps wide characters whole when a write lands on half of one.
    private mutating func clearWide(row: Int, column: Int) {
        guard column >= 0, column < width else { return }
        let cell = self[row, column]
        if cell.isContinuation, column > 0 {
            self[row, column - 1] = Cell(text: " ", role: self[row, column - 1].role, width: 1)
        } else if cell.width == 2, column + 1 < width {
            self[row, column + 1] = Cell(text: " ", role: cell.role, width: 1)
        }
    }

    /// Fills a rectangle with blanks of a role.
    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, role: Role) {
        let r0 = max(0, row), r1 = min(height, row + h)
        let c0 = max(0, column), c1 = min(width, column + w)
        guard r0 < r1, c0 < c1 else { return }
        for r in r0..<r1 {
            if c0 > 0, self[r, c0].isContinuation { self[r, c0 - 1] = Cell(text: " ", role: self[r, c0 - 1].role, width: 1) }
            if c1 < width, self[r, c1].isContinuation { self[r, c1] = Cell(text: " ", role: self[r, c1].role, width: 1) }
            for c in c0..<c1 { self[r, c] = Cell(text: " ", role: role, width: 1) }
        }
    }

    /// Changes the role of cells without touching their text.
    public mutating func paint(row: Int, column: Int, width w: Int, role: Role) {
        guard row >= 0, row < height else { return }
        for c in max(0, column)..<min(width, column + w) { self[row, c].role = role }
    }

    /// One row as plain text (continuation cells add nothing), trailing spaces kept.
    public func text(row: Int) -> String {
        var s = ""
        for c in 0..<width { s += self[row, c].text }
        return s
    }

    /// The whole screen as text, one line per row, trailing spaces removed: the form
    /// the screen tests compare.
    public var text: String {
        (0..<height).map { r in
            var line = text(row: r)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorStorage == b.cursorStorage
    }
}
