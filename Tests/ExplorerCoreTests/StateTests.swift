import Foundation
import DealModel
@testable import ExplorerCore
import Testing

@Suite struct FocusAndMovement {
    @Test func tabCyclesThroughTheFourPanesAndBack() {
        var s = start()
        #expect(s.focus == .partners)
        press(&s, "<Tab>"); #expect(s.focus == .deals)
        press(&s, "<Tab>"); #expect(s.focus == .timeline)
        press(&s, "<Tab>"); #expect(s.focus == .detail)
        press(&s, "<Tab>"); #expect(s.focus == .partners)
        press(&s, "<S-Tab>"); #expect(s.focus == .detail)
        press(&s, "h"); #expect(s.focus == .timeline)
        press(&s, "l<Right>"); #expect(s.focus == .partners)
        press(&s, "<Left>"); #expect(s.focus == .detail)
    }

    @Test func numberKeysFocusPanes() {
        var s = start()
        press(&s, "3"); #expect(s.focus == .timeline)
        press(&s, "2"); #expect(s.focus == .deals)
        press(&s, "4"); #expect(s.focus == .detail)
        press(&s, "1"); #expect(s.focus == .partners)
    }

    @Test func cursorMovesAndStopsAtTheEnds() {
        var s = start()
        press(&s, "j"); #expect(s.selectedPartnerName == "Anthropic")
        press(&s, "<Down>"); #expect(s.selectedPartnerName == "Apple")
        press(&s, "k<Up><Up><Up>"); #expect(s.selectedPartnerName == "Amazon")
        press(&s, "G"); #expect(s.selectedPartnerName == "SoftBank")
        press(&s, "j"); #expect(s.selectedPartnerName == "SoftBank")
        press(&s, "g"); #expect(s.selectedPartnerName == "Amazon")
        press(&s, "<End>"); #expect(s.selectedPartnerName == "SoftBank")
        press(&s, "<Home>"); #expect(s.selectedPartnerName == "Amazon")
        press(&s, "<C-f>"); #expect(s.selectedPartnerName == "SoftBank")
        press(&s, "<C-b>"); #expect(s.selectedPartnerName == "Amazon")
        press(&s, "<C-d>"); #expect(s.lists[.partners].cursor > 0)
        press(&s, "<C-u>"); #expect(s.lists[.partners].cursor == 0)
    }

    @Test func pagingKeepsTheCursorVisibleInASmallTerminal() {
        var s = start(80, 24)
        press(&s, "2<PgDn>")
        let rows = Layout(width: 80, height: 24).listRows(.deals)
        #expect(s.lists[.deals].cursor == rows)
        #expect(s.lists[.deals].scroll + rows > s.lists[.deals].cursor && s.lists[.deals].scroll <= s.lists[.deals].cursor)
        #expect(screen(s).contains("▶ 2 Deals"))
    }

    @Test func detailFollowsTheLastListPaneAndScrolls() {
        var s = start(80, 24)
        press(&s, "2")
        #expect(s.detailRecord == .deal(0))
        press(&s, "4jjj")
        #expect(s.detailRecord == .deal(0))
        #expect(s.lists[.detail].scroll == 3)
    }

    @Test func qAndCtrlCQuit() {
        var s = start()
        #expect(press(&s, "q") == [.quit])
        #expect(press(&s, "<C-c>") == [.quit])
    }
}

@Suite struct PartnerFilter {
    @Test func enterOnAmazonShowsOnlyItsDealsAndEvents() {
        var s = start()
        press(&s, "<Enter>")  // Amazon is the first partner
        #expect(s.filter == ["amazon"])
        let ids = Set(s.visibleDeals.map { bundled.deals[$0].id })
        #expect(ids == ["openai-new-funding", "openai-amazon-arrangement"])
        #expect(s.visibleEvents.allSatisfy { bundled.partnersOfEvent[$0].contains(bundled.partnerIndex(id: "amazon")!) })
        #expect(screen(s).contains("Filter: Amazon · 2 of 12 deals"))
    }

    @Test func twoPartnersShowTheDealsBetweenThem() {
        var s = start(partners: ["microsoft"])
        let openai = bundled.partnerIndex(id: "openai")!
        press(&s, String(repeating: "j", count: openai - s.lists[.partners].cursor) + "<Space>")
        #expect(s.filter == ["microsoft", "openai"])
        for d in s.visibleDeals {
            #expect(Set(bundled.deals[d].partnerIDs).isSuperset(of: ["microsoft", "openai"]))
        }
        #expect(!s.visibleDeals.contains(bundled.dealIndex(id: "azure-claude")!))
        #expect(screen(s).contains("Deals between Microsoft and OpenAI"))
        press(&s, "x")
        #expect(s.filter.isEmpty)
        #expect(s.visibleDeals.count == bundled.deals.count)
    }

    @Test func togglingTheSamePartnerTwiceRemovesIt() {
        var s = start()
        press(&s, "<Enter><Enter>")
        #expect(s.filter.isEmpty)
    }

