import DealModel
@testable import ExplorerCore
import Foundation
import Testing

/// A catalog from `Tests/Fixtures`, loaded once per name.
func fixtureCatalog(_ name: String) -> Catalog {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path
    do { return try DatasetLoader.load(path: path) } catch { fatalError("fixture \(name) failed to load: \(error)") }
}

let datesCatalog = fixtureCatalog("dates")

/// The network centred on OpenAI: select it, then `w`.
func networkOnOpenAI(_ width: Int = 120, _ height: Int = 40, filter: [String] = []) -> AppState {
    var s = start(width, height, partners: filter)
    s.lists[.partners].cursor = bundled.partnerIndex(id: "openai")!
    s.detailSource = .partners
    press(&s, "w")
    return s
}

@Suite struct Network {
    /// For every partner with a deal under the filter, centred on it: every visible
    /// deal of the partner is behind one of its edges, and every other party of
    /// those deals is a node — nothing is lost in the hubs or the grouping.
    @Test(arguments: [[], ["amazon"], ["microsoft", "openai"]])
    func everyDealAndPartnerOfTheFilterAppears(filter: [String]) {
        let s = start(partners: filter)
        let filterIndices = filter.compactMap(bundled.partnerIndex(id:))
        let visible = Set(s.visibleDeals)
        for p in bundled.partners.indices {
            let deals = bundled.dealsOfPartner[p].filter(visible.contains)
            let m = NetworkModel.make(bundled, centre: p, depth: 1, filter: filterIndices)
            #expect(Set(m.groups.flatMap(\.edge.deals)) == Set(deals.filter { bundled.partnersOfDeal[$0].count > 1 }), "\(bundled.partners[p].name)")
            let nodes = Set(m.groups.compactMap { NetworkModel.partner($0.node) } + m.rows.compactMap(\.node2))
            let others = Set(deals.flatMap { bundled.partnersOfDeal[$0] }).subtracting([p])
            #expect(nodes == others, "\(bundled.partners[p].name): nodes \(nodes) against parties \(others)")
        }
    }

