@testable import DealModel
import Foundation
import Testing

/// The fast loader reports the problems it finds joining records (issue 15, item 2)
/// exactly as the careful loader reports them: same places, same words, same order.
@Suite struct FastReportTests {
    /// The problems the fast path reports itself, or nil when it leaves them to the
    /// careful path.
    static func fastReport(_ file: String, wanted: Int = .max) -> [DataProblem]? {
        do {
            _ = try FastLoad.attempt(file: file, report: wanted)
            return []
        } catch {
            return error.problems.isEmpty ? nil : error.problems
        }
    }

    static func careful(_ file: String) -> [DataProblem] { DatasetLoader.check(path: file, fast: false).1 }

    @Test(arguments: ["unknown-partner.json", "unknown-deal.json", "unknown-event.json", "quote-ambiguous.json",
                      "quote-not-found.json", "occurrence-out-of-range.json"])
    func errorFixturesOfJoiningAreReportedByTheFastPath(_ name: String) throws {
        let file = Paths.fixture("errors/" + name)
        let careful = Self.careful(file)
        #expect(!careful.isEmpty)
        let fast = try #require(Self.fastReport(file), "the fast path reports \(name) itself")
        #expect(fast == careful)
        #expect(DatasetLoader.check(path: file).1 == careful)
    }

