import Foundation
import Testing
@testable import DealModel

/// Editing a dataset: edits checked by the loader's rules, undo and redo, saves that
/// change only the edited record's lines, conflicts, the journal.
@Suite("Editing datasets")
struct EditSessionTests {
    /// A copy of the review fixture (a draft dataset and its article) in a fresh
    /// directory, with a cache directory of its own for the journal.
    struct Copy {
        let dir: String
        var data: String { dir + "/review.dealscope.json" }
        var cache: String { dir + "/cache" }

        init() throws {
            dir = try temporaryDirectory("dealscope-edit")
            for f in ["review.dealscope.json", "article.txt"] {
                try FileManager.default.copyItem(atPath: Paths.fixture("review/" + f), toPath: dir + "/" + f)
            }
        }

        func open() throws -> EditSession { try EditSession.open(path: data, cache: cache) }
        func text() throws -> String { try String(contentsOfFile: data, encoding: .utf8) }
        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    static let deal = RecordKey(.deals, "northwind-tailspin-cloud")

    /// The lines between the common first and common last lines of two texts.
    static func difference(_ a: [String], _ b: [String]) -> (removed: [String], added: [String]) {
        var head = 0
        while head < min(a.count, b.count) && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < min(a.count, b.count) - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        return (Array(a[head..<(a.count - tail)]), Array(b[head..<(b.count - tail)]))
    }

