import Dispatch

/// Turns a `FastDataset` into a `Catalog`: reads the documents, locates every quote,
/// resolves every reference and orders the timeline, checking what `CatalogBuilder`
/// checks and giving up (`FastPathExit`) at the first thing it would report.
struct FastResolver {
    let file: String
    let directory: String
    var progress: ProgressHandler? = nil

    /// Takes the dataset and the prepared documents, and lets go of each part (quotes,
    /// folded documents, columns as written) as soon as it is used.
    func build(_ dataset: consuming FastDataset, _ preparedDocuments: consuming [DocumentPrep.Prepared]) throws(FastPathExit) -> Catalog {
        var d = dataset
        let prepared = preparedDocuments
        try checkDocuments(d)
        // What needs no quote's place (ids, parties, events' references) is checked on
        // the other core while the quotes are located: the matcher's tables are made
        // on one core, and the scan takes whichever core is free.
        let records = (partners: d.partners, deals: d.deals, events: d.events)
        let pending = BackgroundResult { () -> Result<References, FastPathExit> in
            Result { () throws(FastPathExit) in try Self.resolve(partners: records.partners, deals: records.deals, events: records.events) }
        }
        progress?(LoadProgress(phase: "locating quotes", fraction: 0.5))
        var anchors: [Anchor]
        do {
            anchors = try locateQuotes(d, prepared)
        } catch {
            _ = pending.value()
            throw error
        }
        let documentDates = prepared.map(\.date)
        d.quotes = FastQuotes()
        progress?(LoadProgress(phase: "checking references", fraction: 0.7))
        let refs = try pending.value().get()
        // The columns as written are held here alone, so that each can be let go once
        // it is turned into the catalog's.
        var deals = d.deals
        d.deals = FastDeals()
        var events = d.events
        d.events = FastEvents()
        let (dealIndex, eventIndex) = (refs.dealIndex, refs.eventIndex)
        var partyPositions = refs.partyPositions
        let (eventDeals, eventPartners, anchorOf) = (refs.eventDeals, refs.eventPartners, refs.anchorOf)
        deals.partyIDs = StringColumn()
        events.dealIDs = StringColumn()
        events.partnerIDs = StringColumn()
        events.orderAnchors = StringColumn()

        // The documents split into paragraphs and sentences, and the partners with
        // their evidence, on one core; the timeline, and the deals' order that follows
        // from it, on the other.
        progress?(LoadProgress(phase: "ordering the timeline", fraction: 0.8))
        nonisolated(unsafe) var partners: [Partner] = []
        nonisolated(unsafe) var documents: [SourceDocument] = []
        nonisolated(unsafe) var ordered: (timeline: [Int], dealOrder: [Int], dealPosition: [Int32], eventPosition: [Int32])?
        do {
            let fastPartners = d.partners, order = refs.partnerOrder, file = self.file, anchors = anchors
            let deals = deals, events = events
            d.partners = []
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    documents = prepared.map { $0.document() }
                    let documents = documents
                    func evidence(_ r: Range<Int>) -> [Evidence] {
                        r.map { Evidence(document: documents[Int(anchors[$0].document)], utf8Range: Int(anchors[$0].start)..<Int(anchors[$0].end)) }
                    }
                    // Partners, by folded name then id.
                    partners = order.map { i in
                        let p = fastPartners[i]
                        return Partner(id: p.id, name: p.name,
                                       products: p.products.map { Product(name: $0.name, evidence: evidence($0.quotes), plain: $0.plain) },
                                       evidence: evidence(p.quotes), plain: p.plain,
                                       origins: [SourceLocation(file: file, line: p.line, column: p.column)])
                    }
                } else {
                    ordered = Self.order(deals: deals, events: events, eventDeals: eventDeals, anchorOf: anchorOf, anchors: anchors,
                                         documentDates: documentDates)
                }
            }
        }
        guard let (timeline, dealOrder, dealPosition, eventPosition) = ordered else { throw FastPathExit("order cycle") }

        progress?(LoadProgress(phase: "indexing", fraction: 0.9))
        // The two tables are made at once, one on each core; each part is written by
        // one thread only, and read here after both are done.
        nonisolated(unsafe) var dealTable = DealTable()
        nonisolated(unsafe) var eventTable = EventTable()
        nonisolated(unsafe) var dealIDs = dealIndex, eventIDs = eventIndex
        nonisolated(unsafe) var dealColumns = deals
        nonisolated(unsafe) var eventColumns = events
        deals = FastDeals()
        events = FastEvents()
        do {
            let file = self.file, dealPosition = dealPosition, partyPositions = partyPositions, anchors = anchors
            let eventPosition = eventPosition, eventDeals = eventDeals, eventPartners = eventPartners, anchorOf = anchorOf
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    dealTable = Self.dealTable(&dealColumns, order: dealOrder, position: dealPosition, parties: partyPositions, anchors: anchors, file: file)
                    // The id tables made to check references serve the catalog, renumbered.
                    dealIDs = dealIDs.renumbered(dealPosition)
                } else {
                    eventTable = Self.eventTable(&eventColumns, order: timeline, position: eventPosition, dealPosition: dealPosition,
                                                 deals: eventDeals, partners: eventPartners, anchorOf: anchorOf, anchors: anchors, file: file)
                    eventIDs = eventIDs.renumbered(eventPosition)
                }
            }
        }
        partyPositions = []
        anchors = []
        return Catalog(title: d.title, files: [file], documents: documents, partners: partners, deals: dealTable, events: eventTable,
                       idIndexes: (dealIDs, eventIDs))
    }

    /// The timeline (event positions in order; nil for a cycle of `order`), the deals'
    /// order (deals follow the timeline of their first event), and each one's new
    /// position.
    private static func order(deals: FastDeals, events: FastEvents, eventDeals: [Int32], anchorOf: [Int32], anchors: [Anchor],
                              documentDates: [PartialDate?]) -> (timeline: [Int], dealOrder: [Int], dealPosition: [Int32], eventPosition: [Int32])? {
        let relations = EventTable.relations
        let link: (Int) -> (EventOrder.Relation, Int?)? = { e in
            let r = Int(events.orderRelations[e])
            guard r > 0 else { return nil }
            let a = Int(anchorOf[e])
            return (relations[r - 1], a == -2 ? nil : a)
        }
        guard let timeline = TimelineOrder.sortPositions(
            count: events.count, date: { PackedDate.unpack(events.dates[$0]) }, link: link,
            documentPosition: { Int(anchors[Int(events.quoteStarts[$0])].start) },
            id: { events.ids[$0] }, document: { Int(anchors[Int(events.quoteStarts[$0])].document) }, documentDates: documentDates)
        else { return nil }
        var firstEvent = [Int](repeating: Int.max, count: deals.count)
        for (t, e) in timeline.enumerated() {
            for k in Int(events.dealStarts[e])..<Int(events.dealStarts[e + 1]) where firstEvent[Int(eventDeals[k])] == Int.max {
                firstEvent[Int(eventDeals[k])] = t
            }
        }
        let dealOrder = stableOrder(keys: firstEvent, limit: events.count)
        var dealPosition = [Int32](repeating: 0, count: deals.count)
        for (k, old) in dealOrder.enumerated() { dealPosition[old] = Int32(k) }
        var eventPosition = [Int32](repeating: 0, count: events.count)
        for (k, old) in timeline.enumerated() { eventPosition[old] = Int32(k) }
        return (timeline, dealOrder, dealPosition, eventPosition)
    }

    /// Positions sorted by key (Int.max last), equal keys in position order: a counting
    /// sort, as keys are timeline positions below `limit`.
    static func stableOrder(keys: [Int], limit: Int) -> [Int] {
        var starts = [Int](repeating: 0, count: limit + 2)
        for k in keys { starts[(k == Int.max ? limit : k) + 1] += 1 }
        for i in 0...limit { starts[i + 1] += starts[i] }
        var order = [Int](repeating: 0, count: keys.count)
        for (i, k) in keys.enumerated() {
            let slot = k == Int.max ? limit : k
            order[starts[slot]] = i
            starts[slot] += 1
        }
        return order
    }

    /// What is checked and resolved before the quotes are placed.
    struct References: Sendable {
        /// Partners as written, in the catalog's order (folded name, then id).
        var partnerOrder: [Int]
        var partnerIndex: IDIndex
        var dealIndex: IDIndex
        var eventIndex: IDIndex
        /// Each party of each deal as a catalog partner position.
        var partyPositions: [Int32]
        /// Events' deals and partners as positions, and each event's order anchor as
        /// a position as written (-2: the document; -1: none).
        var eventDeals: [Int32]
        var eventPartners: [Int32]
        var anchorOf: [Int32]
    }

    private static func resolve(partners fast: [FastPartner], deals: FastDeals, events: FastEvents) throws(FastPathExit) -> References {
        var seen = Set<String>()
        for p in fast { guard seen.insert(p.id).inserted else { throw FastPathExit("partner id used twice") } }
        seen = []
        let order = fast.indices.map { (key: TextFolding.fold(fast[$0].name), index: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : fast[$0.index].id < fast[$1.index].id }
            .map(\.index)
        var partnerIDs = StringColumn()
        for i in order { partnerIDs.append(fast[i].id) }
        let partnerIndex = IDIndex(partnerIDs)
        let dealIndex = IDIndex(deals.ids)
        guard dealIndex.duplicates == 0 else { throw FastPathExit("deal id used twice") }
        let eventIndex = IDIndex(events.ids)
        guard eventIndex.duplicates == 0 else { throw FastPathExit("event id used twice") }
        let partyPositions = try checkDeals(deals, partnerCount: fast.count, products: { fast[order[$0]].products.map(\.name) },
                                            partnerIndex: partnerIndex, partnerIDs: partnerIDs, dealIndex: dealIndex)

        var eventDeals = [Int32](repeating: 0, count: events.dealIDs.count)
        for k in 0..<events.dealIDs.count {
            guard let p = events.dealIDs.withBytes(k, { dealIndex.find(bytes: $0, in: deals.ids) }) else { throw FastPathExit("unknown deal") }
            eventDeals[k] = Int32(p)
        }
        var eventPartners = [Int32](repeating: 0, count: events.partnerIDs.count)
        for k in 0..<events.partnerIDs.count {
            guard let p = events.partnerIDs.withBytes(k, { partnerIndex.find(bytes: $0, in: partnerIDs) }) else { throw FastPathExit("unknown partner") }
            eventPartners[k] = Int32(p)
        }
        var anchorOf = [Int32](repeating: -1, count: events.count)
        let documentWord = Array(EventOrder.documentAnchor.utf8)
        for e in 0..<events.count where events.orderRelations[e] != 0 {
            let target: Int32? = events.orderAnchors.withBytes(e) { b in
                b.elementsEqual(documentWord) ? -2 : eventIndex.find(bytes: b, in: events.ids).map(Int32.init)
            }
            guard let target, target != Int32(e) else { throw FastPathExit("bad order anchor") }
            anchorOf[e] = target
        }
        return References(partnerOrder: order, partnerIndex: partnerIndex, dealIndex: dealIndex, eventIndex: eventIndex,
                          partyPositions: partyPositions, eventDeals: eventDeals, eventPartners: eventPartners, anchorOf: anchorOf)
    }

    /// Every deal's parties as catalog partner positions, checking each reference.
    /// `products(p)`: the product names of the partner at catalog position p.
    private static func checkDeals(_ deals: FastDeals, partnerCount: Int, products: (Int) -> [String], partnerIndex: IDIndex,
                                   partnerIDs: StringColumn, dealIndex: IDIndex) throws(FastPathExit) -> [Int32] {
        var partyPositions = [Int32](repeating: 0, count: deals.partyIDs.count)
        // The last deal each partner was seen in, to find a party listed twice at once.
        var lastDeal = [Int32](repeating: -1, count: partnerCount)
        for deal in 0..<deals.count {
            let parties = Int(deals.partyStarts[deal])..<Int(deals.partyStarts[deal + 1])
            for k in parties {
                guard let p = deals.partyIDs.withBytes(k, { partnerIndex.find(bytes: $0, in: partnerIDs) }) else { throw FastPathExit("unknown partner") }
                guard lastDeal[p] != Int32(deal) else { throw FastPathExit("party listed twice") }
                lastDeal[p] = Int32(deal)
                partyPositions[k] = Int32(p)
            }
            let v = Int(deals.valueIndex[deal])
            if v >= 0 {
                for s in deals.amounts[v].sharedBy {
                    guard let p = partnerIndex.find(s, in: partnerIDs), lastDeal[p] == Int32(deal) else { throw FastPathExit("sharedBy names a non-party") }
                }
            }
        }
        // The few deals naming products, or a deal they amend.
        for (deal, named) in deals.rare.column(.products) {
            let parties = Int(deals.partyStarts[deal])..<Int(deals.partyStarts[deal + 1])
            let owned = Set(parties.flatMap { products(Int(partyPositions[$0])).map(TextFolding.fold) })
            guard (named.texts ?? []).allSatisfy({ owned.contains(TextFolding.fold($0)) }) else { throw FastPathExit("product not owned") }
        }
        for (deal, amends) in deals.rare.column(.amends) {
            guard let amends = amends.text, amends != deals.ids[deal], dealIndex.find(amends, in: deals.ids) != nil else { throw FastPathExit("bad amends") }
        }
        return partyPositions
    }

    private func checkDocuments(_ d: FastDataset) throws(FastPathExit) {
        var ids: [String] = []
        for draft in d.documents {
            guard !ids.contains(draft.id) else { throw FastPathExit("document id used twice") }
            ids.append(draft.id)
        }
        for name in d.quotes.documentNames where !ids.contains(name) { throw FastPathExit("unknown document") }
    }

    /// Every quote located once in its document (or at its chosen occurrence).
    private func locateQuotes(_ d: FastDataset, _ prepared: [DocumentPrep.Prepared]) throws(FastPathExit) -> [Anchor] {
        let q = d.quotes
        let documents = prepared
        let named = q.documentNames.map { name in documents.firstIndex { $0.id == name }! }
        // Made when the first matches arrive, once the matcher's tables are let go.
        var anchors: [Anchor] = []
        var found: [Bool] = []
        for k in documents.indices {
            // The quotes of this document, as a column of their own unless all are.
            var members: [Int]? = nil
            var needles = q.needles
            if documents.count > 1 {
                let mine = (0..<q.count).filter { (q.document($0) < 0 ? 0 : named[Int(q.document($0))]) == k }
                needles = StringColumn()
                for i in mine { q.needles.withBytes(i) { needles.append(bytes: $0) } }
                members = mine
            }
            try prepared[k].matcher.eachMatchList(of: needles) { (n: Int, matches: [Range<Int>]) throws(FastPathExit) in
                if anchors.isEmpty {
                    anchors = [Anchor](repeating: Anchor(document: 0, start: 0, end: 0), count: q.count)
                    found = [Bool](repeating: false, count: q.count)
                }
                let i = members?[n] ?? n
                let occurrence = Int(q.occurrence(i))
                let chosen: Range<Int>
                if occurrence > 0 {
                    guard occurrence <= matches.count else { throw FastPathExit("occurrence out of range") }
                    chosen = matches[occurrence - 1]
                } else {
                    guard matches.count == 1 else { throw FastPathExit("ambiguous quote") }
                    chosen = matches[0]
                }
                anchors[i] = Anchor(document: UInt32(k), start: UInt32(chosen.lowerBound), end: UInt32(chosen.upperBound))
                found[i] = true
            }
        }
        guard found.count == q.count, !found.contains(false) else { throw FastPathExit("quote not found") }
        return anchors
    }

    private static func anchorLists(_ starts: [UInt32], order: [Int], anchors: [Anchor]) -> AnchorLists {
        var out: [Anchor] = []
        out.reserveCapacity(anchors.count)
        var ends: [UInt32] = [0]
        ends.reserveCapacity(order.count + 1)
        for old in order {
            out.append(contentsOf: anchors[Int(starts[old])..<Int(starts[old + 1])])
            ends.append(UInt32(out.count))
        }
        return AnchorLists(starts: ends, anchors: out)
    }

    /// The catalog's deal columns, in `order`; each column as written is let go once
    /// it is copied.
    private static func dealTable(_ deals: inout FastDeals, order: [Int], position: [Int32], parties: [Int32], anchors: [Anchor], file: String) -> DealTable {
        var t = DealTable()
        t.ids = deals.ids.permuted(order)
        deals.ids = StringColumn()
        t.titles = deals.titles.permuted(order)
        deals.titles = StringColumn()
        t.kinds = order.map { deals.kinds[$0] }
        t.statuses = order.map { deals.statuses[$0] }
        deals.kinds = []
        deals.statuses = []
        var starts: [UInt32] = [0], items: [Int32] = [], roles: [UInt16] = []
        starts.reserveCapacity(order.count + 1)
        items.reserveCapacity(parties.count)
        roles.reserveCapacity(parties.count)
        for old in order {
            let r = Int(deals.partyStarts[old])..<Int(deals.partyStarts[old + 1])
            items.append(contentsOf: parties[r])
            roles.append(contentsOf: deals.partyRoles[r])
            starts.append(UInt32(items.count))
        }
        t.parties = IndexLists(starts: starts, items: items)
        t.partyRoles = roles
        t.roles = deals.roles
        deals.partyRoles = []
        t.dates = order.map { deals.dates[$0] }
        deals.dates = []
        t.valueIndex = order.map { deals.valueIndex[$0] }
        deals.valueIndex = []
        t.amounts = deals.amounts
        t.rare = deals.rare.renumbered(position)
        t.anchors = anchorLists(deals.quoteStarts, order: order, anchors: anchors)
        t.origins = OriginColumn(file: file, lines: order.map { deals.lines[$0] }, columns: order.map { deals.columns[$0] })
        deals = FastDeals()
        return t
    }

    private static func eventTable(_ events: inout FastEvents, order: [Int], position: [Int32], dealPosition: [Int32],
                                   deals: [Int32], partners: [Int32], anchorOf: [Int32], anchors: [Anchor], file: String) -> EventTable {
        var t = EventTable()
        t.ids = events.ids.permuted(order)
        events.ids = StringColumn()
        t.titles = events.titles.permuted(order)
        events.titles = StringColumn()
        t.dates = order.map { events.dates[$0] }
        t.orderRelations = order.map { events.orderRelations[$0] }
        t.orderAnchors = order.map { let a = anchorOf[$0]; return a >= 0 ? position[Int(a)] : a }
        // Plain loops into reserved arrays (appending a lazy map per event goes
        // through the slow generic path).
        var dealStarts: [UInt32] = [0], dealItems: [Int32] = [], partnerStarts: [UInt32] = [0], partnerItems: [Int32] = []
        dealStarts.reserveCapacity(order.count + 1)
        partnerStarts.reserveCapacity(order.count + 1)
        dealItems.reserveCapacity(deals.count)
        partnerItems.reserveCapacity(partners.count)
        for old in order {
            for k in Int(events.dealStarts[old])..<Int(events.dealStarts[old + 1]) { dealItems.append(dealPosition[Int(deals[k])]) }
            dealStarts.append(UInt32(dealItems.count))
            for k in Int(events.partnerStarts[old])..<Int(events.partnerStarts[old + 1]) { partnerItems.append(partners[k]) }
            partnerStarts.append(UInt32(partnerItems.count))
        }
        t.deals = IndexLists(starts: dealStarts, items: dealItems)
        t.partners = IndexLists(starts: partnerStarts, items: partnerItems)
        t.rare = events.rare.renumbered(position)
        t.anchors = anchorLists(events.quoteStarts, order: order, anchors: anchors)
        t.origins = OriginColumn(file: file, lines: order.map { events.lines[$0] }, columns: order.map { events.columns[$0] })
        events = FastEvents()
        return t
    }
}
