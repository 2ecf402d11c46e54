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
