import Foundation
import Testing
@testable import DealModel

/// Links, unlinks, merges and splits (issue 13) on the bundled data and on two
/// datasets that share records: what a person then sees, the files saved and read
/// again, every edit undone to the same bytes, and each refusal's words.
@Suite("Links, merges and splits")
struct LinkMergeTests {
    /// Dataset files copied into a fresh directory (written in the stable layout, so
    /// that undoing everything and saving gives back their very bytes), with a cache
    /// directory beside them for the journal.
    struct DataCopy {
        let root: String
        /// What `--data` is given: the file, or the directory of several.
        let path: String
        let originals: [String: String]

        init(_ sources: [String], directory: Bool) throws {
            root = try temporaryDirectory("dealscope-links")
            let data = root + "/data"
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            for s in sources {
                try FileManager.default.copyItem(atPath: s, toPath: data + "/" + (s as NSString).lastPathComponent)
            }
            let json = sources.first { $0.hasSuffix(".json") }!
            path = directory ? data : data + "/" + (json as NSString).lastPathComponent
            var originals: [String: String] = [:]
            for f in try EditSession.open(path: path, cache: nil).files {
                let text = String(decoding: f.text(), as: UTF8.self)
                try text.write(toFile: f.path, atomically: true, encoding: .utf8)
                originals[f.path] = text
            }
            self.originals = originals
        }

        static func bundled() throws -> DataCopy {
            try DataCopy([Paths.bundledDataset, Paths.assets + "/openai-microsoft-alliance.txt"], directory: false)
        }

        /// alpha and beta both define the partner globex, the deal rocket-supply and the event deliveries.
        static func shared() throws -> DataCopy {
            try DataCopy(["alpha.dealscope.json", "alpha.txt", "beta.dealscope.json", "beta.txt"].map { Paths.fixture("shared/" + $0) }, directory: true)
        }

        func open() throws -> EditSession { try EditSession.open(path: path, cache: root + "/cache") }
        func remove() { try? FileManager.default.removeItem(atPath: root) }

        /// Saved and read again by the loader, the data is what the session shows;
        /// every edit undone and saved, each file is byte for byte as it was.
        func checkSavedAndUndone(_ s: inout EditSession, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            try s.save()
            let back = try DatasetLoader.load(path: path, saveSnapshot: false)
            #expect(CatalogDump.lines(back, places: false) == CatalogDump.lines(s.catalog, places: false), sourceLocation: sourceLocation)
            while s.undo() != nil {}
            try s.save()
            for (file, text) in originals {
                #expect(try String(contentsOfFile: file, encoding: .utf8) == text, "\(file)", sourceLocation: sourceLocation)
            }
        }
    }

    static func partner(_ id: String) -> RecordKey { RecordKey(.partners, id) }
    static func deal(_ id: String) -> RecordKey { RecordKey(.deals, id) }
    static func event(_ id: String) -> RecordKey { RecordKey(.events, id) }

    /// The message an edit is refused with (made and applied).
    static func refusal(_ s: inout EditSession, _ make: (EditSession) throws(EditRefusal) -> Edit) -> String? {
        do {
            try s.apply(make(s))
            return nil
        } catch {
            return error.message
        }
    }

    /// The message an edit is refused with when made (not applied).
    static func message(_ make: () throws(EditRefusal) -> Edit) -> String? {
        do {
            _ = try make()
            return nil
        } catch {
            return error.message
        }
    }

    // MARK: Links

