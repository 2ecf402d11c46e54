/// Everything loaded from one or more datasets, checked, anchored and indexed.
/// The explorer and the command line ask it every question they have.
public final class Catalog: Sendable {
    public let title: String?
    public let files: [String]
    public let documents: [SourceDocument]
    /// Partners by name.
    public let partners: [Partner]
    /// Deals in the order of their first event on the timeline, then as written.
    public let deals: [Deal]
    /// Events in timeline order.
    public let events: [Event]

    let partnerIndex: [String: Int]
    let dealIndex: [String: Int]
    let eventIndex: [String: Int]
    /// For each partner, the deals it is a party to (ascending deal index).
    public let dealsOfPartner: [[Int]]
    /// For each deal, the indices of its parties (each once).
    public let partnersOfDeal: [[Int]]
    /// For each deal, its events in timeline order.
    public let eventsOfDeal: [[Int]]
    /// For each event, its deals.
    public let dealsOfEvent: [[Int]]
    /// For each event, its partners: named ones and the parties of its deals.
    public let partnersOfEvent: [[Int]]
    /// For each partner, the events it takes part in, in timeline order.
    public let eventsOfPartner: [[Int]]
    /// Earliest and latest day (yyyymmdd) each event can be, from its date or its order.
    let eventBounds: [DayBounds]
    let dealSearch: [FoldedText]
    let eventSearch: [FoldedText]
    let partnerSearch: [FoldedText]

