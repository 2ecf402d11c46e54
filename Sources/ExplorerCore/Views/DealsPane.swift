import DealModel

/// Deals under the filter: date, kind, parties, value (≈ approximate, Σ shared), title.
enum DealsPane {
    static func row(_ i: Int, _ state: AppState, relations: Relations) -> ListRow {
        let c = state.catalog
        let d = state.visibleDeals[i]
        let deal = c.deals.deal(d, partyLimit: 12)
        let related = relations.deals.contains(d)
        return ListRow(cells: [date(c, d), deal.kind.label, parties(c, d, deal), value(deal.value), deal.title],
                       marker: related ? "•" : " ", markerRole: .related,
                       cellRoles: [nil, nil, nil, .figure, nil])
    }

    /// The deal's own date; "—" when the document gives none.
    static func date(_ c: Catalog, _ d: Int) -> String {
        c.deals.date(d)?.display ?? "—"
    }

    static func parties(_ c: Catalog, _ d: Int, _ deal: Deal) -> String {
        let names = deal.parties.map { c.name(ofPartner: $0.partner) }.joined(separator: "·")
        let more = c.deals.partyCount(d) - deal.parties.count
        return more > 0 ? names + "… +\(more)" : names
    }

    /// "≈110bn USD Σ": compact for the column (≈ approximate, Σ a shared total);
    /// the Detail pane says it in words.
    static func value(_ a: Amount?) -> String {
        guard let a else { return "" }
        return a.compact + (a.isShared ? " Σ" : "")
    }

    /// Columns by priority: narrow panes drop the date first, then the parties, the
    /// value and the kind, so the title keeps room.
    static func keep(width: Int) -> [Bool] {
        [width >= 72, width >= 34, width >= 58, width >= 46, true]
    }

    static let allColumns = [
        ListColumn(header: "DATE", width: 8), ListColumn(header: "KIND", width: 11), ListColumn(header: "PARTIES", width: 16),
        ListColumn(header: "VALUE", width: 12), ListColumn(header: "TITLE", width: nil),
    ]

    static func columns(width: Int) -> [ListColumn] {
        zip(allColumns, keep(width: width)).filter(\.1).map(\.0)
    }

    /// Keeps the cells that match `columns(width:)`.
    static func select(_ row: ListRow, width: Int) -> ListRow {
        let keep = keep(width: width)
        var r = row
        r.cells = zip(row.cells, keep).filter(\.1).map(\.0)
        r.cellRoles = zip(row.cellRoles, keep).filter(\.1).map(\.0)
        return r
    }
}
