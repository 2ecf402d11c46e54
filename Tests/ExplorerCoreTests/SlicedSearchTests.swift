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
        #expect(s.focus == once.focus && s.cursor == once.cursor, "\(query): lands where a search at once lands")
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

    @Test func escapeStopsTheSearchAndGoesBack() {
        var s = Self.sliced()
        _ = press(&s, "jj")
        let before = s.cursor
        _ = press(&s, "/microsoft")
        _ = Explorer.update(&s, .idle)
        _ = press(&s, "<Esc>")
        #expect(!s.isBusy)
        #expect(s.cursor == before)
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
        let cursor = s.cursor
        #expect(s.isBusy, "the matches under the new filter are found in slices")
        _ = Self.finish(&s)
        #expect(s.searchHits == Search.matches(s, text: "microsoft"))
        #expect(s.cursor == cursor, "finding the matches again does not move the cursor")
    }
}
