/// A key as the explorer understands it, independent of the terminal library.
/// `KeyName` writes and reads keys as text ("C-f", "PgDn", "S-Tab").
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Control plus a letter: `.ctrl("f")` is Ctrl-F.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)

    /// A character a typing mode inserts: printable, not a control.
    var printable: Character? {
        guard case .char(let c) = self, !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return c
    }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case press, doubleClick, wheelUp, wheelDown
        /// The pointer moved with the button held (after a press), and the button let go.
        case drag, release
    }

    public let action: Action
    public let column: Int
    public let row: Int

    public init(_ action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}
