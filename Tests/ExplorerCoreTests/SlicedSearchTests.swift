import Testing
@testable import DealModel
@testable import ExplorerCore

/// On a large catalog a search goes on in slices between keystrokes. Here the slice is
/// made tiny so that the bundled data takes many slices: the outcome must be exactly
/// that of searching at once.
@Suite("Sliced search")
struct SlicedSearchTests {
    static func sliced() -> AppState {
        var s = start()
        s.searchSlice = 3
        return s
    }

    static func finish(_ s: inout AppState) -> Int {
        var slices = 0
        while s.isBusy && slices < 1000 {
            _ = Explorer.update(&s, .idle)
            slices += 1
        }
        return slices
    }

    @Test(arguments: ["claude", "openai", "azure ai", "110 billion", "zzzz"])
    func typingGoesOnBetweenKeysAndEndsWhereSearchingAtOnceEnds(query: String) {
        var once = start()
        _ = press(&once, "/" + query)
        var s = Self.sliced()
        _ = press(&s, "/" + query)
        #expect(s.isBusy, "the search is left to go on in slices")
        #expect(screen(s).contains("searching…"))
        #expect(Self.finish(&s) > 1)
        #expect(!s.isBusy)
        #expect(s.typedSearch?.0 == query)
        #expect(s.typedSearch?.1 == Search.matches(s, text: query))
        #expect(s.focus == once.focus && s.cursors == once.cursors, "\(query): lands where a search at once lands")
        #expect((s.message == "no match") == (query == "zzzz"))
    }

    @Test func enterWhileSearchingConfirmsWhenDone() {
        var s = Self.sliced()
        _ = press(&s, "/claude<Enter>")
        #expect(s.isBusy)
        #expect(screen(s).contains("/claude: searching…"))
        _ = Self.finish(&s)
        #expect(s.search == "claude")
        #expect(s.searchHits == Search.matches(s, text: "claude"))
        #expect(s.searchHits.count == 3)  // Anthropic (its product Claude), the Azure deal, its event
        _ = press(&s, "n")
        #expect(s.selectedDealID == "azure-claude")
    }

    @Test func escapeAfterEnterEndsASearchStillCounting() {
        var s = Self.sliced()
        _ = press(&s, "/claude<Enter><Esc>")
        _ = Self.finish(&s)
        #expect(s.search.isEmpty && s.searchHits.isEmpty, "the search does not come back when the count would have ended")
    }

    @Test func escapeStopsTheSearchAndGoesBack() {
        var s = Self.sliced()
        _ = press(&s, "jj")
        let before = s.cursors
        _ = press(&s, "/microsoft")
        _ = Explorer.update(&s, .idle)
        _ = press(&s, "<Esc>")
        #expect(!s.isBusy)
        #expect(s.cursors == before)
        #expect(s.search.isEmpty)
    }

    @Test func aLongerQueryNarrowsTheFinishedMatches() {
        var s = Self.sliced()
        _ = press(&s, "/a")
        _ = Self.finish(&s)
        let wide = s.typedSearch?.1.count ?? 0
        _ = press(&s, "z")
        _ = Self.finish(&s)
        #expect(s.typedSearch?.1 == Search.matches(s, text: "az"))
        #expect((s.typedSearch?.1.count ?? 0) < wide)
    }

    @Test func changingTheFilterDropsASearchInProgress() {
        var s = Self.sliced()
        _ = press(&s, "/o")
        #expect(s.isBusy)
        _ = Explorer.update(&s, .key(.escape))
        _ = press(&s, "<Enter>")  // filter on the selected partner
        #expect(!s.isBusy)
    }

    @Test func aFilterChangeFindsTheConfirmedSearchAgainInSlices() {
        var s = Self.sliced()
        _ = press(&s, "/microsoft<Enter>")
        _ = Self.finish(&s)
        #expect(s.search == "microsoft" && !s.searchHits.isEmpty)
        _ = press(&s, "1g<Enter>")  // filter on the first partner
        let cursors = s.cursors
        #expect(s.isBusy, "the matches under the new filter are found in slices")
        _ = Self.finish(&s)
        #expect(s.searchHits == Search.matches(s, text: "microsoft"))
        #expect(s.cursors == cursors, "finding the matches again does not move the cursor")
    }
}

/// A slice also ends when its time is up (checked every 1,024 rows): with no time at
/// all, a search of a few thousand rows takes a slice per 1,023 rows, and still ends
/// exactly where a search at once ends.
@Suite("Sliced search against the clock")
struct SearchBudgetTests {
    /// A catalog of `deals` deals between 40 partners, each quoting its own line.
    static func catalog(deals: Int) -> Catalog {
        let partners = (0..<40).map { Partner(id: "p\($0)", name: "Partner \($0)", aliases: [], products: [], note: nil, evidence: [], origin: SourceLocation(file: "t", line: 0, column: 0)) }
        var text = ""
        var lines: [Range<Int>] = []
        for d in 0..<deals {
            let line = "Deal \(d) joins Partner \(d % 40) and Partner \((d + 1) % 40).\n"
            lines.append(text.utf8.count..<(text.utf8.count + line.utf8.count - 1))
            text += line
        }
        let document = SourceDocument(id: "doc", title: nil, date: nil, path: "doc.txt", text: text)
        let records = (0..<deals).map { d in
            Deal(id: "d\(d)", title: "Deal \(d)", kind: .framework, status: .stated,
                 parties: [Party(partner: "p\(d % 40)", role: nil), Party(partner: "p\((d + 1) % 40)", role: nil)],
                 date: nil, value: nil, amends: nil, products: [], note: nil,
                 evidence: [Evidence(document: document, utf8Range: lines[d])], origin: SourceLocation(file: "t", line: d, column: 1))
        }
        return Catalog(title: nil, files: [], documents: [document], partners: partners, deals: records, events: [Event]())
    }

    @Test(arguments: ["deal 2999", "partner 7", "zzzz"])
    func aSliceWithNoTimeLeftStopsAfter1023Rows(query: String) {
        let catalog = Self.catalog(deals: 3000)
        var once = Explorer.start(catalog: catalog, width: 120, height: 40)
        once.searchSlice = Int.max
        _ = press(&once, "/" + query)
        #expect(!once.isBusy)

        var s = Explorer.start(catalog: catalog, width: 120, height: 40)
        s.searchSlice = 2_000
        s.searchBudget = .zero
        _ = press(&s, "/" + query)
        #expect(s.isBusy)
        let slices = SlicedSearchTests.finish(&s)
        // 3,040 rows at 1,023 a slice: at least three slices (four when the first
        // match ends one early), where the row limit alone would take two.
        #expect(slices >= 3, "\(slices) slices")
        #expect(s.typedSearch?.1 == Search.matches(s, text: query))
        #expect(s.focus == once.focus && s.cursors == once.cursors, "\(query): lands where a search at once lands")
    }
}
