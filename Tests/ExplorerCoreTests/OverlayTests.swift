import DealModel
@testable import ExplorerCore
import Testing

/// The help and document overlays scroll with the keys lists use, say when there is
/// more above or below, and use the width they have.
@Suite struct OverlayScrolling {
    /// The rows of the screen.
    func rows(_ s: AppState) -> [Substring] { screen(s).split(separator: "\n", omittingEmptySubsequences: false) }

    /// The overlay's bottom border (the row above the status line).
    func footer(_ s: AppState) -> Substring { rows(s)[s.height - 2] }

    @Test func theHelpScrollsWithTheListKeysToItsEnd() {
        var s = start(120, 40)
        press(&s, "?")
        let limit = HelpOverlay.scrollLimit(s)
        #expect(limit > 0, "at 120×40 the help is longer than the screen")
        #expect(footer(s).contains("↓ more") && !footer(s).contains("↑"))
        press(&s, "G")
        #expect(s.overlayScroll == limit)
        #expect(footer(s).contains("↑ more") && !footer(s).contains("↓"))
        let last = HelpOverlay.page(s).columns.map { $0.last.map { $0.map(\.text).joined() } ?? "" }
        #expect(last.contains { !$0.isEmpty && screen(s).contains($0) }, "the last rows show")
        press(&s, "j")
        #expect(s.overlayScroll == limit, "no scrolling past the end")
        press(&s, "<C-u>")
        #expect(s.overlayScroll == limit - HelpOverlay.visibleRows(s) / 2)
        #expect(footer(s).contains("↑↓ more"))
        press(&s, "<C-d>k")
        #expect(s.overlayScroll == limit - 1)
        press(&s, "<Home>")
        #expect(s.overlayScroll == 0)
        press(&s, "<End>g<PgDn>")
        #expect(s.overlayScroll == min(limit, HelpOverlay.visibleRows(s)))
        press(&s, "<PgUp>")
        #expect(s.overlayScroll == 0)
    }

    @Test func theHelpUsesTheWidthItHas() {
        var s = start(120, 40)
        press(&s, "?")
        let help = rows(s).dropFirst().prefix(37)
        #expect(help.allSatisfy { !$0.contains("…") }, "nothing in the help is cut short")
        // Two columns side by side: text in the right half of the screen.
        #expect(help.contains { $0.prefix(118).dropFirst(64).contains { $0.isLetter } })
    }

    @Test func theDocumentScrollsWithTheListKeysToItsEnd() {
        var s = start(80, 24)
        press(&s, "v")
        let doc = s.catalog.documents[0]
        let lastWords = String(doc.text.trimmingCharacters(in: .whitespacesAndNewlines).suffix(12))
        #expect(footer(s).contains("↑↓ more"), "the view opens at the selected record's quote, mid-document")
        press(&s, "G")
        #expect(screen(s).replacingOccurrences(of: "\n", with: " ").contains(lastWords), "G shows the end of the document")
        #expect(footer(s).contains("paragraph") && footer(s).contains("↑ more") && !footer(s).contains("↓"))
        let end = screen(s)
        press(&s, "j")
        #expect(screen(s) == end, "no scrolling past the end")
        press(&s, "<C-u>")
        let lines = rows(s)
        press(&s, "<C-d>")
        #expect(screen(s) == end)
        press(&s, "<C-u>")
        #expect(rows(s) == lines)
        press(&s, "<Home>")
        #expect(footer(s).contains("paragraph 1 of") && footer(s).contains("↓ more") && !footer(s).contains("↑"))
        #expect(rows(s)[1].contains(String(doc.text[doc.paragraphs[0]].prefix(20))))
        press(&s, "<End>")
        #expect(screen(s) == end)
        press(&s, "?")
        #expect(s.inputMode == .help && s.modeBeneathHelp == .document)
        press(&s, "<Esc>")
        #expect(screen(s) == end, "closing the help goes back to the document where it was")
    }

    @Test func detailSaysWhenThereIsMoreBelow() {
        var s = start(80, 24)
        #expect(footer(s).contains("↓ more"))
        press(&s, "4G")
        #expect(footer(s).contains("↑ more"))
    }
}

