import CNcurses
import ExplorerCore
#if canImport(Glibc)
import Glibc
#endif

/// Paints explorer grids on the terminal. curses keeps the terminal (modes, keys,
/// mouse, resizes, Ctrl-Z); the frames are written by `FrameEncoder`, which knows
/// the grid's meaning and sends fewer bytes than curses' own refresh (one SGR
/// sequence per style change, no colour changes on blanks, the cheapest cursor move).
/// curses' `stdscr` stays blank and untouched, so curses never draws over a frame.
final class Painter {
    private var encoder: FrameEncoder
    /// Bytes written since start: a cheap measure of paint work.
    private(set) var bytesWritten = 0

    init(codes: TerminalCodes, styles: [CellStyle], utf8: Bool) {
        encoder = FrameEncoder(codes: codes, styles: styles, utf8: utf8)
    }

    /// Makes the next paint clear the terminal and write every cell (after a
    /// resume from Ctrl-Z, a resize, or Ctrl-L).
    func invalidate() {
        encoder.invalidate()
    }

    func paint(_ grid: Grid) {
        let screen = ds_stdscr()
        // After a resize curses has touched its (blank) screen and would repaint it
        // at the next read, over the frame: let it do so now, then repaint all.
        if is_wintouched(screen) {
            wnoutrefresh(screen)
            encoder.invalidate()
        }
        // Also sends what curses has queued (mouse modes, a bell) before the frame.
        doupdate()
        let bytes = encoder.encode(grid)
        Self.writeAll(bytes)
        bytesWritten += bytes.count
    }

    /// Writes to standard output, through interruptions by signals.
    static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// The cluster as wide characters for the terminal: the base character and the
    /// zero-width characters that follow it (at most 5 in all, as curses allows). A
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
