import DealModel
import TerminalText

/// The edit form (`e` on a record): typing edits the field at the cursor, each field
/// is checked as it is typed, Enter saves only a valid form, as one edit (u undoes).
enum FormMode {
    static let group = "Edit form"

    static let keys = KeyTable([
        KeyBinding([.tab, .down], .moveDown, "next field", group: group),
        KeyBinding([.backTab, .up], .moveUp, "previous field", group: group),
        KeyBinding([.ctrl(" ")], .complete, "complete kind, status, currency, approximate, bound, the order's relation", group: group),
        KeyBinding([.enter], .accept, "save the record (only when every field reads; u undoes)", group: group),
        KeyBinding([.escape], .cancel, "cancel: the record stays as it was", group: group),
        KeyBinding([.backspace, .delete], .deleteBackward, "delete the last character", group: group),
        KeyBinding([.ctrl("u")], .clearLine, "clear the field", group: group),
        KeyBinding([.function(1)], .help, "help (? is typed into the field)", group: group),
        KeyBinding([.ctrl("c")], .quit, "quit", group: group),
        KeyTable.redraw,
    ], typesText: true, notes: [
        "Typed characters go into the field; each is checked as typed by the loader's rules, its message under the field.",
        "Parties: microsoft:licensor, openai · dates as written: 2025-10, ~2024-Q3 · order: after EVENT-ID · lists: commas.",
    ])

    /// `e`: the form of the selected record.
    static func open(_ state: inout AppState) {
        guard let target = state.reviewTarget else { state.message = "no record selected"; return }
        let key = state.key(target)
        guard let s = state.session(), let (record, file) = s.record(key) else { return }
        state.form = RecordForm(key, record: record, file: file)
    }

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var form = state.form, let session = state.editing else { return [] }
        switch command {
        case .moveDown: form.cursor = (form.cursor + 1) % form.fields.count
        case .moveUp: form.cursor = (form.cursor + form.fields.count - 1) % form.fields.count
        case .cancel:
            state.form = nil
            state.message = "edit cancelled"
            return []
        case .accept:
            guard form.isValid else {
                let bad = form.fields.filter { $0.error != nil }.map(\.label)
                form.refusal = "not saved: \(bad.joined(separator: ", ")) \(bad.count == 1 ? "does" : "do") not read"
                break
            }
            let changes = form.changes
            guard !changes.isEmpty else { state.form = nil; state.message = "nothing changed"; return [] }
            let key = form.record
            if state.edit({ s throws(EditRefusal) in try s.set(key, changes, label: "edit \(key)") }) {
                state.form = nil
                return []
            }
            form.refusal = state.message
        case .complete:
            guard let (text, candidates) = form.completed(state.catalog) else {
                state.message = "\(form.fields[form.cursor].label) has no words to complete"
                break
            }
            form.type(text, session: session)
            if candidates.count > 1 { state.message = candidates.joined(separator: " · ") }
        case .deleteBackward, .clearLine:
            form.type(LineEditing.edit(command, form.fields[form.cursor].text) ?? "", session: session)
        default: break
        }
        state.form = form
        return []
    }

    static func type(_ c: Character, _ state: inout AppState) {
        guard var form = state.form, let session = state.editing else { return }
        form.type(form.fields[form.cursor].text + String(c), session: session)
        state.form = form
    }
}