    /// Every fixture: whichever path reports, the problems are the careful loader's.
    @Test func everyFixtureGivesTheCarefulProblems() throws {
        let root = Paths.fixtures
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".json") && !$0.hasPrefix("fuzz") }
        #expect(files.count > 20)
        for f in files {
            let file = root + "/" + f
            #expect(DatasetLoader.check(path: file, snapshots: false).1 == Self.careful(file), "\(f)")
        }
    }

    // MARK: Generated datasets with problems of every kind

    /// A dataset of `n` deals with problems sown at random: every kind the fast path
    /// reports, several to a record, in two documents; `oneLine` writes it without
    /// line breaks, `crlf` with CR LF, and names hold non-ASCII characters so that
    /// columns count characters.
    static func sown(in dir: String, seed: UInt64, n: Int = 120, oneLine: Bool = false, crlf: Bool = false) throws -> String {
        var rng = SplitMix64(state: seed)
        func chance(_ percent: Int) -> Bool { rng.below(100) < percent }
        let partners = max(4, n / 4)
        var doc = "Überblick über Verträge.\n\nRepeated clause of the report.\n\n", doc2 = "Second document, für alle.\n\n"
        var records: [String] = []
        for p in 0..<partners {
            doc += "Partner \(p) Ünited makes Gadget \(p).\n"
            let quote = chance(5) ? "Partner \(p) never said this" : "Partner \(p) Ünited"
            let productQuote = chance(5) ? #"{"text":"Gadget \#(p)","document":"nowhere"}"# : #""makes Gadget \#(p)""#
            records.append(#"{"id":"p\#(p)","name":"Partner \#(p) Ünited","products":[{"name":"Gadget \#(p)","evidence":[\#(productQuote)]}],"evidence":["\#(quote)"]}"#)
        }
        let partnersJSON = records.joined(separator: ",\n    ")
        records = []
        for d in 0..<n {
            doc += "Deal \(d): Partner \(d % partners) paid Partner \((d + 1) % partners) — “cash”.\n"
            if d % 10 == 0 { doc += "\nRepeated clause of the report.\n\n" }
            doc2 += "Deal \(d) is mentioned again here.\n"
            let a = d % partners, b = (d + 1) % partners
            var parties = [#"{"partner":"p\#(a)","role":"büyer"}"#, #"{"partner":"p\#(b)","role":"seller"}"#]
            if chance(15) { parties.append(#"{"partner":"q\#(a)"}"#) }
            if chance(8) { parties.append(#"{"partner":"p\#(a)"}"#) }
            if chance(5) { parties.append(#"{"partner":"zz\#(d)"}"#); parties.append(#"{"partner":"zz\#(d)"}"#) }
            var fields = [#""id":"d\#(d)""#, #""title":"Deal \#(d) — Ü""#, #""kind":"licence""#, #""status":"stated""#, #""parties":[\#(parties.joined(separator: ", "))]"#]
            if chance(20) {
                let shared = chance(40) ? #"["p\#(a)","p\#((a + 2) % partners)"]"# : #"["p\#(a)","p\#(b)"]"#
                fields.append(#""value":{"amount":5,"currency":"USD","sharedBy":\#(shared)}"#)
            }
            if chance(15) { fields.append(#""products":["Gadget \#(a)",\#(chance(50) ? #""Gizmo \#(d)""# : #""gadget \#(b)""#)]"#) }
            if chance(15) { fields.append(#""amends":"\#(chance(30) ? "d\(d)" : chance(50) ? "d\(d + 1000)" : "d\((d + 1) % n)")""#) }
            var quotes = [#""Deal \#(d): Partner \#(a) paid""#]
            switch rng.below(12) {
            case 0: quotes.append(#""no such words \#(d)""#)
            case 1: quotes.append(#""Repeated clause""#)
            case 2: quotes.append(#"{"text":"Repeated clause","occurrence":7}"#)
            case 3: quotes.append(#"{"text":"Deal \#(d) is mentioned","document":"second"}"#)
            case 4: quotes.append(#"{"text":"Deal \#(d) is mentioned","document":"secnd"}"#)
            case 5: quotes.append(#"{"text":"is mentioned again","document":"second"}"#)
            default: break
            }
            fields.append(#""evidence":[\#(quotes.joined(separator: ", "))]"#)
            records.append("{" + fields.joined(separator: ", ") + "}")
        }
        let dealsJSON = records.joined(separator: ",\n    ")
        records = []
        for e in 0..<n {
            doc += "Event \(e) happened.\n"
            var fields = [#""id":"e\#(e)""#, #""title":"Event \#(e)""#]
            if e > 0 && chance(30) {
                let anchor = chance(20) ? "f\(e)" : chance(10) ? "document" : "e\(rng.below(e))"
                fields.append(#""order":{"\#(["before", "with", "after"][rng.below(3)])":"\#(anchor)"}"#)
            } else {
                fields.append(#""date":"2024-0\#(1 + rng.below(9))""#)
            }
            fields.append(#""deals":["d\#(rng.below(n))"\#(chance(10) ? #","x\#(e)""# : "")]"#)
            if chance(30) { fields.append(#""partners":["p\#(rng.below(partners))"\#(chance(30) ? #","P\#(e)""# : "")]"#) }
            fields.append(#""evidence":["\#(chance(5) ? "Event \(e) never" : "Event \(e) happened")"]"#)
            records.append("{" + fields.joined(separator: ", ") + "}")
        }
        let eventsJSON = records.joined(separator: ",\n    ")
        var json = """
            {
              "dealscope": 1,
              "documents": [{ "id": "main", "path": "doc.txt" }, { "id": "second", "path": "doc2.txt" }],
              "partners": [
                \(partnersJSON)
              ],
              "deals": [
                \(dealsJSON)
              ],
              "events": [
                \(eventsJSON)
              ]
            }

            """
        if oneLine { json = json.replacingOccurrences(of: "\n", with: " ") }
        if crlf { json = json.replacingOccurrences(of: "\n", with: "\r\n") }
        try doc.write(toFile: dir + "/doc.txt", atomically: false, encoding: .utf8)
        try doc2.write(toFile: dir + "/doc2.txt", atomically: false, encoding: .utf8)
        try json.write(toFile: dir + "/set.json", atomically: false, encoding: .utf8)
        return dir + "/set.json"
    }

    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [(false, false), (true, false), (false, true)])
    func sownProblemsAreReportedAsTheCarefulLoaderReportsThem(oneLine: Bool, crlf: Bool) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var reportedByTheFastPath = 0
        for seed in UInt64(1)...40 {
            let file = try Self.sown(in: dir, seed: seed, oneLine: oneLine, crlf: crlf)
            let careful = Self.careful(file)
            #expect(careful.count > 5, "seed \(seed): \(careful.count)")
            guard let fast = Self.fastReport(file) else { continue }
            reportedByTheFastPath += 1
            #expect(fast.count == careful.count, "seed \(seed)")
            for (f, c) in zip(fast, careful) where f != c {
                Issue.record("seed \(seed):\n fast:    \(f)\n careful: \(c)")
                break
            }
            // A load stops at the first problem found: one of them.
            do {
                _ = try DatasetLoader.load(path: file)
                Issue.record("seed \(seed) loaded")
            } catch {
                // (The records' references and the quotes are checked at once, one
                // core each: each stops at its first.)
                #expect((1...2).contains(error.problems.count) && error.problems.allSatisfy(careful.contains) && !error.complete, "seed \(seed)")
            }
        }
        // (A cycle of order, or an event ordered against itself, is left to the careful path.)
        #expect(reportedByTheFastPath >= 20, "\(reportedByTheFastPath) of 40")
    }

    /// Output is bounded: a quote matching 300,000 places is one line naming ten
    /// (and the fast path keeps only the first matches of each quote, counting the
    /// rest); an occurrence far down still picks its match.
    @Test func anAmbiguousQuoteIsOneBoundedLine() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try String(repeating: "The same words again.\n\n", count: 300_000).write(toFile: dir + "/doc.txt", atomically: false, encoding: .utf8)
        try #"{"dealscope":1,"documents":[{"id":"d","path":"doc.txt"}],"partners":[{"id":"a","name":"A","evidence":["same words"]},{"id":"b","name":"B","evidence":[{"text":"words again","occurrence":299999}]},{"id":"c","name":"C","evidence":[{"text":"same","occurrence":300001}]}]}"#
            .write(toFile: dir + "/set.json", atomically: false, encoding: .utf8)
        let careful = Self.careful(dir + "/set.json")
        #expect(careful.map(\.message) == ["the quote \"same words\" matches 300,000 places in \(dir)/doc.txt (paragraphs 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 299,990 more)",
                                           "\"occurrence\": 300001 asks for match 300001 of the quote \"same\", but it matches 300,000 times"])
        #expect(Self.fastReport(dir + "/set.json") == careful)
        // Without the problems, the occurrence far down is found where it is.
        try #"{"dealscope":1,"documents":[{"id":"d","path":"doc.txt"}],"partners":[{"id":"b","name":"B","evidence":[{"text":"words again","occurrence":299999}]}]}"#
            .write(toFile: dir + "/set.json", atomically: false, encoding: .utf8)
        let catalog = try #require(FastLoad.load(file: dir + "/set.json"))
        #expect(catalog.partners[0].evidence[0].utf8Range.lowerBound == 299_998 * 23 + 9)
    }

    @Test func aLongIDOrQuoteIsShortenedInMessages() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let long = String(repeating: "x", count: 100_000)
        try "Alpha signed.\n".write(toFile: dir + "/doc.txt", atomically: false, encoding: .utf8)
        try #"{"dealscope":1,"documents":[{"id":"d","path":"doc.txt"}],"partners":[{"id":"a","name":"A","evidence":["\#(long)"]}],"deals":[{"id":"k","title":"K","kind":"licence","status":"stated","parties":[{"partner":"\#(long)"}],"evidence":["Alpha signed"]}]}"#
            .write(toFile: dir + "/set.json", atomically: false, encoding: .utf8)
        let problems = DatasetLoader.check(path: dir + "/set.json").1
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.description.count < 400 }, "\(problems.map(\.description.count))")
        #expect(problems == Self.careful(dir + "/set.json"))
    }
}
