import Foundation
import Testing
@testable import DealModel

/// The dataset writer: what it writes is the documented format, loads back to the
/// same catalog field by field, and keeps a stable layout.
@Suite("Dataset writer")
struct DatasetWriterTests {
    /// Writes a catalog into `dir` and loads it back (carefully, to hear every problem).
    static func writeAndLoad(_ c: Catalog, selection: DatasetWriter.Selection? = nil, in dir: String) throws -> (text: String, catalog: Catalog) {
        let file = dir + "/written.dealscope.json"
        let text = DatasetWriter(catalog: c, selection: selection, directory: dir).text()
        try AtomicFile.write(file) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in try emit(Array(text.utf8)) }
        // The documents stay where they are (the export command copies them instead).
        let (back, problems) = DatasetLoader.check(path: file, rules: FileRules(documentsAnywhere: true), fast: false)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        return (text, try #require(back))
    }

    /// Load → write → load gives the same catalog, field by field from the
    /// declarations; writing that again gives the same bytes.
    @Test(arguments: ["../../Assets/openai-microsoft-alliance.dealscope.json", "good/valid.dealscope.json", "extended/extended.dealscope.json",
                      "hostile/hostile.dealscope.json", "merge", "shared"])
    func aWrittenDatasetLoadsBackTheSame(_ fixture: String) throws {
        let original = try DatasetLoader.load(path: Paths.fixture(fixture))
        let dir = try temporaryDirectory("dealscope-write")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (text, back) = try Self.writeAndLoad(original, in: dir)
        let a = CatalogDump.lines(original, places: false), b = CatalogDump.lines(back, places: false)
        FastPathTests.expectSame(b, a)
        #expect(a.count > 10)
        #expect(DatasetWriter(catalog: back, directory: dir).text() == text, "the layout is stable")
        // The fast loader reads it the same too.
        let fast = try #require(FastLoad.load(file: dir + "/written.dealscope.json", rules: FileRules(documentsAnywhere: true)))
        FastPathTests.expectSame(CatalogDump.lines(fast, places: false), a)
    }

    /// Generated data (every kind of event order, and with `extended` every later
    /// field), read back the same, written in another directory.
    @Test(arguments: [false, true])
    func generatedDataLoadsBackTheSame(extended: Bool) throws {
        let dir = try temporaryDirectory("dealscope-write")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticData.write(deals: 400, seed: 7, extended: extended, to: dir + "/in")
        let original = try DatasetLoader.load(path: dir + "/in/synthetic.dealscope.json", saveSnapshot: false)
        let (_, back) = try Self.writeAndLoad(original, in: dir)
        FastPathTests.expectSame(CatalogDump.lines(back, places: false), CatalogDump.lines(original, places: false))
        #expect(original.deals.count == 400)
    }

