import DealModel
import TerminalText

/// The selected record: its fields, then each piece of evidence as its paragraph
/// with the quoted words highlighted and the sentence that holds them in full
/// strength (the rest of the paragraph muted; a long one cut: `QuoteContext`).
enum DetailPane {
    static let spec = PaneSpec(title: "Detail", info: { _ in "v: document with quotes" }, content: .text(TextContent(lines: lines)))

    static func lines(_ state: AppState, width: Int) -> [StyledLine] {
        var (out, headings) = record(state, width: width)
        // The evidence d removes (J and K move to another), its heading marked while
        // Detail is focused.
        if state.focus == .detail, let k = current(headings, state) { out[headings[k]][0].role = .selectedFocused }
        return out
    }

    /// The lines, and the rows of the evidence headings.
    static func record(_ state: AppState, width: Int) -> (lines: [StyledLine], headings: [Int]) {
        if let l = state.loading {
            return ([[Span("Loading \(l.label)…", .muted)], [Span("The panes fill when every quote has been located in its document.", .muted)]], [])
        }
        guard width > 4, let subject = state.detailSubject else {
            return ([[Span("Nothing selected.", .muted)]], [])
        }
        let c = state.catalog
        guard case .record(let record) = subject else {
            if case .deals(let deals, let title) = subject { return (dealList(deals, title: title, c, width: width), []) }
            return ([], [])
        }
        var fields: [(String, [Span])] = []
        // Links to records shown in the other panes (a deal's events, a partner's
        // deals): after the evidence, so the facts and the sentences behind them come
        // first and keep their rows from one record to the next (a cursor move then
        // rewrites only what differs).
        var links: [(String, [Span])] = []
        var heading: [Span]
        var note: String?
        var kind: String
        switch record {
        case .partner(let p):
            let partner = c.partners[p]
            heading = [Span(partner.name, .title)]
            kind = "partner · \(c.dealsOfPartner[p].count) deal\(c.dealsOfPartner[p].count == 1 ? "" : "s")"
            if !partner.aliases.isEmpty { fields.append(("Aliases", [Span(partner.aliases.joined(separator: ", "))])) }
            fields.append(("Products", [Span(partner.products.isEmpty ? "none named" : partner.products.map(\.name).joined(separator: ", "), partner.products.isEmpty ? .muted : .normal)]))
            let counterparties = c.counterparties(of: p)
            links.append(("Partners", [Span(Shortlist.text(counterparties.count, separator: ", ") { c.partners[counterparties[$0]].name })]))
            let deals = c.dealsOfPartner[p]
            links.append(("Deals", [Span(Shortlist.text(deals.count, separator: "; ") { c.deals.title(deals[$0]) })]))
            note = partner.note
        case .deal(let d):
            let deal = c.deals.deal(d, partyLimit: 200)
            heading = [Span(deal.title, .title)]
            kind = "deal · \(deal.kind.rawValue) · \(deal.status.rawValue)"
            let partyCount = c.deals.partyCount(d)
            fields.append(("Parties", [Span(Shortlist.text(partyCount, separator: ", ") { k in
                k < deal.parties.count ? c.name(ofPartner: deal.parties[k].partner) + (deal.parties[k].role.map { " (\($0))" } ?? "") : "…"
            })]))
            fields.append(("Date", [Span(deal.date?.display ?? "not stated", deal.date == nil ? .muted : .normal)]))
            if let v = deal.value {
                var spans = [Span(v.compact, .figure)]
                if let t = v.text { spans.append(Span(" “\(t)”")) }
                if v.isShared { spans.append(Span(" — shared: the total of " + v.sharedBy.map(c.name(ofPartner:)).joined(separator: ", ") + " together, not split", .muted)) }
                fields.append(("Value", spans))
            } else {
                fields.append(("Value", [Span("not stated", .muted)]))
            }
            if let a = deal.amends { fields.append(("Amends", [Span(c.deal(id: a)?.title ?? a)])) }
            if !deal.products.isEmpty { fields.append(("Products", [Span(deal.products.joined(separator: ", "))])) }
            let events = c.eventsOfDeal[d]
            if !events.isEmpty {
                links.append(("Events", [Span(Shortlist.text(events.count, separator: "; ") { k in
                    let event = c.events.event(events[k], listLimit: 0)
                    return "\(TimelinePane.when(event)): \(event.title)"
                })]))
            }
            note = deal.note
        case .event(let e):
            let event = c.events.event(e, listLimit: 0)
            heading = [Span(event.title, .title)]
            kind = "event \(e + 1) of \(c.events.count) on the timeline"
            fields.append(("Date", [Span(event.date?.display ?? "not stated", event.date == nil ? .muted : .normal)]))
            if event.date == nil {
                fields.append(("Order", [Span("undated; " + c.orderDescription(event.order))]))
            }
            let deals = c.dealsOfEvent[e]
            if !deals.isEmpty { links.append(("Deals", [Span(Shortlist.text(deals.count, separator: "; ") { c.deals.title(deals[$0]) })])) }
            let partners = c.partnersOfEvent[e]
            links.append(("Partners", [Span(Shortlist.text(partners.count, separator: ", ") { c.partners[partners[$0]].name })]))
            note = event.note
        }
        let evidence = c.evidence(of: record)
        var out = StyledText.wrap(heading, width: width)
        out.append([Span(kind, .muted)])
        let labelWidth = 10
        // Why a draft was proposed, so the reviewer can judge it.
        if let draft = Self.draftMark(record, c) {
            out += StyledText.wrap([Span("Draft     ", .draft), Span("proposed by \(draft.rule) from “\(draft.matched)” (a accepts, r rejects)", .muted)],
                                   width: width, indent: labelWidth)
        }
        func add(_ fields: [(String, [Span])]) {
            for (label, value) in fields {
                let labelSpan = Span(label + String(repeating: " ", count: max(1, labelWidth - label.count)), .label)
                out += StyledText.wrap([labelSpan] + value, width: width, indent: labelWidth)
            }
        }
        add(fields)
        var headings: [Int] = []
        for (n, e) in evidence.enumerated() {
            out.append([])
            headings.append(out.count)
            let file = e.document.path.split(separator: "/").last.map(String.init) ?? e.document.path
            out += StyledText.wrap([Span("Evidence \(n + 1) of \(evidence.count)", .label),
                                    Span(" · \(file), paragraph \(e.paragraph + 1), sentence \(e.sentenceInParagraph + 1)", .muted)], width: width)
            if let source = e.document.source { out += StyledText.wrap([Span("  from " + source, .muted)], width: width, indent: 2) }
            out += StyledText.wrap(QuoteContext.spans(e), width: width - 2).map { [Span("  ")] + $0 }
        }
        if !links.isEmpty {
            out.append([])
            add(links)
        }
        if let note {
            // Notes come last: what the document leaves open, in the annotator's words.
            out.append([])
            out += StyledText.wrap([Span("Note      ", .label), Span(note, .muted)], width: width, indent: labelWidth)
        }
        return (out, headings)
    }

