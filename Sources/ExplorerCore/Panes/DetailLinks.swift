import DealModel
import TerminalText

/// What Detail's cursor marks (J and K move it): a quote, which Enter shows in the
/// document, or a linked record, which Enter opens.
enum DetailItem {
    case evidence(Evidence)
    case link(RecordRef)
}

/// An item and the row of Detail's lines it is drawn on.
struct DetailSpot {
    let row: Int
    let item: DetailItem
}

/// Detail's links: each linked record on a line of its own under its label, as
/// many as a screen can use ("… and 40 more" says where the rest are).
enum DetailLinks {
    static let labelWidth = 10

    struct Group {
        let label: String
        /// The records shown, each with a word after it (a party's role).
        let links: [(RecordRef, String?)]
        let total: Int
        /// Where the ones not shown are, for "… and N more".
        let elsewhere: String
    }

    /// A record's links, in the order Detail draws them.
    static func groups(_ record: RecordRef, _ state: AppState) -> [Group] {
        let c = state.catalog
        let budget = max(10, state.height)
        let keys = state.keys(.normal)
        func group(_ label: String, _ refs: some Collection<Int>, _ ref: (Int) -> RecordRef, elsewhere: String) -> Group {
            Group(label: label, links: refs.prefix(budget).map { (ref($0), nil) }, total: refs.count, elsewhere: elsewhere)
        }
        switch record {
        case .partner(let p):
            let filterKey = keys.firstKey(.toggleFilter).map { "\($0) on it in Partners" } ?? "filter by it"
            return [group("Partners", c.counterparties(of: p), RecordRef.partner, elsewhere: "\(keys.firstKey(.toggleNetwork) ?? "the network"): all of them"),
                    group("Deals", c.dealsOfPartner[p], RecordRef.deal, elsewhere: "\(filterKey): all in Deals")]
                + (c.eventsOfPartner[p].isEmpty ? [] : [group("Events", c.eventsOfPartner[p], RecordRef.event, elsewhere: "• marks them on the Timeline")])
        case .deal(let d):
            let deal = c.deals.deal(d, partyLimit: budget)
            let parties = deal.parties.compactMap { party in c.partnerIndex(id: party.partner).map { (RecordRef.partner($0), party.role) } }
            var out = [Group(label: "Parties", links: parties, total: c.deals.partyCount(d), elsewhere: "• marks them in Partners")]
            if let amended = deal.amends.flatMap(c.dealIndex(id:)) { out.append(group("Amends", [amended], RecordRef.deal, elsewhere: "")) }
            let events = c.eventsOfDeal[d]
            if !events.isEmpty { out.append(group("Events", events, RecordRef.event, elsewhere: "• marks them on the Timeline")) }
            return out
        case .event(let e):
            let deals = c.dealsOfEvent[e]
            return (deals.isEmpty ? [] : [group("Deals", deals, RecordRef.deal, elsewhere: "• marks them in Deals")])
                + [group("Partners", c.partnersOfEvent[e], RecordRef.partner, elsewhere: "• marks them in Partners")]
        }
    }

    static func label(_ text: String) -> Span {
        Span(text + String(repeating: " ", count: max(1, labelWidth - text.count)), .label)
    }

    /// A group's lines: the label beside the first link, the others under it.
    static func draw(_ group: Group, _ c: Catalog, width: Int, into out: inout [StyledLine], items: inout [DetailSpot]) {
        let room = max(1, width - labelWidth)
        let indent = Span(String(repeating: " ", count: labelWidth))
        guard !group.links.isEmpty else { out.append([label(group.label), Span("none", .muted)]); return }
        for (n, (ref, after)) in group.links.enumerated() {
            items.append(DetailSpot(row: out.count, item: .link(ref)))
            out.append([n == 0 ? label(group.label) : indent] + cut(spans(ref, after: after, c), to: room))
        }
        let more = group.total - group.links.count
        if more > 0 { out.append([indent, Span(DisplayWidth.truncate("… and \(more) more (\(group.elsewhere))", to: room), .muted)]) }
    }

