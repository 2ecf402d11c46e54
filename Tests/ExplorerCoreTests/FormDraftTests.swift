import DealModel
@testable import ExplorerCore
import Foundation
import Testing

/// The text typed into the edit form survives a crash: kept beside the journal
/// (0700 directory, 0600 file) through the runner's writes, removed when the form
/// closes, and offered back at the next start after the journal's question.
@Suite struct FormDraftTests {
    typealias Copy = Reviewing.Copy

    static func draftFile(_ s: AppState) throws -> String { try #require(s.formDraftPath) }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// The deal's form with its date typed wrong and the title retyped, as a run
    /// that is then killed leaves it.
    static func typedForm(_ copy: Copy) throws -> AppState {
        var s = try EditForm.dealForm(copy)
        try EditForm.retype(&s, "Title", "Northwind and Tailspin cloud deal")
        try EditForm.retype(&s, "Date", "2025-1")
        return s
    }

    @Test func typingKeepsTheFormBesideTheJournalAndClosingRemovesIt() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try EditForm.dealForm(copy)
        let path = try Self.draftFile(s)
        #expect(path.hasPrefix(copy.dir + "/cache/journal/") && path.hasSuffix(".form.json"))
        // Opening writes nothing; the first character typed asks for a write.
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(press(&s, "<Tab><Tab><Tab><Tab>").isEmpty)
        #expect(press(&s, "2").contains(.write(.formDraft)))
        #expect(Reviewing.run(&s, "025-1").isEmpty)
        let kept = try #require(FormDraft.read(path))
        #expect(kept.record == RecordKey(.deals, "northwind-tailspin-cloud"))
        #expect(kept.fields.first { $0.label == "Date" }?.text == "2025-1" && kept.cursor == 4)
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(copy.dir + "/cache/journal") == 0o700)
        // Typed back to what it was: nothing to keep.
        #expect(press(&s, "<BS><BS><BS><BS><BS><BS>").contains(.write(.formDraft)))
        Reviewing.run(&s, "")
        _ = Explorer.perform(.formDraft, &s)
        #expect(!FileManager.default.fileExists(atPath: path))
        // Typed again, then cancelled with Esc: removed.
        Reviewing.run(&s, "2025")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(press(&s, "<Esc>") == [.write(.formDraft)])
        _ = Explorer.perform(.formDraft, &s)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func savingTheFormRemovesItsText() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try EditForm.dealForm(copy)
        try EditForm.retype(&s, "Date", "2025-03")
        Reviewing.run(&s, "")
        _ = Explorer.perform(.formDraft, &s)
        let path = try Self.draftFile(s)
        #expect(FileManager.default.fileExists(atPath: path))
        Reviewing.run(&s, "<Enter>")
        #expect(s.form == nil && !FileManager.default.fileExists(atPath: path))
    }

    @Test func theNextStartOffersTheFormBackWithItsTextChecked() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var first = try Self.typedForm(copy)
        _ = Explorer.perform(.formDraft, &first)
        // The run ends without closing the form (a kill): the next one starts.
        var s = try copy.start()
        Explorer.offerJournal(&s)
        #expect(s.question == .restoreForm("deal “Northwind cloud agreement with Tailspin”"))
        #expect(Reviewing.statusLine(s).contains("Restore the form you were typing in? y yes · d discard · Esc later (deal “Northwind cloud"))
        Reviewing.run(&s, "y")
        #expect(s.inputMode == .form)
        #expect(try EditForm.field(s, "Title").text == "Northwind and Tailspin cloud deal")
        #expect(try EditForm.field(s, "Date").text == "2025-1")
        #expect(try EditForm.field(s, "Date").error?.contains("is not a date") == true, "checked as typed")
        #expect(s.form?.fields[s.form!.cursor].label == "Date", "the cursor where it was")
        // It saves like any form once the date reads.
        press(&s, "0")
        Reviewing.run(&s, "<Enter>")
        #expect(s.form == nil && s.message?.contains("edit deal \"northwind-tailspin-cloud\"") == true)
        let path = try Self.draftFile(s)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func discardOrLaterAndTheJournalAskedFirst() throws {
        let copy = try Copy()
        defer { copy.remove() }
        // An accepted draft (journalled) and a form typed, then killed.
        var first = try copy.start()
        Reviewing.run(&first, "a2")
        var typed = try Self.typedForm(copy)
        typed.journalCache = first.journalCache
        _ = Explorer.perform(.formDraft, &typed)

        var s = try copy.start()
        Explorer.offerJournal(&s)
        #expect(s.question == .restore(edits: 1), "the journal first")
        Reviewing.run(&s, "<Esc>")
        #expect(s.question == .restoreForm("deal “Northwind cloud agreement with Tailspin”"))
        Reviewing.run(&s, "<Esc>")
        let kept = try Self.draftFile(s)
        #expect(s.form == nil && FileManager.default.fileExists(atPath: kept), "Esc: asked again next time")

        var again = try copy.start()
        Explorer.offerJournal(&again)
        Reviewing.run(&again, "y")
        #expect(again.message?.contains("1 edit restored") == true)
        #expect(again.question == .restoreForm("deal “Northwind cloud agreement with Tailspin”"))
        Reviewing.run(&again, "d")
        #expect(again.form == nil && again.message == "the typed form is discarded")
        #expect(!FileManager.default.fileExists(atPath: kept))
    }
}
