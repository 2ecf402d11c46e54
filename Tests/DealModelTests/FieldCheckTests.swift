import Foundation
import Testing
@testable import DealModel

/// The edit form's model: a record checked alone by the loader's decoder (its
/// messages, at the cost of one small record), and several fields set as one edit.
@Suite struct FieldCheckTests {
    typealias Copy = EditSessionTests.Copy

    @Test func aRecordIsCheckedAloneWithTheLoadersMessages() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let s = try copy.open()
        let (record, file) = try #require(s.record(EditSessionTests.deal))
        #expect(s.problem(record, in: .deals, file: file) == nil, "the record as written reads")
        var bad = record
        bad["date"] = .string("2025-13")
        #expect(s.problem(bad, in: .deals, file: file)?.message == "invalid date in \"date\": \"2025-13\" has no such month: months run from 01 to 12")
        bad = record
        bad["value"] = .object([.init("amount", .number(5)), .init("currency", .string("USD")), .init("maximum", .number(1))])
        #expect(s.problem(bad, in: .deals, file: file)?.message.contains("maximum") == true)
        // A party no partner has: the catalog's to refuse, not the record's.
        bad = record
        bad["parties"] = .array([.object([.init("partner", .string("nobody"))])])
        #expect(s.problem(bad, in: .deals, file: file) == nil)
    }

    @Test func severalFieldsAreOneEditThatUndoTakesBack() throws {
        let copy = try Copy()
        defer { copy.remove() }
        var s = try copy.open()
        let before = try copy.text()
        let edit = try s.set(EditSessionTests.deal, [("date", .string("~2025-Q1")), ("note", .string("checked"))], label: "edit")
        #expect(edit.changes.count == 1, "one record of one file")
        try s.apply(edit)
        let deal = try #require(s.catalog.deal(id: EditSessionTests.deal.id))
        #expect(deal.date?.written == "~2025-Q1")
        #expect(s.undoStack.count == 1)
        _ = s.undo()
        try s.save()
        #expect(try copy.text() == before)
    }
}