    @Test func linkingAndUnlinkingADealAndAnEvent() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        let (deal, event) = (Self.deal("azure-claude"), Self.event("joint-statement"))
        #expect(!s.areLinked(deal, event))
        let edit = try s.link(deal, event)
        #expect(edit.label == "link deal \"azure-claude\" and event \"joint-statement\"")
        try s.apply(edit)
        let c = s.catalog
        #expect(c.eventIDs(c.eventsOfDeal[c.index(ofDeal: "azure-claude")]).contains("joint-statement"))
        #expect(s.areLinked(event, deal))
        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.link(event, deal) }
                == "event \"joint-statement\" and deal \"azure-claude\" are already linked: unlink them to remove the link")
        try copy.checkSavedAndUndone(&s)

        // Unlinked: the event no longer lists the deal; its other deals stay.
        let before = s.catalog.dealsOfEvent[s.catalog.index(ofEvent: "joint-statement")].count
        try s.apply(s.unlink(Self.deal("msft-openai-licence"), event))
        let after = s.catalog
        #expect(after.dealsOfEvent[after.index(ofEvent: "joint-statement")].count == before - 1)
        #expect(after.eventIDs(after.eventsOfDeal[after.index(ofDeal: "msft-openai-licence")]) == ["microsoft-confirms-licence-and-ip"])
        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.unlink(Self.deal("msft-openai-licence"), event) }
                == "deal \"msft-openai-licence\" and event \"joint-statement\" are not linked")
        try copy.checkSavedAndUndone(&s)
    }

    @Test func aPartnerJoinsADealAsAPartyWithoutARoleAndLeavesItsShareAndProducts() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        try s.apply(s.link(Self.deal("azure-claude"), Self.partner("nvidia")))
        var c = s.catalog
        #expect(c.dealIDs(c.dealsOfPartner[c.index(ofPartner: "nvidia")]).contains("azure-claude"))
        #expect(c.deal(id: "azure-claude")?.parties.last == Party(partner: "nvidia", role: nil))
        #expect(s.undoStack.last?.label == "link deal \"azure-claude\" and partner \"nvidia\"")

        // Amazon leaves the funding: its party and its share of the shared total.
        try s.apply(s.unlink(Self.partner("amazon"), Self.deal("openai-new-funding")))
        c = s.catalog
        #expect(c.deal(id: "openai-new-funding")?.value?.sharedBy == ["nvidia", "softbank"])
        #expect(!c.dealIDs(c.dealsOfPartner[c.index(ofPartner: "amazon")]).contains("openai-new-funding"))
        // Apple leaves the integration: its products with it, OpenAI's stays.
        try s.apply(s.unlink(Self.partner("apple"), Self.deal("openai-apple-chatgpt")))
        #expect(s.catalog.deal(id: "openai-apple-chatgpt")?.products == ["ChatGPT"])
        // A deal's last party: the loader's word.
        try s.apply(s.unlink(Self.partner("oracle"), Self.deal("openai-oracle-cloud")))
        let last = Self.refusal(&s) { s throws(EditRefusal) in try s.unlink(Self.partner("openai"), Self.deal("openai-oracle-cloud")) }
        #expect(last == "deal \"openai-oracle-cloud\": a deal needs at least one party")
        try copy.checkSavedAndUndone(&s)
    }

    @Test func aPartnerAndAnEvent() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        let (anthropic, rumours) = (Self.partner("anthropic"), Self.event("rumours-microsoft-dumping-openai"))
        try s.apply(s.link(anthropic, rumours))
        #expect(s.catalog.event(id: rumours.id)?.partners == ["microsoft", "openai", "anthropic"])
        #expect(s.areLinked(rumours, anthropic))
        try s.apply(s.unlink(rumours, Self.partner("microsoft")))
        try s.apply(s.unlink(rumours, Self.partner("openai")))
        #expect(s.catalog.event(id: rumours.id)?.partners == ["anthropic"])
        // Microsoft takes part in the joint statement through its deals: offered as
        // linked, and each way out is said.
        let (microsoft, statement) = (Self.partner("microsoft"), Self.event("joint-statement"))
        #expect(s.areLinked(microsoft, statement))
        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.link(microsoft, statement) }
                == "partner \"microsoft\" already takes part in event \"joint-statement\" as a party of its deal \"msft-openai-partnership\": nothing to link")
        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.unlink(statement, microsoft) }
                == "partner \"microsoft\" takes part in event \"joint-statement\" as a party of its deal \"msft-openai-partnership\": unlink partner \"microsoft\" and deal \"msft-openai-partnership\", or deal \"msft-openai-partnership\" and event \"joint-statement\"")
        try copy.checkSavedAndUndone(&s)
    }

    @Test func pairsThatCannotBeLinkedSayWhatCan() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        let s = try copy.open()
        let refused = { (a: RecordKey, b: RecordKey) -> [String?] in
            [Self.message { () throws(EditRefusal) in try s.link(a, b) }, Self.message { () throws(EditRefusal) in try s.unlink(a, b) }]
        }
        #expect(refused(Self.partner("openai"), Self.partner("microsoft")) == Array(repeating:
            "two partners cannot be linked: link a partner with a deal (as a party) or with an event; merge them if they are one company", count: 2))
        #expect(refused(Self.deal("framework-2025"), Self.deal("msft-openai-ip"))[0]
            == "two deals cannot be linked: link a deal with a partner or an event (a deal that changes another names it in \"amends\"); merge them if they are one deal")
        #expect(refused(Self.event("joint-statement"), Self.event("joint-statement"))[0]
            == "two events cannot be linked: link an event with a deal or a partner (its \"order\" places it by another event); merge them if they are one event")
        #expect(refused(Self.deal("no-such-deal"), Self.event("joint-statement"))[0] == "no deal \"no-such-deal\"")
        #expect(!s.areLinked(Self.partner("openai"), Self.partner("openai")))
    }

    // MARK: Merges

    @Test func mergingTwoPartnersMakesANameAnAliasAndEveryReferenceFollows() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        let (microsoft, openai) = (Self.partner("microsoft"), Self.partner("openai"))
        let before = s.catalog
        let shared = Set(before.dealIDs(before.dealsOfPartner[before.index(ofPartner: "microsoft")]))
            .union(before.dealIDs(before.dealsOfPartner[before.index(ofPartner: "openai")]))
        let quotes = Set(before.partner(id: "microsoft")!.evidence).union(before.partner(id: "openai")!.evidence).count
        #expect(s.mergeSummary(microsoft, into: openai) == "\"Microsoft\" into \"OpenAI\": its name becomes an alias, 7 deals naming both keep one party (its role there goes), 8 deals and 2 events follow")
        let edit = try s.merge(microsoft, into: openai)
        #expect(edit.label == "merge partner \"microsoft\" into partner \"openai\"")
        try s.apply(edit)
        let c = s.catalog
        #expect(c.partner(id: "microsoft") == nil)
        let kept = try #require(c.partner(id: "openai"))
        #expect(kept.aliases == ["Microsoft"])
        #expect(kept.products.map(\.name) == ["ChatGPT", "Azure", "Azure AI"])
        #expect(kept.evidence.count == quotes)
        #expect(Set(c.dealIDs(c.dealsOfPartner[c.index(ofPartner: "openai")])) == shared)
        // A deal naming both keeps one party, with the kept one's role.
        #expect(c.deal(id: "msft-openai-licence")?.parties == [Party(partner: "openai", role: "licensor")])
        #expect(c.deal(id: "azure-claude")?.parties == [Party(partner: "openai", role: "platform"), Party(partner: "anthropic", role: "model provider")])
        #expect(c.event(id: "rumours-microsoft-dumping-openai")?.partners == ["openai"])
        #expect(c.event(id: "displacement-questions")?.partners == ["openai"])
        // Found by its old name.
        #expect(try c.lookupPartner("Microsoft").get() == c.index(ofPartner: "openai"))
        #expect(try c.lookupPartner("microsoft").get() == c.index(ofPartner: "openai"))
        try copy.checkSavedAndUndone(&s)
        #expect(s.catalog.partner(id: "microsoft")?.name == "Microsoft")
    }

    @Test func aPartnerSharingATotalWithTheKeptOneIsCountedOnce() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        try s.apply(s.merge(Self.partner("nvidia"), into: Self.partner("softbank")))
        let deal = try #require(s.catalog.deal(id: "openai-new-funding"))
        #expect(deal.parties.map(\.partner) == ["openai", "amazon", "softbank"])
        #expect(deal.value?.sharedBy == ["amazon", "softbank"])
        try copy.checkSavedAndUndone(&s)
    }

    @Test func mergingTwoDealsCombinesEvidenceAndTheirEventsAndAmendmentsFollow() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        let (ip, licence) = (Self.deal("msft-openai-ip"), Self.deal("msft-openai-licence"))
        let c0 = s.catalog
        let quotes = Set(c0.deal(id: ip.id)!.evidence).union(c0.deal(id: licence.id)!.evidence).count
        let ipTitle = c0.deal(id: ip.id)!.title, licenceTitle = c0.deal(id: licence.id)!.title
        #expect(s.mergeSummary(ip, into: licence) == "\"\(ipTitle)\" into \"\(licenceTitle)\": its 2 quotes join, its kind intellectual-property goes (the kept deal's stay), 1 event follows")
        try s.apply(s.merge(ip, into: licence))
        var c = s.catalog
        #expect(c.deal(id: ip.id) == nil)
        let merged = try #require(c.deal(id: licence.id))
        #expect(merged.evidence.count == quotes)
        #expect(merged.title == licenceTitle && merged.kind == .licence)
        #expect(merged.parties == [Party(partner: "openai", role: "licensor"), Party(partner: "microsoft", role: "exclusive licensee")])
        #expect(c.event(id: "microsoft-confirms-licence-and-ip")?.deals == [licence.id])
        #expect(Set(c.eventIDs(c.eventsOfDeal[c.index(ofDeal: licence.id)])) == ["joint-statement", "microsoft-confirms-licence-and-ip"])
        try copy.checkSavedAndUndone(&s)

        // The October update amends the partnership: merged into the framework, it amends that.
        try s.apply(s.merge(Self.deal("msft-openai-partnership"), into: Self.deal("framework-2025")))
        c = s.catalog
        #expect(c.deal(id: "october-2025-update")?.amends == "framework-2025")
        #expect(c.deal(id: "framework-2025")?.evidence.count == Set(c0.deal(id: "framework-2025")!.evidence).union(c0.deal(id: "msft-openai-partnership")!.evidence).count)
        try copy.checkSavedAndUndone(&s)

        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.merge(Self.deal("october-2025-update"), into: Self.deal("msft-openai-partnership")) }
                == "one of the two deals amends the other: merged, deal \"msft-openai-partnership\" would amend itself; remove that \"amends\" first")
    }

    @Test func mergingTwoEventsMovesTheEventsPlacedByIt() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        let (funding, rumours) = (Self.event("funding-disclosed"), Self.event("rumours-microsoft-dumping-openai"))
        #expect(s.mergeSummary(funding, into: rumours).hasSuffix(": its 2 quotes join, 1 event follows"))
        try s.apply(s.merge(funding, into: rumours))
        let c = s.catalog
        #expect(c.event(id: "displacement-questions")?.order == EventOrder(relation: .after, anchor: "rumours-microsoft-dumping-openai"))
        #expect(c.event(id: rumours.id)?.deals == ["openai-new-funding", "openai-oracle-cloud"])
        #expect(c.event(id: rumours.id)?.evidence.count == 3)
        try copy.checkSavedAndUndone(&s)

        // A dated event takes no order: merged into an undated one, its date places the result.
        try s.apply(s.merge(Self.event("october-2025-update"), into: Self.event("joint-statement")))
        #expect(s.catalog.event(id: "joint-statement")?.order == nil)
        #expect(s.catalog.event(id: "joint-statement")?.date == bundled.event(id: "october-2025-update")?.date)
        try copy.checkSavedAndUndone(&s)

        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.merge(Self.event("funding-disclosed"), into: Self.event("displacement-questions")) }
                == "one of the two events is placed by the other: merged, event \"displacement-questions\" would be ordered against itself; change that \"order\" first")
    }

    @Test func mergesThatCannotBeSaySo() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        let s = try copy.open()
        let message = { (gone: RecordKey, kept: RecordKey) in Self.message { () throws(EditRefusal) in try s.merge(gone, into: kept) } }
        #expect(message(Self.partner("openai"), Self.deal("framework-2025")) == "a partner cannot be merged into a deal: merge two partners, two deals or two events")
        #expect(message(Self.partner("openai"), Self.partner("openai")) == "partner \"openai\" cannot be merged into itself: choose another partner")
        #expect(message(Self.partner("open-ai"), Self.partner("openai")) == "no partner \"open-ai\"")
    }

    @Test func theMergedRecordIsADraftOnlyIfTheKeptOneWas() throws {
        var s = try EditSession.open(path: Paths.fixture("review/review.dealscope.json"), cache: nil)
        try s.apply(s.accept(Self.partner("northwind")))
        try s.apply(s.merge(Self.partner("tailspin"), into: Self.partner("northwind")))
        #expect(s.catalog.partner(id: "northwind")?.draft == nil)
        #expect(s.catalog.partner(id: "northwind")?.aliases == ["Northwind", "Tailspin Toys"])
        #expect(s.catalog.deal(id: "northwind-tailspin-cloud")?.parties == [Party(partner: "northwind", role: "cloud provider")])
        #expect(s.mergeSummary(Self.partner("contoso"), into: Self.partner("northwind")) == "\"Contoso\" into \"Northwind Traders\": its name becomes an alias, 1 event follows")
        #expect(s.mergeSummary(Self.partner("northwind"), into: Self.partner("contoso")) == "\"Northwind Traders\" into \"Contoso\": its 3 names become aliases, 1 deal follows")
        try s.apply(s.merge(Self.partner("northwind"), into: Self.partner("contoso")))
        #expect(s.catalog.partner(id: "contoso")?.draft != nil)
        #expect(s.catalog.partner(id: "contoso")?.aliases == ["Northwind Traders", "Northwind", "Tailspin Toys"])
    }

    // MARK: Two datasets sharing records

    @Test func aSharedPartnerMergedInBothFiles() throws {
        let copy = try DataCopy.shared()
        defer { copy.remove() }
        var s = try copy.open()
        #expect(s.mergeSummary(Self.partner("globex"), into: Self.partner("acme")) == "\"Globex\" into \"Acme\": its name becomes an alias, 1 deal naming both keeps one party (its role there goes), 1 deal follows")
        try s.apply(s.merge(Self.partner("globex"), into: Self.partner("acme")))
        // Both files changed: alpha folds globex into acme, beta's globex becomes acme.
        #expect(Set(s.undoStack.last!.changes.map(\.file)) == [0, 1])
        let c = s.catalog
        let acme = try #require(c.partner(id: "acme"))
        #expect(c.partner(id: "globex") == nil)
        #expect(acme.aliases == ["Globex"] && acme.evidence.count == 3)
        #expect(try c.lookupPartner("Globex").get() == c.index(ofPartner: "acme"))
        // Beta's party takes the role alpha gives acme, so the definitions agree.
        #expect(c.deal(id: "rocket-supply")?.parties == [Party(partner: "acme", role: "supplier"), Party(partner: "initech", role: "customer")])
        #expect(c.dealIDs(c.dealsOfPartner[c.index(ofPartner: "acme")]) == ["rocket-supply"])
        try copy.checkSavedAndUndone(&s)

        // Merged the other way, a partner defined in beta only folds into beta's globex.
        try s.apply(s.merge(Self.partner("initech"), into: Self.partner("globex")))
        #expect(s.undoStack.last!.changes.allSatisfy { $0.file == 1 })
        #expect(s.catalog.event(id: "deliveries")?.partners == ["globex"])
        #expect(s.catalog.deal(id: "rocket-supply")?.parties == [Party(partner: "acme", role: "supplier"), Party(partner: "globex", role: "customer")])
        try copy.checkSavedAndUndone(&s)
    }

    @Test func aDealMergedIntoOneOfAnotherFileStaysWithItsQuotes() throws {
        let copy = try DataCopy.shared()
        defer { copy.remove() }
        var s = try copy.open()
        let span = { (d: SourceDocument, words: String) in d.matchOffsets(ofAll: [words])[0][0] }
        let fields = { (title: String, kind: String, status: String, date: JSONTree) -> [JSONTree.Member] in
            [.init("title", .string(title)), .init("kind", .string(kind)), .init("status", .string(status)),
             .init("parties", .array([.object([.init("partner", .string("globex"))])])), .init("date", date), .init("value", .null)]
        }
        try s.apply(s.create(Self.deal("deliveries-deal"), fields: fields("Deliveries", "supply", "completed", .string("2024-06")),
                             document: s.catalog.documents[0], utf8Range: span(s.catalog.documents[0], "Deliveries began in June")))
        try s.apply(s.create(Self.deal("first-deliveries"), fields: fields("First deliveries", "cloud", "announced", .null),
                             document: s.catalog.documents[1], utf8Range: span(s.catalog.documents[1], "The first deliveries reached Globex")))
        try s.apply(s.link(Self.deal("first-deliveries"), Self.event("deliveries")))
        let undone = s.undoStack.count
        try s.apply(s.merge(Self.deal("first-deliveries"), into: Self.deal("deliveries-deal")))
        // Beta's definition becomes one of the kept deal, agreeing with alpha's: its quote stays in beta.
        let betaDeal = try #require(s.files[1].records(.deals).first { $0["id"]?.string == "deliveries-deal" })
        #expect(betaDeal["title"] == .string("Deliveries") && betaDeal["kind"] == .string("supply") && betaDeal["status"] == .string("completed"))
        #expect(betaDeal["date"] == .null)
        #expect(betaDeal["evidence"] == .array([.string("The first deliveries reached Globex")]))
        let c = s.catalog
        let merged = try #require(c.deal(id: "deliveries-deal"))
        #expect(merged.evidence.map { $0.document.path.hasSuffix("beta.txt") } == [false, true])
        #expect(merged.date == date("2024-06"))
        #expect(c.event(id: "deliveries")?.deals == ["rocket-supply", "deliveries-deal"])
        // Undone, the two deals are back as created.
        while s.undoStack.count > undone { _ = s.undo() }
        #expect(s.catalog.deal(id: "first-deliveries")?.kind == .cloud)
        try copy.checkSavedAndUndone(&s)
    }

    @Test func linksOfSharedRecordsInEveryFile() throws {
        let copy = try DataCopy.shared()
        defer { copy.remove() }
        var s = try copy.open()
        let (supply, deliveries) = (Self.deal("rocket-supply"), Self.event("deliveries"))
        // Globex is a party in both files: unlinked from both.
        try s.apply(s.unlink(Self.partner("globex"), supply))
        #expect(s.undoStack.last!.changes.count == 2)
        #expect(s.catalog.deal(id: supply.id)?.parties.map(\.partner) == ["acme", "initech"])
        try s.apply(s.unlink(supply, deliveries))
        #expect(s.catalog.eventsOfDeal[s.catalog.index(ofDeal: supply.id)].isEmpty)
        #expect(!s.areLinked(deliveries, supply))
        // Linked again: written in alpha, which defines both.
        try s.apply(s.link(deliveries, supply))
        #expect(s.undoStack.last!.changes.map(\.file) == [0])
        // Initech is named by beta's event.
        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.link(Self.partner("initech"), deliveries) }
                == "partner \"initech\" and event \"deliveries\" are already linked: unlink them to remove the link")
        try copy.checkSavedAndUndone(&s)
    }

    // MARK: Splits

    @Test func aSplitDealIsADraftWithTheMovedQuotes() throws {
        let copy = try DataCopy.bundled()
        defer { copy.remove() }
        var s = try copy.open()
        let key = Self.deal("msft-openai-partnership")
        let original = try #require(s.catalog.deal(id: key.id))
        let moved = Array(original.evidence[2...3])
        let edit = try s.split(key, evidence: moved, newID: "msft-openai-partnership-2")
        #expect(edit.label == "split deal \"msft-openai-partnership\" into \"msft-openai-partnership-2\"")
        try s.apply(edit)
        let c = s.catalog
        let new = try #require(c.deal(id: "msft-openai-partnership-2"))
        let words = String(decoding: Array(moved[0].document.text.utf8)[moved[0].utf8Range], as: UTF8.self)
        #expect(new.draft == DraftMark(rule: "explorer.split", matched: words))
        #expect(new.title == original.title + " (split)" && new.kind == original.kind && new.status == original.status)
        #expect(new.parties == original.parties && new.date == nil && new.value == nil)
        // (Evidence of another catalog: compared by place.)
        #expect(new.evidence.map(\.utf8Range) == moved.map(\.utf8Range))
        #expect(c.deal(id: key.id)?.evidence.map(\.utf8Range) == original.evidence.filter { !moved.contains($0) }.map(\.utf8Range))
        #expect(c.eventsOfDeal[c.index(ofDeal: new.id)].isEmpty)
        #expect(c.eventsOfDeal[c.index(ofDeal: key.id)].count == bundled.eventsOfDeal[bundled.index(ofDeal: key.id)].count)
        // Written next to the original.
        let ids = s.files[0].records(.deals).compactMap { $0["id"]?.string }
        #expect(ids[ids.firstIndex(of: key.id)! + 1] == new.id)
        try copy.checkSavedAndUndone(&s)

        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.split(Self.deal("openai-oracle-cloud"), evidence: s.catalog.deal(id: "openai-oracle-cloud")!.evidence, newID: "x") }
                == "deal \"openai-oracle-cloud\" would keep no quote: leave at least one of its quotes with it")
        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.split(key, evidence: moved, newID: "msft-openai-licence") }
                == "deal \"msft-openai-licence\" exists already: choose another id")
        #expect(Self.refusal(&s) { s throws(EditRefusal) in try s.split(key, evidence: s.catalog.deal(id: "framework-2025")!.evidence, newID: "y") }
                == "a quote to move is not written in deal \"msft-openai-partnership\"")
    }

    @Test func aSharedDealKeepsAQuoteInEachFile() throws {
        let copy = try DataCopy.shared()
        defer { copy.remove() }
        var s = try copy.open()
        let evidence = try #require(s.catalog.deal(id: "rocket-supply")?.evidence)
        let message = Self.refusal(&s) { s throws(EditRefusal) in try s.split(Self.deal("rocket-supply"), evidence: [evidence[1]], newID: "rocket-resale") }
        #expect(message == "deal \"rocket-supply\" would keep no quote in \(copy.path)/beta.dealscope.json: leave at least one of its quotes with it")
    }
}