    /// A link as Detail writes it: the record's name or title (an event's date before it).
    static func spans(_ ref: RecordRef, after: String?, _ c: Catalog) -> [Span] {
        var out: [Span]
        switch ref {
        case .partner(let p): out = [Span(c.partners[p].name, .link)]
        case .deal(let d): out = [Span(c.deals.title(d), .link)]
        case .event(let e):
            let event = c.events.event(e, listLimit: 0)
            out = [Span(TimelinePane.when(event) + "  ", .muted), Span(event.title, .link)]
        }
        if let after { out.append(Span(" (\(after))", .muted)) }
        return out
    }

    /// Spans cut to `width` columns, the last one shown ending in "…".
    static func cut(_ spans: [Span], to width: Int) -> [Span] {
        var left = width
        var out: [Span] = []
        for span in spans where left > 0 {
            let text = DisplayWidth.truncate(span.text, to: left)
            out.append(Span(text, span.role))
            left -= DisplayWidth.of(text)
            if text != span.text { break }
        }
        return out
    }
}

/// Detail's cursor: which item it marks, moving it, and what Enter and a click do.
extension DetailPane {
    static func width(_ state: AppState) -> Int { Layout(state).rect(.detail).inner.width }

    /// The marked item: the first for a subject the cursor has not been moved on.
    static func current(_ items: [DetailSpot], _ state: AppState) -> Int? {
        guard !items.isEmpty else { return nil }
        guard let (subject, k) = state.detailCursor, subject == state.detailSubject else { return 0 }
        return min(k, items.count - 1)
    }

    /// The item under Detail's cursor (what Enter opens, and d removes or unlinks).
    static func currentItem(_ state: AppState) -> DetailItem? {
        let items = record(state, width: width(state)).items
        return current(items, state).map { items[$0].item }
    }

    /// The evidence under Detail's cursor, when the cursor is on a quote.
    static func currentEvidence(_ state: AppState) -> Evidence? {
        if case .evidence(let e)? = currentItem(state) { return e }
        return nil
    }

    /// Moves the cursor by `n` items and scrolls Detail to show it: an evidence
    /// heading at the top (its paragraph under it), a link just into view.
    static func stepItem(_ state: inout AppState, by n: Int) {
        guard let subject = state.detailSubject else { return }
        let items = record(state, width: width(state)).items
        guard let k = current(items, state) else { state.message = "no quotes or links in Detail"; return }
        let next = min(max(0, k + n), items.count - 1)
        state.detailCursor = (subject, next)
        let row = items[next].row
        if case .evidence = items[next].item {
            state.lists[.detail].scroll = max(0, row - 1)
        } else {
            let shown = Layout(state).listRows(.detail)
            let scroll = state.lists[.detail].scroll
            state.lists[.detail].scroll = row < scroll ? row : row >= scroll + shown ? row - shown + 1 : scroll
        }
    }

    /// Enter in Detail: a link opens its record, a quote the document at it.
    static func enter(_ state: inout AppState) {
        switch currentItem(state) {
        case .link(let record)?: state.follow(record)
        case .evidence(let e)?:
            let quotes = state.catalog.quotes(in: e.document)
            state.documentQuotes = quotes
            state.mode = .document(quote: quotes.index(of: e.utf8Range) ?? 0)
            state.documentTop = nil
        case nil: state.message = "nothing to open in Detail"
        }
    }

    /// A click on an item's line in Detail marks it; a double click opens it.
    static func click(_ state: inout AppState, line: Int, open: Bool) {
        guard let subject = state.detailSubject else { return }
        let items = record(state, width: width(state)).items
        guard let k = items.firstIndex(where: { $0.row == line }) else { return }
        state.detailCursor = (subject, k)
        if open { enter(&state) }
    }
}
