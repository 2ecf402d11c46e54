import Foundation
import Testing
@testable import DealModel

/// Snapshots whose checksum holds but whose values could not come from a dataset
/// (written by the real writer, so only the reading checks stand between them and
/// the explorer): each is refused, and the dataset is read instead. Before these
/// checks a month 99 or a document without paragraphs crashed the reader, and an id
/// table without an empty slot made a lookup go round for ever.
@Suite("Forged snapshots")
struct SnapshotForgeryTests {
    /// Saves the bundled catalog changed by `forge`, and reads it back.
    static func attempt(_ forge: (inout Catalog.Stored) -> Void) throws -> Result<Catalog, SnapshotUnusable> {
        let (dir, dataset, _) = try SnapshotTests.copy(Paths.bundledDataset, document: SnapshotTests.article)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = try #require(FastLoad.load(file: dataset))
        var stored = loaded.stored
        forge(&stored)
        let forged = Catalog(stored: stored)
        // Saved as if loaded from the dataset: the key its load took.
        forged.datasetKey.value = loaded.datasetKey.value
        #expect(Snapshot.save(forged, dataset: dataset, to: dir + "/s.snapshot"))
        do { return .success(try Snapshot.attempt(dataset: dataset, from: dir + "/s.snapshot")) } catch { return .failure(error) }
    }

    /// Expects the snapshot refused by the check named `reason`.
    static func refused(_ reason: String, _ forge: (inout Catalog.Stored) -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        switch try attempt(forge) {
        case .success: Issue.record("a forged snapshot was read", sourceLocation: sourceLocation)
        case .failure(let e): #expect(e.reason == reason, sourceLocation: sourceLocation)
        }
    }

    @Test func anUnchangedCatalogIsRead() throws {
        guard case .success(let c) = try Self.attempt({ _ in }) else { Issue.record("refused"); return }
        #expect(c.deals.count == 12 && c.fromSnapshot)
    }

    @Test func datesTheJSONLoaderRefuses() throws {
        try Self.refused("dates") { $0.deals.dates[0] = UInt32(1 + 2025_99_00) }  // month 99
        try Self.refused("dates") { $0.events.dates[0] = UInt32(1 + 2025_02_30) }  // 30 February
        try Self.refused("dates") { $0.events.dates[0] = UInt32(1 + 2025_13_04) }  // a half with a day
        try Self.refused("day bounds") { $0.eventBounds[0] = DayBounds(earliest: 2025_13_01, latest: 2025_13_31) }
        try Self.refused("day bounds") { $0.eventBounds[0] = DayBounds(earliest: 2025_12_31, latest: 2025_01_01) }
    }

    @Test func wordsOutOfTheirLists() throws {
        try Self.refused("deal kinds") { $0.deals.kinds[0] = 200 }
        try Self.refused("deal statuses") { $0.deals.statuses[1] = UInt8(DealStatus.allCases.count) }
        try Self.refused("event order") { $0.events.orderRelations[3] = 7 }
    }

    @Test func positionsOutsideTheirTables() throws {
        try Self.refused("event order") { s in
            // An undated event ordered against an event that does not exist, or itself.
            let e = s.events.dates.firstIndex(of: 0)!
            s.events.orderRelations[e] = 3
            s.events.orderAnchors[e] = Int32(s.events.count)
        }
        try Self.refused("event order") { s in
            let e = s.events.dates.firstIndex(of: 0)!
            s.events.orderRelations[e] = 1
            s.events.orderAnchors[e] = Int32(e)
        }
        try Self.refused("deal values") { $0.deals.valueIndex[0] = 99 }
        try Self.refused("index lists") { $0.deals.parties = IndexLists(starts: $0.deals.parties.starts, items: $0.deals.parties.items.map { $0 + 1000 }) }
    }

    @Test func listsOfTheWrongLength() throws {
        try Self.refused("dates") { $0.deals.dates.removeLast() }
        try Self.refused("text column") { $0.deals.titles = StringColumn(bytes: $0.deals.titles.bytes, ends: Array($0.deals.titles.ends.dropLast())) }
        try Self.refused("day bounds") { $0.eventBounds.removeLast() }
        // A deal without a quote, or without a party.
        try Self.refused("anchors") { s in
            var starts = s.deals.anchors.starts
            starts[1] = starts[0]
            s.deals.anchors = AnchorLists(starts: starts, anchors: Array(s.deals.anchors.anchors[Int(starts[0])...]))
        }
    }

    @Test func quotesOutsideTheirDocument() throws {
        try Self.refused("anchors") { s in
            var a = s.deals.anchors.anchors
            a[0].end = UInt32(s.documents[0].text.utf8.count + 1)
            s.deals.anchors = AnchorLists(starts: s.deals.anchors.starts, anchors: a)
        }
    }

    @Test func aDocumentWithoutParagraphsOrWithItsSplitOutOfOrder() throws {
        try Self.refused("document split") { s in
            let d = s.documents[0]
            s.documents[0] = SourceDocument(id: d.id, date: d.date, plain: d.plain, path: d.path, text: d.text,
                                            split: DocumentSplit(paragraphStarts: [], paragraphEnds: [], sentenceStarts: [], sentenceEnds: [], paragraphFirstSentence: []))
        }
        try Self.refused("document split") { s in
            let d = s.documents[0]
            var split = d.split
            split.sentenceStarts.swapAt(1, 2)
            s.documents[0] = SourceDocument(id: d.id, date: d.date, plain: d.plain, path: d.path, text: d.text, split: split)
        }
    }

    /// A full table: looking up an unknown id would never find an empty slot.
    @Test func anIDTableWithoutAnEmptySlot() throws {
        try Self.refused("id index") { s in
            let n = Int32(s.deals.count)
            s.dealIndex = IDIndex(slots: (0..<16).map { Int32($0) % n })
        }
        // Positions missing from the table.
        try Self.refused("id index") { s in s.eventIndex = IDIndex(slots: [Int32](repeating: -1, count: 16)) }
    }

    @Test func valuesNoDatasetCanHold() throws {
        try Self.refused("amount") { $0.deals.amounts[0] = Amount(amount: .nan, currency: "USD") }
        try Self.refused("amount") { $0.deals.amounts[0] = Amount(amount: 3e9, currency: "USD", maximum: 2e9) }
        try Self.refused("amount") { $0.deals.amounts[0] = Amount(amount: nil, currency: nil, stake: 140) }
        try Self.refused("DealField.note") { $0.deals.rare[.note, 0] = .texts(["a note as a list"]) }
        try Self.refused("reference") { $0.deals.rare[.amends, 0] = .text("Not An Id") }
        try Self.refused("ids") { $0.deals.ids = StringColumn(bytes: Array("X".utf8) + $0.deals.ids.bytes.dropFirst(), ends: $0.deals.ids.ends) }
        try Self.refused("text column") { s in
            // Not UTF-8 inside a title.
            var bytes = s.deals.titles.bytes
            bytes[0] = 0xFF
            s.deals.titles = StringColumn(bytes: bytes, ends: s.deals.titles.ends)
        }
    }
}
