import DealModel
@testable import ExplorerCore
import Testing

/// Detail's links as items: J and K mark them (after the quotes), Enter opens the
/// record in its pane with Detail focused, BS (C-o, H) comes back and L goes again.
@Suite struct DetailLinks {
    /// The bundled catalog with Detail focused on a deal.
    static func onDeal(_ id: String, _ width: Int = 120, _ height: Int = 40) -> AppState {
        var s = start(width, height)
        press(&s, "2")
        let row = s.visibleDeals.firstIndex(of: bundled.dealIndex(id: id)!)!
        press(&s, String(repeating: "j", count: row) + "4")
        return s
    }

    /// Presses J until Detail marks the link to `target`.
    static func mark(_ s: inout AppState, _ target: RecordRef) {
        for _ in 0..<60 {
            if case .link(let r)? = DetailPane.currentItem(s), r == target { return }
            press(&s, "J")
        }
        Issue.record("no link to \(target) in Detail")
    }

    static func deal(_ id: String) -> RecordRef { .deal(bundled.dealIndex(id: id)!) }
    static func event(_ id: String) -> RecordRef { .event(bundled.eventIndex(id: id)!) }
    static func partner(_ id: String) -> RecordRef { .partner(bundled.partnerIndex(id: id)!) }

    /// The role of the first cell of `text` inside Detail.
    static func role(_ s: AppState, _ text: String) -> Role? {
        let grid = Explorer.render(s)
        let inner = Layout(s).rect(.detail).inner
        let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for r in inner.y..<(inner.y + inner.height) {
            let row = String(Array(rows[r]).dropFirst(inner.x).prefix(inner.width))
            if let at = row.range(of: text) { return grid[r, inner.x + row.distance(from: row.startIndex, to: at.lowerBound)].role }
        }
        return nil
    }

    @Test func enterOnEachKindOfLinkOpensItsRecordInItsPane() {
        var s = Self.onDeal("msft-openai-licence")
        Self.mark(&s, Self.event("microsoft-confirms-licence-and-ip"))
        press(&s, "<Enter>")
        #expect(s.focus == .detail && s.detailSource == .timeline)
        #expect(s.selectedEventID == "microsoft-confirms-licence-and-ip" && s.detailRecord == Self.event("microsoft-confirms-licence-and-ip"))
        #expect(screen(s).contains("BS goes back"))
        // An event's deal, a deal's party, a partner's deal, a deal's counterpart it amends.
        Self.mark(&s, Self.deal("msft-openai-ip"))
        press(&s, "<Enter>")
        #expect(s.detailSource == .deals && s.selectedDealID == "msft-openai-ip" && s.focus == .detail)
        Self.mark(&s, Self.partner("microsoft"))
        press(&s, "<Enter>")
        #expect(s.detailSource == .partners && s.selectedPartnerName == "Microsoft")
        Self.mark(&s, Self.deal("october-2025-update"))
        press(&s, "<Enter>")
        #expect(s.selectedDealID == "october-2025-update")
        #expect(DetailPane.lines(s, width: DetailPane.width(s)).contains { $0.map(\.text).joined().hasPrefix("Amends    OpenAI-Microsoft core partnership") })
        Self.mark(&s, Self.deal("msft-openai-partnership"))
        press(&s, "<Enter>")
        #expect(s.selectedDealID == "msft-openai-partnership" && s.detailRecord == Self.deal("msft-openai-partnership"))
        // An event's partner.
        s = start()
        press(&s, "3")
        let row = s.visibleEvents.firstIndex(of: bundled.eventIndex(id: "rumours-microsoft-dumping-openai")!)!
        press(&s, String(repeating: "j", count: row) + "4")
        Self.mark(&s, Self.partner("openai"))
        press(&s, "<Enter>")
        #expect(s.detailSource == .partners && s.selectedPartnerName == "OpenAI")
    }

