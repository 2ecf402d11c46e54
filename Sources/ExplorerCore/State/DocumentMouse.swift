/// The mouse in the document view: a press selects the word under it, a drag
/// extends the selection word by word to the word under the pointer (back as well
/// as forward), release keeps it for `a`, `P`, `D`, `E` as a keyboard selection; a
/// double click selects the sentence; the wheel scrolls.
enum DocumentMouse {
    static func handle(_ m: MouseEvent, _ state: inout AppState) {
        switch m.action {
        case .wheelUp, .wheelDown:
            state.documentTop = DocumentView.scrolled(state, by: m.action == .wheelDown ? 3 : -3)
        case .press:
            state.documentDragAnchor = word(m, state)
            if let word = state.documentDragAnchor { state.documentSelection = word }
        case .drag:
            guard let anchor = state.documentDragAnchor, let doc = DocumentView.document(state), let word = word(m, state) else { return }
            state.documentSelection = DocumentSelection.spanning(anchor, word, in: doc)
        case .release:
            state.documentDragAnchor = nil
        case .doubleClick:
            state.documentDragAnchor = nil
            guard let doc = DocumentView.document(state), let offset = DocumentView.offset(state, column: m.column, row: m.row),
                  let sentence = DocumentSelection.sentence(at: offset, in: doc) else { return }
            state.documentSelection = sentence
        }
    }

    private static func word(_ m: MouseEvent, _ state: AppState) -> DocumentSelection? {
        guard let doc = DocumentView.document(state), let offset = DocumentView.offset(state, column: m.column, row: m.row) else { return nil }
        return DocumentSelection.word(under: offset, in: doc)
    }
}
