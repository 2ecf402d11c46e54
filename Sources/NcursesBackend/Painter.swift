import CNcurses
import ExplorerCore

/// Paints explorer grids on the curses screen, writing only the cells that differ
/// from the grid painted before (a cursor move rewrites two rows, not the screen),
/// then `wnoutrefresh` + `doupdate`. curses itself again sends only what changed.
final class Painter {
    private let styles: RoleStyles
    private let utf8: Bool
    private var previous: Grid?
    /// Cells handed to curses since start: a cheap measure of paint work.
    private(set) var cellsWritten = 0

    init(styles: RoleStyles, utf8: Bool) {
        self.styles = styles
        self.utf8 = utf8
    }

    /// Makes the next paint write every cell and redraw the terminal from scratch
    /// (after a resume from Ctrl-Z, a resize, or Ctrl-L).
    func invalidate() {
        previous = nil
        clearok(ds_curscr(), true)
    }

    func paint(_ grid: Grid) {
        let window = ds_stdscr()
        let rows = min(grid.height, Int(getmaxy(window)))
        let columns = min(grid.width, Int(getmaxx(window)))
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if old == nil { werase(window) }
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = grid[row, column]
                if cell.isContinuation { continue }
                if let old, old[row, column] == cell { continue }
                put(cell, row: row, column: column, columns: columns, window: window)
            }
        }
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
        let style = styles[cell.role]
        let width = Int(cell.width)
        var characters = utf8 ? Self.wideCharacters(cell.text) : Self.asciiCharacters(cell.text)
        var padding = 0
        let measured = characters.first.map { Int(ds_wcwidth($0)) } ?? -1
        if measured == 1, width == 2 {
            characters = [characters[0]]
            padding = 1
        } else if measured != width {
            characters = [utf8 ? 0xFFFD : 0x3F]
            padding = width - 1
        }
        characters.append(0)
        var cchar = cchar_t()
        characters.withUnsafeBufferPointer { buffer in
            _ = setcchar(&cchar, buffer.baseAddress, style.attributes, style.pair, nil)
        }
        _ = mvwadd_wch(window, Int32(row), Int32(column), &cchar)
        cellsWritten += 1
        if padding > 0, column + 1 < columns {
            var blank = cchar_t()
            var space: [wchar_t] = [0x20, 0]
            _ = setcchar(&blank, &space, style.attributes, style.pair, nil)
            _ = mvwadd_wch(window, Int32(row), Int32(column + 1), &blank)
        }
    }

    /// The cluster as wide characters for `setcchar`: the base character and the
    /// zero-width characters that follow it (at most 5 in all, curses' limit). A
    /// following character with a width of its own (the second emoji of a joined
    /// sequence) ends it, so a cell never holds more than the grid measured.
    static func wideCharacters(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars {
            let c = wchar_t(bitPattern: scalar.value)
            if result.isEmpty {
                result.append(c)
            } else {
                if ds_wcwidth(c) != 0 || result.count == 5 { break }
                result.append(c)
            }
        }
        if result.isEmpty { result = [0x20] }
        return result
    }

    /// For a codeset that is not UTF-8: ASCII as it is, anything else as "?".
    static func asciiCharacters(_ text: String) -> [wchar_t] {
        guard let first = text.unicodeScalars.first else { return [0x20] }
        return [first.isASCII ? wchar_t(bitPattern: first.value) : 0x3F]
    }
}
