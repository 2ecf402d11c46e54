import DealModel
import TerminalText

/// Reviewing and editing inside the explorer: the edits go to an `EditSession`
/// (opened on the first edit, from the files the catalog came from), and each new
/// catalog replaces the old one with the cursors on the same records.
extension AppState {
    /// A record as the editing model names it.
    func key(_ r: RecordRef) -> RecordKey {
        switch r {
        case .partner(let p): RecordKey(.partners, catalog.partners[p].id)
        case .deal(let d): RecordKey(.deals, catalog.deals.id(d))
        case .event(let e): RecordKey(.events, catalog.events.id(e))
        }
    }

    func ref(_ k: RecordKey) -> RecordRef? {
        switch k.list {
        case .partners: catalog.partnerIndex(id: k.id).map(RecordRef.partner)
        case .deals: catalog.dealIndex(id: k.id).map(RecordRef.deal)
        case .events: catalog.eventIndex(id: k.id).map(RecordRef.event)
        }
    }

    public func isDraft(_ r: RecordRef) -> Bool { catalog.isDraft(r) }

    /// Edits not yet written to the files.
    /// (A draft made in memory is not on disk until saved, but until a person edits
    /// it nothing of theirs would be lost: quitting does not ask.)
    public var hasUnsavedEdits: Bool {
        guard let editing, editing.isDirty else { return false }
        return editing.files.first?.isNew != true || !editing.undoStack.isEmpty
    }

    /// The record the review keys act on: the selected row of the pane with the
    /// cursor (Detail acts on the record it shows).
    var reviewTarget: RecordRef? { focus == .detail ? detailRecord : selectedRecord(cursorPane) }

    /// The editing session, opened from the catalog's files on the first edit (its
    /// journal is written by the runner: `Effect.write(.journal)`).
    mutating func session() -> EditSession? {
        if let editing { return editing }
        do {
            if let article = catalog.unsavedArticle {
                editing = try EditSession.open(unsaved: catalog, as: EditSession.datasetPath(forArticle: article), cache: journalCache)
            } else {
                editing = try EditSession.open(files: catalog.files, cache: journalCache)
            }
            editing?.defersJournal = true
            return editing
        } catch {
            message = "cannot edit: " + Sanitizer.line(error.message)
            return nil
        }
    }

    /// Makes an edit built from the session; says what happened, or why not (false).
    @discardableResult
    mutating func edit(_ make: (EditSession) throws(EditRefusal) -> Edit) -> Bool {
        // An earlier session's journal left for later is answered first: the edits of
        // this one would otherwise go after edits the files do not hold.
        if let n = earlierEdits {
            question = .restore(edits: n)
            return false
        }
        guard var s = session() else { return false }
        do {
            let edit = try make(s)
            let warning = try s.apply(edit)
            editing = s
            adopt(s.catalog)
            message = warning.map { Sanitizer.line($0) } ?? "\(Sanitizer.line(edit.label)) (u undoes)"
            // The first edit of a draft made in memory says where it will be saved.
            if warning == nil, s.undoStack.count == 1, let file = s.files.first, file.isNew {
                message! += " · :w writes \(Sanitizer.line(FilePaths.relative(file.path, from: ".")))"
            }
            return true
        } catch {
            message = "not done: " + Sanitizer.line(error.message)
            return false
        }
    }

    mutating func undoEdit(redo: Bool) {
        guard var s = editing, let (label, warning) = redo ? s.redo() : s.undo() else {
            message = redo ? "nothing to redo" : "nothing to undo"
            return
        }
        editing = s
        adopt(s.catalog)
        message = warning.map { Sanitizer.line($0) } ?? "\(redo ? "redone" : "undone"): \(Sanitizer.line(label))"
    }

    /// The cursor to the next record to review after the current one, across
    /// Partners, Deals and Timeline (in that order, wrapping).
    mutating func nextDraft() {
        let panes: [PaneID] = [.partners, .deals, .timeline]
        var spots: [(PaneID, Int)] = []
        for pane in panes {
            for row in 0..<rowCount(pane) where pane.list?.record(self, row).map(isDraft) == true { spots.append((pane, row)) }
        }
        guard !spots.isEmpty else {
            message = draftCount == 0 ? "nothing to review" : "the records to review are outside the filter (x clears it)"
            return
        }
        let here = (panes.firstIndex(of: cursorPane) ?? 0, lists[cursorPane].cursor)
        let next = spots.first { (panes.firstIndex(of: $0.0)!, $0.1) > here } ?? spots[0]
        setFocus(next.0)
        move(to: next.1)
        message = "\(draftCount) to review: a accepts, r rejects, > next"
    }

    /// A new catalog (an edit, an undo, a reload): the filter keeps the partners that
    /// remain, each list's cursor stays on its record where it still exists (else on
    /// its row), the sorts and the search are applied again.
    mutating func adopt(_ next: Catalog) {
        var fresh = AppState(catalog: next, filter: filter.filter { next.partnerIndex(id: $0) != nil },
                             width: width, height: height, keymap: keymap)
        for pane in PaneID.lists {
            let old = lists[pane]
            let record = selectedRecord(pane).map(key)
            fresh.lists[pane] = old
            if let record, let r = fresh.ref(record), let row = pane.list?.rowOf(fresh, r) { fresh.lists[pane].cursor = row }
            fresh.lists[pane].cursor = min(fresh.lists[pane].cursor, max(0, fresh.rowCount(pane) - 1))
        }
        fresh.lists[.detail] = lists[.detail]
        fresh.detailCursor = detailCursor
        fresh.jumps = jumps
        fresh.focus = focus
        fresh.detailSource = detailSource
        fresh.mouseCapture = mouseCapture
        fresh.editing = editing
        fresh.journalCache = journalCache
        fresh.question = question
        fresh.pick = pick
        fresh.earlierEdits = earlierEdits
        fresh.commandHistory = commandHistory
        fresh.message = message
        fresh.picture = picture
        fresh.pictureReturn = pictureReturn
        for (pane, sort) in sorts { fresh.sortPane(pane, by: sort, quietly: true) }
        fresh.confirmSearch(search)
        if case .document(let quote) = mode {
            // The document view stays open over the new quotes; its search starts again.
            fresh.mode = mode
            // (The same document: Enter on a quote in Detail may have opened another than the first.)
            let same = documentQuotes.flatMap { old in next.documents.first { $0.path == old.document.path } }
            fresh.documentQuotes = same.map(next.quotes(in:)) ?? DocumentView.collectQuotes(fresh)
            fresh.documentTop = documentTop
            fresh.documentSelection = documentSelection
            if let n = fresh.documentQuotes?.count, quote >= n { fresh.mode = .document(quote: max(0, n - 1)) }
        } else {
            fresh.mode = mode
        }
        self = fresh
    }
}

extension EditSession {
    /// This session's own copy of a document the explorer shows (each catalog reads
    /// its documents afresh, and edits name them by identity).
    func document(like doc: SourceDocument) throws(EditRefusal) -> SourceDocument {
        guard let own = catalog.documents.first(where: { $0.path == doc.path }) else { throw EditRefusal("no dataset names \(doc.path)") }
        return own
    }

    /// A session over the files a catalog was loaded from.
    static func open(files: [String], cache: String?) throws(EditRefusal) -> EditSession {
        guard let first = files.first else { throw EditRefusal("the data was not loaded from files") }
        return try open(path: files.count == 1 ? first : FilePaths.directory(of: first), cache: cache)
    }
}
