import DealModel
@testable import ExplorerCore
import Foundation
import Testing

/// Evidence from the document view: a selection made with the keyboard, grown and
/// shrunk by words and sentences, attached as a quote to the selected record exactly
/// as the document has it (with `occurrence` when the words recur), undone, saved.
@Suite struct EvidenceFromTheDocument {
    typealias Copy = Reviewing.Copy

    static func selected(_ s: AppState) -> String? {
        guard let sel = s.documentSelection, let doc = DocumentView.document(s) else { return nil }
        return sel.text(in: doc)
    }

    /// The partner's quotes as the file on disk writes them.
    static func quotes(_ copy: Copy, partner id: String) throws -> [Any] {
        let json = try JSONSerialization.jsonObject(with: Data(try copy.text().utf8)) as? [String: Any]
        let partners = try #require(json?["partners"] as? [[String: Any]])
        let partner = try #require(partners.first { $0["id"] as? String == id })
        return partner["evidence"] as? [Any] ?? []
    }

    @Test func selectGrowAndShrinkByWordsAndSentences() throws {
        let copy = try Copy()
        defer { copy.remove() }
        // Contoso is selected; its quote is "Contoso declined to comment".
        var s = try copy.start()
        press(&s, "vs")
        #expect(Self.selected(s) == "Contoso", "starts at the current quote")
        press(&s, "ww")
        #expect(Self.selected(s) == "Contoso declined to")
        press(&s, "b")
        #expect(Self.selected(s) == "Contoso declined")
        press(&s, ")")
        #expect(Self.selected(s) == "Contoso declined to comment.")
        press(&s, ")")
        #expect(Self.selected(s) == "Contoso declined to comment.", "never past the paragraph")
        press(&s, "(")
        #expect(Self.selected(s) == "Contoso", "back to the first word: the sentence starts with the selection")
        press(&s, "bbb")
        #expect(Self.selected(s) == "Contoso", "never less than a word")
        #expect(Reviewing.statusLine(s).contains("selected 1 word · a quotes it in Contoso"))
        // Shown in its own role.
        let grid = Explorer.render(s)
        #expect(grid.cells.contains { $0.role == .selection })
        press(&s, "<Esc>")
        #expect(s.documentSelection == nil)
        guard case .document = s.mode else { Issue.record("Esc drops the selection first, the view stays"); return }
        press(&s, "<Esc>")
        #expect(s.mode == .normal)
    }