    @Test func partnerFromTheCommandLineStartsFiltered() {
        let s = start(partners: ["amazon"])
        #expect(s.visibleDeals.count == 2)
        #expect(screen(s).contains("✓"))
    }
}

@Suite struct TimelineJumps {
    @Test func bracketWalksEveryEventInTimelineOrder() {
        var s = start()
        var seen: [String] = []
        press(&s, "]")
        seen.append(s.selectedEventID!)
        for _ in 1..<bundled.events.count {
            press(&s, "]")
            seen.append(s.selectedEventID!)
        }
        #expect(seen == bundled.events.map(\.id))
        #expect(seen.first == "relationship-expanded-2023")
        press(&s, "]")
        #expect(s.message == "last event on the timeline")
        press(&s, "[")
        #expect(s.selectedEventID == bundled.events[bundled.events.count - 2].id)
    }

    @Test func jumpingSelectsTheEventsDealAndDetailFollows() {
        var s = start()
        press(&s, "]]]")  // October 2025 update
        #expect(s.selectedEventID == "october-2025-update")
        #expect(s.focus == .partners)
        #expect(s.detailRecord == .event(bundled.eventIndex(id: "october-2025-update")!))
        #expect(bundled.dealsOfEvent[s.selectedEvent!].contains(s.selectedDeal!))
        #expect(screen(s).contains("Oct 2025"))
    }

    @Test func braceJumpsByYear() {
        var s = start()
        press(&s, "]")
        #expect(s.selectedEventID == "relationship-expanded-2023")
        press(&s, "}")
        #expect(s.selectedEventID == "framework-agreed-2025")
        press(&s, "}")
        #expect(s.message == "no later year on the timeline")
        press(&s, "{")
        #expect(s.selectedEventID == "relationship-expanded-2023")
    }

    @Test func gotoJumpsToTheFirstEventOnOrAfterADate() {
        var s = start()
        press(&s, ":goto 2025-10<Enter>")
        #expect(s.selectedEventID == "october-2025-update")
        press(&s, ":goto 2025<Enter>")
        #expect(s.selectedEventID == "framework-agreed-2025")
        press(&s, ":goto 2024<Enter>")
        #expect(s.selectedEventID == "framework-agreed-2025")
        // No event is dated in 2031, but the joint statement is only known to be after
        // October 2025, so it may be: goto says so rather than finding nothing.
        press(&s, ":goto 2031<Enter>")
        #expect(s.selectedEventID == "joint-statement")
        #expect(s.message == "no event is dated on or after 2031; this undated one may be")
        s = start(partners: ["apple"])
        press(&s, ":goto 2031<Enter>")
        #expect(s.message == "no event on or after 2031")
        press(&s, ":goto soon<Enter>")
        #expect(s.message?.contains("is not a date") == true)
        press(&s, ":frobnicate<Enter>")
        #expect(s.message?.hasPrefix("unknown command") == true)
    }

    @Test func enterOnADealJumpsToItsFirstEvent() {
        var s = start()
        press(&s, "2")
        let licence = s.visibleDeals.firstIndex(of: bundled.dealIndex(id: "msft-openai-licence")!)!
        press(&s, String(repeating: "j", count: licence) + "<Enter>")
        #expect(s.focus == .timeline)
        #expect(s.selectedEvent == bundled.eventsOfDeal[bundled.dealIndex(id: "msft-openai-licence")!].first)
    }

    @Test func commandLineFilterAndEscape() {
        var s = start()
        press(&s, ":filter Azure<Enter>")
        #expect(s.filter == ["microsoft"])
        press(&s, ":goto 20<Esc>")
        #expect(s.mode == .normal)
        #expect(s.filter == ["microsoft"])
    }
}

