@testable import DealModel
@testable import ExplorerCore
import Testing

/// A paragraph far longer than a screen (issue 15): the document view lays it out a
/// piece at a time and Detail shows a window around each quote, so a key's work does
/// not grow with the paragraph; nothing is lost or shown twice.
@Suite struct LongParagraphTests {
    /// One paragraph of `sentences` numbered sentences; deal d quotes sentence
    /// `quoted[d]`, and "zephyr" ends every hundredth sentence.
    static func catalog(sentences: Int, quoted: [Int]) -> (Catalog, String) {
        var text = ""
        var ranges: [Int: Range<Int>] = [:]
        for k in 0..<sentences {
            let s = "Sentence \(k) of the long paragraph says little\(k % 100 == 99 ? " of a zephyr" : "")."
            ranges[k] = text.utf8.count..<(text.utf8.count + s.utf8.count)
            text += s + " "
        }
        text.removeLast()
        text += "\n"
        let document = SourceDocument(id: "doc", title: nil, date: nil, path: "long.txt", text: text)
        let partners = (0..<2).map { Partner(id: "p\($0)", name: "Partner \($0)", evidence: [], origin: SourceLocation(file: "t", line: 0, column: 0)) }
        let deals = quoted.enumerated().map { d, k in
            Deal(id: "d\(d)", title: "Deal \(d)", kind: .framework, status: .stated,
                 parties: [Party(partner: "p0", role: nil), Party(partner: "p1", role: nil)], date: nil, value: nil, amends: nil, products: [], note: nil,
                 evidence: [Evidence(document: document, utf8Range: ranges[k]!)], origin: SourceLocation(file: "t", line: d, column: 1))
        }
        return (Catalog(title: nil, files: [], documents: [document], partners: partners, deals: deals, events: [Event]()), text)
    }

    static func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " || $0 == "\n" }) }

    @Test func thePiecesCoverTheParagraphOnceInOrder() {
        let (c, text) = Self.catalog(sentences: 3000, quoted: [1500])
        let pieces = DocumentPieces(document: c.documents[0])
        let n = pieces.count(0)
        #expect(n > 20, "a \(text.utf8.count)-byte paragraph is cut into pieces")
        var at = 0
        for k in 0..<n {
            let r = pieces.range(0, k)
            #expect(r.lowerBound == at && !r.isEmpty && r.count <= DocumentPieces.size + DocumentPieces.reach)
            for o in [r.lowerBound, r.upperBound - 1] { #expect(pieces.piece(0, holding: o) == k) }
            at = r.upperBound
        }
        #expect(at == c.documents[0].paragraphs.offsets(0).upperBound)
    }

    /// Read line by line with j from the top, the view shows every word once, in order.
    @Test func scrollingReadsTheWholeParagraph() {
        let (c, text) = Self.catalog(sentences: 160, quoted: [120])
        var s = Explorer.start(catalog: c, width: 80, height: 24)
        press(&s, "2v")
        #expect(cells(s, .quote).replacingOccurrences(of: "|", with: " ") == "Sentence 120 of the long paragraph says little.", "the view opens at the quote")
        press(&s, "g")
        var shown: [String] = []
        var last = ""
        for _ in 0..<2000 {
            let rows = screen(s).split(separator: "\n", omittingEmptySubsequences: false)
            shown.append(String(rows[1].dropFirst(2).dropLast(1)))
            if screen(s) == last { shown.removeLast(); break }
            last = screen(s)
            press(&s, "j")
        }
        // The last screen: its rows after the first.
        let rows = screen(s).split(separator: "\n", omittingEmptySubsequences: false)
        shown += rows[2..<(s.height - 2)].map { String($0.dropFirst(2).dropLast(1)) }
        let got = Self.words(shown.joined(separator: " ")), want = Self.words(text)
        let first = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        #expect(got.count == want.count && first == want.count,
                "\(got.count) words shown of \(want.count); first difference at \(first): \(got[max(0, first - 5)..<min(got.count, first + 5)])")
        #expect(rows[s.height - 2].contains("paragraph 1 of 1, "), "the footer says how far into the paragraph")
    }

    @Test func detailShowsAWindowAroundTheQuote() {
        func detail(_ sentences: Int) -> [String] {
            let (c, _) = Self.catalog(sentences: sentences, quoted: [sentences / 2])
            var s = Explorer.start(catalog: c, width: 120, height: 40)
            press(&s, "2")
            return DetailPane.lines(s, width: 60).map { $0.map(\.text).joined() }
        }
        let small = detail(400), large = detail(40_000)
        #expect(abs(small.count - large.count) <= 2 && large.count < 40, "as many lines for 40,000 sentences as for 400: \(small.count), \(large.count)")
        let joined = Self.words(large.joined(separator: " ")).joined(separator: " ")
        #expect(joined.contains("Sentence 20000 of the long paragraph says little."))
        #expect(large.contains { $0.contains("  … ") } && large.contains { $0.hasSuffix(" …") }, "the cut is marked")
    }

    /// The search finds every match in a long paragraph, in slices or at once.
    @Test func searchingALongParagraphInSlices() {
        let (c, text) = Self.catalog(sentences: 5000, quoted: [10])
        var s = Explorer.start(catalog: c, width: 120, height: 40)
        s.documentSearchSlice = 4096
        press(&s, "2v/ZEPHYR")
        var turns = 0
        while s.isBusy { _ = Explorer.update(&s, .idle); turns += 1 }
        #expect(turns > 10)
        let expected = text.components(separatedBy: "zephyr").count - 1
        #expect(s.documentSearch?.all.count == expected && expected == 50)
        #expect(statusLine(s).contains("/ZEPHYR  match 1 of 50"))
        #expect(cells(s, .selectedFocused) == "zephyr")
    }
}
