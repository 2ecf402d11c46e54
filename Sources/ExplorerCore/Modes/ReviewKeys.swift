import DealModel

/// The review and edit keys of the panes (in `NormalMode`'s table, group "Review").
enum ReviewKeys {
    static let group = "Review and edit"

    static let bindings = [
        KeyBinding([.char("a")], .acceptDraft, "accept the selected draft (its mark goes)", group: group),
        KeyBinding([.char("r")], .rejectDraft, "reject the selected record (it is removed)", group: group),
        KeyBinding([.char("J")], .nextEvidence, "Detail: mark the next quote or link (d removes it, Enter opens it)", group: group),
        KeyBinding([.char("K")], .previousEvidence, "Detail: mark the previous quote or link", group: group),
        KeyBinding([.char("d")], .removeQuote, "Detail: remove the marked quote, or unlink the marked link", group: group),
        KeyBinding([.char(">")], .nextDraft, "next record to review (marked ?)", group: group),
        KeyBinding([.char("e")], .editRecord, "edit the selected record in a form", group: group),
        KeyBinding([.char("L")], .linkRecords, "link the selected record with another (or unlink): pick it, Enter", group: group),
        KeyBinding([.char("M")], .mergeRecords, "merge the selected record into another that stays: pick it, Enter", group: group),
        KeyBinding([.char("X")], .splitDeal, "split a deal: the quote marked in Detail goes to a new deal", group: group),
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
            // On a link, d unlinks the two records (as L and Enter would).
            if state.focus == .detail, case .link(let other)? = DetailPane.currentItem(state), let record = state.detailRecord {
                let (a, b) = (state.key(record), state.key(other))
                guard a.list != .partners || b.list != .partners else {
                    state.message = "partners are tied through the deals they share: unlink one of them from a deal instead"
                    return []
                }
                state.edit { s throws(EditRefusal) in try s.unlink(a, b) }
                return []
            }
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
        case .linkRecords: state.startPick(.link)
        case .mergeRecords: state.startPick(.merge)
        case .splitDeal: state.splitDeal()
        case .undo: state.undoEdit(redo: false)
        case .redo: state.undoEdit(redo: true)
        case .save: return [.write(.save(thenQuit: false))]
        case .reload: state.reload()
        default: break
        }
        return []
    }
}