    @Test func theScreenNamesEveryCounterpartyAndTheFundingRoundOnce() {
        let text = screen(networkOnOpenAI())
        for name in ["Microsoft", "Amazon", "Nvidia", "SoftBank", "Apple", "Oracle"] { #expect(text.contains(name), "\(name)") }
        // Three investors of one round: one hub, not three edges to OpenAI.
        #expect(text.components(separatedBy: "◆ New funding").count == 2)
        #expect(text.contains("┃ OpenAI ┃"))
        #expect(text.contains("investment"))
    }

    @Test func theLayoutStaysAsTheCursorMoves() {
        var s = networkOnOpenAI()
        let before = screen(s)
        let picture = Self.picture
        let first = picture(s)
        press(&s, "jjlhhk")
        #expect(picture(s) == first, "the same picture, only the highlight moved")
        #expect(screen(s) != before, "Detail followed the cursor")
        // The same data gives the same picture, made again from nothing.
        #expect(picture(networkOnOpenAI()) == first)
    }

    @Test func movingBetweenNodesSelectsThePartnerInEveryPane() {
        var s = networkOnOpenAI()
        #expect(s.focus == .network && s.picture == .network)
        let m = NetworkModel.of(s)!
        // The first group is Microsoft (the most deals with OpenAI).
        #expect(m.groups[0].node == .partner(bundled.partnerIndex(id: "microsoft")!))
        #expect(s.selectedPartnerName == "Microsoft" && s.detailRecord == .partner(bundled.partnerIndex(id: "microsoft")!))
        press(&s, "j")
        #expect(s.selectedPartnerName == "Amazon")
        press(&s, "hhh")
        #expect(s.network.stop == .centre && s.selectedPartnerName == "OpenAI")
    }

    @Test func anEdgeShowsItsDealsInDetail() {
        var s = networkOnOpenAI()
        press(&s, "h")  // the edge OpenAI — Microsoft
        guard case .deals(let deals, let title)? = s.detailSubject else { Issue.record("Detail shows \(String(describing: s.detailSubject))"); return }
        #expect(title == "OpenAI — Microsoft")
        let ids = Set(deals.map { bundled.deals.id($0) })
        #expect(ids.contains("msft-openai-licence") && ids.contains("october-2025-update") && !ids.contains("openai-new-funding"))
        let text = screen(s)
        #expect(text.contains("OpenAI — Microsoft") && text.contains("\(deals.count) deals under the filter"))
        #expect(text.contains("OpenAI-Microsoft core partnership") && text.contains("strategic-partnership · unchanged · no date"))
    }

    @Test func enterFiltersByTheNodeAndAnEdgeByBothEnds() {
        var s = networkOnOpenAI()
        press(&s, "<Enter>")
        #expect(s.filter == ["microsoft"])
        press(&s, "<Enter>")
        #expect(s.filter.isEmpty, "Enter on a partner toggles it, as in the Partners pane")
        press(&s, "h<Enter>")
        #expect(Set(s.filter) == ["openai", "microsoft"])
        // The picture follows the filter: only what is between OpenAI and Microsoft.
        let m = NetworkModel.of(s)!
        #expect(m.groups.count == 1 && m.groups[0].node == .partner(bundled.partnerIndex(id: "microsoft")!))
    }

    /// The network pane's rows of the screen.
    static func picture(_ s: AppState) -> String {
        screen(s).split(separator: "\n").prefix(Layout(s).rect(.network).height).joined(separator: "\n")
    }

    @Test func oneStepFurtherAndBack() {
        var s = networkOnOpenAI()
        #expect(!Self.picture(s).contains("Anthropic"))
        press(&s, "+")
        #expect(Self.picture(s).contains("└─ hosting ─"), "Microsoft's counterparty, one step further")
        #expect(Self.picture(s).contains("Anthropic") && Self.picture(s).contains("two steps"))
        press(&s, "-")
        #expect(!Self.picture(s).contains("Anthropic"))
    }

    @Test func oCentresOnThePartnerUnderTheCursor() {
        var s = networkOnOpenAI()
        press(&s, "o")
        #expect(s.network.centre == bundled.partnerIndex(id: "microsoft"))
        #expect(screen(s).contains("┃ Microsoft ┃"))
    }

    @Test func escClosesItAndTheListsComeBack() {
        var s = networkOnOpenAI(80, 24)
        #expect(Layout(s).panes == [.detail, .network])
        press(&s, "<Esc>")
        #expect(s.picture == nil && s.focus == .partners && Layout(s).panes == [.partners, .deals, .timeline, .detail])
        press(&s, "5")
        #expect(s.picture == .network, "its number opens it too")
        press(&s, "2")
        #expect(s.picture == nil && s.focus == .deals, "a pane it hides closes it")
    }

    @Test func withoutRoomItIsAList() {
        let s = networkOnOpenAI(60, 15)
        let text = screen(s)
        #expect(text.contains("├ Microsoft · "))
        #expect(!text.contains("┃ OpenAI ┃"))
    }

    @Test func thePictureScrollsWithTheCursor() {
        var s = networkOnOpenAI(60, 15)
        press(&s, "+G")
        let m = NetworkModel.of(s)!
        #expect(s.network.row == m.rows.count - 1)
        #expect(screen(s).contains("Oracle"), "the last row is in view")
    }
}

@Suite struct Chart {
    static func chart(_ catalog: Catalog = bundled, _ width: Int = 120, _ height: Int = 40) -> AppState {
        var s = Explorer.start(catalog: catalog, width: width, height: height)
        press(&s, "t")
        return s
    }

