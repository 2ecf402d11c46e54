import DealModel
@testable import ExplorerCore
import Foundation
import Testing

/// Reviewing a draft dataset in the explorer: drafts marked and counted, accept,
/// reject, undo, redo, next to review, saving through the runner's writes, the
/// question before quitting or reloading with unsaved edits, the journal offered back.
@Suite struct Reviewing {
    /// A copy of the review fixture in its own directory, with its own cache.
    struct Copy {
        let dir: String
        var data: String { dir + "/review.dealscope.json" }

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-review-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/review").path
            for f in ["review.dealscope.json", "article.txt"] { try FileManager.default.copyItem(atPath: fixtures + "/" + f, toPath: dir + "/" + f) }
        }

        func start(_ width: Int = 120, _ height: Int = 40) throws -> AppState {
            var s = Explorer.start(catalog: try DatasetLoader.load(path: data, saveSnapshot: false), width: width, height: height)
            s.journalCache = dir + "/cache"
            return s
        }

        func text() throws -> String { try String(contentsOfFile: data, encoding: .utf8) }
        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// Presses keys and carries out the writes asked for, as the runner does.
    @discardableResult
    static func run(_ s: inout AppState, _ keys: String) -> [Effect] {
        var out: [Effect] = []
        for effect in press(&s, keys) {
            if case .write(let request) = effect { out += Explorer.perform(request, &s) } else { out.append(effect) }
        }
        return out
    }

    static func statusLine(_ s: AppState) -> String { screen(s).split(separator: "\n").last.map(String.init) ?? "" }

    @Test func draftsAreMarkedInEveryListAndCounted() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let s = try copy.start()
        let grid = Explorer.render(s)
        #expect(Self.statusLine(s).contains("6 to review · All partners"))
        // Each draft row reads "?" beside its marker, in the draft role.
        let rows = grid.text.split(separator: "\n").map(String.init)
        for name in ["Contoso ", "Northwind", "Tailspin Toys", "Cloud agreement signed", "Contoso may join"] {
            let row = try #require(rows.firstIndex { $0.contains(name) }, "\(name)")
            // The first "?" of the row: one column into the pane (its frame is one column).
            let column = try #require(rows[row].firstIndex(of: "?").map { rows[row].distance(from: rows[row].startIndex, to: $0) })
            let role = grid[row, column].role
            #expect(role == .draft || role == .selectedFocused || role == .selected, "\(name): \(role)")
        }
    }

    /// The review fixture's screens: drafts marked in each list and counted, and the
    /// question before quitting, at the usual sizes and the smallest.
    @Test(arguments: [(120, 40), (80, 24), (60, 15)])
    func reviewScreens(size: (Int, Int)) throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start(size.0, size.1)
        ScreenSnapshots().check("review-drafts-\(size.0)x\(size.1)", s)
        press(&s, "aq")
        ScreenSnapshots().check("review-quit-question-\(size.0)x\(size.1)", s)
    }

    @Test func acceptRejectUndoRedoAndNext() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        // Partners are listed by name: Contoso, Northwind Traders, Tailspin Toys.
        let effects = press(&s, "a")
        #expect(effects == [.write(.journal)], "the edit goes to the journal through the runner")
        #expect(s.catalog.partner(id: "contoso")?.draft == nil)
        #expect(s.message == "accept partner \"contoso\" (u undoes)")
        press(&s, "<C-l>")
        #expect(Self.statusLine(s).contains("5 to review · [+] unsaved"))
        // Tailspin is a party of the deal: rejecting it is refused, with the loader's words.
        press(&s, "jjr")
        #expect(s.message?.contains("unknown partner \"tailspin\"") == true, "\(s.message ?? "")")
        #expect(s.catalog.partner(id: "tailspin") != nil)
        // The next record to review after Tailspin is the deal; rejected, it goes, and
        // the event that named it no longer does.
        press(&s, ">")
        #expect(s.focus == .deals)
        press(&s, "r<C-l>")
        #expect(s.catalog.deals.count == 0 && s.catalog.event(id: "agreement-signed")?.deals == [])
        #expect(Self.statusLine(s).contains("4 to review"))
        press(&s, "u")
        #expect(s.catalog.deals.count == 1 && s.focus == .deals)
        #expect(s.message == "undone: reject deal \"northwind-tailspin-cloud\"")
        press(&s, "<C-r>")
        #expect(s.catalog.deals.count == 0)
        press(&s, "uuu")
        #expect(s.message == "nothing to undo")
        #expect(!s.hasUnsavedEdits)
        press(&s, "<C-l>")
        #expect(Self.statusLine(s).contains("6 to review · All partners"))
    }

    @Test func savingWritesTheFileAndQuittingAsksFirst() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "a")
        // q asks; Esc stays; the question's keys are its own table.
        #expect(press(&s, "q").isEmpty)
        #expect(s.inputMode == .confirm)
        #expect(Self.statusLine(s).contains("Quit? y save · d discard · Esc back (unsaved changes)"))
        press(&s, "<Esc>")
        #expect(s.inputMode == .normal && s.hasUnsavedEdits)
        // :w writes through the runner.
        #expect(press(&s, ":w<Enter>") == [.write(.save(thenQuit: false))])
        #expect(try copy.text().contains("org.subject"), "written only when the runner performs it")
        _ = Explorer.perform(.save(thenQuit: false), &s)
        #expect(try !copy.text().contains("org.subject"))
        #expect(s.message?.hasPrefix("saved ") == true)
        #expect(!Self.statusLine(s).contains("unsaved"))
        #expect(press(&s, "q") == [.write(.journal), .quit], "nothing unsaved: the journal goes, then the quit")
        // Saving and quitting from the question.
        press(&s, "<C-l>")
        #expect(Self.statusLine(s).contains("5 to review · All partners"))
        press(&s, "jjaq")
        #expect(Self.run(&s, "y") == [.quit])
        #expect(try !copy.text().contains("org.with"))
    }

    @Test func aFileChangedOnDiskIsNotOverwrittenAndReloadAsksFirst() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "a")
        let other = try copy.text().replacingOccurrences(of: "(draft)", with: "(edited elsewhere)")
        try other.write(toFile: copy.data, atomically: false, encoding: .utf8)
        Self.run(&s, "W")
        #expect(s.message?.contains("changed on disk since it was read: not overwritten") == true, "\(s.message ?? "")")
        #expect(try copy.text() == other)
        press(&s, "R")
        #expect(Self.statusLine(s).contains("Reload? d discard unsaved changes · Esc back"))
        Self.run(&s, "d")
        #expect(s.catalog.title == "Northwind and Tailspin (edited elsewhere)")
        #expect(s.catalog.partner(id: "contoso")?.draft != nil && !s.hasUnsavedEdits)
        #expect(s.message == "reloaded from disk")
    }

    @Test func unsavedEditsAreOfferedBackAtTheNextStart() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        Self.run(&s, "ajjj>r")
        #expect(s.catalog.deals.count == 0)
        // As if the terminal went away: a new start finds the journal.
        var next = try copy.start()
        Explorer.offerJournal(&next)
        #expect(Self.statusLine(next).contains("Restore 2 unsaved edits of an earlier session? y yes · d discard · Esc later"))
        Self.run(&next, "y")
        #expect(next.catalog.deals.count == 0 && next.catalog.partner(id: "contoso")?.draft == nil)
        #expect(next.hasUnsavedEdits)
        Self.run(&next, ":wq<Enter>")
        var third = try copy.start()
        Explorer.offerJournal(&third)
        #expect(third.question == nil)
        #expect(third.catalog.deals.count == 0)
    }

    @Test func aJournalOverAFileChangedSinceIsReportedNotApplied() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        Self.run(&s, "a")
        let other = try copy.text().replacingOccurrences(of: "(draft)", with: "(edited elsewhere)")
        try other.write(toFile: copy.data, atomically: false, encoding: .utf8)
        var next = try copy.start()
        Explorer.offerJournal(&next)
        #expect(next.question == nil)
        #expect(next.message?.contains("as it was before it changed on disk: not applied; kept as ") == true, "\(next.message ?? "")")
        #expect(next.catalog.partner(id: "contoso")?.draft != nil)
        // Reported once: the next start finds no journal.
        var third = try copy.start()
        Explorer.offerJournal(&third)
        #expect(third.message == nil && third.question == nil)
    }

    @Test func exportWritesTheFilteredViewAsADatasetThatLoads() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "<Space>")
        #expect(press(&s, ":export contoso.json<Enter>") == [.write(.export("contoso.json", replacing: false))])
        let out = copy.dir + "/contoso.json"
        Self.run(&s, ":export \(out)<Enter>")
        let back = try DatasetLoader.load(path: out, saveSnapshot: false)
        #expect(back.partners.map(\.id) == ["contoso"] && back.events.map(\.id) == ["contoso-may-join"])
        #expect(s.message == "exported 0 deals, 1 partners, 1 events to \(out)")
        Self.run(&s, ":export! \(copy.data)<Enter>")
        #expect(s.message?.contains("is a file the data was loaded from") == true)
        // Tab completes the verb; the command list names the formats and export!.
        press(&s, ":exp<Tab>")
        #expect(Self.statusLine(s).hasPrefix(" :export "))
        press(&s, "<Esc>:nonsense<Enter>")
        #expect(s.message?.contains("export FILE.json|csv|md (export! replaces a file)") == true)
    }
}

