import DealModel

/// Deals under the filter: date, kind, parties, value (≈ approximate, Σ shared), title.
enum DealsPane {
    static func rows(_ state: AppState, relations: Relations) -> [ListRow] {
        let c = state.catalog
        return state.visibleDeals.map { d in
            let deal = c.deals[d]
            let related = relations.deals.contains(d)
            return ListRow(cells: [date(c, d), deal.kind.label, parties(c, deal), value(deal.value), deal.title],
                           marker: related ? "•" : " ", role: related ? .related : .normal,
                           cellRoles: [.muted, nil, nil, .figure, nil])
        }
    }

    static func date(_ c: Catalog, _ d: Int) -> String {
        if let date = c.deals[d].date { return date.display }
        if let e = c.eventsOfDeal[d].first, let date = c.events[e].date { return date.display }
        return "—"
    }

    static func parties(_ c: Catalog, _ deal: Deal) -> String {
        deal.parties.map { c.name(ofPartner: $0.partner) }.joined(separator: "·")
    }

    /// "≈110bn$Σ": compact for the column; the Detail pane says it in words.
    static func value(_ a: Amount?) -> String {
        guard let a else { return "" }
        return a.display + (a.isShared ? " Σ" : "")
    }

    static func columns(width: Int) -> [ListColumn] {
        // Narrow panes drop the date, parties and value columns, in that order.
        var cols: [ListColumn] = []
        if width >= 44 { cols.append(ListColumn(header: "DATE", width: 8)) }
        cols.append(ListColumn(header: "KIND", width: 11))
        if width >= 56 { cols.append(ListColumn(header: "PARTIES", width: 16)) }
        if width >= 70 { cols.append(ListColumn(header: "VALUE", width: 14)) }
        cols.append(ListColumn(header: "TITLE", width: nil))
        return cols
    }

    /// Keeps the cells that match `columns(width:)`.
    static func select(_ row: ListRow, width: Int) -> ListRow {
        var keep = [Bool](repeating: true, count: 5)
        keep[0] = width >= 44
        keep[2] = width >= 56
        keep[3] = width >= 70
        var r = row
        r.cells = zip(row.cells, keep).filter(\.1).map(\.0)
        r.cellRoles = zip(row.cellRoles, keep).filter(\.1).map(\.0)
        return r
    }
}
