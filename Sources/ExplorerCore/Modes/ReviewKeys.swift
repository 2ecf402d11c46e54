import DealModel

/// The review and edit keys of the panes (in `NormalMode`'s table, group "Review").
enum ReviewKeys {
    static let group = "Review and edit"

    static let bindings = [
        KeyBinding([.char("a")], .acceptDraft, "accept the selected draft (its mark goes)", group: group),
        KeyBinding([.char("r")], .rejectDraft, "reject the selected record (it is removed)", group: group),
        KeyBinding([.char("J")], .nextEvidence, "Detail: mark the next quote or link (d removes it, Enter opens it)", group: group),
        KeyBinding([.char("K")], .previousEvidence, "Detail: mark the previous quote or link", group: group),
        KeyBinding([.char("d")], .removeQuote, "remove the quote marked in Detail (Detail focused)", group: group),
        KeyBinding([.char(">")], .nextDraft, "next record to review (marked ?)", group: group),
        KeyBinding([.char("e")], .editRecord, "edit the selected record in a form", group: group),
        KeyBinding([.char("u")], .undo, "undo the last edit", group: group),
        KeyBinding([.ctrl("r")], .redo, "redo", group: group),
        KeyBinding([.char("W")], .save, "save the edits to the dataset files (:w)", group: group),
        KeyBinding([.char("R")], .reload, "reload the files from disk (:e)", group: group),
    ]

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .acceptDraft, .rejectDraft:
            guard let target = state.reviewTarget else { state.message = "no record selected"; return [] }
            let key = state.key(target)
            if command == .acceptDraft {
                state.edit { s throws(EditRefusal) in try s.accept(key) }
            } else {
                state.edit { s throws(EditRefusal) in try s.reject(key) }
            }
        case .removeQuote:
            if state.focus == .detail, case .link? = DetailPane.currentItem(state) { state.message = "unlink: not yet"; return [] }
            guard state.focus == .detail, let record = state.detailRecord, let evidence = DetailPane.currentEvidence(state) else {
                state.message = "d removes the quote marked in Detail: focus Detail, J and K mark another"
                return []
            }
            let key = state.key(record)
            state.edit { s throws(EditRefusal) in
                try s.removeQuote(key, evidence: Evidence(document: s.document(like: evidence.document), utf8Range: evidence.utf8Range))
            }
        case .nextEvidence, .previousEvidence:
            guard state.focus == .detail else { state.message = "J and K mark a quote in Detail: focus Detail"; return [] }
            DetailPane.stepItem(&state, by: command == .nextEvidence ? 1 : -1)
        case .nextDraft: state.nextDraft()
        case .editRecord: FormMode.open(&state)
        case .undo: state.undoEdit(redo: false)
        case .redo: state.undoEdit(redo: true)
        case .save: return [.write(.save(thenQuit: false))]
        case .reload: state.reload()
        default: break
        }
        return []
    }
}
