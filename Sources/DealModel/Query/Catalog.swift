import Dispatch

/// Everything loaded from one or more datasets, checked, anchored and indexed.
/// The explorer and the command line ask it every question they have.
///
/// Deals and events are stored by column (`DealTable`, `EventTable`) and every
/// one-to-many relation as two flat arrays (`IndexLists`): a million deals cost a
/// few dozen allocations, and reading a row assembles just that record.
public final class Catalog: Sendable {
    public let title: String?
    public let files: [String]
    public let documents: [SourceDocument]
    /// Partners by name.
    public let partners: [Partner]
    /// Deals in the order of their first event on the timeline, then as written.
    public let deals: DealTable
    /// Events in timeline order.
    public let events: EventTable

    let partnerIndex: [String: Int]
    let dealIndex: IDIndex
    let eventIndex: IDIndex
    /// For each partner, the deals it is a party to (ascending deal index).
    public let dealsOfPartner: IndexLists
    /// For each deal, the indices of its parties (each once).
    public let partnersOfDeal: IndexLists
    /// For each deal, its events in timeline order.
    public let eventsOfDeal: IndexLists
    /// For each event, its deals.
    public let dealsOfEvent: IndexLists
    /// For each event, its partners: named ones and the parties of its deals.
    public let partnersOfEvent: IndexLists
    /// For each partner, the events it takes part in, in timeline order.
    public let eventsOfPartner: IndexLists
    /// Earliest and latest day (yyyymmdd) each event can be, from its date or its order.
    let eventBounds: [DayBounds]
    /// Folded id, names, products and quotes of each partner. Deals and events keep no
    /// search copy: their ids and titles are matched where they are stored, party names
    /// through `partnerNames`, and quotes in the documents themselves.
    let partnerSearch: FoldedColumn
    /// Folded name and aliases of each partner.
    let partnerNames: FoldedColumn
    /// Read back from a snapshot rather than from the dataset.
    public let fromSnapshot: Bool
    /// Quotes by document, for the document view (gathered when first asked for).
    let documentQuotes = DocumentQuotesCache()
    /// The dataset file as it was just before it was read (one-file loads only).
    public let datasetKey = DatasetKeyBox()

