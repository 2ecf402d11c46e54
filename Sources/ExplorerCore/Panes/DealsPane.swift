import DealModel

/// Deals under the filter: date, kind, parties, value (≈ approximate, Σ shared),
/// title. Enter goes to the deal's first event on the timeline.
enum DealsPane {
    static let spec = PaneSpec(
        title: "Deals",
        info: { s in "\(s.visibleDeals.count)/\(s.catalog.deals.count)" },
        content: .list(ListContent(
            // Narrow panes drop the date first, then the parties, the value and the
            // kind, so the title keeps room.
            columns: [ListColumn(header: "DATE", width: 8, shownFrom: 72), ListColumn(header: "KIND", width: 11, shownFrom: 34),
                      ListColumn(header: "PARTIES", width: 16, shownFrom: 58), ListColumn(header: "VALUE", width: 12, shownFrom: 46),
                      ListColumn(header: "TITLE", width: nil)],
            rowCount: { $0.visibleDeals.count },
            row: row,
            record: { s, i in .deal(s.visibleDeals[i]) },
            rowOf: { s, r in if case .deal(let d) = r { s.visibleDeals.firstIndex(of: d) } else { nil } },
            matcher: { s, needle in
                let c = s.catalog, deals = s.visibleDeals
                return { c.dealMatches(deals[$0], needle) }
            },
            activate: { $0.jumpToFirstEvent() })))

    static func row(_ state: AppState, relations: Relations, _ i: Int) -> ListRow {
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
}
