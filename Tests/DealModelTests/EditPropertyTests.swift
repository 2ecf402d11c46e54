import Foundation
import Testing
@testable import DealModel

/// Random sequences of edits (links, unlinks and merges among them), undos and
/// redos, saved and loaded again, give the catalog a simple model of the same steps
/// expects; one edit changes only the lines of its record.
@Suite("Edits, undo and redo at random")
struct EditPropertyTests {
    /// What a reviewer can see of each record: whether it is still a draft, its note.
    struct Seen: Equatable {
        var draft: Bool
        var note: String?
    }

    static func seen(_ c: Catalog) -> [RecordKey: Seen] {
        var out: [RecordKey: Seen] = [:]
        for p in c.partners { out[RecordKey(.partners, p.id)] = Seen(draft: p.draft != nil, note: p.note) }
        for d in 0..<c.deals.count { out[RecordKey(.deals, c.deals.id(d))] = Seen(draft: c.deals[d].draft != nil, note: c.deals[d].note) }
        for e in 0..<c.events.count { out[RecordKey(.events, c.events.id(e))] = Seen(draft: c.events[e].draft != nil, note: c.events[e].note) }
        return out
    }

    @Test func randomEditsUndoneRedoneSavedAndReloaded() throws {
        var rng = SplitMix64(state: 2026)
        var applied: [String: Int] = [:]
        for round in 0..<60 {
            let copy = try EditSessionTests.Copy()
            defer { copy.remove() }
            var s = try copy.open()
            var model = Self.seen(s.catalog)
            var undo: [[RecordKey: Seen]] = [], redo: [[RecordKey: Seen]] = []
            var steps: [String] = []
            for _ in 0..<(4 + Int(rng.next() % 12)) {
                let keys = model.keys.sorted { "\($0)" < "\($1)" }
                guard let key = keys.isEmpty ? nil : keys[Int(rng.next() % UInt64(keys.count))] else { break }
                let other = keys[Int(rng.next() % UInt64(keys.count))]
                var next = model
                let edit: Edit?
                // Links and merges a pair cannot have are refused when made: nothing to apply.
                var linked: Bool?
                switch rng.next() % 9 {
                case 6:
                    edit = try? s.link(key, other)
                    linked = true
                case 7:
                    edit = try? s.unlink(key, other)
                    linked = false
                case 8 where key.list == other.list && key != other:
                    edit = try s.merge(key, into: other)
                    next[key] = nil
                    next[other]!.note = model[other]!.note ?? model[key]!.note
                case 0 where model[key]!.draft:
                    edit = try s.accept(key)
                    next[key]!.draft = false
                case 1:
                    // Refused when another record still names it; then nothing changes.
                    edit = try s.reject(key)
                    next[key] = nil
                case 2, 3:
                    let note = rng.next() % 4 == 0 ? nil : "note \(rng.next() % 1000)"
                    edit = try s.set(key, field: "note", to: note.map(JSONTree.string))
                    next[key]!.note = note
                case 4:
                    steps.append("undo")
                    if s.undo() != nil { redo.append(model); model = undo.removeLast() }
                    edit = nil
                default:
                    steps.append("redo")
                    if s.redo() != nil { undo.append(model); model = redo.removeLast() }
                    edit = nil
                }
                guard let edit else { continue }
                steps.append(edit.label)
                do {
                    try s.apply(edit)
                    if !edit.changes.isEmpty { undo.append(model); redo = [] }
                    model = next
                    applied[String(edit.label.prefix { $0 != " " }), default: 0] += 1
                    // Linked by the written link, or not (a partner may still take part in an event through a deal).
                    if let linked, let pair = try? EditSession.LinkPair(key, other) {
                        #expect((s.linked(pair) == .written) == linked, "round \(round) after \(steps)")
                    }
                } catch {
                    // Only a record others name, or a deal's last party, cannot go.
                    #expect(edit.label.hasPrefix("reject") || edit.label.hasPrefix("unlink"), "round \(round): \(edit.label) refused: \(error.message)")
                }
                #expect(Self.seen(s.catalog) == model, "round \(round) after \(steps)")
            }
            try s.save()
            let back = try DatasetLoader.load(path: copy.data, saveSnapshot: false)
            #expect(Self.seen(back) == model, "round \(round) saved after \(steps)")
            #expect(CatalogDump.lines(back, places: false) == CatalogDump.lines(s.catalog, places: false))
            // Everything undone is the file as it was.
            while s.undo() != nil {}
            try s.save()
            #expect(try copy.text() == String(contentsOfFile: Paths.fixture("review/review.dealscope.json"), encoding: .utf8), "round \(round): \(steps)")
        }
        // Every kind of edit was drawn and made.
        #expect(Set(applied.keys).isSuperset(of: ["accept", "reject", "set", "link", "unlink", "merge"]), "\(applied)")
    }

    @Test func oneEditChangesOnlyItsRecordsLines() throws {
        var rng = SplitMix64(state: 7)
        let copy = try EditSessionTests.Copy()
        defer { copy.remove() }
        var s = try copy.open()
        for _ in 0..<60 {
            let keys = Self.seen(s.catalog).keys.sorted { "\($0)" < "\($1)" }
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            let before = try copy.text().components(separatedBy: "\n")
            let field = [key.list == .partners ? "name" : "title", "note"][Int(rng.next() % 2)]
            let value = "value \(rng.next() % 1000)"
            try s.apply(s.set(key, field: field, to: .string(value)))
            try s.save()
            let after = try copy.text().components(separatedBy: "\n")
            let (removed, added) = EditSessionTests.difference(before, after)
            #expect(removed.count <= 1 && added.count == 1, "\(key): \(removed) → \(added)")
            // The changed line is inside the record: between its id and the record's end.
            let start = try #require(after.firstIndex(of: "      \"id\": \"\(key.id)\","))
            let end = try #require(after[start...].firstIndex { $0 == "    }" || $0 == "    }," })
            let at = try #require(after.firstIndex(of: added[0]))
            #expect(at > start && at < end && added[0].contains(value), "\(key): line \(at) outside \(start)...\(end)")
        }
    }
}
