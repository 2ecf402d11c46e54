import DealModel

/// Partners with the number of deals each has under the current filter; Enter
/// puts the partner in the filter or takes it out.
enum PartnersPane {
    static let spec = PaneSpec(
        title: "Partners",
        info: { s in s.filter.isEmpty ? "\(s.catalog.partners.count)" : "\(s.filter.count)✓ \(s.catalog.partners.count)" },
        content: .list(ListContent(
            // Narrow panes give the names the room: the count column shrinks to "#".
            columns: [ListColumn(header: "PARTNER", width: nil),
                      ListColumn(header: "DEALS", width: 5, alignRight: true, narrow: (below: 20, header: "#", width: 3))],
            rowCount: { $0.catalog.partners.count },
            row: row,
            record: { _, i in .partner(i) },
            rowOf: { _, r in if case .partner(let p) = r { p } else { nil } },
            matcher: { s, needle in
                let c = s.catalog
                return { c.partnerMatches($0, needle) }
            },
            activate: { $0.toggleFilter() })))

    static func row(_ state: AppState, relations: Relations, _ i: Int) -> ListRow {
        let p = state.catalog.partners[i]
        let count = state.partnerDealCounts[i]
        let inFilter = state.filter.contains(p.id)
        let related = relations.partners.contains(i)
        return ListRow(cells: [p.name, String(count)], marker: inFilter ? "✓" : (related ? "•" : " "),
                       markerRole: inFilter ? .filtered : .related, role: count == 0 && !inFilter ? .muted : .normal)
    }
}
