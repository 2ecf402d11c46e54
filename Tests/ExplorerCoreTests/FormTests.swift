import DealModel
@testable import ExplorerCore
import Foundation
import Testing

/// The edit form (`e`): opened on the selected record, each field checked as typed
/// with the loader's messages, completion from the vocabulary, Enter refused while a
/// field does not read, a save as one edit that undo takes back.
@Suite struct EditForm {
    typealias Copy = Reviewing.Copy

    /// The review fixture with the Deals pane focused on its one deal, the form open.
    static func dealForm(_ copy: Copy, _ width: Int = 120, _ height: Int = 40) throws -> AppState {
        var s = try copy.start(width, height)
        press(&s, "2e")
        return s
    }

    static func field(_ s: AppState, _ label: String) throws -> RecordForm.Field {
        try #require(s.form?.fields.first { $0.label == label })
    }

    /// Moves the cursor to a field and types over it.
    static func retype(_ s: inout AppState, _ label: String, _ text: String) throws {
        let i = try #require(s.form?.fields.firstIndex { $0.label == label })
        while s.form?.cursor != i { press(&s, "<Tab>") }
        press(&s, "<C-u>" + text)
    }

    @Test func eOpensTheDealAsTheFileWritesIt() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let s = try Self.dealForm(copy)
        #expect(s.inputMode == .form)
        #expect(try Self.field(s, "Title").text == "Northwind cloud agreement with Tailspin")
        #expect(try Self.field(s, "Kind").text == "cloud")
        #expect(try Self.field(s, "Parties").text == "northwind:cloud provider, tailspin:customer")
        #expect(try Self.field(s, "Amount").text == "40000000")
        #expect(try Self.field(s, "Approximate").text == "yes")
        #expect(try Self.field(s, "Date").text == "")
        #expect(screen(s).contains("Edit deal \"northwind-tailspin-cloud\""))
    }

    @Test func eachFieldIsCheckedAsTypedWithTheLoadersMessage() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try Self.dealForm(copy)
        try Self.retype(&s, "Date", "2025-1")
        #expect(try Self.field(s, "Date").error?.contains("is not a date") == true, "a month is two digits")
        press(&s, "3")
        #expect(try Self.field(s, "Date").error == "invalid date in \"date\": \"2025-13\" has no such month: months run from 01 to 12")
        #expect(screen(s).contains("✗ invalid date in \"date\": \"2025-13\" has no such month"), "the message is under the field")
        press(&s, "<BS>2")
        #expect(try Self.field(s, "Date").error == nil)
        try Self.retype(&s, "Kind", "clod")
        #expect(try Self.field(s, "Kind").error?.contains("\"clod\"") == true)
        try Self.retype(&s, "Amount", "lots")
        #expect(try Self.field(s, "Amount").error?.contains("\"amount\" must be a number") == true)
        try Self.retype(&s, "Title", "")
        #expect(try Self.field(s, "Title").error == "the field \"title\" is missing")
        // A party typed as a bare colon (no partner before it) reads as an error, not a crash.
        try Self.retype(&s, "Parties", "northwind, :")
        #expect(try Self.field(s, "Parties").error != nil)
        try Self.retype(&s, "Parties", ":customer")
        #expect(try Self.field(s, "Parties").error != nil)
    }

    @Test func enterIsRefusedWhileAFieldDoesNotRead() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try Self.dealForm(copy)
        let before = try copy.text()
        try Self.retype(&s, "Date", "2025-13")
        press(&s, "<Enter>")
        #expect(s.inputMode == .form, "the form stays open")
        #expect(s.form?.refusal == "not saved: Date does not read")
        #expect(s.editing?.undoStack.isEmpty == true)
        press(&s, "<Esc>")
        #expect(s.form == nil && s.inputMode == .normal)
        #expect(try copy.text() == before)
    }

    @Test func completionOffersTheVocabulary() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try Self.dealForm(copy)
        try Self.retype(&s, "Status", "comp")
        press(&s, "<C-Space>")
        #expect(try Self.field(s, "Status").text == "completed")
        #expect(try Self.field(s, "Status").error == nil)
        try Self.retype(&s, "Kind", "m")
        press(&s, "<C-Space>")
        #expect(try Self.field(s, "Kind").text == "m", "model-hosting and merger agree on m only")
        #expect(s.message == "model-hosting · merger")
        press(&s, "o<C-Space>")
        #expect(try Self.field(s, "Kind").text == "model-hosting")
        try Self.retype(&s, "Currency", "U")
        press(&s, "<C-Space>")
        #expect(try Self.field(s, "Currency").text == "USD", "the currencies the data uses")
    }

    @Test func enterSavesOneEditAndUndoRestores() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try Self.dealForm(copy)
        try Self.retype(&s, "Date", "~2025-Q1")
        try Self.retype(&s, "Parties", "northwind:provider, tailspin:customer")
        try Self.retype(&s, "Maximum", "50000000")
        press(&s, "<Enter>")
        #expect(s.form == nil && s.inputMode == .normal)
        let d = try #require(s.catalog.dealIndex(id: "northwind-tailspin-cloud"))
        let deal = s.catalog.deals.deal(d, partyLimit: 10)
        #expect(deal.date?.written == "~2025-Q1")
        #expect(deal.value?.maximum == 50_000_000)
        #expect(deal.parties.map(\.role) == ["provider", "customer"])
        #expect(s.editing?.undoStack.count == 1)
        #expect(Reviewing.statusLine(s).contains("edit deal \"northwind-tailspin-cloud\" (u undoes)"))
        press(&s, "u")
        let back = s.catalog.deals.deal(try #require(s.catalog.dealIndex(id: "northwind-tailspin-cloud")), partyLimit: 10)
        #expect(back.date == nil && back.value?.maximum == nil && back.parties.map(\.role) == ["cloud provider", "customer"])
    }

    @Test func onlyTheFieldsRetypedAreWritten() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try Self.dealForm(copy)
        try Self.retype(&s, "Note", "checked by hand")
        try Self.retype(&s, "Amount", "40000000")
        #expect(s.form?.changes.map(\.field) == ["note"], "an amount typed back as it was is no change")
        press(&s, "<Enter>")
        let before = try copy.text()
        Reviewing.run(&s, ":w<Enter>")
        let after = try copy.text()
        #expect(after == before.replacingOccurrences(of: "      \"evidence\": [\n        \"signed a cloud", with: "      \"note\": \"checked by hand\",\n      \"evidence\": [\n        \"signed a cloud"),
                "the note's line is the one line added")
    }

    @Test func theEditMayStillBeRefusedByTheCatalog() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try Self.dealForm(copy)
        try Self.retype(&s, "Parties", "northwind, nobody")
        #expect(try Self.field(s, "Parties").error == nil, "references are the catalog's to check")
        press(&s, "<Enter>")
        #expect(s.inputMode == .form)
        #expect(s.form?.refusal?.hasPrefix("not done: ") == true)
        #expect(s.form?.refusal?.contains("nobody") == true)
    }

    @Test func eventsAndPartnersHaveTheirForms() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "3Ge")
        #expect(s.form?.record == RecordKey(.events, "contoso-may-join"))
        #expect(try Self.field(s, "Order").text == "after document")
        try Self.retype(&s, "Order", "afte document")
        #expect(try Self.field(s, "Order").error?.contains("afte") == true)
        press(&s, "<Esc>")
        press(&s, "1e")
        #expect(s.form?.record.list == .partners)
        try Self.retype(&s, "Aliases", "NW, Northwind")
        press(&s, "<Enter>")
        #expect(s.catalog.partners.contains { $0.aliases == ["NW", "Northwind"] })
    }
}
