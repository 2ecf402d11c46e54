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
}