@Suite struct SearchAndSelection {
    @Test func incrementalSearchJumpsAndNCycles() {
        var s = start()
        press(&s, "/claude")
        if case .search(let t) = s.mode { #expect(t == "claude") } else { Issue.record("not in search mode") }
        #expect(s.selectedPartnerName == "Anthropic")  // its product Claude
        press(&s, "<Enter>")
        #expect(s.search == "claude")
        press(&s, "n")
        #expect(s.focus == .deals)
        #expect(s.selectedDealID == "azure-claude")
        press(&s, "n")
        #expect(s.focus == .timeline)
        #expect(s.selectedEventID == "claude-added-to-azure")
        press(&s, "n")
        #expect(s.selectedPartnerName == "Anthropic")
        press(&s, "N")
        #expect(s.selectedEventID == "claude-added-to-azure")
        #expect(screen(s).contains("/claude: 4 matches") || screen(s).contains("/claude:"))
        press(&s, "<Esc>")
        #expect(s.search.isEmpty)
    }

    @Test func searchIgnoresCaseAndAccents() {
        var plain = start()
        press(&plain, "/softbank<Enter>")
        var accented = start()
        press(&accented, "/SÓFTBANK<Enter>")
        #expect(accented.message == nil)
        #expect(accented.selectedPartnerName == plain.selectedPartnerName)
        #expect(Search.matches(accented, text: "SÓFTBANK") == Search.matches(plain, text: "softbank"))
        #expect(Search.matches(plain, text: "softbank").contains(Search.Hit(pane: .partners, row: bundled.partnerIndex(id: "softbank")!)))
    }

    @Test func typingNarrowsToWhatAFreshSearchFinds() {
        for query in ["openai", "azure ai", "microsoft's", "110 billion"] {
            var s = start()
            press(&s, "/" + query)
            let narrowed = s.typedSearch?.1 ?? []
            #expect(s.typedSearch?.0 == query)
            #expect(narrowed == Search.matches(s, text: query), "narrowing \(query) found other rows than a fresh search")
            #expect(!narrowed.isEmpty)
        }
        var s = start()
        press(&s, "/azurex<BS>")  // a shorter query searches afresh
        #expect(s.typedSearch?.1 == Search.matches(s, text: "azure"))
    }

    @Test func searchWithoutMatchSaysSo() {
        var s = start()
        press(&s, "/zzzz<Enter>")
        #expect(s.message == "no match for “zzzz”")
        press(&s, "n")
        #expect(s.message == "no match for “zzzz”")
    }

    @Test func selectingADealMarksItsPartiesAndEvents() {
        var s = start()
        press(&s, "2")
        let r = Relations(s)
        let deal = bundled.deals[s.selectedDeal!]
        #expect(r.partners == Set(deal.partnerIDs.compactMap(bundled.partnerIndex(id:))))
        #expect(r.events == Set(bundled.eventsOfDeal[s.selectedDeal!]))
    }

    @Test func selectingAnEventMarksItsDealsAndPartners() {
        var s = start()
        press(&s, "3")
        let r = Relations(s)
        #expect(r.deals == Set(bundled.dealsOfEvent[s.selectedEvent!]))
        #expect(r.partners == Set(bundled.partnersOfEvent[s.selectedEvent!]))
    }
}

@Suite struct OverlaysMouseAndResize {
    @Test func documentViewMarksQuotesAndJumpsBetweenThem() {
        var s = start()
        press(&s, "v")
        guard case .document(let first) = s.mode else { Issue.record("no document view"); return }
        #expect(screen(s).contains("Document openai-microsoft-alliance.txt"))
        press(&s, "n")
        #expect(s.mode == .document(quote: first + 1))
        press(&s, "N<Esc>")
        #expect(s.mode == .normal)
    }

    @Test func documentViewScrollsFromWhatIsShown() {
        var s = start(80, 24)
        press(&s, "v")
        let before = screen(s).split(separator: "\n", omittingEmptySubsequences: false)
        press(&s, "j")
        let after = screen(s).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(after[1] == before[2] && after[10] == before[11], "j scrolls the shown text up one line")
        press(&s, "k")
        #expect(screen(s).split(separator: "\n", omittingEmptySubsequences: false) == before)
        press(&s, "g")
        let doc = s.catalog.documents[0]
        #expect(screen(s).split(separator: "\n")[1].contains(String(doc.text[doc.paragraphs[0]].prefix(20))))
        for _ in 0..<200 { press(&s, "<PgDn>") }
        let end = screen(s)
        let lastWords = String(s.catalog.documents[0].text.trimmingCharacters(in: .whitespacesAndNewlines).suffix(12))
        #expect(end.replacingOccurrences(of: "\n", with: " ").contains(lastWords), "the last page shows the end of the document")
        press(&s, "<PgDn>")
        #expect(screen(s) == end, "no scrolling past the end")
    }

    @Test func clickFocusesAPaneAndSelectsARow() {
        var s = start()
        let layout = Layout(width: 120, height: 40)
        let deals = layout.rect(.deals)
        _ = Explorer.update(&s, .mouse(MouseEvent(.press, column: deals.x + 5, row: layout.listTop(.deals) + 2)))
        #expect(s.focus == .deals)
        #expect(s.lists[.deals].cursor == 2)
        _ = Explorer.update(&s, .mouse(MouseEvent(.wheelDown, column: layout.rect(.timeline).x + 3, row: layout.rect(.timeline).y + 3)))
        #expect(s.lists[.timeline].cursor == 3)
        #expect(s.focus == .deals)
    }

    @Test func mKeyTogglesMouseCapture() {
        var s = start()
        #expect(press(&s, "m") == [.mouseCapture(false)])
        #expect(press(&s, "m") == [.mouseCapture(true)])
    }

    @Test func resizeBelowTheMinimumAndBack() {
        var s = start()
        _ = Explorer.update(&s, .resize(width: 40, height: 10))
        #expect(screen(s).contains("terminal too small"))
        #expect(screen(s).contains("(need 60×15, have 40×10)"))
        _ = Explorer.update(&s, .resize(width: 100, height: 30))
        #expect(screen(s).contains("1 Partners"))
        #expect(!screen(s).contains("too small"))
    }
}
