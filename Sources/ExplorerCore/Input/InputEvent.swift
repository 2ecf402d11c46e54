/// A key as the explorer understands it, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Control plus a letter: `.ctrl("f")` is Ctrl-F.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case press, doubleClick, wheelUp, wheelDown
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

/// Everything that can happen to the explorer.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// No input is waiting: time to go on with work left pending (`AppState.isBusy`).
    case idle
}

/// What the explorer asks of its backend after an event.
public enum Effect: Hashable, Sendable {
    case quit
    /// Capture the mouse (clicks and wheel go to the explorer) or release it (the
    /// terminal's own selection works).
    case mouseCapture(Bool)
    case bell
}
