import DealModel
import TerminalText

/// Deals under the filter: date, kind, parties, value (≈ approximate, Σ shared),
/// title. Enter goes to the deal's first event on the timeline. Sorts by any column.
enum DealsPane {
    static let spec = PaneSpec(
        title: "Deals",
        info: { s in "\(s.visibleDeals.count)/\(s.catalog.deals.count)" + SortProgress.text(s, .deals) },
        content: .list(ListContent(
            // Narrow panes drop the date first, then the parties, the value and the
            // kind, so the title keeps room. The date column is as wide as the widest
            // date the data holds ("~30 Sep 2025"), so no date is ever cut.
            columns: [ListColumn(header: "DATE", width: 8, shownFrom: 72, fit: { $0.dealDateWidth }, sort: DealSortColumn.date.rawValue),
                      ListColumn(header: "KIND", width: 11, shownFrom: 34, sort: DealSortColumn.kind.rawValue),
                      ListColumn(header: "PARTIES", width: 16, shownFrom: 58, sort: DealSortColumn.parties.rawValue),
                      ListColumn(header: "VALUE", width: 12, shownFrom: 46, sort: DealSortColumn.value.rawValue, largestFirst: true),
                      ListColumn(header: "TITLE", width: nil, sort: DealSortColumn.title.rawValue)],
            rowCount: { $0.visibleDeals.count },
            row: row,
            record: { s, i in .deal(s.visibleDeals[i]) },
            rowOf: { s, r in if case .deal(let d) = r { s.visibleDeals.firstIndex(of: d) } else { nil } },
            matcher: { s, needle in
                let c = s.catalog, deals = s.visibleDeals
                return { c.dealMatches(deals[$0], needle) }
            },
            activate: { $0.jumpToFirstEvent() },
            sorting: ListSorting(
                rows: { $0.visibleDeals },
                order: { s, column in s.catalog.dealOrder(DealSortColumn(rawValue: column) ?? .date) },
                apply: { s, rows, _ in s.visibleDeals = rows }))))

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

    /// The widest date of the catalog's deals, and room for the header with its sort
    /// arrow. Dates alike in precision, hedge and day digits are as wide, so each kind
    /// is measured once: a million deals cost a million unpacked dates, not strings.
    static func widestDate(_ c: Catalog) -> Int {
        widest(count: c.deals.count, header: "DATE▲") { c.deals.date($0) }
    }

    static func widest(count: Int, header: String, _ date: (Int) -> PartialDate?) -> Int {
        var measured = Set<[Int]>()
        var widest = DisplayWidth.of(header)
        for i in 0..<count {
            guard let d = date(i) else { continue }
            let kind = [d.precision.rawValue, d.approximate ? 1 : 0, (d.day ?? 0) >= 10 ? 1 : 0]
            if measured.insert(kind).inserted { widest = max(widest, DisplayWidth.of(d.display)) }
        }
        return widest
    }

    static func parties(_ c: Catalog, _ d: Int, _ deal: Deal) -> String {
        let names = deal.parties.map { c.name(ofPartner: $0.partner) }.joined(separator: "·")
        let more = c.deals.partyCount(d) - deal.parties.count
        return more > 0 ? names + "… +\(more)" : names
    }

    /// "≈110bn USD Σ": compact for the column (≈ approximate, Σ a shared total);
    /// the Detail pane says it in words.
    static func value(_ a: Amount?) -> String { a?.listed ?? "" }
}
