import DealModel

/// Partners with the number of deals each has under the current filter.
enum PartnersPane {
    static func row(_ i: Int, _ state: AppState, relations: Relations) -> ListRow {
            let p = state.catalog.partners[i]
            let count = state.partnerDealCounts[i]
            let inFilter = state.filter.contains(p.id)
            let related = relations.partners.contains(i)
            return ListRow(cells: [p.name, String(count)], marker: inFilter ? "✓" : (related ? "•" : " "),
                           markerRole: inFilter ? .filtered : .related, role: count == 0 && !inFilter ? .muted : .normal)
    }

    static let columns = [ListColumn(header: "PARTNER", width: nil), ListColumn(header: "DEALS", width: 5, alignRight: true)]
    static let narrowColumns = [ListColumn(header: "PARTNER", width: nil), ListColumn(header: "#", width: 3, alignRight: true)]

    /// Narrow panes give the names the room: the count column shrinks to "#".
    static func columns(width: Int) -> [ListColumn] { width < 20 ? narrowColumns : columns }
}