    @Test func acceptingClearsTheDraftMarkAndChangesOnlyThatRecordsLines() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        #expect(s.catalog.draftCount == 6)
        let before = try copy.text().split(separator: "\n", omittingEmptySubsequences: false)
        try s.apply(s.accept(Self.deal))
        #expect(s.catalog.deal(id: Self.deal.id)?.draft == nil)
        #expect(s.catalog.draftCount == 5)
        #expect(s.isDirty)
        #expect(try s.save() == [copy.data])
        #expect(!s.isDirty)
        let after = try copy.text().split(separator: "\n", omittingEmptySubsequences: false)
        // What differs between the common first and last lines: the deal's draft mark
        // and the comma before it, nothing else.
        let (removed, added) = Self.difference(before.map(String.init), after.map(String.init))
        #expect(removed == ["      ],", "      \"draft\": {", "        \"rule\": \"cloud.signed-with\",",
                            "        \"matched\": \"signed a cloud agreement with Tailspin Toys\"", "      }"])
        #expect(added == ["      ]"])
        let reloaded = try DatasetLoader.load(path: copy.data, saveSnapshot: false)
        #expect(reloaded.deal(id: Self.deal.id)?.draft == nil)
        #expect(CatalogDump.lines(reloaded, places: false) == CatalogDump.lines(s.catalog, places: false))
    }

    @Test func editsTheLoaderWouldRefuseAreRefusedWithItsMessage() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        let key = RecordKey(.events, "agreement-signed")
        do {
            try s.apply(s.set(key, field: "date", to: .string("2025-13")))
            Issue.record("a month 13 was accepted")
        } catch {
            #expect(error.message.contains("\"2025-13\" has no such month"), "\(error.message)")
        }
        // Rejecting a partner a deal still names is refused, naming the deal.
        do {
            try s.apply(s.reject(RecordKey(.partners, "tailspin")))
            Issue.record("a partner in use was removed")
        } catch {
            #expect(error.message.contains("unknown partner \"tailspin\""), "\(error.message)")
        }
        #expect(!s.isDirty)
        #expect(s.undoStack.isEmpty)
        try s.apply(s.reject(RecordKey(.events, "contoso-may-join")))
        try s.apply(s.reject(RecordKey(.partners, "contoso")))
        #expect(s.catalog.partner(id: "contoso") == nil)
        #expect(s.undo()?.label == "reject partner \"contoso\"")
        #expect(s.catalog.partner(id: "contoso") != nil)
        #expect(s.redo()?.label == "reject partner \"contoso\"")
        #expect(s.catalog.partner(id: "contoso") == nil)
    }

    @Test func aFileChangedOnDiskIsNeverOverwritten() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        try s.apply(s.accept(Self.deal))
        let other = try copy.text().replacingOccurrences(of: "(draft)", with: "(edited elsewhere)")
        try other.write(toFile: copy.data, atomically: false, encoding: .utf8)
        do {
            try s.save()
            Issue.record("saved over a changed file")
        } catch {
            #expect("\(error)".contains("changed on disk since it was read: not overwritten"))
        }
        #expect(try copy.text() == other)
        #expect(s.isDirty)
        #expect(s.changedFiles == [copy.data])
        // Reload reads the other editor's version.
        try s.reload()
        #expect(s.catalog.title == "Northwind and Tailspin (edited elsewhere)")
        #expect(!s.isDirty)
    }

    @Test func aQuoteIsStoredAsTheDocumentHasItWithItsOccurrence() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        let doc = try #require(s.catalog.documents.first)
        let bytes = Array(doc.text.utf8)
        // "the agreement" occurs twice ("The agreement was signed", "join the agreement"); take the second.
        let hits = doc.matchOffsets(ofAll: ["the agreement"])[0]
        #expect(hits.count == 2)
        try s.apply(s.attachQuote(Self.deal, document: doc, utf8Range: hits[1]))
        let evidence = try #require(s.catalog.deal(id: Self.deal.id)?.evidence)
        #expect(evidence.map(\.utf8Range).contains(hits[1]))
        #expect(String(decoding: bytes[hits[1]], as: UTF8.self) == "the agreement")
        try s.save()
        #expect(try copy.text().contains("\"text\": \"the agreement\",\n          \"occurrence\": 2"))
        // Removed again, by the evidence the catalog shows.
        let added = try #require(evidence.first { $0.utf8Range == hits[1] })
        try s.apply(s.removeQuote(Self.deal, evidence: added))
        #expect(s.catalog.deal(id: Self.deal.id)?.evidence.count == 1)
    }

    @Test func aNewRecordFromASpanOfTheDocument() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        let doc = try #require(s.catalog.documents.first)
        let span = doc.matchOffsets(ofAll: ["Tailspin will run its games on the Northwind cloud"])[0][0]
        let key = RecordKey(.events, "games-on-cloud")
        try s.apply(s.create(key, fields: [.init("title", .string("Tailspin games on Northwind's cloud"))], document: doc, utf8Range: span))
        #expect(s.catalog.event(id: key.id)?.evidence.first?.utf8Range == span)
        #expect(throws: EditRefusal.self) { try s.create(key, fields: [], document: doc, utf8Range: span) }
    }

    @Test func theJournalRestoresUnsavedEditsAndRefusesAChangedFile() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        try s.apply(s.accept(Self.deal))
        try s.apply(s.set(RecordKey(.deals, Self.deal.id), field: "note", to: .string("checked by hand")))
        try s.apply(s.reject(RecordKey(.events, "contoso-may-join")))
        _ = s.undo()
        let journal = try #require(s.journal?.path)
        #expect(journal.hasPrefix(copy.cache + "/journal/"))
        #expect(try FileManager.default.attributesOfItem(atPath: journal)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: copy.cache + "/journal")[.posixPermissions] as? Int == 0o700)
        // As if the process died here: a new session finds the edits.
        var next = try copy.open()
        #expect(try next.journalledEdits().get() == 4)
        #expect(try next.restoreJournal() == 4)
        #expect(CatalogDump.lines(next.catalog, places: false) == CatalogDump.lines(s.catalog, places: false))
        #expect(next.isDirty)
        // Saved, the journal goes.
        try next.save()
        #expect(!FileManager.default.fileExists(atPath: journal))
        // A journal over a file that changed since is reported, not applied.
        try s.apply(s.set(RecordKey(.deals, Self.deal.id), field: "note", to: .string("again")))
        var third = try copy.open()
        switch third.journalledEdits() {
        case .success(let n): Issue.record("a journal over other bytes offered \(n) edits")
        case .failure(let e): #expect(e.message.contains("as it was before it changed on disk: not applied"), "\(e.message)")
        }
        #expect(throws: EditRefusal.self) { try third.restoreJournal() }
        let aside = try #require(third.setAsideJournal())
        #expect(aside == journal + ".stale" && FileManager.default.fileExists(atPath: aside))
        #expect(try third.journalledEdits().get() == 0)
    }

    @Test func saveAsWritesANewFileWithItsDocumentPathsAndNeverReplacesOne() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        try FileManager.default.createDirectory(atPath: copy.dir + "/out", withIntermediateDirectories: true)
        try s.apply(s.accept(Self.deal))
        try s.save(as: copy.dir + "/out/reviewed.json")
        #expect(s.files.map(\.path) == [copy.dir + "/out/reviewed.json"])
        let back = try DatasetLoader.load(path: copy.dir + "/out/reviewed.json", saveSnapshot: false)
        #expect(back.deal(id: Self.deal.id)?.draft == nil)
        // Documents lie under their dataset's directory: the article is copied beside it.
        #expect(try String(contentsOfFile: copy.dir + "/out/reviewed.json", encoding: .utf8).contains("\"path\": \"article.txt\""))
        #expect(try String(contentsOfFile: copy.dir + "/out/article.txt", encoding: .utf8) == String(contentsOfFile: copy.dir + "/article.txt", encoding: .utf8))
        // The original is untouched; an existing file is not replaced.
        #expect(try copy.text().contains("cloud.signed-with"))
        #expect(throws: EditSession.SaveFailure.self) { try s.save(as: copy.data) }
    }

    @Test func aReadOnlyDirectoryKeepsTheEditsInMemory() throws {
        guard geteuid() != 0 else { return }  // root writes anywhere
        let copy = try Copy()
        defer { chmod(copy.dir, 0o755); copy.remove() }
        var s = try copy.open()
        try s.apply(s.accept(Self.deal))
        chmod(copy.dir, 0o555)
        #expect(throws: EditSession.SaveFailure.self) { try s.save() }
        #expect(s.isDirty)
        chmod(copy.dir, 0o755)
        try s.save()
        #expect(!s.isDirty)
    }
}