    /// Builds a catalog from records (the loader's path and small catalogs).
    convenience init(title: String?, files: [String], documents: [SourceDocument], partners: [Partner], deals: [Deal], events: [Event]) {
        let partnerIndex = Dictionary(partners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let documentIndex = Dictionary(documents.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { a, _ in a })
        // Deals follow the timeline of their first event.
        var firstEvent: [String: Int] = [:]
        for (i, e) in events.enumerated() {
            for d in e.deals where firstEvent[d] == nil { firstEvent[d] = i }
        }
        let first = deals.map { firstEvent[$0.id] ?? Int.max }
        let order = deals.indices.sorted { a, b in first[a] != first[b] ? first[a] < first[b] : a < b }
        var dealTable = DealTable()
        for k in order { dealTable.append(deals[k], partnerPosition: { partnerIndex[$0] }, documents: documentIndex) }
        let dealPosition = Dictionary(order.enumerated().map { (deals[$1].id, $0) }, uniquingKeysWith: { a, _ in a })
        let eventPosition = Dictionary(events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var eventTable = EventTable()
        for e in events {
            let anchor: Int32 = e.order.map { $0.anchor == EventOrder.documentAnchor ? -2 : Int32(eventPosition[$0.anchor] ?? -1) } ?? -1
            eventTable.append(e, anchorPosition: anchor, dealPositions: e.deals.compactMap { dealPosition[$0] },
                              partnerPositions: e.partners.compactMap { partnerIndex[$0] }, documents: documentIndex)
        }
        self.init(title: title, files: files, documents: documents, partners: partners, deals: dealTable, events: eventTable)
    }

    /// Builds the indexes over filled tables.
    /// `idIndexes`: the deals' and events' id tables when already made (the fast
    /// loader has them from checking references).
    convenience init(title: String?, files: [String], documents: [SourceDocument], partners: [Partner], deals: DealTable, events: EventTable,
                     idIndexes: (deals: IDIndex, events: IDIndex)? = nil) {
        self.init(stored: Self.index(title: title, files: files, documents: documents, partners: partners, deals: deals, events: events,
                                     idIndexes: idIndexes))
    }

    /// Everything a catalog holds, as stored (and as a snapshot saves it).
    struct Stored {
        var title: String?
        var files: [String]
        var documents: [SourceDocument]
        var partners: [Partner]
        var deals: DealTable
        var events: EventTable
        var partnerIndex: [String: Int] = [:]
        var dealIndex: IDIndex
        var eventIndex: IDIndex
        var dealsOfPartner = IndexLists()
        var partnersOfDeal = IndexLists()
        var eventsOfDeal = IndexLists()
        var dealsOfEvent = IndexLists()
        var partnersOfEvent = IndexLists()
        var eventsOfPartner = IndexLists()
        var eventBounds: [DayBounds] = []
        var partnerSearch = FoldedColumn()
        var partnerNames = FoldedColumn()
        var fromSnapshot = false
    }

    init(stored s: Stored) {
        fromSnapshot = s.fromSnapshot
        title = s.title
        files = s.files
        documents = s.documents
        partners = s.partners
        // Tables give their records partner ids, deal ids and documents.
        var deals = s.deals
        deals.partnerIDs = s.partners.map(\.id)
        deals.documents = s.documents
        var events = s.events
        events.partnerIDs = deals.partnerIDs
        events.documents = s.documents
        events.dealIDs = deals
        self.deals = deals
        self.events = events
        partnerIndex = s.partnerIndex
        dealIndex = s.dealIndex
        eventIndex = s.eventIndex
        dealsOfPartner = s.dealsOfPartner
        partnersOfDeal = s.partnersOfDeal
        eventsOfDeal = s.eventsOfDeal
        dealsOfEvent = s.dealsOfEvent
        partnersOfEvent = s.partnersOfEvent
        eventsOfPartner = s.eventsOfPartner
        eventBounds = s.eventBounds
        partnerSearch = s.partnerSearch
        partnerNames = s.partnerNames
    }

    /// The catalog as stored, for a snapshot.
    var stored: Stored {
        var s = Stored(title: title, files: files, documents: documents, partners: partners, deals: deals, events: events,
                       dealIndex: dealIndex, eventIndex: eventIndex)
        s.partnerIndex = partnerIndex
        s.dealsOfPartner = dealsOfPartner
        s.partnersOfDeal = partnersOfDeal
        s.eventsOfDeal = eventsOfDeal
        s.dealsOfEvent = dealsOfEvent
        s.partnersOfEvent = partnersOfEvent
        s.eventsOfPartner = eventsOfPartner
        s.eventBounds = eventBounds
        s.partnerSearch = partnerSearch
        s.partnerNames = partnerNames
        return s
    }

    static func index(title: String?, files: [String], documents: [SourceDocument], partners: [Partner], deals: DealTable, events: EventTable,
                      idIndexes: (deals: IDIndex, events: IDIndex)? = nil) -> Stored {
        let partnerIDs = partners.map(\.id)
        var deals = deals
        deals.partnerIDs = partnerIDs
        deals.documents = documents
        var events = events
        events.partnerIDs = partnerIDs
        events.documents = documents
        events.dealIDs = deals
        // The relations on one core; the id tables, day bounds and search columns on
        // the other.
        nonisolated(unsafe) var relations = Relations()
        nonisolated(unsafe) var lookups: Lookups?
        let (d, e) = (deals, events)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                relations = Self.relations(partners: partners, deals: d, events: e)
            } else {
                lookups = Self.lookups(documents: documents, partners: partners, deals: d, events: e, idIndexes: idIndexes)
            }
        }
        let l = lookups!
        var out = Stored(title: title, files: files, documents: documents, partners: partners, deals: deals, events: events,
                         dealIndex: l.dealIndex, eventIndex: l.eventIndex)
        out.partnerIndex = l.partnerIndex
        out.partnersOfDeal = relations.partnersOfDeal
        out.dealsOfPartner = relations.dealsOfPartner
        out.dealsOfEvent = relations.dealsOfEvent
        out.partnersOfEvent = relations.partnersOfEvent
        out.eventsOfDeal = relations.eventsOfDeal
        out.eventsOfPartner = relations.eventsOfPartner
        out.eventBounds = l.eventBounds
        out.partnerSearch = l.partnerSearch
        out.partnerNames = l.partnerNames
        return out
    }

