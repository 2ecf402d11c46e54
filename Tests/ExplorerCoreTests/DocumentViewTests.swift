import DealModel
@testable import ExplorerCore
import Testing

/// The status line of a screen.
func statusLine(_ s: AppState) -> String { String(screen(s).split(separator: "\n", omittingEmptySubsequences: false)[s.height - 1]) }

/// The text of the cells drawn in a role, in reading order, runs joined by "|".
func cells(_ s: AppState, _ role: Role) -> String {
    let grid = Explorer.render(s)
    var runs: [String] = []
    var run = ""
    for r in 0..<grid.height {
        for c in 0..<grid.width {
            if grid[r, c].role == role { run += String(grid[r, c].text) } else if !run.isEmpty { runs.append(run); run = "" }
        }
    }
    if !run.isEmpty { runs.append(run) }
    return runs.joined(separator: "|")
}

/// `/` in the document view searches it as less does: incremental, case and accents
/// ignored, matches marked, "match 2 of 5", n/N through them, Esc back.
@Suite struct DocumentSearchTests {
    /// How often the bundled article says "azure", in any case.
    static let azures = bundled.documents[0].text.lowercased().components(separatedBy: "azure").count - 1

    @Test func typingJumpsToTheFirstMatchAndCountsThem() {
        #expect(Self.azures >= 3)
        var s = start(120, 40)
        press(&s, "v<Home>/az")
        #expect(s.inputMode == .documentSearch)
        press(&s, "ure")
        #expect(statusLine(s).contains("/azure  match 1 of \(Self.azures) (n/N)"))
        #expect(cells(s, .selectedFocused).lowercased() == "azure", "the current match is reversed")
        #expect(cells(s, .match).lowercased().split(separator: "|").allSatisfy { $0 == "azure" }, "other matches are marked")
        press(&s, "<Enter>")
        #expect(s.inputMode == .document)
        #expect(statusLine(s).contains("/azure: match 1 of \(Self.azures) (n/N) · quoted span"))
        press(&s, "n")
        #expect(statusLine(s).contains("match 2 of \(Self.azures)"))
        press(&s, "NN")
        #expect(statusLine(s).contains("match \(Self.azures) of \(Self.azures)"), "N wraps to the last match")
        press(&s, "n")
        #expect(statusLine(s).contains("match 1 of \(Self.azures)"), "n wraps to the first")
    }

    @Test func caseAccentsAndDashesAreIgnoredAsInTheMainSearch() {
        for query in ["AZURE", "Âzüre"] {
            var s = start(120, 40)
            press(&s, "v<Home>/" + query)
            #expect(statusLine(s).contains("match 1 of \(Self.azures)"), "\(query)")
        }
        // The article writes "third‑party" with a non-breaking hyphen.
        var s = start(120, 40)
        press(&s, "v<Home>/third-party collaborations")
        #expect(statusLine(s).contains("match 1 of 1"))
        #expect(cells(s, .selectedFocused) == "third‑party collaborations")
    }

    @Test func theSearchStartsAtTheTopOfTheScreenAndEscGoesBack() {
        var s = start(80, 24)
        press(&s, "v")
        let before = screen(s)
        press(&s, "/microsoft")
        #expect(!statusLine(s).contains("match 1 of"), "the first match from the view's top is not the document's first")
        press(&s, "<Esc>")
        #expect(s.inputMode == .document && s.documentSearch == nil)
        #expect(screen(s) == before, "Esc while typing goes back to where the view was")
        press(&s, "/zzqx")
        #expect(statusLine(s).contains("/zzqx  no match"))
        press(&s, "<Enter>")
        #expect(statusLine(s).contains("no match for “zzqx”"))
        press(&s, "/<Enter>")
        #expect(s.documentSearch == nil, "Enter on an empty line ends the search")
    }

    @Test func withoutASearchNGoesFromQuoteToQuoteAndBracketsAlways() {
        var s = start()
        press(&s, "v")
        guard case .document(let first) = s.mode else { Issue.record("no document view"); return }
        press(&s, "n")
        #expect(s.mode == .document(quote: first + 1))
        press(&s, "/azure<Enter>]")
        #expect(s.mode == .document(quote: first + 2), "] goes to the next quote with a search on")
        press(&s, "n")
        #expect(s.mode == .document(quote: first + 2), "n goes to a match, not a quote")
        press(&s, "q")
        #expect(s.mode == .normal && s.documentSearch == nil, "closing the document ends its search")
    }

    /// A search in slices between keys ends where a search at once ends.
    @Test func aSlicedSearchEndsLikeOneAtOnce() {
        var once = start(120, 40)
        press(&once, "v/microsoft")
        var s = start(120, 40)
        s.documentSearchSlice = 300
        press(&s, "v/microsoft")
        #expect(s.isBusy)
        #expect(statusLine(s).contains("searching…"))
        var turns = 0
        while s.isBusy && turns < 1000 {
            _ = Explorer.update(&s, .idle)
            turns += 1
        }
        #expect(turns > 10)
        #expect(s.documentSearch?.all == once.documentSearch?.all)
        #expect(s.documentSearch?.current == once.documentSearch?.current)
        #expect(screen(s) == screen(once))
    }

