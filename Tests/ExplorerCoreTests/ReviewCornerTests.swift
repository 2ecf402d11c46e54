import DealModel
@testable import ExplorerCore
import Foundation
import Testing

/// Corners of reviewing that a person ran into: a journal left for later, quitting
/// with nothing to save, a value taken away in the form, a draft made in memory
/// opened and closed in the form, what `L` says of pairs it cannot link.
@Suite struct ReviewCorners {
    typealias Copy = Reviewing.Copy
    static func status(_ s: AppState) -> String { Reviewing.statusLine(s) }
    static func journalled(_ copy: Copy) -> Bool { EditJournal.exists(forDatasets: [copy.data], cache: copy.dir + "/cache") }

    @Test func aJournalLeftForLaterIsAskedAgainBeforeTheNextEditAndNeverMixed() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        Reviewing.run(&s, "a")
        var next = try copy.start()
        Explorer.offerJournal(&next)
        Reviewing.run(&next, "<Esc>")
        #expect(next.question == nil)
        // An edit of this session first asks about the earlier one's.
        Reviewing.run(&next, "j")
        Reviewing.run(&next, "a")
        #expect(next.question == .restore(edits: 1) && !next.hasUnsavedEdits)
        #expect(next.catalog.partner(id: "northwind")?.draft != nil, "nothing was done")
        Reviewing.run(&next, "y")
        #expect(next.catalog.partner(id: "contoso")?.draft == nil)
        Reviewing.run(&next, "a")
        #expect(next.catalog.partner(id: "northwind")?.draft == nil)
        // Both edits come back after another crash.
        var third = try copy.start()
        Explorer.offerJournal(&third)
        #expect(third.question == .restore(edits: 2))
        Reviewing.run(&third, "y")
        #expect(third.catalog.partner(id: "contoso")?.draft == nil && third.catalog.partner(id: "northwind")?.draft == nil)
    }

    @Test func quittingWithNothingUnsavedOrDiscardingLeavesNoJournal() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        Reviewing.run(&s, "ru")
        #expect(Self.journalled(copy), "journalled as made")
        #expect(press(&s, "q") == [.write(.journal), .quit], "the journal is cleared before the quit")
        _ = Explorer.perform(.journal, &s)
        #expect(!Self.journalled(copy), "an edit undone leaves nothing to restore")
        var again = try copy.start()
        Reviewing.run(&again, "a")
        Reviewing.run(&again, "q")
        #expect(again.question == .quit)
        #expect(Reviewing.run(&again, "d") == [.quit], "the journal written first, then the quit")
        #expect(!Self.journalled(copy), "discarded means discarded")
    }

    @Test func clearingEveryValueFieldTakesTheValueAway() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "2e")
        let form = try #require(s.form)
        for label in form.fields.filter({ $0.key == "value" }).map(\.label) { try EditForm.retype(&s, label, "") }
        #expect(s.form?.fields.allSatisfy { $0.error == nil } == true, "\(s.form?.fields.compactMap(\.error) ?? [])")
        press(&s, "<Enter>")
        #expect(s.form == nil)
        #expect(s.catalog.deal(id: "northwind-tailspin-cloud")?.value == nil)
    }

    @Test func aDraftMadeInMemoryOpenedInTheFormAndClosedIsNotUnsaved() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let json = try copy.text()
        let (catalog, _) = DatasetLoader.check(json: Array(json.utf8), file: copy.dir + "/article.txt" + Catalog.unsavedSuffix, directory: copy.dir)
        var s = Explorer.start(catalog: try #require(catalog), width: 120, height: 40)
        s.journalCache = copy.dir + "/cache"
        press(&s, "2e<Esc>")
        #expect(!s.hasUnsavedEdits)
        #expect(press(&s, "q").contains(.quit) && s.question == nil, "no question: nothing of the person's would be lost")
    }

    @Test func linkSaysWhatItCannotLinkBeforeEnter() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "Lj")
        #expect(Self.status(s).contains("A partner links to a deal or an event, not to a partner: move to one · Esc cancels"))
        press(&s, "q")
        #expect(s.inputMode == .normal && s.message == "nothing changed", "q gives up the pick, as Esc does")
        // Northwind is in the event "Cloud agreement signed" only as a party of its deal.
        press(&s, "jL3")
        #expect(Self.status(s).contains("Tied through deal “Northwind cloud agreeme…”: unlink the partner from that deal"), "\(Self.status(s))")
        // d on a partner's partner in Detail: partners are tied through deals.
        press(&s, "<Esc>1")
        press(&s, "4")
        for _ in 0..<10 { if case .link(.partner)? = DetailPane.currentItem(s) { break }; press(&s, "J") }
        if case .link(.partner)? = DetailPane.currentItem(s) {
            press(&s, "d")
            #expect(s.message == "partners are tied through the deals they share: unlink one of them from a deal instead")
        } else {
            Issue.record("no partner link marked: \(String(describing: DetailPane.currentItem(s)))")
        }
    }

    @Test func aMergeSaysWhatGoes() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        // Tailspin into Northwind: both are parties of the one deal.
        press(&s, "GMk<Enter>")
        guard case .merge(_, _, let summary)? = s.question else { Issue.record("no question"); return }
        #expect(summary == "\"Tailspin Toys\" into \"Northwind Traders\": its name becomes an alias, 1 deal naming both keeps one party (its role there goes), 1 deal follows")
    }

    @Test func f1OpensTheHelpFromTheFormWhereQuestionMarkIsTyped() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "2e?")
        #expect(s.form?.fields[0].text.hasSuffix("?") == true, "? is typed")
        press(&s, "<F1>")
        #expect(s.mode == .help && s.modeBeneathHelp == .form)
        press(&s, "<Esc>")
        #expect(s.inputMode == .form)
    }

    @Test func twinsToMergeAreToldApartById() throws {
        let copy = try Copy()
        defer { copy.remove() }
        // A second "Contoso", as P made before it refused twins.
        let json = try copy.text().replacingOccurrences(of: "\"id\": \"contoso\",",
            with: "\"id\": \"contoso-2\", \"name\": \"Contoso\", \"evidence\": [\"Contoso declined\"] }, { \"id\": \"contoso\",")
        try json.write(toFile: copy.data, atomically: true, encoding: .utf8)
        var s = try copy.start()
        press(&s, "Mj")
        #expect(Reviewing.statusLine(s).contains("Merge partner “contoso” into “contoso-2” (one name)? Enter asks") || Reviewing.statusLine(s).contains("Merge partner “contoso-2” into “contoso” (one name)? Enter asks"),
                "\(Reviewing.statusLine(s))")
    }

    /// `update` never writes a file: after a reload too, an edit asks the runner to
    /// journal it (a session opened by the reload wrote its journal at once, into the
    /// user's cache when a test pressed R).
    @Test func afterAReloadEditsAreJournalledByTheRunnerOnly() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.start()
        press(&s, "R")
        #expect(s.message == "reloaded from disk")
        #expect(press(&s, "a") == [.write(.journal)])
        #expect(!Self.journalled(copy), "not written by update")
        _ = Explorer.perform(.journal, &s)
        #expect(Self.journalled(copy))
    }
}
