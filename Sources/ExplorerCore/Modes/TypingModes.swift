/// The two modes that type a line: the command line after `:` and a search after
/// `/`. Printable characters are inserted; the tables hold every other key.
enum CommandLineMode {
    static let keys = KeyTable([
        KeyBinding([.enter], .accept, "run the command"),
        KeyBinding([.escape], .cancel, "close the command line"),
        KeyBinding([.tab], .complete, "complete a command or a partner's name"),
        KeyBinding([.up], .historyPrevious, "an earlier command"),
        KeyBinding([.down], .historyNext, "a later command"),
    ] + LineEditing.keys, typesText: true, notes: ["Typed characters go into the command line; " + CommandLine.help])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .command(let text) = state.mode else { return [] }
        switch command {
        case .cancel:
            state.mode = .normal
            state.historyIndex = nil
        case .accept:
            state.mode = .normal
            state.historyIndex = nil
            if !text.isEmpty && state.commandHistory.last != text { state.commandHistory.append(text) }
            return CommandLine.execute(text, &state)
        case .complete:
            state.mode = .command(CommandLine.complete(text, state.catalog, filter: state.filter))
        case .historyPrevious, .historyNext:
            // Command history, as in a shell.
            let history = state.commandHistory
            guard !history.isEmpty else { return [] }
            var i = state.historyIndex ?? history.count
            i = command == .historyPrevious ? max(0, i - 1) : min(history.count, i + 1)
            state.historyIndex = i
            state.mode = .command(i < history.count ? history[i] : "")
        default:
            guard let edited = LineEditing.edit(command, text) else { state.mode = .normal; return [] }
            state.mode = .command(edited)
        }
        return []
    }

    static func type(_ c: Character, _ state: inout AppState) {
        if case .command(let text) = state.mode { state.mode = .command(text + String(c)) }
    }
}

/// Typing a search: each key searches again (narrowing the last matches), and the
/// cursor jumps to the first match from where it was, as in less.
enum SearchTypingMode {
    static let keys = KeyTable([
        KeyBinding([.enter], .accept, "keep the search: its matches stay marked, n/N go through them"),
        KeyBinding([.escape], .cancel, "stop searching and go back to where the cursor was"),
    ] + LineEditing.keys, typesText: true,
        notes: ["Typed characters go into the search; the cursor jumps to the first match as you type (case and accents ignored)."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .search(let text) = state.mode else { return [] }
        switch command {
        case .cancel:
            state.mode = .normal
            state.pendingSearch = nil
            state.confirmSearch("")
            if let o = state.searchOrigin {
                state.focus = o.focus
                state.detailSource = o.detailSource
                state.lists = o.lists
            }
            state.searchOrigin = nil
        case .accept:
            state.mode = .normal
            state.searchOrigin = nil
            if state.pendingSearch?.text == text {
                // Still searching: it becomes the confirmed search when done.
                state.pendingSearch?.confirm = true
                return []
            }
            state.pendingSearch = nil
            state.confirmSearch(text)
            if !text.isEmpty && state.searchHits.isEmpty { state.message = "no match for “\(text)”" }
        default:
            guard let edited = LineEditing.edit(command, text) else { state.mode = .normal; return [] }
            searchTyped(edited, &state)
        }
        return []
    }

    static func type(_ c: Character, _ state: inout AppState) {
        if case .search(let text) = state.mode { searchTyped(text + String(c), &state) }
    }

    /// Incremental: jumps to the first match from the cursor on.
    static func searchTyped(_ text: String, _ state: inout AppState) {
        state.mode = .search(text)
        if text.isEmpty {
            state.pendingSearch = nil
        } else {
            Search.startTyped(&state, text: text)
        }
    }
}

/// The edits both typing modes share.
enum LineEditing {
    static let keys = [
        KeyBinding([.backspace, .delete], .deleteBackward, "delete the last character (on an empty line: leave)"),
        KeyBinding([.ctrl("u")], .clearLine, "clear the line"),
        KeyBinding([.ctrl("c")], .quit, "quit"),
        KeyTable.redraw,
    ]

    /// The line after an edit; nil when Backspace on an empty line leaves the mode.
    static func edit(_ command: Command, _ text: String) -> String? {
        switch command {
        case .deleteBackward: text.isEmpty ? nil : String(text.dropLast())
        case .clearLine: ""
        default: text
        }
    }
}
