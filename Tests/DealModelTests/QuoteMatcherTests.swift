@testable import DealModel
import Testing

@Suite("Quote matching")
struct QuoteMatcherTests {
    static func matches(_ quote: String, in text: String) -> [String] {
        let m = QuoteMatcher(text: text)
        return m.ranges(of: quote).map { String(text[$0]) }
    }

    @Test func straightQuotesMatchCurlyOnes() {
        let text = "They called it “strong and central,” and OpenAI’s ‘frontier’ partner."
        #expect(Self.matches("\"strong and central,\"", in: text) == ["“strong and central,”"])
        #expect(Self.matches("OpenAI's 'frontier'", in: text) == ["OpenAI’s ‘frontier’"])
        // And the other way round.
        #expect(Self.matches("OpenAI’s", in: "OpenAI's models") == ["OpenAI's"])
        #expect(Self.matches("„Ja“", in: "Er sagte \"Ja\".") == ["\"Ja\""])
        #expect(Self.matches("5′ 3″", in: "a 5' 3\" board") == ["5' 3\""])
    }

    @Test func hyphensAndDashesMatchEachOther() {
        // U+2011 NON-BREAKING HYPHEN, as the bundled article writes "multibillion‑dollar".
        let text = "fresh multibillion\u{2011}dollar arrangements, work side\u{2011}by\u{2011}side"
        #expect(Self.matches("multibillion-dollar", in: text) == ["multibillion\u{2011}dollar"])
        #expect(Self.matches("side-by-side", in: text) == ["side\u{2011}by\u{2011}side"])
        for dash in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"] {
            #expect(Self.matches("a-b", in: "x a\(dash)b y") == ["a\(dash)b"], "U+\(String(dash.unicodeScalars.first!.value, radix: 16))")
        }
        #expect(Self.matches("a\u{2014}b", in: "a-b") == ["a-b"])
    }

    @Test func anyWhitespaceRunMatchesAnyOther() {
        let text = "the  joint\tstatement\n  notes that\u{00A0}collaborations"
        #expect(Self.matches("joint statement notes that collaborations", in: text)
            == ["joint\tstatement\n  notes that\u{00A0}collaborations"])
        #expect(Self.matches("  the   joint  ", in: text) == ["the  joint"])
        #expect(Self.matches("jointstatement", in: text) == [])
    }

    @Test func caseIsIgnored() {
        #expect(Self.matches("MICROSOFT AZURE", in: "hosted on Microsoft Azure.") == ["Microsoft Azure"])
        #expect(Self.matches("école", in: "L'ÉCOLE") == ["ÉCOLE"])
    }

    @Test func everyOccurrenceIsFoundAndNoneInvented() {
        let text = "Rockets, rockets and ROCKETS."
        #expect(Self.matches("rockets", in: text) == ["Rockets", "rockets", "ROCKETS"])
        #expect(Self.matches("missiles", in: text) == [])
        #expect(Self.matches("", in: text) == [])
        #expect(Self.matches("   ", in: text) == [])
        #expect(Self.matches("a longer quote than the text itself", in: "short") == [])
    }

    /// İ folds to two scalars (i and a dot above): a match may end on its i and the
    /// next start on its dot. They do not overlap in the folded text, so both count.
    @Test func matchesMeetingInsideADottedCapitalIBothCount() {
        let found = QuoteMatcher(text: "İxyİxyİ").offsets(ofAll: ["\u{307}xyi"])[0]
        #expect(found.count == 2)
        for blockSize in [1, 2, 3, 5] {
            #expect(QuoteMatcher(text: "İxyİxyİ", blockSize: blockSize, tailLimit: 16).offsets(ofAll: ["\u{307}xyi"])[0].count == 2)
        }
    }

    @Test func aMatchNeverSplitsACharacter() {
        // "e" followed by a combining acute accent is one character; the match takes it whole.
        let text = "Cafe\u{301} society"
        let m = QuoteMatcher(text: text).ranges(of: "cafe")
        #expect(m.count == 1)
        #expect(String(text[m[0]]) == "Cafe\u{301}")
    }

    @Test func sourceDocumentLocatesSentencesAndParagraphs() {
        let doc = SourceDocument(id: "d", title: nil, date: nil, path: "d.txt",
                                 text: "First sentence. Second one!\n\n  Third “quoted.” Fourth?\n")
        #expect(doc.paragraphs.map { String(doc.text[$0]) } == ["First sentence. Second one!", "Third “quoted.” Fourth?"])
        #expect(doc.sentences.map { String(doc.text[$0]) } == ["First sentence.", "Second one!", "Third “quoted.”", "Fourth?"])
        let r = doc.matches(of: "\"quoted.\"")
        #expect(r.count == 1)
        #expect(doc.paragraphIndex(containing: r[0].lowerBound) == 1)
        #expect(doc.sentenceIndex(containing: r[0].lowerBound) == 2)
        #expect(String(doc.text[doc.sentenceSpan(covering: r[0])]) == "Third “quoted.”")
    }
}

/// Keeping only the first matches of each quote (issue 15, item 2: a hundred quotes
/// found at a million places each held every match, gigabytes).
@Suite struct QuoteMatcherKeepTests {
    static func lists(_ matcher: QuoteMatcher, _ quotes: [String], keep: (@Sendable (Int) -> Int)?) -> [Int: (matches: [Range<Int>], total: Int)] {
        var needles = StringColumn()
        for q in quotes { QuoteMatcher.foldedBytes(q).withUnsafeBufferPointer { needles.append(bytes: $0) } }
        var out: [Int: (matches: [Range<Int>], total: Int)] = [:]
        matcher.eachMatchList(of: needles, keep: keep) { n, matches, total in out[n] = (matches, total) }
        return out
    }

    @Test func theFirstMatchesAreKeptAndEveryOneCounted() {
        // Matches thicker than quotes come (one every 6 bytes), over a few blocks.
        let text = String(repeating: "ab cd ab ef\n", count: 200_000) + "aaaaaaaaaa\n" + String(repeating: "x", count: 10) + "\nab cd once\n"
            + String(repeating: "agreed a; ", count: 100_000) + String(repeating: "a", count: 300_000)
        let matcher = QuoteMatcher(text: text)
        let quotes = ["ab cd", "ef", "ab cd once", "aaa", "nowhere", "agreed a"]
        let all = Self.lists(matcher, quotes, keep: nil)
        let kept = Self.lists(matcher, quotes, keep: { n in n == 1 ? 150_000 : 5 })
        #expect(all[0]?.total == 200_001 && all[0]?.matches.count == 200_001)
        #expect(kept[0]?.total == 200_001, "every match counted")
        #expect((kept[0]?.matches.count ?? .max) < 100_000, "\(kept[0]?.matches.count ?? -1) kept of 200,001")
        #expect(kept[0]?.matches.prefix(5) == all[0]?.matches.prefix(5), "the first ones kept")
        #expect(kept[1]?.total == 200_000)
        #expect(kept[1]?.matches.prefix(150_000) == all[1]?.matches.prefix(150_000), "as many as asked for")
        #expect(kept[2]?.total == 1 && kept[2]?.matches == all[2]?.matches)
        // A quote whose matches overlap keeps them from the first overlap on (they are
        // dropped when gathered); one that could but does not is counted exactly.
        #expect(kept[3]?.total == all[3]?.total && all[3]?.total == 100_003, "\(all[3]?.total ?? -1)")
        #expect(kept[5]?.total == 100_000 && all[5]?.total == 100_000)
        #expect((kept[5]?.matches.count ?? .max) < 100_000)
        #expect(kept[4] == nil)
    }
}
