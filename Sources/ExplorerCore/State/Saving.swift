import DealModel
import TerminalText

/// Saving, reloading and exporting from the explorer (`:w`, `:e`, `:saveas`,
/// `:export`, and their keys), and the journal of an earlier run offered back.
extension AppState {
    mutating func perform(_ request: WriteRequest) -> [Effect] {
        switch request {
        case .journal:
            if let warning = editing?.flushJournal() { message = Sanitizer.line(warning) }
        case .save(let thenQuit):
            if saveEdits() && thenQuit { return [.quit] }
        case .saveAs(let path): saveEdits(as: path)
        case .export(let path, let replacing): export(to: path, replacing: replacing)
        case .formDraft: keepFormDraft()
        }
        return []
    }

    /// Writes the changed files; says what was written or why not (a file changed
    /// on disk is never overwritten). True when nothing is left unsaved.
    @discardableResult
    mutating func saveEdits() -> Bool {
        // A draft made in memory is saved even before its first edit.
        if editing == nil && catalog.unsavedArticle != nil { _ = session() }
        guard var s = editing, s.isDirty else {
            message = "no changes to save"
            return true
        }
        do {
            let written = try s.save()
            editing = s
            message = "saved " + written.map { Sanitizer.line(FilePaths.relative($0, from: ".")) }.joined(separator: ", ")
            return true
        } catch {
            editing = s
            message = "not saved: " + Sanitizer.line(error.description)
            return false
        }
    }

    /// `:saveas FILE`: the dataset written to a new file, which is edited from then on.
    mutating func saveEdits(as path: String) {
        guard var s = session() else { return }
        do {
            try s.save(as: path)
            editing = s
            adopt(s.catalog)
            message = "saved as \(Sanitizer.line(path)); :w now writes there"
        } catch {
            message = "not saved: " + Sanitizer.line(error.description)
        }
    }

    /// `:e`: the files read again (asked first when there are unsaved edits).
    mutating func reload(force: Bool = false) {
        if hasUnsavedEdits && !force {
            question = .reload
            return
        }
        reloadData()
    }

    mutating func reloadData() {
        do throws(EditRefusal) {
            var s: EditSession
            if catalog.unsavedArticle != nil || editing?.files.first?.isNew == true {
                message = "nothing to reload: the draft is not saved yet (:w writes \(Sanitizer.line(catalog.editableFiles[0])))"
                return
            }
            // Through `session()`, so the journal waits for the runner as after any edit.
            guard let opened = session() else { return }
            s = opened
            try s.reload()
            editing = s
            adopt(s.catalog)
            message = "reloaded from disk"
        } catch {
            message = "not reloaded: " + Sanitizer.line(error.message)
        }
    }

    /// After a load: unsaved edits journalled by an earlier run are offered back, or
    /// said not to apply any more.
    mutating func offerJournal() {
        defer { offerFormDraft() }
        guard EditJournal.exists(forDatasets: catalog.editableFiles, cache: journalCache), let s = session() else { return }
        switch s.journalledEdits() {
        case .success(let n) where n > 0:
            question = .restore(edits: n)
            earlierEdits = n
        case .success:
            editing?.discardJournal()
        case .failure(let e):
            // Reported once, not applied, and kept aside for the person to read.
            message = Sanitizer.line(e.message + (s.setAsideJournal().map { "; kept as \($0)" } ?? ""))
        }
    }

    /// After the journal's question (or with none): a form left open by a run that
    /// ended is offered back.
    mutating func offerFormDraft() {
        guard question == nil, let path = formDraftPath, let draft = FormDraft.read(path) else { return }
        question = .restoreForm(Self.describe(draft.record, catalog))
    }

    /// "deal “OpenAI funding”": the record a kept form was editing.
    static func describe(_ key: RecordKey, _ catalog: Catalog) -> String {
        let noun = key.list == .partners ? "partner" : key.list == .deals ? "deal" : "event"
        let title: String? = switch key.list {
        case .partners: catalog.partnerIndex(id: key.id).map { catalog.partners[$0].name }
        case .deals: catalog.deals.firstIndex { $0.id == key.id }.map { catalog.deals.title($0) }
        case .events: catalog.events.firstIndex { $0.id == key.id }.map { catalog.events.title($0) }
        }
        return "\(noun) “\(Sanitizer.line(title ?? key.id))”"
    }

    /// The kept form reopened with its typed text (checked as typed); when its record
    /// is gone, said so (the caller has the file removed).
    mutating func restoreFormDraft() {
        guard let path = formDraftPath, let draft = FormDraft.read(path) else { return }
        guard let s = session(), let (record, file) = s.record(draft.record),
              let form = RecordForm(draft, record: record, file: file, session: s) else {
            message = "the form's record \(Sanitizer.line(draft.record.description)) is no longer in the data: its typed text is dropped"
            return
        }
        self.form = form
        message = "the form is back as it was typed: Enter saves, Esc cancels"
    }

    /// `.formDraft`: the open form's typed text written beside the journal, or the
    /// file removed when there is none (the form closed, or nothing retyped).
    mutating func keepFormDraft() {
        guard let path = formDraftPath else { return }
        guard let draft = form?.draft else { return FormDraft.remove(path) }
        do { try draft.write(to: path) } catch { message = Sanitizer.line(error.message) }
    }

    var formDraftPath: String? {
        guard let journalCache, !catalog.files.isEmpty else { return nil }
        return FormDraft.path(forDatasets: catalog.editableFiles, cache: journalCache)
    }

    mutating func restoreJournal() {
        guard var s = editing else { return }
        do {
            let n = try s.restoreJournal()
            editing = s
            adopt(s.catalog)
            message = "\(n) edit\(n == 1 ? "" : "s") restored (unsaved: :w saves \(n == 1 ? "it" : "them"), u undoes)"
        } catch {
            message = Sanitizer.line(error.message)
        }
    }

    /// `:export FILE`: the records the filter shows as a dataset that loads back, CSV
    /// or Markdown, by the file's extension; the same bytes as `dealscope export
    /// --format` for the same partners. Never over a file the data came from, nor
    /// over any existing file unless `replacing` (`:export!`).
    mutating func export(to path: String, replacing: Bool) {
        guard let format = ViewExport.Format(path: path) else { return }
        let target = FilePaths.resolved(path), shown = Sanitizer.line(path)
        if (catalog.files + catalog.documents.map(\.path)).contains(where: { FilePaths.resolved($0) == target }) {
            message = "\(shown) is a file the data was loaded from: export writes a new file (:w saves edits)"
            return
        }
        if !replacing && FilePaths.exists(path) {
            message = "\(shown) exists already: :export! \(shown) replaces it"
            return
        }
        do {
            let written = try ViewExport(catalog, matching: DealQuery(partners: filter, partnerMode: .all)).write(format, to: path, replacing: replacing)
            message = "exported \(written.deals) deals, \(written.partners) partners, \(written.events) events to \(shown)"
        } catch {
            message = "not exported: " + Sanitizer.line("\(error)")
        }
    }
}