    /// Every one-to-many relation between partners, deals and events.
    struct Relations: Sendable {
        var partnersOfDeal = IndexLists()
        var dealsOfPartner = IndexLists()
        var dealsOfEvent = IndexLists()
        var partnersOfEvent = IndexLists()
        var eventsOfDeal = IndexLists()
        var eventsOfPartner = IndexLists()
    }

    static func relations(partners: [Partner], deals: DealTable, events: EventTable) -> Relations {
        var r = Relations()
        // Parties of each deal, each once; deals of each partner.
        var partnersOfDeal = IndexLists()
        var partnerDealPairs: [(list: Int32, item: Int32)] = []
        partnerDealPairs.reserveCapacity(deals.parties.items.count)
        var list: [Int32] = []
        // The last list each partner was put in: "already in this one?" in one step,
        // however many parties a deal or partners an event has.
        var lastList = [Int32](repeating: -1, count: partners.count)
        for d in 0..<deals.count {
            list.removeAll(keepingCapacity: true)
            for p in deals.parties[d] where p >= 0 && lastList[p] != Int32(d) {
                lastList[p] = Int32(d)
                list.append(Int32(p))
                partnerDealPairs.append((Int32(p), Int32(d)))
            }
            partnersOfDeal.append(int32: list)
        }
        r.partnersOfDeal = partnersOfDeal
        r.dealsOfPartner = IndexLists(count: partners.count, pairs: partnerDealPairs)
        partnerDealPairs = []

        // Deals of each event (sorted), events of each deal (timeline order), partners
        // of each event (named ones and its deals' parties, sorted, once each).
        var dealsOfEvent = IndexLists()
        var partnersOfEvent = IndexLists()
        var dealEventPairs: [(list: Int32, item: Int32)] = []
        dealEventPairs.reserveCapacity(events.deals.items.count)
        var ds: [Int32] = []
        lastList = [Int32](repeating: -1, count: partners.count)
        for e in 0..<events.count {
            ds.removeAll(keepingCapacity: true)
            list.removeAll(keepingCapacity: true)
            for p in events.partners[e] where lastList[p] != Int32(e) { lastList[p] = Int32(e); list.append(Int32(p)) }
            for d in events.deals[e] {
                ds.append(Int32(d))
                dealEventPairs.append((Int32(d), Int32(e)))
                for p in partnersOfDeal[d] where lastList[p] != Int32(e) { lastList[p] = Int32(e); list.append(Int32(p)) }
            }
            ds.sort()
            list.sort()
            dealsOfEvent.append(int32: ds)
            partnersOfEvent.append(int32: list)
        }
        r.dealsOfEvent = dealsOfEvent
        r.partnersOfEvent = partnersOfEvent
        r.eventsOfDeal = IndexLists(count: deals.count, pairs: dealEventPairs)
        dealEventPairs = []
        var partnerEventPairs: [(list: Int32, item: Int32)] = []
        partnerEventPairs.reserveCapacity(partnersOfEvent.items.count)
        for e in 0..<events.count { for p in partnersOfEvent[e] { partnerEventPairs.append((Int32(p), Int32(e))) } }
        r.eventsOfPartner = IndexLists(count: partners.count, pairs: partnerEventPairs)
        partnerEventPairs = []

        return r
    }

    /// Id tables, day bounds and the partners' search columns.
    struct Lookups: Sendable {
        var dealIndex: IDIndex
        var eventIndex: IDIndex
        var partnerIndex: [String: Int]
        var eventBounds: [DayBounds] = []
        var partnerSearch = FoldedColumn()
        var partnerNames = FoldedColumn()
    }

    static func lookups(documents: [SourceDocument], partners: [Partner], deals: DealTable, events: EventTable,
                        idIndexes: (deals: IDIndex, events: IDIndex)? = nil) -> Lookups {
        var r = Lookups(dealIndex: idIndexes?.deals ?? IDIndex(deals.ids), eventIndex: idIndexes?.events ?? IDIndex(events.ids),
                        partnerIndex: Dictionary(partners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }))
        // An undated event is bounded through its document's date: the document of its
        // first quote.
        let documentDates = documents.map(\.date)
        r.eventBounds = DayBounds.infer(count: events.count, date: { events.date($0) }, link: { events.orderLink($0) }, documentDate: { e in
            let quotes = events.anchors.range(e)
            let d = quotes.isEmpty ? 0 : Int(events.anchors.anchors[quotes.lowerBound].document)
            return d < documentDates.count ? documentDates[d] : nil
        })