    @Test func backReturnsToThePlaceAndItsMarkedLinkAndForwardGoesAgain() {
        var s = Self.onDeal("msft-openai-licence")
        let cursors = s.cursors
        Self.mark(&s, Self.event("microsoft-confirms-licence-and-ip"))
        press(&s, "<Enter>")
        Self.mark(&s, Self.deal("msft-openai-ip"))
        press(&s, "<Enter>")
        press(&s, "<BS>")
        #expect(s.detailRecord == Self.event("microsoft-confirms-licence-and-ip") && s.focus == .detail && s.detailSource == .timeline)
        if case .link(let r)? = DetailPane.currentItem(s) { #expect(r == Self.deal("msft-openai-ip"), "the link Enter was pressed on") } else { Issue.record("no link marked") }
        press(&s, "<C-o>")
        #expect(s.detailRecord == Self.deal("msft-openai-licence") && s.cursors == cursors)
        press(&s, "H")
        #expect(s.message == "no place to go back to: Enter on a link in Detail leaves one")
        #expect(s.detailRecord == Self.deal("msft-openai-licence"))
        press(&s, "<C-p><C-p>")
        #expect(s.detailRecord == Self.deal("msft-openai-ip") && s.selectedDealID == "msft-openai-ip")
        press(&s, "<C-p>")
        #expect(s.message == "no place to go forward to")
    }

    @Test func aRecordHiddenByTheFilterIsSaidToBeAndXThenEnterOpensIt() {
        var s = start()
        press(&s, "<Enter>4")  // Amazon in the filter, Detail on Amazon
        Self.mark(&s, Self.partner("openai"))
        press(&s, "<Enter>")
        #expect(s.selectedPartnerName == "OpenAI")
        Self.mark(&s, Self.deal("msft-openai-licence"))
        press(&s, "<Enter>")
        #expect(s.message == "that deal is hidden by the filter (x clears it)")
        #expect(s.detailRecord == Self.partner("openai") && s.focus == .detail)
        press(&s, "x<Enter>")
        #expect(s.selectedDealID == "msft-openai-licence" && s.detailSource == .deals)
        press(&s, "<BS>")
        #expect(s.detailRecord == Self.partner("openai"), "the hidden link left no place")
        press(&s, "<BS>")
        #expect(s.selectedPartnerName == "Amazon")
    }

    @Test func jAndKGoFromTheQuotesToTheLinksAndBackDOnALinkUnlinks() {
        var s = Self.onDeal("msft-openai-licence")
        let quotes = bundled.evidence(of: Self.deal("msft-openai-licence")).count
        #expect(Self.role(s, "Evidence 1 of \(quotes)") == .selectedFocused)
        press(&s, String(repeating: "J", count: quotes))
        guard case .link(let first)? = DetailPane.currentItem(s) else { Issue.record("J after the last quote marks no link"); return }
        #expect(first == Self.partner("openai"), "the first party")
        #expect(Self.role(s, "Evidence \(quotes) of \(quotes)") == .label)
        #expect(Self.role(s, "OpenAI (licensor)") == .selectedFocused)
        #expect(Self.role(s, "Microsoft (exclusive licensee)") == .link, "the other party, a link not marked")
        press(&s, "d")
        #expect(s.message == "unlink deal \"msft-openai-licence\" and partner \"openai\" (u undoes)", "\(s.message ?? "")")
        #expect(s.catalog.deal(id: "msft-openai-licence")?.parties.map(\.partner) == ["microsoft"])
        press(&s, "u")
        #expect(s.catalog.deal(id: "msft-openai-licence")?.parties.map(\.partner) == ["openai", "microsoft"])
        press(&s, "K")
        #expect(Self.role(s, "Evidence \(quotes) of \(quotes)") == .selectedFocused)
        #expect(Self.role(s, "OpenAI (licensor)") == .link)
        // Unfocused, nothing is marked.
        press(&s, "J2")
        let grid = Explorer.render(s), inner = Layout(s).rect(.detail).inner
        #expect(!(inner.y..<(inner.y + inner.height)).contains { r in (inner.x..<(inner.x + inner.width)).contains { grid[r, $0].role == .selectedFocused } })
    }

    @Test func enterOnAQuoteOpensTheDocumentAtIt() {
        var s = Self.onDeal("msft-openai-licence")
        let evidence = bundled.evidence(of: Self.deal("msft-openai-licence"))
        press(&s, "J<Enter>")
        guard case .document(let q) = s.mode, let quotes = s.documentQuotes else { Issue.record("no document view"); return }
        #expect(quotes.range(q) == evidence[1].utf8Range)
        press(&s, "<Esc>")
        #expect(s.mode == .normal && s.focus == .detail)
    }

    @Test func aDoubleClickOnALinkOpensItAndAClickMarksIt() {
        var s = Self.onDeal("msft-openai-licence")
        Self.mark(&s, Self.partner("openai"))
        press(&s, "J")
        let items = DetailPane.record(s, width: DetailPane.width(s)).items
        let row = items.first { if case .link(let r) = $0.item { r == Self.partner("openai") } else { false } }!.row
        let inner = Layout(s).rect(.detail).inner
        let y = inner.y + row - s.lists[.detail].scroll
        Explorer.update(&s, .mouse(MouseEvent(.press, column: inner.x + 12, row: y)))
        if case .link(let r)? = DetailPane.currentItem(s) { #expect(r == Self.partner("openai")) } else { Issue.record("the click marked nothing") }
        Explorer.update(&s, .mouse(MouseEvent(.doubleClick, column: inner.x + 12, row: y)))
        #expect(s.selectedPartnerName == "OpenAI" && s.detailSource == .partners && s.focus == .detail)
    }

    @Test func anEdgeOfTheNetworkListsItsDealsAsLinks() {
        var s = networkOnOpenAI()
        press(&s, "h4")  // the edge to Microsoft: its deals in Detail
        guard case .link(let first)? = DetailPane.currentItem(s), case .deal = first else { Issue.record("no deal marked"); return }
        press(&s, "<Enter>")
        #expect(s.detailRecord == first && s.detailSource == .deals && s.focus == .detail)
        press(&s, "<BS>")
        #expect(s.detailSource == .network && s.picture == .network)
    }

    @Test func placesWhoseRecordIsGoneAreSkipped() throws {
        let copy = try Reviewing.Copy()
        defer { copy.remove() }
        var s = try copy.start()
        let c = s.catalog
        press(&s, "24")  // the one deal
        Self.mark(&s, .event(c.eventIndex(id: "agreement-signed")!))
        press(&s, "<Enter>")
        Self.mark(&s, .partner(c.partnerIndex(id: "northwind")!))
        press(&s, "<Enter>")
        press(&s, "3r")  // the event we passed through goes
        #expect(s.catalog.eventIndex(id: "agreement-signed") == nil)
        press(&s, "<BS>")
        #expect(s.message == "skipped 1 place whose record is gone or hidden by the filter")
        #expect(s.selectedDealID == "northwind-tailspin-cloud" && s.detailSource == .deals)
    }

    @Test func theJumpListKeepsAHundredPlaces() {
        var s = Self.onDeal("msft-openai-licence")
        for _ in 0..<60 {
            Self.mark(&s, Self.event("microsoft-confirms-licence-and-ip"))
            press(&s, "<Enter>")
            Self.mark(&s, Self.deal("msft-openai-licence"))
            press(&s, "<Enter>")
        }
        #expect(s.jumps.back.count == JumpList.limit)
    }

    /// Detail with a link marked, at the three sizes.
    @Test(arguments: [(120, 40), (80, 24), (60, 15)])
    func linkScreens(size: (Int, Int)) {
        var s = Self.onDeal("msft-openai-licence", size.0, size.1)
        Self.mark(&s, Self.event("microsoft-confirms-licence-and-ip"))
        ScreenSnapshots().check("detail-link-cursor-\(size.0)x\(size.1)", s)
    }
}