    init(title: String?, files: [String], documents: [SourceDocument], partners: [Partner], deals: [Deal], events: [Event]) {
        self.title = title
        self.files = files
        self.documents = documents
        self.partners = partners
        self.events = events
        let partnerIndex = Dictionary(partners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let eventIndex = Dictionary(events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Deals follow the timeline of their first event.
        var firstEvent: [String: Int] = [:]
        for (i, e) in events.enumerated() {
            for d in e.deals where firstEvent[d] == nil { firstEvent[d] = i }
        }
        // Sort positions, not the records themselves (cheaper to move).
        let first = deals.map { firstEvent[$0.id] ?? Int.max }
        let orderedDeals = deals.indices.sorted { a, b in
            first[a] != first[b] ? first[a] < first[b] : a < b
        }.map { deals[$0] }
        self.deals = orderedDeals
        let dealIndex = Dictionary(orderedDeals.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.partnerIndex = partnerIndex
        self.dealIndex = dealIndex
        self.eventIndex = eventIndex

        var dealsOfPartner = [[Int]](repeating: [], count: partners.count)
        var partnersOfDeal = [[Int]](repeating: [], count: orderedDeals.count)
        for (d, deal) in orderedDeals.enumerated() {
            var seen = Set<Int>()
            for p in deal.partnerIDs {
                if let i = partnerIndex[p], seen.insert(i).inserted {
                    dealsOfPartner[i].append(d)
                    partnersOfDeal[d].append(i)
                }
            }
        }
        self.dealsOfPartner = dealsOfPartner
        self.partnersOfDeal = partnersOfDeal

        var eventsOfDeal = [[Int]](repeating: [], count: orderedDeals.count)
        var dealsOfEvent = [[Int]](repeating: [], count: events.count)
        var partnersOfEvent = [[Int]](repeating: [], count: events.count)
        for (e, event) in events.enumerated() {
            var ps = Set(event.partners.compactMap { partnerIndex[$0] })
            for id in event.deals {
                guard let d = dealIndex[id] else { continue }
                eventsOfDeal[d].append(e)
                dealsOfEvent[e].append(d)
                for p in orderedDeals[d].partnerIDs { if let i = partnerIndex[p] { ps.insert(i) } }
            }
            dealsOfEvent[e].sort()
            partnersOfEvent[e] = ps.sorted()
        }
        self.eventsOfDeal = eventsOfDeal
        self.dealsOfEvent = dealsOfEvent
        self.partnersOfEvent = partnersOfEvent
        var eventsOfPartner = [[Int]](repeating: [], count: partners.count)
        for (e, ps) in partnersOfEvent.enumerated() { for p in ps { eventsOfPartner[p].append(e) } }
        self.eventsOfPartner = eventsOfPartner
        let documentDate = documents.first?.date
        eventBounds = DayBounds.infer(events: events, index: eventIndex, documentDate: documentDate)

        // Deals and events are found by their parties' names and aliases, not by the
        // parties' products: "chatgpt" finds the ChatGPT deal, not every OpenAI deal.
        func names(_ ids: [Int]) -> String {
            ids.map { ([partners[$0].name] + partners[$0].aliases).joined(separator: " ") }.joined(separator: " ")
        }
        func quotes(_ evidence: [Evidence]) -> String { evidence.map { String($0.matchedText) }.joined(separator: " ") }
        partnerSearch = partners.map { p in
            FoldedText(whole: ([p.id, p.allNames.joined(separator: " "), quotes(p.evidence), quotes(p.products.flatMap(\.evidence))].joined(separator: "\n")))
        }
        dealSearch = orderedDeals.map { d in
            let ps = d.partnerIDs.compactMap { partnerIndex[$0] }
            return FoldedText(whole: ([d.id, d.title, d.kind.rawValue, d.products.joined(separator: " "), names(ps), d.note ?? "", quotes(d.evidence)].joined(separator: "\n")))
        }
        eventSearch = events.enumerated().map { e, event in
            FoldedText(whole: ([event.id, event.title, names(partnersOfEvent[e]), event.note ?? "", quotes(event.evidence)].joined(separator: "\n")))
        }
    }

    /// A catalog with nothing in it: what the explorer shows while data loads.
    public static let empty = Catalog(title: nil, files: [], documents: [], partners: [], deals: [], events: [])

    public func partnerIndex(id: String) -> Int? { partnerIndex[id] }
    public func dealIndex(id: String) -> Int? { dealIndex[id] }
    public func eventIndex(id: String) -> Int? { eventIndex[id] }

    public func partner(id: String) -> Partner? { partnerIndex[id].map { partners[$0] } }
    public func deal(id: String) -> Deal? { dealIndex[id].map { deals[$0] } }
    public func event(id: String) -> Event? { eventIndex[id].map { events[$0] } }

    /// The name of a partner id, or the id itself if unknown.
    public func name(ofPartner id: String) -> String { partner(id: id)?.name ?? id }

    /// Every partner a partner has a deal with, by name. In a deal whose parties play
    /// different roles, parties in the same role are co-parties, not counterparties:
    /// three funders of one round are each a counterparty of the recipient, not of
    /// each other.
    public func counterparties(of partner: Int) -> [Int] {
        let id = partners[partner].id
        var result = Set<Int>()
        for d in dealsOfPartner[partner] {
            let parties = deals[d].parties
            let roles = Set(parties.map { $0.role ?? "" })
            let mine = Set(parties.filter { $0.partner == id }.map { $0.role ?? "" })
            for p in parties where p.partner != id {
                if roles.count > 1 && mine.contains(p.role ?? "") { continue }
                if let i = partnerIndex[p.partner] { result.insert(i) }
            }
        }
        return result.sorted()
    }

    /// The evidence of any record, by id.
    public func record(id: String) -> RecordRef? {
        if let i = partnerIndex[id] { return .partner(i) }
        if let i = dealIndex[id] { return .deal(i) }
        if let i = eventIndex[id] { return .event(i) }
        return nil
    }

    public var allIDs: [String] { partners.map(\.id) + deals.map(\.id) + events.map(\.id) }

    /// The evidence of a record (a partner's includes its products').
    public func evidence(of record: RecordRef) -> [Evidence] {
        switch record {
        case .partner(let p): partners[p].evidence + partners[p].products.flatMap(\.evidence)
        case .deal(let d): deals[d].evidence
        case .event(let e): events[e].evidence
        }
    }

    /// Where an undated event's `order` puts it, in words: "after “October 2025
    /// update”", "before the document (no order given)".
    public func orderDescription(_ order: EventOrder?) -> String {
        guard let o = order else { return "before the document (no order given)" }
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
