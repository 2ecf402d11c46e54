@testable import DealModel
import Foundation
import Testing

/// Input built to break a loader: each case loads correctly or is refused with a
/// message that names the place, never a crash or a hang.
@Suite struct HostileInput {
    /// Writes a document and a dataset into a fresh directory and checks it.
    func check(json: [UInt8], document: [UInt8] = Array("Alpha signed with Beta. Beta paid Alpha.\n".utf8)) throws -> (Catalog?, [DataProblem]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(document).write(to: URL(fileURLWithPath: dir + "/doc.txt"))
        try Data(json).write(to: URL(fileURLWithPath: dir + "/data.json"))
        return DatasetLoader.check(path: dir + "/data.json")
    }

    func dataset(partners: String = #"{"id":"alpha","name":"Alpha","evidence":["Alpha signed"]}"#, deals: String = "", events: String = "") -> String {
        #"{"dealscope":1,"documents":[{"id":"doc","path":"doc.txt"}],"partners":[\#(partners)],"deals":[\#(deals)],"events":[\#(events)]}"#
    }

    @Test func deepNestingIsRefusedNotOverflowed() throws {
        let json = #"{"dealscope":1,"documents":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let (catalog, problems) = try check(json: Array(json.utf8))
        #expect(catalog == nil)
        #expect(problems.first?.message.contains("nesting deeper than 200 levels") == true)
        #expect(problems.first?.location.line == 1)
    }