    /// n pressed before the search has found the next match shows it when found.
    @Test func nWhileSearchingWaitsForTheNextMatch() {
        var s = start(120, 40)
        s.documentSearchSlice = 200
        press(&s, "v<Home>/openai")
        while s.documentSearch?.current == nil { _ = Explorer.update(&s, .idle) }
        let first = s.documentSearch!.current!
        press(&s, "<Enter>n")
        while s.isBusy { _ = Explorer.update(&s, .idle) }
        let all = s.documentSearch!.all
        #expect(s.documentSearch?.current == all[all.firstIndex(of: first)! + 1])
    }
}

/// Enter on a span several records quote offers them; the one chosen opens with
/// Detail at that quote. The counts say what they count.
@Suite struct QuotePickerTests {
    @Test func aSharedSpanOffersTheRecordsThatQuoteIt() throws {
        var s = sharedQuote(120, 40)
        guard case .document(let q) = s.mode, let quotes = s.documentQuotes else { Issue.record("no document view"); return }
        let owners = quotes.owners(q)
        #expect(owners.count > 1)
        #expect(statusLine(s).contains("quoted by \(owners.count): Enter chooses"))
        press(&s, "<Enter>")
        #expect(s.inputMode == .quotePicker)
        let text = screen(s)
        #expect(text.contains("Quoted by \(owners.count) records: choose one"))
        for o in owners { #expect(text.contains(DocumentView.title(o, s.catalog))) }
        press(&s, "<Esc>")
        #expect(s.inputMode == .document && s.mode == .document(quote: q), "Esc goes back to the document")
        press(&s, "<Enter>jk<End>")
        #expect(s.quotePicker?.cursor == owners.count - 1)
        press(&s, "<Enter>")
        #expect(s.mode == .normal && s.focus == .detail && s.detailRecord == owners[owners.count - 1])
    }

    /// Detail opens at the evidence chosen, not at its first: a span whose record
    /// quotes other spans before it.
    @Test func detailOpensAtTheQuoteChosen() throws {
        let quotes = bundled.quotes(in: bundled.documents[0])
        let (q, pick, k) = try #require((0..<quotes.count).lazy.compactMap { q -> (Int, Int, Int)? in
            let owners = quotes.owners(q)
            guard owners.count > 1 else { return nil }
            for (i, o) in owners.enumerated() {
                if let k = bundled.evidence(of: o).firstIndex(where: { $0.utf8Range == quotes.range(q) }), k > 0 { return (q, i, k) }
            }
            return nil
        }.first)
        var s = start(120, 40)
        press(&s, "v")
        guard case .document(let at) = s.mode else { return }
        press(&s, String(repeating: "]", count: (q - at + quotes.count) % quotes.count) + "<Enter>" + String(repeating: "j", count: pick) + "<Enter>")
        let chosen = quotes.owners(q)[pick]
        #expect(s.detailRecord == chosen && s.focus == .detail)
        let detail = Layout(s).rect(.detail).inner
        let rows = screen(s).split(separator: "\n").map(String.init)
        let count = s.catalog.evidence(of: chosen).count
        #expect(rows[detail.y].contains("Evidence \(k + 1) of \(count)"), "Detail's first row is the quote chosen: \(rows[detail.y])")
    }

    @Test func aSpanQuotedOnceOpensAtOnceAtItsEvidence() {
        var s = start(120, 40)
        press(&s, "v<Home>")
        for _ in 0..<100 where !statusLine(s).contains("Enter opens") { press(&s, "]") }
        guard case .document(let q) = s.mode, let record = s.documentQuotes?.owners(q).first else { Issue.record("no span"); return }
        press(&s, "<Enter>")
        #expect(s.mode == .normal && s.detailRecord == record && s.focus == .detail)
    }

    @Test func theCountsSayWhatTheyCount() {
        let quotes = bundled.quotes(in: bundled.documents[0])
        // Every record's quotes, as `validate` and the README count them.
        let records = bundled.partners.indices.map(RecordRef.partner) + (0..<bundled.deals.count).map(RecordRef.deal)
            + (0..<bundled.events.count).map(RecordRef.event)
        let all = records.reduce(0) { $0 + bundled.evidence(of: $1).count }
        #expect(quotes.quoteCount == all && all == 71)
        #expect(quotes.count == 58, "a span several records quote counts once")
        var s = start(120, 40)
        press(&s, "v")
        let rows = screen(s).split(separator: "\n")
        #expect(rows[s.height - 2].hasPrefix("┗ 58 quoted spans, 71 quotes ━"), "the frame counts both, in words")
        #expect(statusLine(s).contains("quoted span ") && statusLine(s).contains(" of 58 · "))
    }
}