    @Test func selectionStartsAtTheTopLineOnceScrolled() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "vgs")
        #expect(Self.selected(s) == "Northwind", "the document's first word")
        press(&s, "w)")
        #expect(Self.selected(s) == "Northwind and Tailspin sign a cloud deal")
    }

    @Test func attachWritesTheWordsWithTheirOccurrenceUndoAndSave() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        let contoso = try #require(s.catalog.partnerIndex(id: "contoso"))
        // "Contoso" occurs twice; the selection is the second.
        let effects = press(&s, "vsa")
        #expect(effects == [.write(.journal)])
        #expect(s.message == "add a quote to partner \"contoso\" (u undoes)")
        let evidence = s.catalog.evidence(of: .partner(contoso))
        #expect(evidence.map { $0.document.text.utf8Slice($0.utf8Range) } == ["Contoso declined to comment", "Contoso"])
        guard case .document(let current) = s.mode else { Issue.record("the view stays open"); return }
        #expect(s.documentQuotes?.range(current) == evidence[1].utf8Range, "the new quote is current")
        #expect(s.documentSelection == nil)
        press(&s, "u")
        #expect(s.catalog.evidence(of: .partner(contoso)).count == 1)
        press(&s, "<C-r>")
        // Words that occur once are written as a plain string.
        press(&s, "sw)a")
        press(&s, "<Esc>")
        Reviewing.run(&s, "W")
        let quotes = try Self.quotes(copy, partner: "contoso")
        #expect(quotes.count == 3)
        #expect(quotes[0] as? String == "Contoso declined to comment")
        let second = try #require(quotes[1] as? [String: Any])
        #expect(second["text"] as? String == "Contoso" && second["occurrence"] as? Int == 2)
        #expect(quotes[2] as? String == "Contoso declined to comment.")
    }

    /// The row of Detail's heading of a piece of evidence, and its role.
    static func heading(_ s: AppState, _ text: String) -> Role? {
        let grid = Explorer.render(s)
        let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let r = rows.firstIndex(where: { $0.contains(text) }), let c = rows[r].range(of: text) else { return nil }
        return grid[r, rows[r].distance(from: rows[r].startIndex, to: c.lowerBound)].role
    }

    @Test func removeTheMarkedQuoteInDetailUndoAndKeepTheLast() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        let contoso = try #require(s.catalog.partnerIndex(id: "contoso"))
        func quotes() -> [String] { s.catalog.evidence(of: .partner(contoso)).map { $0.document.text.utf8Slice($0.utf8Range) }.sorted() }
        press(&s, "vsw)a<Esc>")
        #expect(quotes() == ["Contoso declined to comment", "Contoso declined to comment."])
        let first = s.catalog.evidence(of: .partner(contoso)).map { $0.document.text.utf8Slice($0.utf8Range) }
        press(&s, "d")
        #expect(s.message == "d removes the quote marked in Detail: focus Detail, J and K mark another")
        press(&s, "4")
        #expect(Self.heading(s, "Evidence 1 of 2") == .selectedFocused, "the cursor starts on the first")
        press(&s, "J")
        #expect(Self.heading(s, "Evidence 1 of 2") == .label)
        #expect(Self.heading(s, "Evidence 2 of 2") == .selectedFocused)
        press(&s, "d")
        #expect(s.message == "remove a quote from partner \"contoso\" (u undoes)")
        #expect(quotes() == [first[0]], "the marked one went")
        press(&s, "u")
        #expect(quotes().count == 2)
        press(&s, "Kd")
        #expect(quotes() == [first[1]])
        press(&s, "d")
        #expect(s.message?.hasPrefix("not done: ") == true, "a record keeps one quote: \(s.message ?? "")")
        #expect(quotes() == [first[1]])
    }

    @Test func createDraftRecordsFromTheSelectionAndUndo() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        // Contoso is selected: the words name it already, so no twin is made.
        press(&s, "vsP")
        #expect(s.message == "“Contoso” is partner “Contoso” already: select it in Partners and press a to add the words as its quote")
        #expect(s.catalog.partner(id: "contoso-2") == nil)
        // A deal Contoso is a party to, selected in the panes once made.
        press(&s, "sw)D")
        let deal = try #require(s.catalog.deal(id: "contoso-declined-to-comment"))
        #expect(s.selectedDeal == s.catalog.dealIndex(id: deal.id) && s.inputMode == .document, "selected, the view still open")
        #expect(deal.title == "Contoso declined to comment." && deal.parties.map(\.partner) == ["contoso"])
        #expect(deal.draft?.matched == "Contoso declined to comment.")
        let d = try #require(s.catalog.dealIndex(id: deal.id))
        #expect(s.catalog.evidence(of: .deal(d)).map { $0.document.text.utf8Slice($0.utf8Range) } == ["Contoso declined to comment."])
        press(&s, "swE")
        let e = try #require(s.catalog.eventIndex(id: "contoso-declined"))
        #expect(s.catalog.events.event(e, listLimit: 0).date == nil && s.catalog.isDraft(.event(e)))
        #expect(s.draftCount == 8, "6 drafts, and the two new ones")
        press(&s, "uu")
        #expect(s.catalog.deal(id: "contoso-declined-to-comment") == nil && s.catalog.eventIndex(id: "contoso-declined") == nil)
    }

    /// `s` starts at the search's current match, so any word can be selected from the
    /// keyboard; a long selection's id is cut at a word's end.
    @Test func aSelectionStartsAtTheSearchMatch() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "v/games<Enter>s")
        let doc = try #require(DocumentView.document(s))
        #expect(s.documentSelection?.text(in: doc) == "games")
        press(&s, "<Esc>/Analysts<Enter>s)")
        #expect(NewRecord.id(.events, words: try #require(s.documentSelection).text(in: doc), s) == "analysts-expect-contoso-to-join-the-agreement")
    }

    @Test func attachWithoutASelectionSaysHow() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "va")
        #expect(s.message == "nothing selected: s selects a word")
        #expect(s.editing == nil)
    }

    /// The selection in its role, and Detail's evidence cursor, at the three sizes.
    @Test(arguments: [(120, 40), (80, 24), (60, 15)])
    func selectionScreens(size: (Int, Int)) throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start(size.0, size.1)
        press(&s, "vsww")
        ScreenSnapshots().check("document-selection-\(size.0)x\(size.1)", s)
        // Attached, then Detail's cursor on the new quote.
        press(&s, "a<Esc>4J")
        ScreenSnapshots().check("detail-evidence-cursor-\(size.0)x\(size.1)", s)
    }
}

extension String {
    func utf8Slice(_ r: Range<Int>) -> String { String(decoding: Array(utf8)[r], as: UTF8.self) }
}
