/// Links between records, as the files write them: a deal in an event's `deals`, a
/// partner among a deal's `parties`, a partner in an event's `partners`.
extension EditSession {
    /// Two records that can be linked, whichever order they were given in: the record
    /// whose list holds the link, and the record it names.
    struct LinkPair {
        let holder: RecordKey
        let named: RecordKey

        init(_ a: RecordKey, _ b: RecordKey) throws(EditRefusal) {
            switch (a.list, b.list) {
            case (.events, .deals), (.events, .partners), (.deals, .partners): (holder, named) = (a, b)
            case (.deals, .events), (.partners, .events), (.partners, .deals): (holder, named) = (b, a)
            case (.partners, .partners):
                throw EditRefusal("two partners cannot be linked: link a partner with a deal (as a party) or with an event; merge them if they are one company")
            case (.deals, .deals):
                throw EditRefusal("two deals cannot be linked: link a deal with a partner or an event (a deal that changes another names it in \"amends\"); merge them if they are one deal")
            case (.events, .events):
                throw EditRefusal("two events cannot be linked: link an event with a deal or a partner (its \"order\" places it by another event); merge them if they are one event")
            }
        }

        /// The field of the holder that names the other record.
        var field: String { holder.list == .deals ? "parties" : named.list.rawValue }

        /// Whether a definition of the holder names the other record.
        func names(_ record: JSONTree) -> Bool {
            let items = record[field]?.items ?? []
            return field == "parties" ? items.contains { $0["partner"]?.string == named.id } : items.contains(.string(named.id))
        }
    }

    public func areLinked(_ a: RecordKey, _ b: RecordKey) -> Bool {
        guard let pair = try? LinkPair(a, b) else { return false }
        return linked(pair) != nil
    }

    /// How the catalog links a pair: by a written link, or (a partner and an event)
    /// through a deal of the event the partner is a party of.
    enum Linked: Equatable {
        case written
        case through(deal: String)
    }

    func linked(_ pair: LinkPair) -> Linked? {
        let c = catalog
        switch (pair.holder.list, pair.named.list) {
        case (.deals, _):
            guard let d = c.dealIndex(id: pair.holder.id), let p = c.partnerIndex(id: pair.named.id) else { return nil }
            return c.partnersOfDeal[d].contains(p) ? .written : nil
        case (_, .deals):
            guard let e = c.eventIndex(id: pair.holder.id), let d = c.dealIndex(id: pair.named.id) else { return nil }
            return c.dealsOfEvent[e].contains(d) ? .written : nil
        default:
            guard let e = c.eventIndex(id: pair.holder.id), let p = c.partnerIndex(id: pair.named.id) else { return nil }
            if c.events[e].partners.contains(pair.named.id) { return .written }
            return c.dealsOfEvent[e].first { c.partnersOfDeal[$0].contains(p) }.map { .through(deal: c.deals.id($0)) }
        }
    }

    public func link(_ a: RecordKey, _ b: RecordKey) throws(EditRefusal) -> Edit {
        let pair = try LinkPair(a, b)
        let holders = definitions(of: pair.holder)
        guard !holders.isEmpty else { throw EditRefusal("no \(pair.holder)") }
        guard !definitions(of: pair.named).isEmpty else { throw EditRefusal("no \(pair.named)") }
        switch linked(pair) {
        case .through(let deal)?:
            throw EditRefusal("\(pair.named) already takes part in \(pair.holder) as a party of its deal \"\(deal)\": nothing to link")
        case .written?: throw EditRefusal("\(a) and \(b) are already linked: unlink them to remove the link")
        case nil: break
        }
        // Written where the file also defines the other record, so that the file reads alone.
        let named = Set(definitions(of: pair.named).map(\.file))
        let d = holders.first { named.contains($0.file) } ?? holders[0]
        var new = d.record
        let item: JSONTree = pair.field == "parties" ? .object([.init("partner", .string(pair.named.id))]) : .string(pair.named.id)
        new[pair.field] = .array((d.record[pair.field]?.items ?? []) + [item])
        return Edit("link \(a) and \(b)", [Change(file: d.file, list: pair.holder.list, index: d.index, old: d.record, new: new)])
    }

    public func unlink(_ a: RecordKey, _ b: RecordKey) throws(EditRefusal) -> Edit {
        let pair = try LinkPair(a, b)
        let holders = definitions(of: pair.holder).filter { pair.names($0.record) }
        guard !holders.isEmpty else {
            if case .through(let deal)? = linked(pair) {
                throw EditRefusal("\(pair.named) takes part in \(pair.holder) as a party of its deal \"\(deal)\": unlink \(pair.named) and deal \"\(deal)\", or deal \"\(deal)\" and \(pair.holder)")
            }
            throw EditRefusal("\(a) and \(b) are not linked")
        }
        let changes = holders.map { d in
            var new = d.record
            if pair.field == "parties" {
                Self.removeParty(pair.named.id, from: &new, owners: catalog)
            } else {
                new[strings: pair.field] = new[strings: pair.field].filter { $0 != pair.named.id }
            }
            return Change(file: d.file, list: pair.holder.list, index: d.index, old: d.record, new: new)
        }
        return Edit("unlink \(a) and \(b)", changes)
    }

    /// A partner leaving a deal (one definition of it): its party, its share of
    /// `value.sharedBy`, and the deal's products that only it owned. A last party
    /// leaves an empty list, which the loader refuses with its own message.
    static func removeParty(_ partner: String, from deal: inout JSONTree, owners: Catalog) {
        let parties = (deal["parties"]?.items ?? []).filter { $0["partner"]?.string != partner }
        deal["parties"] = .array(parties)
        deal.changeSharedBy { $0.filter { $0 != partner } }
        let owned = Set(parties.compactMap { $0["partner"]?.string }.flatMap { owners.partner(id: $0)?.products.map { TextFolding.fold($0.name) } ?? [] })
        deal[strings: "products"] = deal[strings: "products"].filter { owned.contains(TextFolding.fold($0)) }
    }
}
