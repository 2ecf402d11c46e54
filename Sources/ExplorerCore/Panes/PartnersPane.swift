import DealModel

/// Partners with the number of deals each has under the current filter; Enter
/// puts the partner in the filter or takes it out. By name, or sorted by count.
enum PartnersPane {
    static let spec = PaneSpec(
        title: "Partners",
        info: { s in (s.filter.isEmpty ? "\(s.catalog.partners.count)" : "\(s.filter.count)✓ \(s.catalog.partners.count)") + SortProgress.text(s, .partners) },
        content: .list(ListContent(
            // Narrow panes give the names the room: the count column shrinks to "#".
            columns: [ListColumn(header: "PARTNER", width: nil, sort: PartnerSortColumn.name.rawValue),
                      ListColumn(header: "DEALS", width: 6, alignRight: true, narrow: (below: 20, header: "#", width: 3),
                                 sort: PartnerSortColumn.deals.rawValue, largestFirst: true)],
            rowCount: { $0.catalog.partners.count },
            row: row,
            record: { s, i in .partner(s.partner(atRow: i)) },
            rowOf: { s, r in if case .partner(let p) = r { s.row(ofPartner: p) } else { nil } },
            matcher: { s, needle in
                let c = s.catalog, order = s.partnerOrder
                return { c.partnerMatches(order?[$0] ?? $0, needle) }
            },
            activate: { $0.toggleFilter() },
            sorting: ListSorting(
                rows: { s in s.partnerOrder ?? Array(s.catalog.partners.indices) },
                order: { s, column in s.catalog.partnerOrder(PartnerSortColumn(rawValue: column) ?? .name, dealCounts: s.partnerDealCounts) },
                // By name is the catalog's own order: no list of positions is kept.
                apply: { s, rows, sort in s.partnerOrder = sort == nil || sort == byName ? nil : rows }))))

    static let byName = PaneSort(column: PartnerSortColumn.name.rawValue, descending: false)

    static func row(_ state: AppState, relations: Relations, _ i: Int) -> ListRow {
        let index = state.partner(atRow: i)
        let p = state.catalog.partners[index]
        let count = state.partnerDealCounts[index]
        let inFilter = state.filter.contains(p.id)
        let related = relations.partners.contains(index)
        return ListRow(cells: [p.name, String(count)], marker: inFilter ? "✓" : (related ? "•" : " "),
                       markerRole: inFilter ? .filtered : .related, role: count == 0 && !inFilter ? .muted : .normal)
    }
}

extension AppState {
    /// The partner on a row of the Partners pane, and the row of a partner.
    func partner(atRow row: Int) -> Int { partnerOrder?[row] ?? row }
    func row(ofPartner p: Int) -> Int { partnerOrder?.firstIndex(of: p) ?? p }
}
