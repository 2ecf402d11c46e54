import CNcurses
import ExplorerCore

/// Paints explorer grids through curses: each cell that differs from the grid
/// painted before goes to `stdscr` as a wide-character cell (its grapheme, the
/// role's attributes and colour pair), then one `doupdate` lets curses send what
/// changed on the terminal, with the codes terminfo gives for it.
///
/// A blank looks the same in any style without reverse or underline (no role has a
/// background colour), so such blanks are written in the style of the text around
/// them when both sides share one (the spaces between the words of a coloured
/// line) and plain otherwise: curses then sends no style change for them.
final class Painter {
    private let styles: [CursesStyle]
    /// Whether a blank in each role's style looks like a plain blank.
    private let blankInvisible: [Bool]
    private let utf8: Bool
    private var previous: Grid?
    /// The styles cells of one row are written in.
    private var rowStyles: [CursesStyle] = []

    /// - Parameters:
    ///   - styles: the curses style of each role, by `Role.rawValue`.
    ///   - utf8: the codeset is UTF-8; otherwise non-ASCII is drawn as "?".
    init(styles: [CursesStyle], utf8: Bool) {
        self.styles = styles
        blankInvisible = styles.map { $0.attributes & (ds_a_reverse() | ds_a_underline()) == 0 }
        self.utf8 = utf8
    }

    /// Makes the next paint clear the terminal and write every cell (after a
    /// resize, Ctrl-L, or a resume).
    func invalidate() {
        previous = nil
        clearok(ds_curscr(), true)
    }

    func paint(_ grid: Grid) {
        let window = ds_stdscr()
        let rows = min(grid.height, Int(getmaxy(window))), columns = min(grid.width, Int(getmaxx(window)))
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if old == nil { werase(window) }
        for row in 0..<rows {
            if let old, (0..<columns).allSatisfy({ old[row, $0] == grid[row, $0] }) { continue }
            prepareStyles(row: row, of: grid, columns: columns)
            for column in 0..<columns {
                let cell = grid[row, column]
                if cell.isContinuation || old?[row, column] == cell { continue }
                put(cell, rowStyles[column], row: row, column: column, columns: columns, window: window)
            }
        }
        // The terminal cursor rests on the selected row, where a screen reader looks.
        if let cursor = grid.cursor, cursor.row < rows, cursor.column < columns {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            wmove(window, 0, 0)
        }
        previous = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one cell. When the C library measures the character differently from
    /// the grid, what is written still takes the grid's width, so no column shifts:
    /// a character it thinks narrow (an emoji with a presentation selector, "?" for
    /// non-ASCII without UTF-8) is written alone and followed by a space; anything
    /// else becomes U+FFFD.
    private func put(_ cell: Cell, _ style: CursesStyle, row: Int, column: Int, columns: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let width = Int(cell.width)
        var characters = utf8 ? Self.wideCharacters(cell.text) : Self.asciiCharacters(cell.text)
        let measured = Int(ds_wcwidth(characters[0]))
        var padding = false
        if measured == 1, width == 2 {
            characters = [characters[0]]
            padding = true
        } else if measured != width {
            characters = [utf8 ? 0xFFFD : 0x3F]
            padding = width == 2
        }
        write(characters, style, row: row, column: column, window: window)
        if padding, column + 1 < columns { write([0x20], style, row: row, column: column + 1, window: window) }
    }

    /// The style each cell of a row is written in: its role's, except for blanks on
    /// which that style does not show (see above).
    private func prepareStyles(row: Int, of grid: Grid, columns: Int) {
        rowStyles.removeAll(keepingCapacity: true)
        var left: CursesStyle?
        var pending: [Int] = []
        for column in 0..<columns {
            let cell = grid[row, column]
            let role = Int(cell.role.rawValue)
            if cell.text == " " && blankInvisible[role] {
                rowStyles.append(CursesStyle(attributes: 0, pair: 0))
                pending.append(column)
                continue
            }
            let style = styles[role]
            if left == style && blankInvisible[role] { for p in pending { rowStyles[p] = style } }
            pending.removeAll(keepingCapacity: true)
            rowStyles.append(style)
            if !cell.isContinuation { left = style }
        }
    }

    private func write(_ characters: [wchar_t], _ style: CursesStyle, row: Int, column: Int, window: UnsafeMutablePointer<WINDOW>?) {
        var cchar = cchar_t()
        (characters + [0]).withUnsafeBufferPointer { buffer in
            _ = setcchar(&cchar, buffer.baseAddress, style.attributes, style.pair, nil)
        }
        _ = mvwadd_wch(window, Int32(row), Int32(column), &cchar)
    }

    /// The cluster as wide characters for `setcchar`: the base character and the
    /// zero-width characters that follow it (at most `CCHARW_MAX` in all). A
    /// following character with a width of its own (the second emoji of a joined
    /// sequence) ends it, so a cell never holds more than the grid measured.
    static func wideCharacters(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars {
            let c = wchar_t(bitPattern: scalar.value)
            if !result.isEmpty, ds_wcwidth(c) != 0 || result.count == Int(ds_ccharw_max()) { break }
            result.append(c)
        }
        return result.isEmpty ? [0x20] : result
    }

    /// For a codeset that is not UTF-8: ASCII as it is, anything else as "?".
    static func asciiCharacters(_ text: String) -> [wchar_t] {
        guard let first = text.unicodeScalars.first else { return [0x20] }
        return [first.isASCII ? wchar_t(bitPattern: first.value) : 0x3F]
    }
}
