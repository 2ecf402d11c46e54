/// The catalog's events, stored by column, in timeline order. Reading `events[i]`
/// assembles one `Event`.
public struct EventTable: RandomAccessCollection, Sendable {
    var ids = StringColumn()
    var titles = StringColumn()
    var dates: [UInt32] = []
    /// 0: no order; 1, 2, 3: before, with, after.
    var orderRelations: [UInt8] = []
    /// Event position the order refers to; -2 for the document, -1 for none.
    var orderAnchors: [Int32] = []
    /// Deals named by each event (catalog deal positions, as written).
    var deals = IndexLists()
    /// Partners named by each event (catalog partner positions, as written).
    var partners = IndexLists()
    /// Note and draft mark: few events have them.
    var rare = RareColumns<EventField>()
    var anchors = AnchorLists()
    var origins = OriginColumn()
    var dealIDs: DealTable? = nil
    var partnerIDs: [String] = []
    var documents: [SourceDocument] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { dates.count }

    static let relations: [EventOrder.Relation] = [.before, .with, .after]

    public subscript(i: Int) -> Event { event(i, listLimit: Int.max) }

    /// The event with at most `listLimit` of its deals and of its partners.
    public func event(_ i: Int, listLimit: Int) -> Event {
        Event(id: ids[i], title: titles[i], date: PackedDate.unpack(dates[i]), order: order(i),
              deals: deals[i].prefix(listLimit).map { dealIDs?.id($0) ?? "" }, partners: partners[i].prefix(listLimit).map { partnerIDs[$0] },
              evidence: anchors.evidence(i, documents: documents), plain: rare.fields(i), origins: origins.all(i))
    }

    public func id(_ i: Int) -> String { ids[i] }
    public func title(_ i: Int) -> String { titles[i] }
    public func date(_ i: Int) -> PartialDate? { PackedDate.unpack(dates[i]) }
    /// Where the record was first defined.
    public func origin(_ i: Int) -> SourceLocation { origins[i] }

    public func order(_ i: Int) -> EventOrder? {
        let r = Int(orderRelations[i])
        guard r > 0 else { return nil }
        let a = Int(orderAnchors[i])
        return EventOrder(relation: Self.relations[r - 1], anchor: a == -2 ? EventOrder.documentAnchor : a >= 0 ? ids[a] : "")
    }

    /// Relation and anchor position (nil: the document) of an event's order.
    func orderLink(_ i: Int) -> (EventOrder.Relation, Int?)? {
        let r = Int(orderRelations[i])
        guard r > 0 else { return nil }
        let a = Int(orderAnchors[i])
        return (Self.relations[r - 1], a == -2 ? nil : a >= 0 ? a : -1)
    }

    mutating func append(_ e: Event, anchorPosition: Int32, dealPositions: [Int], partnerPositions: [Int], documents: [ObjectIdentifier: Int]) {
        let i = dates.count
        ids.append(e.id)
        titles.append(e.title)
        dates.append(PackedDate.pack(e.date))
        if let o = e.order {
            orderRelations.append(UInt8(Self.relations.firstIndex(of: o.relation)! + 1))
            orderAnchors.append(anchorPosition)
        } else {
            orderRelations.append(0)
            orderAnchors.append(-1)
        }
        deals.append(dealPositions)
        partners.append(partnerPositions)
        rare.set(i, e.plain)
        anchors.append(e.evidence, documents: documents)
        origins.append(e.origins)
    }

}