    @Test func numbersOutOfRange() throws {
        let (_, problems) = try check(json: Array(#"{"dealscope":1e999}"#.utf8))
        #expect(problems.first?.message.contains("out of range") == true)
        #expect(problems.first?.location.column == 14)  // where 1e999 starts
    }

    @Test func aByteOrderMarkAndCRLFLineEndsLoad() throws {
        let json = "\u{FEFF}" + dataset().replacingOccurrences(of: ",", with: ",\r\n")
        let document = "Alpha signed\r\nwith Beta.\r\nBeta paid Alpha.\r\n"
        let (catalog, problems) = try check(json: Array(json.utf8), document: Array(document.utf8))
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog?.documents.first?.paragraphs.count == 3)
        // A quote may span a CRLF line end: whitespace runs match each other.
        #expect(catalog?.documents.first?.matches(of: "signed with Beta").count == 1)
    }

    @Test func aRawNULByteIsRefusedWithItsPlace() throws {
        var bytes = Array(dataset().utf8)
        bytes.insert(0, at: 20)
        let (_, problems) = try check(json: bytes)
        #expect(problems.first?.message.contains("NUL") == true || problems.first?.message.contains("0x0") == true, "\(problems)")
        #expect(problems.first?.location.column == 21)
    }

    @Test func escapedControlCharactersLoadAndStayRaw() throws {
        let partners = #"{"id":"alpha","name":"Al\u0000pha\u001b[2J\u202e","evidence":["Alpha signed"]}"#
        let (catalog, problems) = try check(json: Array(dataset(partners: partners).utf8))
        #expect(problems.isEmpty)
        #expect(catalog?.partners.first?.name == "Al\u{0}pha\u{1B}[2J\u{202E}", "the model keeps the raw text")
    }

    @Test func veryLongNamesAndQuotesLoad() throws {
        let longName = String(repeating: "Ω", count: 1_000_000)
        let sentence = String(repeating: "word ", count: 20_000) + "end."
        let partners = #"{"id":"alpha","name":"\#(longName)","evidence":["\#(sentence)"]}"#
        let (catalog, problems) = try check(json: Array(dataset(partners: partners).utf8), document: Array((sentence + "\n").utf8))
        #expect(problems.isEmpty, "\(problems.prefix(2))")
        #expect(catalog?.partners.first?.name.count == 1_000_000)
        #expect(catalog?.partners.first?.evidence.first?.matchedText.count == sentence.count)
    }

    @Test func aDealWithTwentyThousandParties() throws {
        let n = 20_000
        let document = (0..<n).map { "Member \($0) joined." }.joined(separator: " ") + "\n"
        let partners = (0..<n).map { #"{"id":"m\#($0)","name":"Member \#($0)","evidence":["Member \#($0) joined."]}"# }.joined(separator: ",")
        let parties = (0..<n).map { #"{"partner":"m\#($0)"}"# }.joined(separator: ",")
        let deals = #"{"id":"club","title":"Club","kind":"framework","status":"stated","parties":[\#(parties)],"evidence":["Member 0 joined."]}"#
        let (catalog, problems) = try check(json: Array(dataset(partners: partners, deals: deals).utf8), document: Array(document.utf8))
        #expect(problems.isEmpty, "\(problems.prefix(2))")
        #expect(catalog?.deals.first?.parties.count == n)
        #expect(catalog.map { $0.counterparties(of: 0).count } == n - 1)
    }

    /// Every party with a role of its own: up to 4,096 different roles load; one more
    /// is refused with a message naming the deal (this crashed at 65,536, and took
    /// quadratic time well before). The limits guard against hangs, not for speed: a
    /// debug build beside other tests takes a minute or more.
    @Test(.timeLimit(.minutes(5)), arguments: [4096, 4097, 70_000])
    func manyDifferentRoles(count n: Int) throws {
        let document = (0..<n).map { "Member \($0) joined." }.joined(separator: " ") + "\n"
        let partners = (0..<n).map { #"{"id":"m\#($0)","name":"Member \#($0)","evidence":["Member \#($0) joined."]}"# }.joined(separator: ",")
        let parties = (0..<n).map { #"{"partner":"m\#($0)","role":"role \#($0)"}"# }.joined(separator: ",")
        let deals = #"{"id":"club","title":"Club","kind":"framework","status":"stated","parties":[\#(parties)],"evidence":["Member 0 joined."]}"#
        let (catalog, problems) = try check(json: Array(dataset(partners: partners, deals: deals).utf8), document: Array(document.utf8))
        if n <= DealTable.maxRoles {
            #expect(problems.isEmpty, "\(problems.prefix(2))")
            #expect(catalog?.deals.first?.parties.last?.role == "role \(n - 1)")
        } else {
            #expect(problems.count == 1, "said once")
            let first = try #require(problems.first)
            #expect(first.message.contains("\"role 4096\" is one more than the 4096 different roles"), "\(first.message)")
            #expect(first.record == "deal \"club\"")
            #expect(first.location.line == 1)
        }
    }

    /// Quadratic work hides in "is it already listed?" checks and in many identical
    /// quotes; 300,000 of each must stay linear (this took hours before the fix).
    @Test(.timeLimit(.minutes(5)))
    func threeHundredThousandPartiesAllQuotingTheSameSentence() throws {
        let n = 300_000
        let partners = (0..<n).map { #"{"id":"m\#($0)","name":"Member \#($0)","evidence":["Alpha signed with Beta"]}"# }.joined(separator: ",")
        let parties = (0..<n).map { #"{"partner":"m\#($0)"}"# }.joined(separator: ",")
        let deals = #"{"id":"club","title":"Club","kind":"framework","status":"stated","parties":[\#(parties)],"evidence":["Beta paid Alpha"]}"#
        let events = #"{"id":"e","title":"All","date":"2025","deals":["club"],"partners":["m1","m2"],"evidence":["Beta paid"]}"#
        let (catalog, problems) = try check(json: Array(dataset(partners: partners, deals: deals, events: events).utf8))
        #expect(problems.isEmpty, "\(problems.prefix(2))")
        #expect(catalog?.deals.partyCount(0) == n)
        #expect(catalog?.partnersOfEvent[0].count == n)
        #expect(catalog.map { c in c.partners.allSatisfy { $0.evidence.first?.matchedText == "Alpha signed with Beta" } } == true)
    }

    /// A chain of 200,000 undated events, each after the one before: ordered without
    /// recursion on both paths (the careful one runs when the data has a problem).
    @Test(.timeLimit(.minutes(5)), arguments: [false, true])
    func aVeryLongChainOfAfter(withAProblem: Bool) throws {
        let n = 200_000
        var events = [#"{"id":"e0","title":"Start","date":"2025","evidence":["Alpha signed"]}"#]
        for i in 1..<n { events.append(#"{"id":"e\#(i)","title":"Step","order":{"after":"e\#(i - 1)"},"evidence":["Beta paid"]}"#) }
        if withAProblem { events.append(#"{"id":"bad","title":"Bad","colour":"red","evidence":["Beta paid"]}"#) }
        let (catalog, problems) = try check(json: Array(dataset(events: events.joined(separator: ",")).utf8))
        if withAProblem {
            #expect(problems.count == 1 && problems.first?.message.contains("unknown key \"colour\"") == true, "\(problems.prefix(2))")
        } else {
            #expect(problems.isEmpty, "\(problems.prefix(2))")
            #expect(catalog?.events.id(0) == "e0")
            #expect(catalog?.events.id(n - 1) == "e\(n - 1)")
            #expect(catalog?.earliestDay(ofEvent: n - 1) == 20250101)
        }
    }

    @Test func aTruncatedFileSaysWhereItEnds() throws {
        let text = dataset()
        let (_, problems) = try check(json: Array(text.utf8.prefix(text.utf8.count - 10)))
        #expect(problems.first?.message.hasPrefix("malformed JSON") == true)
        #expect(problems.first?.message.contains("end of the file") == true)
    }

    @Test func invalidUTF8InsideAStringIsRefused() throws {
        var bytes = Array(dataset().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "A"))!
        bytes[at] = 0xC3  // a lead byte without its continuation
        let (_, problems) = try check(json: bytes)
        #expect(problems.first?.message.contains("is not UTF-8") == true)
        #expect(problems.first?.fix == "save the file as UTF-8")
    }

    /// Inputs the fuzzer found (Tests/Fixtures/fuzz/): each must load or be refused.
    @Test func fuzzerFindingsStayFixed() throws {
        let dir = Paths.fixture("fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for name in names.sorted() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            let (catalog, problems) = DatasetLoader.check(json: bytes, file: name, directory: Paths.fixture("good"))
            #expect(catalog != nil || !problems.isEmpty, "\(name) neither loaded nor was refused")
        }
    }
}

@Suite struct PartnersAcrossDatasets {
    @Test func aPartnerDefinedTwiceInTheSecondDatasetIsADuplicate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-merge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Alpha signed with Beta.\n".write(toFile: dir + "/doc.txt", atomically: true, encoding: .utf8)
        let alpha = #"{"id":"alpha","name":"Alpha","evidence":["Alpha signed"]}"#
        func dataset(_ partners: String) -> String {
            #"{"dealscope":1,"documents":[{"id":"doc","path":"doc.txt"}],"partners":[\#(partners)]}"#
        }
        try dataset(alpha).write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        try dataset(alpha + ",\n" + alpha).write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
        let (_, problems) = DatasetLoader.check(path: dir)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.location.file.hasSuffix("b.json") == true)
        #expect(problems.first?.location.line == 2)
        #expect(problems.first?.message.contains("already used by the partner at") == true)
    }
}