    @Test func everyEventOfTheFilterHasItsRow() {
        for filter in [[], ["amazon"]] {
            var s = Explorer.start(catalog: bundled, partners: filter, width: 160, height: 50)
            press(&s, "t")
            let text = screen(s)
            for e in s.visibleEvents { #expect(text.contains(String(bundled.events.title(e).prefix(30))), "\(bundled.events.id(e))") }
        }
    }

    @Test func eachDateIsDrawnAtItsPrecision() {
        let s = Self.chart(datesCatalog)
        let lines = screen(s).split(separator: "\n").map(String.init)
        func line(_ title: String) -> String { lines.first { $0.contains(title) }! }
        #expect(line("Fabrikam invests").contains("├"), "a year is a span")
        #expect(line("Licence agreed").contains("●"), "a day is a point")
        #expect(line("Pact signed").contains("○"), "an approximate day is hollow")
        #expect(line("Unit sold").contains("▯") || line("Unit sold").contains("┄"), "an approximate month is hollow or dashed")
        #expect(line("Talks afterwards").contains("↳"), "undated, in its lane, after the pact")
        #expect(line("Talks afterwards").contains("┈"), "bounded by its order: after September 2025")
        #expect(lines[1].contains("2024") && lines[1].contains("2025") && lines[1].contains("undated"))
    }

    @Test func theCursorIsTheTimelines() {
        var s = Self.chart(bundled, 120, 40)
        #expect(Layout(s).panes.contains(.timeline), "at 120 columns the Timeline pane stays below the chart")
        press(&s, "jj")
        #expect(s.lists[.timeline].cursor == 2 && s.selectedEventID == "october-2025-update")
        press(&s, "]")
        #expect(s.lists[.timeline].cursor == 3 && s.focus == .chart)
        press(&s, "[[")
        #expect(s.lists[.timeline].cursor == 1)
        #expect(s.detailRecord == .event(s.visibleEvents[1]))
    }

    @Test func zoomShowsMonthsAndPanMovesTheWindow() {
        var s = Self.chart(bundled, 120, 40)
        let header = { (s: AppState) in String(screen(s).split(separator: "\n")[1]) }
        #expect(!header(s).contains("Oct"))
        press(&s, "++")
        #expect(s.chart.zoom == 2)
        press(&s, "jj")  // October 2025: the window pans to it
        #expect(header(s).contains("Oct"), "\(header(s))")
        let left = s.chart.left
        press(&s, "h")
        #expect(s.chart.left < left)
        press(&s, "l")
        #expect(s.chart.left == left)
        press(&s, "---")
        #expect(s.chart.zoom == 0 && s.chart.left == 0)
    }
}

@Suite struct PaneSorting {
    @Test func sCyclesTheColumnsAndSShowsTheOtherWay() {
        var s = start()
        press(&s, "2s")
        #expect(s.sorts[.deals] == PaneSort(column: "date", descending: false))
        #expect(screen(s).contains("DATE▲"))
        // Dated first, coarser before finer, undated last.
        #expect(s.visibleDeals.prefix(2).map { bundled.deals.id($0) } == ["framework-2025", "october-2025-update"])
        press(&s, "S")
        #expect(screen(s).contains("DATE▼"))
        #expect(s.visibleDeals.prefix(2).map { bundled.deals.id($0) } == ["october-2025-update", "framework-2025"])
        #expect(bundled.deals.date(s.visibleDeals.last!) == nil, "undated deals stay last either way")
        press(&s, "sss")
        #expect(s.sorts[.deals]?.column == "value" && s.sorts[.deals]?.descending == true, "values largest first")
        #expect(bundled.deals.id(s.visibleDeals[0]) == "openai-new-funding")
        press(&s, "ss")
        #expect(s.sorts[.deals] == nil && s.visibleDeals == start().visibleDeals, "after the last column: the pane's own order")
    }

    @Test func theCursorStaysOnItsDealAndTheFilterKeepsTheSort() {
        var s = start()
        press(&s, "2jjj")
        let deal = s.selectedDeal
        press(&s, ":sort title<Enter>")
        #expect(s.selectedDeal == deal)
        let titles = s.visibleDeals.map { bundled.deals.title($0).lowercased() }
        #expect(titles == titles.sorted())
        press(&s, "1<Enter>")  // Amazon into the filter
        #expect(s.sorts[.deals]?.column == "title")
        #expect(s.visibleDeals.map { bundled.deals.id($0) } == ["openai-amazon-arrangement", "openai-new-funding"].sorted { a, b in
            bundled.deal(id: a)!.title.lowercased() < bundled.deal(id: b)!.title.lowercased() })
    }

    @Test func partnersByDealCount() {
        var s = start()
        press(&s, ":sort deals<Enter>")
        #expect(s.selectedPartnerName == "Amazon", "the cursor stays on its partner")
        #expect(s.partnerOrder.map { $0.prefix(2).map { bundled.partners[$0].name } } == ["OpenAI", "Microsoft"])
        #expect(screen(s).contains("DEALS▼"))
        press(&s, "g")
        #expect(s.selectedPartnerName == "OpenAI")
        press(&s, ":sort name<Enter>")
        #expect(s.partnerOrder == nil, "by name is the catalog's own order")
    }

    @Test func aWrongColumnIsNamed() {
        var s = start()
        press(&s, ":sort valu<Enter>")
        #expect(s.message?.contains("did you mean value?") == true)
        press(&s, "3s")
        #expect(s.message?.contains("Timeline keeps its own order") == true)
    }

    /// A sort of many rows goes on in slices between keys and ends where a sort at
    /// once ends; keys keep working meanwhile.
    @Test(arguments: ["date", "kind", "parties", "value", "title"])
    func aSortInSlicesEndsLikeOneAtOnce(column: String) {
        var once = start()
        press(&once, ":sort \(column) desc<Enter>")
        var s = start()
        s.sortAtOnce = 0
        s.sortSlice = 3
        press(&s, ":sort \(column) desc<Enter>")
        #expect(s.isBusy && s.sorts[.deals]?.column == column)
        press(&s, "2j")
        var turns = 0
        while s.isBusy && turns < 10_000 { _ = Explorer.update(&s, .idle); turns += 1 }
        #expect(turns > 3, "it took several slices")
        #expect(s.visibleDeals == once.visibleDeals)
    }
}
