import CNcurses
import ExplorerCore

/// Reads one event from curses and turns it into an explorer event.
struct InputReader {
    private var clicks = DoubleClickDetector()
    /// Between a press and its release: only then is a motion report a drag.
    private var buttonHeld = false

    /// Waits up to `milliseconds` (0: only takes what is already there) or until a
    /// signal interrupts the read. Nil when nothing the explorer understands arrived.
    mutating func next(waiting milliseconds: Int32) -> InputEvent? {
        let window = ds_stdscr()
        // wget_wch first refreshes a window changed since it was last refreshed. After
        // a resize curses has changed stdscr (the old frame, cut to the new size), and
        // that refresh would draw it just before the new frame: mark it as handed
        // over instead (no output; the next paint replaces it).
        if is_wintouched(window) { wnoutrefresh(window) }
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == KEY_CODE_YES {
            let code = Int32(bitPattern: value)
            if code == KEY_RESIZE { return .resize(width: Int(ds_cols()), height: Int(ds_lines())) }
            if code == KEY_MOUSE { return mouseEvent() }
            return KeyDecoder.keyCode(code).map(InputEvent.key)
        }
        if result == OK { return KeyDecoder.character(UInt32(value)).map(InputEvent.key) }
        return nil
    }

    private mutating func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let column = Int(event.x), row = Int(event.y)
        if state & ds_button1_double() != 0 {
            return .mouse(MouseEvent(.doubleClick, column: column, row: row))
        }
        // Button-motion tracking (1002) reports the pointer moving while the button is
        // held; curses gives it as a position report.
        if state & ds_report_mouse_position() != 0 {
            return buttonHeld ? .mouse(MouseEvent(.drag, column: column, row: row)) : nil
        }
        if state & ds_button1_released() != 0 {
            buttonHeld = false
            return .mouse(MouseEvent(.release, column: column, row: row))
        }
        if state & (ds_button1_pressed() | ds_button1_clicked()) != 0 {
            buttonHeld = state & ds_button1_pressed() != 0
            let action = clicks.press(column: column, row: row, at: ContinuousClock.now)
            return .mouse(MouseEvent(action, column: column, row: row))
        }
        if state & ds_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, column: column, row: row)) }
        if state & ds_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, column: column, row: row)) }
        return nil
    }
}

/// curses codes to explorer keys. Pure, so it reads as a table.
enum KeyDecoder {
    /// A character from `wget_wch` (not a key code).
    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value + 96))))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A key code from `wget_wch` (KEY_CODE_YES).
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case ds_key_f(1)...ds_key_f(63): return .function(Int(code - ds_key_f(0)))
        default: return nil
        }
    }
}

/// curses reports each press at once (mouseinterval 0, so clicks are not delayed);
/// a second press on the same cell soon after the first is a double click.
struct DoubleClickDetector {
    var interval: Duration = .milliseconds(400)
    private var last: (column: Int, row: Int, time: ContinuousClock.Instant)?

    mutating func press(column: Int, row: Int, at time: ContinuousClock.Instant) -> MouseEvent.Action {
        if let last, last.column == column, last.row == row, time - last.time <= interval {
            self.last = nil
            return .doubleClick
        }
        last = (column, row, time)
        return .press
    }
}
