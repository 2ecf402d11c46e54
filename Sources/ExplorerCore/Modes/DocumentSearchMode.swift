/// Typing a search in the document view: each key searches again from where the view
/// was when `/` was pressed, and the view jumps to the first match, as in less.
enum DocumentSearchMode {
    static let keys = KeyTable([
        KeyBinding([.enter], .accept, "keep the search: its matches stay marked, n/N go through them (an empty line ends it)"),
        KeyBinding([.escape], .cancel, "stop searching and go back to where the view was"),
    ] + LineEditing.keys, typesText: true,
        notes: ["Typed characters go into the search; the view jumps to the first match as you type (case and accents ignored, a line end matches a space)."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let typing = state.documentTyping else { return [] }
        switch command {
        case .accept:
            state.documentTyping = nil
            if typing.text.isEmpty { state.documentSearch = nil }
            if let s = state.documentSearch, s.isDone, s.found == 0 { state.message = "no match for “\(s.text)”" }
        case .cancel:
            cancel(typing, &state)
        default:
            guard let edited = LineEditing.edit(command, typing.text) else {
                cancel(typing, &state)
                return []
            }
            typed(edited, &state)
        }
        return []
    }

    static func type(_ c: Character, _ state: inout AppState) {
        if let typing = state.documentTyping { typed(typing.text + String(c), &state) }
    }

    /// Back to the place and quote of before `/`, without a search.
    static func cancel(_ typing: DocumentTyping, _ state: inout AppState) {
        state.documentTyping = nil
        state.documentSearch = nil
        state.mode = .document(quote: typing.quote)
        state.documentTop = typing.top
    }

    /// Searches again for the line as it is now, from the view's place before `/`.
    static func typed(_ text: String, _ state: inout AppState) {
        state.documentTyping?.text = text
        guard let typing = state.documentTyping else { return }
        state.documentTop = typing.top
        DocumentSearch.start(&state, text: text, origin: typing.origin)
    }
}
