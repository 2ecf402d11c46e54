import DealModel

/// Events in timeline order. Undated events show where the order rule put them:
/// "  ↳ after", "  ≡ same", "  ↱ before", grouped under the event they hang on.
enum TimelinePane {
    static func row(_ i: Int, _ state: AppState, relations: Relations) -> ListRow {
        let e = state.visibleEvents[i]
        let event = state.catalog.events[e]
        let related = relations.events.contains(e)
        return ListRow(cells: [when(event), event.title], marker: related ? "•" : " ",
                       role: related ? .related : .normal, cellRoles: [event.date == nil ? .muted : nil, nil])
    }

    static func when(_ e: Event) -> String {
        if let d = e.date { return d.display }
        guard let o = e.order else { return "undated" }
        switch o.relation {
        case .before: return o.anchor == EventOrder.documentAnchor ? "undated" : "↱ before"
        case .with: return "≡ same time"
        case .after: return "↳ after"
        }
    }

    static let columns = [ListColumn(header: "WHEN", width: 11), ListColumn(header: "EVENT", width: nil)]
}
