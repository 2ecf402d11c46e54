import DealModel

/// What the current selection touches in the other panes: a deal marks its parties
/// and events; an event its deals and partners; a partner its deals and events.
struct Relations {
    var partners = Set<Int>()
    var deals = Set<Int>()
    var events = Set<Int>()

    init(_ state: AppState) {
        let c = state.catalog
        switch state.detailRecord {
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
            break
        }
    }
}
