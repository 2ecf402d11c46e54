import Foundation
import Testing
@testable import DealModel

/// The fast loader must give exactly what the careful loader gives, and leave every
/// problem to it.
@Suite("Fast path")
struct FastPathTests {
    static func bothWays(_ path: String) throws -> (fast: [String], careful: [String]) {
        let (careful, problems) = DatasetLoader.check(path: path, fast: false)
        #expect(problems.isEmpty, "\(problems)")
        let fast: Catalog, readAhead: Catalog
        do {
            fast = try FastLoad.attempt(file: path)
            // The events read on another thread, as in a large file.
            readAhead = try FastLoad.attempt(file: path, readAheadFrom: 0, readAheadWaits: true)
        } catch {
            Issue.record("the fast path gave up on \(path): \(error)")
            throw error
        }
        expectSame(CatalogDump.lines(readAhead), CatalogDump.lines(fast))
        return (CatalogDump.lines(fast), CatalogDump.lines(try #require(careful)))
    }

    static func expectSame(_ a: [String], _ b: [String]) {
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x != y {
            Issue.record("fast:    \(x)\ncareful: \(y)")
            return
        }
    }

    @Test func bundledDataIsTheSameBothWays() throws {
        let (fast, careful) = try Self.bothWays(Paths.bundledDataset)
        #expect(fast.count > 40)
        Self.expectSame(fast, careful)
    }

    @Test func validFixtureIsTheSameBothWays() throws {
        let (fast, careful) = try Self.bothWays(Paths.fixtures + "/good/valid.dealscope.json")
        Self.expectSame(fast, careful)
    }

    /// Everything valid but unusual: escapes, non-ASCII, one-line JSON, a BOM and CRLF,
    /// decimal and exponent amounts, quote objects with document and occurrence, dates
    /// as objects and with "~", every kind of order, nulls, "$schema".
    @Test(arguments: [false, true])
    func unusualButValidDataIsTheSameBothWays(minified: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-fast-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        Acme Café signed a “supply deal” with Globex.\r\nThe deal was worth roughly 1.5 billion dollars. Globex said so.

        Initech joined later. Acme Café signed again. Acme Café signed again.\r\n 名前 の 会社 agreed too.
        """.write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try "Second document: Globex and Initech met in 2024.".write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        var json = """
        {
          "$schema": "dealscope.schema.json",
          "dealscope": 1,
          "title": "Unusual \\"but\\" valid \\u00e9 \\ud83d\\ude00",
          "documents": [
            { "id": "a", "path": "a.txt", "title": null, "date": { "value": "2025-10", "approximate": true } },
            { "id": "b", "path": "b.txt", "date": "~2024" }
          ],
          "partners": [
            { "id": "acme", "name": "Acme Caf\\u00e9", "aliases": ["ACME", "Acme Co"], "products": [{ "name": "Rocket", "evidence": ["signed a \\"supply deal\\""] }], "note": "n\\tote", "evidence": ["Acme Café signed a “supply deal”"] },
            { "id": "globex", "name": "Globex", "aliases": null, "products": null, "evidence": [{ "text": "Globex and Initech met", "document": "b" }] },
            { "id": "initech", "name": "Initech", "evidence": ["Initech joined later"] },
            { "id": "kaisha", "name": "名前 の 会社", "evidence": ["名前 の 会社 agreed"] }
          ],
          "deals": [
            { "id": "supply", "title": "Supply \\"deal\\"", "kind": "framework", "status": "announced",
              "parties": [{ "partner": "acme", "role": "supplier" }, { "partner": "globex", "role": null }],
              "date": "2025-10-03", "value": { "amount": 1.5e9, "currency": "USD", "approximate": true, "text": "roughly 1.5 billion dollars", "sharedBy": ["acme", "globex"] },
              "products": ["rocket"], "note": null, "evidence": ["a \\"supply deal\\" with Globex", { "text": "Acme Café signed again", "occurrence": 2 }] },
            { "id": "second", "title": "Second", "kind": "amendment", "status": "reported", "amends": "supply",
              "parties": [{ "partner": "initech" }, { "partner": "kaisha", "role": "party" }], "date": null, "value": null,
              "evidence": [{ "text": "Initech   joined\\nlater.", "document": null }] },
            { "id": "third", "title": "Third", "kind": "cloud", "status": "stated",
              "parties": [{ "partner": "globex" }], "value": { "amount": 0.25, "currency": "EUR", "approximate": null },
              "evidence": [{ "text": "met in 2024", "document": "b" }] }
          ],
          "events": [
            { "id": "e-after", "title": "After", "date": null, "order": { "after": "e-dated" }, "deals": ["second"], "partners": ["kaisha"], "evidence": ["Globex said so"] },
            { "id": "e-dated", "title": "Dated", "date": "2025", "deals": ["supply", "second"], "partners": null, "note": "x", "evidence": ["worth roughly 1.5 billion"] },
            { "id": "e-before", "title": "Before", "order": { "before": "document" }, "deals": null, "evidence": ["Acme Café signed a “supply"] },
            { "id": "e-with", "title": "With", "order": { "with": "e-after" }, "deals": ["third"], "evidence": [{ "text": "Second document:", "document": "b" }] },
            { "id": "e-free", "title": "Free", "evidence": ["agreed too"] },
            { "id": "e-day", "title": "Day", "date": { "value": "2025-10-03" }, "deals": ["supply"], "evidence": ["The deal was worth"] }
          ]
        }
        """
        if minified {
            json = json.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        } else {
            json = "\u{FEFF}" + json.replacingOccurrences(of: "\n", with: "\r\n")
        }
        try json.write(toFile: dir + "/u.dealscope.json", atomically: true, encoding: .utf8)
        let (fast, careful) = try Self.bothWays(dir + "/u.dealscope.json")
        Self.expectSame(fast, careful)
        #expect(fast.contains { $0.hasPrefix(#"deal supply id="supply" title="Supply \"deal\"" "#) })
    }

    /// Events read ahead on another thread give the same catalog whatever the order of
    /// the top-level keys, and a title that quotes `"events": [` does not mislead the
    /// search for where the events start.
    @Test(arguments: [false, true])
    func eventsReadAheadInAnyKeyOrder(eventsFirst: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-ahead-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Acme and Globex agreed a deal.\nThey signed it in 2025. Then \"events\": [ happened.".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        let events = """
          "events": [
            { "id": "e1", "title": "Signing \\"events\\": [", "date": "2025", "deals": ["d1"], "evidence": ["They signed it in 2025"] },
            { "id": "e2", "title": "Later", "order": { "after": "e1" }, "evidence": ["\\"events\\": [ happened"] }
          ]
        """
        let deals = """
          "deals": [
            { "id": "d1", "title": "Not \\"events\\": [ here", "kind": "framework", "status": "stated",
              "parties": [{ "partner": "acme" }, { "partner": "globex" }], "evidence": ["Acme and Globex agreed a deal"] }
          ]
        """
        let json = """
        {
          "dealscope": 1,
          "documents": [{ "id": "a", "path": "a.txt" }],
          "partners": [
            { "id": "acme", "name": "Acme", "evidence": ["Acme and"] },
            { "id": "globex", "name": "Globex", "evidence": ["and Globex"] }
          ],
        \(eventsFirst ? events + ",\n" + deals : deals + ",\n" + events)
        }
        """
        try json.write(toFile: dir + "/x.dealscope.json", atomically: true, encoding: .utf8)
        let (fast, careful) = try Self.bothWays(dir + "/x.dealscope.json")
        Self.expectSame(fast, careful)
        #expect(fast.contains { $0.hasPrefix(#"event e2 id="e2" title="Later" "#) })
    }

    /// A large file's deals are read by two threads: the rest of the deals array, from
    /// a record halfway, on the thread that read the events. `bothWays` shows that the
    /// catalog is the same; this shows that the rest is indeed taken, and that the
    /// columns (lines, quotes, roles) read that way are the ones read in one go.
    @Test func restOfTheDealsIsReadOnAnotherThread() throws {
        let path = Paths.bundledDataset
        let mapped = try #require(MappedFile(path: path))
        let split = try FastDecoder(file: path, mapped: mapped, readAheadFrom: 0, readAheadWaits: true).decode(mapped.bytes)
        let whole = try FastDecoder(file: path).decode(mapped.bytes)
        #expect(whole.dealsReadAhead == 0)
        #expect(split.dealsReadAhead > 0 && split.dealsReadAhead < split.deals.count, "\(split.dealsReadAhead) of \(split.deals.count)")
        #expect(split.deals.lines == whole.deals.lines)
        #expect(split.deals.columns == whole.deals.columns)
        #expect(split.deals.quoteStarts == whole.deals.quoteStarts)
        #expect(split.deals.partyStarts == whole.deals.partyStarts)
        func roles(_ d: FastDataset) -> [String] { d.deals.partyRoles.map { $0 == 0 ? "" : d.deals.roles[Int($0) - 1] } }
        #expect(roles(split) == roles(whole))
        #expect(split.quotes.needles.bytes == whole.quotes.needles.bytes)
        #expect((0..<split.deals.count).map { split.deals.ids[$0] } == (0..<whole.deals.count).map { whole.deals.ids[$0] })
    }

    /// Every error fixture is left to the careful loader, which names the problem.
    @Test func everyErrorFixtureLeavesTheFastPath() throws {
        let dir = Paths.fixtures + "/errors"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 15)
        for f in files {
            #expect(FastLoad.load(file: dir + "/" + f) == nil, "\(f)")
            #expect(FastLoad.load(file: dir + "/" + f, readAheadFrom: 0, readAheadWaits: true) == nil, "\(f), events read ahead")
            let (_, problems) = DatasetLoader.check(path: dir + "/" + f)
            #expect(!problems.isEmpty, "\(f)")
        }
    }
}
