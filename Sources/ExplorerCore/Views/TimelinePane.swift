import DealModel

/// Events in timeline order. Undated events say so, with how the order rule placed
/// them: ↱ before, ≡ at the same time as, ↳ after the event named in Detail.
enum TimelinePane {
    static func row(_ i: Int, _ state: AppState, relations: Relations) -> ListRow {
        let e = state.visibleEvents[i]
        let event = state.catalog.events.event(e, listLimit: 0)
        let related = relations.events.contains(e)
        return ListRow(cells: [when(event), event.title], marker: related ? "•" : " ", markerRole: .related,
                       cellRoles: [event.date == nil ? .muted : nil, nil])
    }

    static func when(_ e: Event) -> String {
        if let d = e.date { return d.display }
        guard let o = e.order, o.anchor != EventOrder.documentAnchor else { return "undated" }
        switch o.relation {
        case .before: return "undated ↱"
        case .with: return "undated ≡"
        case .after: return "undated ↳"
        }
    }

    static let columns = [ListColumn(header: "WHEN", width: 11), ListColumn(header: "EVENT", width: nil)]
}
