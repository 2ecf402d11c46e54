import DealModel

/// What the current selection touches in the other panes: a deal marks its parties
/// and events; an event its deals and partners; a partner its deals and events.
struct Relations {
    var partners = Set<Int>()
    var deals = Set<Int>()
    var events = Set<Int>()

    init(_ state: AppState) {
        let c = state.catalog
        switch state.detailSubject?.record {
        case .partner(let p):
            deals = Set(c.dealsOfPartner[p])
            events = Set(c.eventsOfPartner[p])
        case .deal(let d):
            partners = Set(c.partnersOfDeal[d])
            events = Set(c.eventsOfDeal[d])
        case .event(let e):
            deals = Set(c.dealsOfEvent[e])
            partners = Set(c.partnersOfEvent[e])
        case nil:
            // An edge of the network: its deals and their parties.
            if case .deals(let list, _)? = state.detailSubject {
                deals = Set(list.prefix(10_000))
                for d in deals {
                    partners.formUnion(c.partnersOfDeal[d])
                    events.formUnion(c.eventsOfDeal[d])
                }
            }
        }
    }
}

/// What the Detail pane shows: a record, or the deals of an edge of the network.
enum DetailSubject: Equatable, Sendable {
    case record(RecordRef)
    case deals([Int], title: String)

    var record: RecordRef? {
        if case .record(let r) = self { return r }
        return nil
    }
}
