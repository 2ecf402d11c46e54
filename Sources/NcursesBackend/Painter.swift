import CNcurses
import ExplorerCore

/// Paints explorer grids through curses: each cell that differs from the grid
/// painted before goes to `stdscr` as a wide-character cell (its grapheme, the
/// role's attributes and colour pair), then one `doupdate` lets curses send what
/// changed on the terminal, with the codes terminfo gives for it.
final class Painter {
    private let styles: [CursesStyle]
    private let utf8: Bool
    private var previous: Grid?

    /// - Parameters:
    ///   - styles: the curses style of each role, by `Role.rawValue`.
    ///   - utf8: the codeset is UTF-8; otherwise non-ASCII is drawn as "?".
    init(styles: [CursesStyle], utf8: Bool) {
        self.styles = styles
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
            for column in 0..<columns {
                let cell = grid[row, column]
                if cell.isContinuation || old?[row, column] == cell { continue }
                put(cell, row: row, column: column, columns: columns, window: window)
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
    private func put(_ cell: Cell, row: Int, column: Int, columns: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let style = styles[Int(cell.role.rawValue)]
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
