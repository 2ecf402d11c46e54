import DealModel
@testable import ExplorerCore
import Foundation
import Testing

/// Links, merges and splits from the panes: `L` and `M` pick a second record (the
/// status line says what Enter will do), `X` splits the quote marked in Detail off a deal.
@Suite struct LinkMergeKeys {
    typealias Copy = Reviewing.Copy

    static func status(_ s: AppState) -> String { Reviewing.statusLine(s) }
    static func parties(_ s: AppState, _ deal: String) -> [String] {
        s.catalog.deal(id: deal).map { $0.parties.map(\.partner) } ?? []
    }

    @Test func linkingPicksTheSecondRecordAndEnterLinksOrUnlinks() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        // Partners by name: Contoso first.
        press(&s, "L")
        #expect(s.inputMode == .pick)
        #expect(Self.status(s).contains("Link partner “Contoso” with: move to a deal or an event · Enter · Esc cancels"))
        press(&s, "2")
        #expect(Self.status(s).contains("Link partner “Contoso” and deal “Northwind cloud agreeme…”? Enter links"))
        press(&s, "<Enter>")
        #expect(s.inputMode == .normal)
        #expect(Self.parties(s, "northwind-tailspin-cloud") == ["northwind", "tailspin", "contoso"])
        #expect(s.message?.contains("(u undoes)") == true, "\(s.message ?? "")")
        #expect(s.hasUnsavedEdits)
        // From the deal, picking Contoso again: Enter now unlinks.
        press(&s, "L1")
        #expect(Self.status(s).contains("Unlink deal “Northwind cloud agreeme…” from partner “Contoso”? Enter unlinks"))
        press(&s, "<Enter>")
        #expect(Self.parties(s, "northwind-tailspin-cloud") == ["northwind", "tailspin"])
        // An event and a deal: the event joins the deal's events.
        press(&s, "3GL2<Enter>")
        #expect(s.catalog.event(id: "contoso-may-join")?.deals == ["northwind-tailspin-cloud"])
        press(&s, "uu")
        #expect(s.catalog.event(id: "contoso-may-join")?.deals == [])
        #expect(Self.parties(s, "northwind-tailspin-cloud") == ["northwind", "tailspin", "contoso"], "undo walks back one edit at a time")
    }

    @Test func escGivesUpAndTheSameRecordIsNotTaken() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "L<Enter>")
        #expect(s.message == "that is the same record: move to another, or Esc")
        #expect(s.inputMode == .pick)
        press(&s, "<Esc>")
        #expect(s.inputMode == .normal && !s.hasUnsavedEdits && s.message == "nothing changed")
        // Two partners cannot be linked: the model's reason, and the pick goes on.
        press(&s, "Lj<Enter>")
        #expect(s.inputMode == .pick && !s.hasUnsavedEdits)
        #expect(s.message?.hasPrefix("not done: ") == true, "\(s.message ?? "")")
    }

    @Test func mergingAsksWithWhatFollowsThenReferencesFollow() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        // Contoso merged into Northwind Traders (the second partner by name).
        press(&s, "Mj")
        #expect(Self.status(s).contains("Merge partner “Contoso” into partner “Northwind Traders”? Enter asks · Esc cancels"))
        press(&s, "<Enter>")
        #expect(s.inputMode == .confirm)
        #expect(Self.status(s).contains("Merge? y merge · Esc back — "))
        press(&s, "y")
        #expect(s.catalog.partner(id: "contoso") == nil)
        let northwind = try #require(s.catalog.partner(id: "northwind"))
        #expect(northwind.aliases.contains("Contoso"))
        #expect(s.catalog.event(id: "contoso-may-join")?.partners == ["northwind"])
        #expect(s.selectedPartner.map { s.catalog.partners[$0].id } == "northwind", "the cursor is on the partner that stays")
        press(&s, "u")
        #expect(s.catalog.partner(id: "contoso") != nil && s.catalog.event(id: "contoso-may-join")?.partners == ["contoso"])
        // Esc at the question: nothing merged; a deal cannot merge into a partner.
        press(&s, "Mj<Enter><Esc>")
        #expect(s.catalog.partner(id: "contoso") != nil)
        press(&s, "M2<Enter>")
        #expect(s.message == "a partner merges into another partner: move to one, or Esc")
    }

    @Test func splittingMovesTheMarkedQuoteToANewDraftDeal() throws {
        let copy = try Copy()
        defer { copy.remove() }
        // The deal quotes two sentences; the second belongs elsewhere.
        let json = try copy.text().replacingOccurrences(
            of: "\"signed a cloud agreement with Tailspin Toys worth about 40 million dollars\"",
            with: "\"signed a cloud agreement with Tailspin Toys worth about 40 million dollars\", \"Tailspin will run its games on the Northwind cloud\"")
        try json.write(toFile: copy.data, atomically: true, encoding: .utf8)
        var s = try copy.start()
        press(&s, "2X")
        #expect(s.message?.hasPrefix("X splits a deal: focus Detail") == true)
        press(&s, "4JX")
        let new = try #require(s.catalog.deal(id: "northwind-tailspin-cloud-2"), "\(s.message ?? "")")
        #expect(new.draft?.rule == "explorer.split")
        #expect(s.catalog.evidence(of: .deal(s.catalog.dealIndex(id: new.id)!)).map { String($0.document.text[$0.range]) } == ["Tailspin will run its games on the Northwind cloud"])
        let old = try #require(s.catalog.dealIndex(id: "northwind-tailspin-cloud"))
        #expect(s.catalog.evidence(of: .deal(old)).count == 1)
        #expect(s.selectedDeal == s.catalog.dealIndex(id: new.id) && s.focus == .deals)
        #expect(s.message?.contains("a draft (e edits it, u undoes)") == true)
        Reviewing.run(&s, ":w<Enter>")
        #expect(try copy.text().contains("\"id\": \"northwind-tailspin-cloud-2\""))
    }
}