/// Everything that changes the state arrives as an event through `update`.
@Suite struct Events {
    static let progress = LoadProgress(phase: "locating quotes", fraction: 0.5)

    @Test func theLoadReportsItsProgressAndThenFillsThePanes() {
        var s = Explorer.loading("big.json", width: 120, height: 40)
        #expect(Explorer.update(&s, .loadProgress(Self.progress, seconds: 1.24)).isEmpty)
        #expect(screen(s).contains("Loading big.json: locating quotes ▕█████     ▏ 50% · 1.2 s · q quits"))
        press(&s, "m?")
        // The dataset's title becomes the terminal's title.
        #expect(Explorer.update(&s, .loaded(bundled, partners: ["amazon"])) == [.setTitle("dealscope: OpenAI and Microsoft reaffirm their alliance")])
        #expect(s.loading == nil && s.filter == ["amazon"])
        #expect(s.mode == .help && !s.mouseCapture, "the open help and the mouse mode carry over")
        press(&s, "<Esc>")
        #expect(screen(s).contains("Filter: Amazon · 2 of 12 deals"))
    }

    @Test func theBackendIsToldWhatToDo() {
        var s = start()
        #expect(Explorer.update(&s, .loadFailed) == [.quitWithLoadError])
        #expect(Explorer.update(&s, .terminate(signal: 15)) == [.quitBySignal(15)])
        #expect(Explorer.update(&s, .continued) == [.repaintAll])
        #expect(Explorer.update(&s, .resize(width: 100, height: 30)) == [.repaintAll])
        #expect(s.width == 100 && s.height == 30)
    }
}

@Suite struct PanesAsData {
    @Test(arguments: [(60, 15), (99, 30), (100, 30), (159, 50), (160, 50), (300, 100)])
    func everyLayoutPlacesEveryPaneWithoutOverlap(width: Int, height: Int) {
        for picture in [nil, PaneID.network, .chart] {
            let layout = Layout(width: width, height: height, picture: picture)
            // A picture takes the place of the top row's panes; Detail always shows.
            #expect(layout.panes.filter(\.isPicture) == (picture.map { [$0] } ?? []))
            #expect(layout.panes.contains(.detail))
            if picture == nil { #expect(layout.panes == [.partners, .deals, .timeline, .detail]) }
            check(layout)
        }
    }

    func check(_ layout: Layout) {
        for a in layout.panes {
            let r = layout.rect(a)
            #expect(r.x >= 0 && r.y >= 0 && r.x + r.width <= layout.width && r.y + r.height <= layout.height - 1)
            for b in layout.panes where b != a {
                let o = layout.rect(b)
                #expect(r.x + r.width <= o.x || o.x + o.width <= r.x || r.y + r.height <= o.y || o.y + o.height <= r.y, "\(a) overlaps \(b)")
            }
        }
    }

    @Test func narrowPanesDropColumnsInTheirOrder() {
        let deals = PaneID.deals.list!, s = start()
        #expect(deals.columns(s, width: 94).map(\.column.header) == ["DATE", "KIND", "PARTIES", "VALUE", "TITLE"])
        #expect(deals.columns(s, width: 63).map(\.column.header) == ["KIND", "PARTIES", "VALUE", "TITLE"])
        #expect(deals.columns(s, width: 50).map(\.column.header) == ["KIND", "VALUE", "TITLE"])
        #expect(deals.columns(s, width: 29).map(\.column.header) == ["TITLE"])
        #expect(PaneID.partners.list!.columns(s, width: 16).map(\.column.header) == ["PARTNER", "#"])
    }

    @Test func searchVisitsTheSearchedPanesInOrder() {
        let s = start()
        let hits = Search.matches(s, text: "microsoft")
        #expect(Set(hits.map(\.pane)) == [.partners, .deals, .timeline])
        #expect(hits.map { [$0.pane.rawValue, $0.row] }.elementsEqual(hits.map { [$0.pane.rawValue, $0.row] }.sorted { $0.lexicographicallyPrecedes($1) }))
    }
}
