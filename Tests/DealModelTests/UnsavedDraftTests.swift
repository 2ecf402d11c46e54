import Foundation
import Testing
@testable import DealModel

/// An article drafted in memory is edited as the dataset file its first save writes:
/// beside the article, never over a file there.
@Suite("Saving a draft made in memory")
struct UnsavedDraftTests {
    typealias Copy = EditSessionTests.Copy

    /// The review fixture loaded as `dealscope article.txt` loads a draft: from bytes,
    /// its file named "article.txt (draft)", its title "… — not saved".
    static func inMemory(_ copy: Copy) throws -> Catalog {
        let json = try copy.text().replacingOccurrences(of: "\"Northwind and Tailspin (draft)\"", with: "\"draft of article.txt — not saved\"")
        let (catalog, problems) = DatasetLoader.check(json: Array(json.utf8), file: copy.dir + "/article.txt" + Catalog.unsavedSuffix, directory: copy.dir)
        #expect(problems.isEmpty)
        return try #require(catalog)
    }

    @Test func theFirstSaveWritesTheDatasetBesideTheArticle() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let catalog = try Self.inMemory(copy)
        #expect(catalog.unsavedArticle == copy.dir + "/article.txt")
        let path = copy.dir + "/article.dealscope.json"
        #expect(catalog.editableFiles == [path])
        var s = try EditSession.open(unsaved: catalog, as: EditSession.datasetPath(forArticle: copy.dir + "/article.txt"), cache: copy.cache)
        #expect(s.isDirty, "not on disk: unsaved from the start")
        try s.apply(try s.accept(RecordKey(.partners, "contoso")))
        #expect(!FileManager.default.fileExists(atPath: path), "nothing written before the save")
        #expect(try s.save() == [path])
        #expect(!s.isDirty)
        // The file loads to the session's records, titled without "not saved".
        let saved = try DatasetLoader.load(path: path, saveSnapshot: false)
        #expect(saved.title == "draft of article.txt")
        #expect(saved.partner(id: "contoso")?.draft == nil && saved.partner(id: "northwind")?.draft != nil)
        #expect(CatalogDump.lines(saved) == CatalogDump.lines(s.catalog))
        // Another draft of the same article goes beside it under the next name.
        #expect(EditSession.datasetPath(forArticle: copy.dir + "/article.txt") == copy.dir + "/article-2.dealscope.json")
        // Saved once, it is an ordinary file: the next save writes only what changed.
        try s.apply(try s.accept(RecordKey(.partners, "northwind")))
        #expect(try s.save() == [path])
    }

    @Test func aFileThatAppearedMeanwhileIsNotOverwritten() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let path = EditSession.datasetPath(forArticle: copy.dir + "/article.txt")
        var s = try EditSession.open(unsaved: try Self.inMemory(copy), as: path, cache: copy.cache)
        try "mine".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: EditSession.SaveFailure.self) { try s.save() }
        do { try s.save() } catch { #expect(error.description.contains("exists now (made since the draft was opened): not overwritten")) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
        #expect(s.isDirty, "the edits are kept")
    }

    @Test func editsOfAnUnsavedDraftAreJournalledAndRestored() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let path = EditSession.datasetPath(forArticle: copy.dir + "/article.txt")
        var s = try EditSession.open(unsaved: try Self.inMemory(copy), as: path, cache: copy.cache)
        try s.apply(try s.reject(RecordKey(.events, "contoso-may-join")))
        // A crash: the article drafted again gives the same file, and the journal applies.
        var again = try EditSession.open(unsaved: try Self.inMemory(copy), as: path, cache: copy.cache)
        #expect(EditJournal.exists(forDatasets: [path], cache: copy.cache))
        #expect(try again.restoreJournal() == 1)
        #expect(again.catalog.event(id: "contoso-may-join") == nil)
    }
}