    /// Changing one field of one record changes only that record's line, even a date
    /// that moves the event on the timeline: records are written in the order they
    /// were loaded, not in timeline order.
    @Test func changingOneFieldChangesOnlyThatRecordsLines() throws {
        let dir = try temporaryDirectory("dealscope-write")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (text, _) = try Self.writeAndLoad(bundled, in: dir)
        for (from, to) in [(#""date": "2025-10","#, #""date": "2022-Q1","#), (#""status": "unchanged","#, #""status": "completed","#)] {
            // The last record that has it (an event's date, a deal's status).
            let at = try #require(text.range(of: from, options: .backwards))
            try text.replacingCharacters(in: at, with: to).write(toFile: dir + "/written.dealscope.json", atomically: true, encoding: .utf8)
            let changed = try DatasetLoader.load(path: dir + "/written.dealscope.json", rules: FileRules(documentsAnywhere: true), saveSnapshot: false)
            let rewritten = DatasetWriter(catalog: changed, directory: dir).text()
            let old = text.split(separator: "\n", omittingEmptySubsequences: false), new = rewritten.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(old.count == new.count)
            let differ = zip(old, new).filter { $0 != $1 }
            #expect(differ.count == 1, "\(differ)")
            #expect(differ.first?.1.contains(to.dropLast()) == true)
        }
    }

    /// Quotes are written as the document's exact words: a string when they need
    /// nothing more, the document when not the first, the occurrence when the words
    /// occur more than once (computed, whether or not the input gave it).
    @Test func quotesCarryWhatLocatingThemNeeds() throws {
        let c = try DatasetLoader.load(path: Paths.fixture("good/valid.dealscope.json"))
        let text = DatasetWriter(catalog: c).text()
        #expect(text.contains("""
                {
                  "text": "rockets",
                  "occurrence": 2
                }
        """))
        #expect(text.contains("\"“a turning point”\""))
        let extended = DatasetWriter(catalog: ExtendedFormatTests.catalog).text()
        #expect(extended.contains("""
                {
                  "text": "Hooli said talks",
                  "document": "b"
                }
        """))
        // The typographic apostrophe of the article, as the article writes it.
        #expect(DatasetWriter(catalog: bundled).text().contains("\"Azure also remains the underlying cloud for OpenAI’s workloads\""))
    }

    /// Document paths are written relative to where the dataset goes.
    @Test func documentPathsAreRelativeToTheWrittenFile() throws {
        let dir = try temporaryDirectory("dealscope-write")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/out/deeper", withIntermediateDirectories: true)
        let text = DatasetWriter(catalog: bundled, directory: dir + "/out/deeper").text()
        let expected = FilePaths.relative(Paths.assets + "/openai-microsoft-alliance.txt", from: dir + "/out/deeper")
        #expect(expected.hasPrefix("../../../"))
        #expect(text.contains("\"path\": \"\(expected)\""))
        #expect(FilePaths.relative("/a/b/c.txt", from: "/a/b") == "c.txt")
        #expect(FilePaths.relative("/a/b/c.txt", from: "/a/x/y") == "../../b/c.txt")
        #expect(FilePaths.relative("/a/./b/../c.txt", from: "/") == "a/c.txt")
    }

    /// A filter writes the records it shows and what they refer to, so that the
    /// dataset loads: every party of a written deal, the deals it amends, the events
    /// an event is ordered against; an event's deals outside the filter are left out.
    @Test(arguments: [
        DealQuery(partners: ["amazon"]),
        DealQuery(kinds: [.licence]),
        DealQuery(text: "azure"),
        DealQuery(from: PartialDate(year: 2026)),
        DealQuery(partners: ["microsoft", "openai"], kinds: [.amendment]),
    ])
    func aFilteredDatasetLoads(_ q: DealQuery) throws {
        let dir = try temporaryDirectory("dealscope-write")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let selection = DatasetWriter.Selection(bundled, matching: q)
        let (_, back) = try Self.writeAndLoad(bundled, selection: selection, in: dir)
        let shown = Set(bundled.dealIDs(matching: q))
        #expect(shown.isSubset(of: Set(back.deals.map(\.id))))
        // Only the deals shown and those they amend.
        let amended = Set(back.deals.compactMap(\.amends))
        #expect(Set(back.deals.map(\.id)).subtracting(shown).isSubset(of: amended))
        #expect(Set(bundled.eventIDs(matching: q)).isSubset(of: Set(back.events.map(\.id))))
        for d in back.deals { #expect(Set(d.partnerIDs).isSubset(of: Set(back.partners.map(\.id)))) }
        // Each written record as it was, but an event's deals outside the filter.
        for d in back.deals { #expect(CatalogDump.fields(d.value) == CatalogDump.fields(bundled.deal(id: d.id)!.value)) }
        for e in back.events { #expect(Set(e.deals).isSubset(of: Set(bundled.event(id: e.id)!.deals))) }
        #expect(back.subsetCheck(of: bundled))
    }

    @Test func theSelectionOfAnEmptyQueryIsEverything() {
        let s = DatasetWriter.Selection(bundled, matching: DealQuery())
        #expect(s.deals.count == bundled.deals.count && s.events.count == bundled.events.count && s.partners.count == bundled.partners.count)
    }
}

extension Catalog {
    /// Each partner of this catalog is the other's partner of the same id, field by field.
    func subsetCheck(of other: Catalog) -> Bool {
        partners.allSatisfy { p in other.partner(id: p.id).map { CatalogDump.fields($0.value) == CatalogDump.fields(p.value) } ?? false }
    }
}
