import DealModel
import TerminalText

/// A question that must be answered before going on: quitting or reloading with
/// unsaved edits, and restoring the journalled edits of an earlier run. Its keys
/// are its own table; the question (in the status line) names them.
public enum Question: Equatable, Sendable {
    /// Quit with unsaved edits: save and quit, discard and quit, or stay.
    case quit
    /// Reload with unsaved edits: discard them and reload, or stay.
    case reload
    /// Edits journalled by an earlier run that ended without saving them.
    case restore(edits: Int)
    /// Merge one record into another (`M`): what follows, said before it is done.
    case merge(gone: RecordKey, into: RecordKey, summary: String)
    /// A form an earlier run left open with text typed into it: the record named.
    case restoreForm(String)

    public var text: String {
        switch self {
        // The keys first: a narrow status line keeps them.
        case .quit: "Quit? y save · d discard · Esc back (unsaved changes)"
        case .reload: "Reload? d discard unsaved changes · Esc back"
        case .merge(_, _, let summary): "Merge? y merge · Esc back — " + summary
        case .restore(let n): "Restore \(n) unsaved edit\(n == 1 ? "" : "s") of an earlier session? y yes · d discard · Esc later"
        // The record last: a long title is what a narrow status line cuts.
        case .restoreForm(let record): "Restore the form you were typing in? y yes · d discard · Esc later (\(record))"
        }
    }
}

enum ConfirmMode {
    static let keys = KeyTable([
        KeyBinding([.char("y"), .char("s"), .char("r")], .confirmYes, "yes: save and quit, restore the edits, or merge", group: "Answer"),
        KeyBinding([.char("d"), .char("n")], .confirmNo, "discard: quit or reload without saving, drop the journal", group: "Answer"),
        KeyBinding([.escape, .char("c")], .cancel, "cancel: back to the panes", group: "Answer"),
        KeyBinding([.char("?")], .help, "help", group: "Answer"),
        KeyTable.redraw,
    ], notes: ["Unsaved edits are journalled as they are made: a crash or a lost connection loses none."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let question = state.question else { return [] }
        state.question = nil
        switch (question, command) {
        case (.quit, .confirmYes):
            return [.write(.save(thenQuit: true))]
        case (.quit, .confirmNo):
            state.editing?.discardJournal()
            return [.quit]
        case (.reload, .confirmNo):
            state.reloadData()
        case (.restore, .confirmYes):
            state.earlierEdits = nil
            state.restoreJournal()
        case (.merge(let gone, let kept, _), .confirmYes):
            if state.edit({ s throws(EditRefusal) in try s.merge(gone, into: kept) }), let r = state.ref(kept) { state.select(r) }
        case (.restore, .confirmNo):
            state.earlierEdits = nil
            state.editing?.discardJournal()
            state.message = "the journalled edits are discarded"
        case (.restoreForm, .confirmYes):
            state.restoreFormDraft()
            // A form that cannot come back: its file goes (the runner removes it).
            if state.form == nil { return [.write(.formDraft)] }
        case (.restoreForm, .confirmNo):
            state.message = "the typed form is discarded"
            return [.write(.formDraft)]
        default:
            break
        }
        // The journal's question answered: the kept form is asked about next.
        if case .restore = question { state.offerFormDraft() }
        return []
    }
}