    /// Detail's evidence cursor (moved by J and K): the evidence it marks, the first
    /// for a record it has not been moved on.
    static func current(_ headings: [Int], _ state: AppState) -> Int? {
        guard !headings.isEmpty else { return nil }
        guard let (record, k) = state.detailEvidence, record == state.detailRecord else { return 0 }
        return min(k, headings.count - 1)
    }

    /// The evidence under Detail's cursor, when Detail shows a record.
    static func currentEvidence(_ state: AppState) -> Evidence? {
        guard let record = state.detailRecord else { return nil }
        let evidence = state.catalog.evidence(of: record)
        return evidence.isEmpty ? nil : evidence[min(evidence.count - 1, state.detailEvidence.flatMap { $0.0 == record ? $0.1 : nil } ?? 0)]
    }

    /// Moves the evidence cursor and scrolls Detail to show its heading.
    static func stepEvidence(_ state: inout AppState, by n: Int) {
        guard let record = state.detailRecord else { return }
        let headings = Self.record(state, width: Layout(state).rect(.detail).inner.width).headings
        guard let k = current(headings, state) else { state.message = "no evidence"; return }
        let next = min(max(0, k + n), headings.count - 1)
        state.detailEvidence = (record, next)
        state.lists[.detail].scroll = max(0, headings[next] - 1)
    }

    static func draftMark(_ r: RecordRef, _ c: Catalog) -> DraftMark? {
        switch r {
        case .partner(let p): c.partners[p].draft
        case .deal(let d): c.deals[d].draft
        case .event(let e): c.events[e].draft
        }
    }

    /// An edge of the network: its deals, each with what it is and the sentence
    /// behind it (as many as a screen can use).
    static func dealList(_ deals: [Int], title: String, _ c: Catalog, width: Int) -> [StyledLine] {
        var out = StyledText.wrap([Span(title, .title)], width: width)
        out.append([Span("\(deals.count) deal\(deals.count == 1 ? "" : "s") under the filter", .muted)])
        for d in deals.prefix(100) {
            let deal = c.deals.deal(d, partyLimit: 0)
            out.append([])
            out += StyledText.wrap([Span(deal.title, .label)], width: width)
            var facts = [Span("\(deal.kind.rawValue) · \(deal.status.rawValue) · \(deal.date?.display ?? "no date")")]
            if let v = deal.value { facts += [Span(" · "), Span(v.compact, .figure)] }
            out += StyledText.wrap(facts, width: width - 2).map { [Span("  ")] + $0 }
            if let e = c.evidence(of: .deal(d)).first {
                out += StyledText.wrap([Span("“" + QuoteContext.sentence(e) + "”", .muted)], width: width - 2).map { [Span("  ")] + $0 }
            }
        }
        if deals.count > 100 { out.append([Span("… and \(deals.count - 100) more", .muted)]) }
        return out
    }
}