extension Reviewing {
    /// An article opened as a draft in memory (`dealscope article.txt`) is reviewed and
    /// saved without leaving the explorer: `:w` writes ARTICLE.dealscope.json beside it.
    @Test func aDraftMadeInMemoryIsSavedBesideItsArticle() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let json = try copy.text().replacingOccurrences(of: "\"Northwind and Tailspin (draft)\"", with: "\"draft of article.txt — not saved\"")
        let (catalog, _) = DatasetLoader.check(json: Array(json.utf8), file: copy.dir + "/article.txt" + Catalog.unsavedSuffix, directory: copy.dir)
        var s = Explorer.start(catalog: try #require(catalog), width: 120, height: 40)
        s.journalCache = copy.dir + "/cache"
        let target = copy.dir + "/article.dealscope.json"
        press(&s, "R")
        #expect(s.message?.hasPrefix("nothing to reload: the draft is not saved yet (:w writes ") == true, "\(s.message ?? "")")
        press(&s, "a")
        #expect(s.message?.hasPrefix("accept partner \"contoso\" (u undoes) · :w writes ") == true, "\(s.message ?? "")")
        #expect(s.message?.hasSuffix("article.dealscope.json") == true)
        press(&s, "<C-l>")
        #expect(Self.statusLine(s).contains("5 to review · [+] unsaved"))
        Self.run(&s, ":w<Enter>")
        #expect(s.message?.hasPrefix("saved ") == true, "\(s.message ?? "")")
        let saved = try DatasetLoader.load(path: target, saveSnapshot: false)
        #expect(saved.partner(id: "contoso")?.draft == nil && saved.draftCount == 5)
        #expect(!s.hasUnsavedEdits)
        press(&s, "<C-l>")
        #expect(Self.statusLine(s).contains("draft of article.txt · 5 to review"), "the title no longer says it is not saved")
        // Now a file: R reloads it.
        press(&s, "R")
        #expect(s.message == "reloaded from disk")
    }
}
