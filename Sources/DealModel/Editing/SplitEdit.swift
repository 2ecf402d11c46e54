/// A deal that is two: some of its quotes become a new deal, a draft for a person to
/// review.
extension EditSession {
    public func split(_ deal: RecordKey, evidence: [Evidence], newID: String) throws(EditRefusal) -> Edit {
        guard deal.list == .deals else { throw EditRefusal("only a deal can be split: \(deal) is not one") }
        let defs = definitions(of: deal)
        guard !defs.isEmpty, let merged = catalog.deal(id: deal.id) else { throw EditRefusal("no \(deal)") }
        guard !evidence.isEmpty else { throw EditRefusal("choose the quotes of \(deal) that belong to the new deal") }
        let new = RecordKey(.deals, newID)
        guard definitions(of: new).isEmpty else { throw EditRefusal("\(new) exists already: choose another id") }

        // Each quote found where the catalog located it, in the definition that writes it.
        var moved: [Int: [Int]] = [:]
        for e in evidence {
            guard let (d, j) = defs.indices.lazy.compactMap({ d -> (Int, Int)? in
                let docs = self.documents(ofFile: defs[d].file) ?? [:], first = self.files[defs[d].file].documentIDs.first
                return (defs[d].record["evidence"]?.items ?? []).firstIndex { q in
                    Self.locate(q, in: docs, first: first).map { $0.0 === e.document && $0.1 == e.utf8Range } == true
                }.map { (d, $0) }
            }).first else { throw EditRefusal("a quote to move is not written in \(deal)") }
            if !(moved[d] ?? []).contains(j) { moved[d, default: []].append(j) }
        }
        let parties = JSONTree.array(merged.parties.map { p in
            var party = JSONTree.object([.init("partner", .string(p.partner))])
            party["role"] = p.role.map(JSONTree.string)
            return party
        })
        let first = evidence[0]
        let words = String(decoding: Array(first.document.text.utf8)[first.utf8Range], as: UTF8.self)
        var changes: [Change] = []
        for (d, js) in moved.sorted(by: { $0.key < $1.key }) {
            let def = defs[d]
            let quotes = def.record["evidence"]?.items ?? []
            let stay = quotes.indices.filter { !js.contains($0) }.map { quotes[$0] }
            guard !stay.isEmpty else {
                let place = defs.count > 1 ? " in \(files[def.file].path)" : ""
                throw EditRefusal("\(deal) would keep no quote\(place): leave at least one of its quotes with it")
            }
            var original = def.record
            original["evidence"] = .array(stay)
            var record = JSONTree.object([
                .init("id", .string(newID)), .init("title", .string(merged.title + " (split)")),
                .init("kind", .string(merged.kind.rawValue)), .init("status", .string(merged.status.rawValue)),
                .init("parties", parties), .init("date", .null), .init("value", .null),
            ])
            record[strings: "products"] = merged.products
            record["evidence"] = .array(js.sorted().map { quotes[$0] })
            record["draft"] = .object([.init("rule", .string("explorer.split")), .init("matched", .string(words))])
            changes.append(Change(file: def.file, list: .deals, index: def.index, old: def.record, new: original))
            changes.append(Change(file: def.file, list: .deals, index: def.index + 1, old: nil, new: record))
        }
        return Edit("split \(deal) into \"\(newID)\"", changes)
    }
}
