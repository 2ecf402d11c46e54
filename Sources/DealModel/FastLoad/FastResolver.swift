import Dispatch

/// Turns a `FastDataset` into a `Catalog`: reads the documents, locates every quote,
/// resolves every reference and orders the timeline, checking what `CatalogBuilder`
/// checks and giving up (`FastPathExit`) at the first thing it would report, or, with
/// a `report`, gathering what it would report and leaving with the problems.
struct FastResolver {
    let file: String
    let directory: String
    var progress: ProgressMeter? = nil
    /// Where problems are gathered, and the file's bytes to place them.
    var report: (problems: FastReport, text: RecordText)? = nil

    /// Takes the dataset and the prepared documents, and lets go of each part (quotes,
    /// folded documents, columns as written) as soon as it is used.
    func build(_ dataset: consuming FastDataset, _ preparedDocuments: consuming [DocumentPrep.Prepared]) throws(FastPathExit) -> Catalog {
        var d = dataset
        var prepared = preparedDocuments
        let issues = report?.problems
        // What needs no quote's place (ids, parties, events' references) is checked on
        // the other core while the quotes are located: the matcher's tables are made
        // on one core, and the scan takes whichever core is free.
        let records = (partners: d.partners, deals: d.deals, events: d.events)
        let pending = BackgroundResult { () -> Result<References, FastPathExit> in
            Result { () throws(FastPathExit) in try Self.resolve(partners: records.partners, deals: records.deals, events: records.events, report: issues) }
        }
        progress?.phase("locating quotes", 0.5, until: 0.7)
        var anchors: [Anchor] = []
        do {
            try checkDocuments(d)
            anchors = try locateQuotes(d, prepared)
        } catch where error.reason != FastReport.enough {
            _ = pending.value()
            throw error
        } catch {}
        let documentDates = prepared.map(\.date)
        progress?.phase("checking references", 0.7)
        let resolved = pending.value()
        if let report, !report.problems.isEmpty {
            if case .failure(let exit) = resolved, exit.reason != FastReport.enough { throw exit }
            try Self.checkCycles(d.events, anchorOf: resolved, report: report.problems)
            // What placing and wording the problems needs is kept, the rest let go
            // first: there may be millions of them.
            d.quotes.needles = StringColumn()
            (d.deals.titles, d.events.titles) = (StringColumn(), StringColumn())
            d.deals.rare.setColumn(.note, [:])
            d.events.rare.setColumn(.note, [:])
            let documents = prepared.map { (id: $0.id, path: $0.path) }
            if !report.problems.needsParagraphs { prepared = [] }
            throw FastPathExit("problems found", problems: report.problems.problems(file: file, dataset: d, documents: documents, texts: prepared,
                                                                                   text: report.text))
        }
        d.quotes = FastQuotes()
        let refs = try resolved.get()
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
        progress?.phase("ordering the timeline", 0.8)
        nonisolated(unsafe) var partners: [Partner] = []
        nonisolated(unsafe) var documents: [SourceDocument] = []
        nonisolated(unsafe) var ordered: (timeline: [Int], dealOrder: [Int], dealPosition: [Int32], eventPosition: [Int32])?
        do {
            let fastPartners = d.partners, order = refs.partnerOrder, file = self.file, anchors = anchors, prepared = prepared
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

        progress?.phase("indexing", 0.9)
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

    /// A problem: noted in the report, or the fast path left at once.
    private static func problem(_ report: FastReport?, _ kind: FastReport.Kind, record: Int, item: Int = 0,
                                matches: FastReport.Matches? = nil, _ reason: String) throws(FastPathExit) {
        guard let report else { throw FastPathExit(reason) }
        try report.add(kind, record: record, item: item, matches: matches)
    }

    /// With every problem wanted, a cycle of `order` is left to the careful loader
    /// (which names its events) rather than reported without it.
    private static func checkCycles(_ events: FastEvents, anchorOf resolved: Result<References, FastPathExit>, report: FastReport) throws(FastPathExit) {
        guard report.limit > 1, case .success(let refs) = resolved else { return }
        let relations = EventTable.relations
        let cycle = TimelineOrder.sortPositions(
            count: events.count, date: { PackedDate.unpack(events.dates[$0]) },
            link: { e in
                let r = Int(events.orderRelations[e])
                guard r > 0 else { return nil }
                let a = Int(refs.anchorOf[e])
                return (relations[r - 1], a == -2 ? nil : a)
            },
            documentPosition: { $0 }, id: { events.ids[$0] }, document: { _ in 0 }, documentDates: [nil]) == nil
        if cycle { throw FastPathExit("order cycle") }
    }

    private static func resolve(partners fast: [FastPartner], deals: FastDeals, events: FastEvents, report: FastReport? = nil) throws(FastPathExit) -> References {
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
                                            partnerIndex: partnerIndex, partnerIDs: partnerIDs, dealIndex: dealIndex, report: report)

        // Each event's references (-1: unknown, reported).
        var eventDeals = [Int32](repeating: -1, count: events.dealIDs.count)
        var eventPartners = [Int32](repeating: -1, count: events.partnerIDs.count)
        for e in 0..<events.count {
            for k in Int(events.dealStarts[e])..<Int(events.dealStarts[e + 1]) {
                guard let p = events.dealIDs.withBytes(k, { dealIndex.find(bytes: $0, in: deals.ids) }) else {
                    try problem(report, .unknownEventDeal, record: e, item: k - Int(events.dealStarts[e]), "unknown deal")
                    continue
                }
                eventDeals[k] = Int32(p)
            }
            for k in Int(events.partnerStarts[e])..<Int(events.partnerStarts[e + 1]) {
                guard let p = events.partnerIDs.withBytes(k, { partnerIndex.find(bytes: $0, in: partnerIDs) }) else {
                    try problem(report, .unknownEventPartner, record: e, item: k - Int(events.partnerStarts[e]), "unknown partner")
                    continue
                }
                eventPartners[k] = Int32(p)
            }
        }
        // Each event's anchor (an unknown one places like the document, as it does on
        // the careful path; one that is the event itself is kept, a cycle).
        var anchorOf = [Int32](repeating: -1, count: events.count)
        let documentWord = Array(EventOrder.documentAnchor.utf8)
        for e in 0..<events.count where events.orderRelations[e] != 0 {
            let target: Int32? = events.orderAnchors.withBytes(e) { b in
                b.elementsEqual(documentWord) ? -2 : eventIndex.find(bytes: b, in: events.ids).map(Int32.init)
            }
            if target == Int32(e) { try problem(report, .orderedAgainstItself, record: e, "order anchor is the event") }
            if target == nil { try problem(report, .unknownOrderAnchor, record: e, "unknown order anchor") }
            anchorOf[e] = target ?? -2
        }
        return References(partnerOrder: order, partnerIndex: partnerIndex, dealIndex: dealIndex, eventIndex: eventIndex,
                          partyPositions: partyPositions, eventDeals: eventDeals, eventPartners: eventPartners, anchorOf: anchorOf)
    }

    /// Every deal's parties as catalog partner positions, checking each reference.
    /// `products(p)`: the product names of the partner at catalog position p.
    /// With a report, a party that is not known has position -1, and is compared by
    /// its id where the careful loader compares ids (listed twice, shared by).
    private static func checkDeals(_ deals: FastDeals, partnerCount: Int, products: (Int) -> [String], partnerIndex: IDIndex,
                                   partnerIDs: StringColumn, dealIndex: IDIndex, report: FastReport?) throws(FastPathExit) -> [Int32] {
        var partyPositions = [Int32](repeating: -1, count: deals.partyIDs.count)
        // The last deal each partner was seen in, to find a party listed twice at once.
        var lastDeal = [Int32](repeating: -1, count: partnerCount)
        for deal in 0..<deals.count {
            let parties = Int(deals.partyStarts[deal])..<Int(deals.partyStarts[deal + 1])
            for k in parties {
                guard let p = deals.partyIDs.withBytes(k, { partnerIndex.find(bytes: $0, in: partnerIDs) }) else {
                    try problem(report, .unknownParty, record: deal, item: k - parties.lowerBound, "unknown partner")
                    continue
                }
                partyPositions[k] = Int32(p)
            }
            for k in parties {
                let p = Int(partyPositions[k])
                let twice = p >= 0 ? lastDeal[p] == Int32(deal)
                    : (parties.lowerBound..<k).contains { j in partyPositions[j] < 0 && deals.partyIDs.withBytes(j) { deals.partyIDs.equals(k, $0) } }
                if twice { try problem(report, .partyTwice, record: deal, item: k - parties.lowerBound, "party listed twice") }
                if p >= 0 { lastDeal[p] = Int32(deal) }
            }
            let v = Int(deals.valueIndex[deal])
            if v >= 0 {
                for (j, s) in deals.amounts[v].sharedBy.enumerated() {
                    let party = partnerIndex.find(s, in: partnerIDs).map { lastDeal[$0] == Int32(deal) }
                        ?? parties.contains { k in var s = s; return s.withUTF8 { deals.partyIDs.equals(k, $0) } }
                    if !party { try problem(report, .sharedBy, record: deal, item: j, "sharedBy names a non-party") }
                }
            }
        }
        // The few deals naming products, or a deal they amend.
        for (deal, named) in deals.rare.column(.products) {
            let parties = Int(deals.partyStarts[deal])..<Int(deals.partyStarts[deal + 1])
            let owned = Set(parties.filter { partyPositions[$0] >= 0 }.flatMap { products(Int(partyPositions[$0])).map(TextFolding.fold) })
            for (j, product) in (named.texts ?? []).enumerated() where !owned.contains(TextFolding.fold(product)) {
                try problem(report, .productNotOwned, record: deal, item: j, "product not owned")
            }
        }
        for (deal, amends) in deals.rare.column(.amends) {
            guard let amends = amends.text else { throw FastPathExit("bad amends") }
            if amends == deals.ids[deal] {
                try problem(report, .amendsItself, record: deal, "a deal amends itself")
            } else if dealIndex.find(amends, in: deals.ids) == nil {
                try problem(report, .unknownAmends, record: deal, "unknown amended deal")
            }
        }
        return partyPositions
    }

    private func checkDocuments(_ d: FastDataset) throws(FastPathExit) {
        var ids: [String] = []
        for draft in d.documents {
            guard !ids.contains(draft.id) else { throw FastPathExit("document id used twice") }
            ids.append(draft.id)
        }
        let unknown = Set(d.quotes.documentNames.indices.filter { !ids.contains(d.quotes.documentNames[$0]) }.map(Int32.init))
        guard !unknown.isEmpty else { return }
        for i in 0..<d.quotes.count where unknown.contains(d.quotes.document(i)) {
            try Self.problem(report?.problems, .unknownDocument, record: i, "unknown document")
        }
    }

    /// Every quote located once in its document (or at its chosen occurrence).
    private func locateQuotes(_ d: FastDataset, _ prepared: [DocumentPrep.Prepared]) throws(FastPathExit) -> [Anchor] {
        let q = d.quotes
        let documents = prepared
        // (-1: a document the dataset does not define, reported already.)
        let named = q.documentNames.map { name in documents.firstIndex { $0.id == name } ?? -1 }
        let issues = report?.problems
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
            // The scan's progress, over every document's bytes.
            let before = documents[..<k].reduce(0) { $0 + $1.text.utf8.count }, all = documents.reduce(0) { $0 + $1.text.utf8.count }
            var scanned: (@Sendable (Int) -> Void)?
            if let progress { scanned = { progress.advance(before + $0, of: all) } }
            // Of each quote, the matches a problem would name or its occurrence picks.
            let keep: @Sendable (Int) -> Int = { [members] n in max(ProblemMessages.placesShown, Int(q.occurrence(members?[n] ?? n))) }
            try prepared[k].matcher.eachMatchList(of: needles, keep: keep, scanned: scanned) { (n: Int, matches: [Range<Int>], total: Int) throws(FastPathExit) in
                if anchors.isEmpty {
                    anchors = [Anchor](repeating: Anchor(document: 0, start: 0, end: 0), count: q.count)
                    found = [Bool](repeating: false, count: q.count)
                }
                let i = members?[n] ?? n
                found[i] = true
                // A quote naming a document the dataset does not define (reported).
                if q.document(i) >= 0 && named[Int(q.document(i))] < 0 { return }
                let occurrence = Int(q.occurrence(i))
                let chosen: Range<Int>
                if occurrence > 0 {
                    guard occurrence <= total else {
                        try Self.problem(issues, .occurrenceOutOfRange, record: i, matches: FastReport.Matches(count: total, starts: []), "occurrence out of range")
                        return
                    }
                    chosen = matches[occurrence - 1]
                } else {
                    guard total == 1 else {
                        let starts = matches.prefix(ProblemMessages.placesShown).map(\.lowerBound)
                        try Self.problem(issues, .quoteAmbiguous, record: i, matches: FastReport.Matches(count: total, starts: starts), "ambiguous quote")
                        return
                    }
                    chosen = matches[0]
                }
                anchors[i] = Anchor(document: UInt32(k), start: UInt32(chosen.lowerBound), end: UInt32(chosen.upperBound))
            }
        }
        if found.count != q.count { found = [Bool](repeating: false, count: q.count) }
        for i in 0..<q.count where !found[i] {
            // A quote naming a document the dataset does not define was reported.
            let document = q.document(i)
            if document >= 0 && named[Int(document)] < 0 { continue }
            try Self.problem(issues, .quoteNotFound, record: i, "quote not found")
        }
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