        // Deals and events are found by their parties' names and aliases, not by the
        // parties' products: "chatgpt" finds the ChatGPT deal, not every OpenAI deal.
        func quotes(_ evidence: [Evidence]) -> String { evidence.map { String($0.matchedText) }.joined(separator: " ") }
        var partnerSearch = FoldedColumn()
        var partnerNames = FoldedColumn()
        for p in partners {
            partnerSearch.append(p.id, p.allNames.joined(separator: " "), quotes(p.evidence), quotes(p.products.flatMap(\.evidence)))
            partnerNames.append(([p.name] + p.aliases).joined(separator: " "))
        }
        r.partnerSearch = partnerSearch
        r.partnerNames = partnerNames
        return r
    }

    /// A catalog with nothing in it: what the explorer shows while data loads.
    public static let empty = Catalog(title: nil, files: [], documents: [], partners: [], deals: [Deal](), events: [Event]())

    public func partnerIndex(id: String) -> Int? { partnerIndex[id] }
    public func dealIndex(id: String) -> Int? { dealIndex.find(id, in: deals.ids) }
    public func eventIndex(id: String) -> Int? { eventIndex.find(id, in: events.ids) }

    public func partner(id: String) -> Partner? { partnerIndex[id].map { partners[$0] } }
    public func deal(id: String) -> Deal? { dealIndex(id: id).map { deals[$0] } }
    public func event(id: String) -> Event? { eventIndex(id: id).map { events[$0] } }

    /// The name of a partner id, or the id itself if unknown.
    public func name(ofPartner id: String) -> String { partner(id: id)?.name ?? id }

    /// Every partner a partner has a deal with, by name. In a deal whose parties play
    /// different roles, parties in the same role are co-parties, not counterparties:
    /// three funders of one round are each a counterparty of the recipient, not of
    /// each other.
    public func counterparties(of partner: Int) -> [Int] {
        // Read from the columns: a partner in a hundred thousand deals, or a deal with
        // two million parties, assembles no records.
        var result = Set<Int>()
        for d in dealsOfPartner[partner] {
            let positions = deals.partyPositions(d)
            var roles = Set<UInt16>()
            var mine = Set<UInt16>()
            for k in positions {
                let role = deals.partyRoles[k]
                roles.insert(role)
                if Int(deals.parties.items[k]) == partner { mine.insert(role) }
            }
            for k in positions {
                let p = Int(deals.parties.items[k])
                guard p != partner, p >= 0 else { continue }
                if roles.count > 1 && mine.contains(deals.partyRoles[k]) { continue }
                result.insert(p)
            }
        }
        return result.sorted()
    }

    /// The evidence of any record, by id.
    public func record(id: String) -> RecordRef? {
        if let i = partnerIndex[id] { return .partner(i) }
        if let i = dealIndex(id: id) { return .deal(i) }
        if let i = eventIndex(id: id) { return .event(i) }
        return nil
    }

    public var allIDs: [String] { partners.map(\.id) + (0..<deals.count).map(deals.id) + (0..<events.count).map(events.id) }

    /// The evidence of a record (a partner's includes its products').
    public func evidence(of record: RecordRef) -> [Evidence] {
        switch record {
        case .partner(let p): partners[p].evidence + partners[p].products.flatMap(\.evidence)
        case .deal(let d): deals.anchors.evidence(d, documents: documents)
        case .event(let e): events.anchors.evidence(e, documents: documents)
        }
    }

    /// Where an undated event's `order` puts it, in words: "after “October 2025
    /// update”". One without an order is placed where the document itself stands (at
    /// its date, or after every dated event), and is said to be in those words: it is
    /// often listed last, where "before the document" read as a contradiction.
    public func orderDescription(_ order: EventOrder?) -> String {
        guard let o = order else {
            let place = documents.first?.date.map { "at the document's own date, \($0.display)" } ?? "after the dated events, where the document itself stands"
            return "the document does not say what it came before or after: it is placed \(place)"
        }
        let target = o.anchor == EventOrder.documentAnchor ? "the document" : "“" + (event(id: o.anchor)?.title ?? o.anchor) + "”"
        switch o.relation {
        case .before: return "before \(target)"
        case .with: return "at the same time as \(target)"
        case .after: return "after \(target)"
        }
    }
}

/// A record of any of the three kinds.
public enum RecordRef: Hashable, Sendable {
    case partner(Int), deal(Int), event(Int)
}
