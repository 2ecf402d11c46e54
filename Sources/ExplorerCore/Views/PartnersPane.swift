import DealModel

/// Partners with the number of deals each has under the current filter.
enum PartnersPane {
    static func rows(_ state: AppState, relations: Relations) -> [ListRow] {
        let c = state.catalog
        let visible = Set(state.visibleDeals)
        return c.partners.enumerated().map { i, p in
            let count = c.dealsOfPartner[i].filter(visible.contains).count
            let inFilter = state.filter.contains(p.id)
            var role: Role = .normal
            if relations.partners.contains(i) { role = .related }
            if count == 0 && !inFilter { role = .muted }
            return ListRow(cells: [p.name, String(count)], marker: inFilter ? "✓" : (relations.partners.contains(i) ? "•" : " "), role: role)
        }
    }

    static let columns = [ListColumn(header: "PARTNER", width: nil), ListColumn(header: "DEALS", width: 5, alignRight: true)]
}
