import DealModel

/// Events in timeline order. Undated events say so, with how the order rule placed
/// them: ↱ before, ≡ at the same time as, ↳ after the event named in Detail. Enter
/// focuses Detail.
enum TimelinePane {
    static let spec = PaneSpec(
        title: "Timeline",
        info: { s in "\(s.visibleEvents.count)/\(s.catalog.events.count)" },
        content: .list(ListContent(
            // WHEN is as wide as the widest date or "undated ↱" the data holds.
            columns: [ListColumn(header: "WHEN", width: 11, fit: { $0.eventWhenWidth }), ListColumn(header: "EVENT", width: nil)],
            rowCount: { $0.visibleEvents.count },
            row: row,
            record: { s, i in .event(s.visibleEvents[i]) },
            rowOf: { s, r in if case .event(let e) = r { s.visibleEvents.firstIndex(of: e) } else { nil } },
            matcher: { s, needle in
                let c = s.catalog, events = s.visibleEvents
                return { c.eventMatches(events[$0], needle) }
            },
            activate: { $0.setFocus(.detail) })))

    static func row(_ state: AppState, relations: Relations, _ i: Int) -> ListRow {
        let e = state.visibleEvents[i]
        let event = state.catalog.events.event(e, listLimit: 0)
        let related = relations.events.contains(e)
        return ListRow(cells: [when(event), event.title], marker: related ? "•" : " ", markerRole: .related,
                       cellRoles: [event.date == nil ? .muted : nil, nil])
    }

    /// The widest text of the WHEN column for the catalog's events.
    static func widestWhen(_ c: Catalog) -> Int {
        var widest = DealsPane.widest(count: c.events.count, header: "WHEN") { c.events.date($0) }
        for e in 0..<c.events.count where c.events.date(e) == nil {
            widest = max(widest, c.events.order(e).map { $0.anchor == EventOrder.documentAnchor ? 7 : 9 } ?? 7)
            if widest >= 9 { break }
        }
        return widest
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
}
