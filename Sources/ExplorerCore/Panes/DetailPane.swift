import DealModel
import TerminalText

/// The selected record: its fields, then each piece of evidence as its paragraph
/// with the quoted words highlighted and the sentence that holds them in full
/// strength (the rest of the paragraph muted; a long one cut: `QuoteContext`).
enum DetailPane {
    static let spec = PaneSpec(title: "Detail", info: { _ in "v: document with quotes" }, content: .text(TextContent(lines: lines)))

    static func lines(_ state: AppState, width: Int) -> [StyledLine] {
        var (out, items) = record(state, width: width)
        // The item J and K move to (Enter opens it, d removes a quote), marked while
        // Detail is focused: an evidence heading, or a link's text.
        if state.focus == .detail, let k = current(items, state) {
            let row = items[k].row
            switch items[k].item {
            case .evidence: out[row][0].role = .selectedFocused
            case .link: for i in out[row].indices where out[row][i].role == .link { out[row][i].role = .selectedFocused }
            }
        }
        return out
    }

    /// The lines, and the items on them in screen order (evidence headings, then links).
    static func record(_ state: AppState, width: Int) -> (lines: [StyledLine], items: [DetailSpot]) {
        if let l = state.loading {
            return ([[Span("Loading \(l.label)…", .muted)], [Span("The panes fill when every quote has been located in its document.", .muted)]], [])
        }
        guard width > 4, let subject = state.detailSubject else {
            return ([[Span("Nothing selected.", .muted)]], [])
        }
        let c = state.catalog
        guard case .record(let record) = subject else {
            if case .deals(let deals, let title) = subject { return dealList(deals, title: title, c, width: width) }
            return ([], [])
        }
        var fields: [(String, [Span])] = []
        // Links to records shown in the other panes (a deal's parties and events, a
        // partner's deals), one per line: after the evidence, so the facts and the
        // sentences behind them come first and keep their rows from one record to the
        // next (a cursor move then rewrites only what differs).
        let links = DetailLinks.groups(record, state)
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
            note = partner.note
        case .deal(let d):
            let deal = c.deals.deal(d, partyLimit: 0)
            heading = [Span(deal.title, .title)]
            kind = "deal · \(deal.kind.rawValue) · \(deal.status.rawValue)"
            fields.append(("Date", [Span(deal.date?.display ?? "not stated", deal.date == nil ? .muted : .normal)]))
            if let v = deal.value {
                var spans = [Span(v.compact, .figure)]
                if let t = v.text { spans.append(Span(" “\(t)”")) }
                if v.isShared { spans.append(Span(" — shared: the total of " + v.sharedBy.map(c.name(ofPartner:)).joined(separator: ", ") + " together, not split", .muted)) }
                fields.append(("Value", spans))
            } else {
                fields.append(("Value", [Span("not stated", .muted)]))
            }
            if let a = deal.amends, c.dealIndex(id: a) == nil { fields.append(("Amends", [Span(a)])) }
            if !deal.products.isEmpty { fields.append(("Products", [Span(deal.products.joined(separator: ", "))])) }
            note = deal.note
        case .event(let e):
            let event = c.events.event(e, listLimit: 0)
            heading = [Span(event.title, .title)]
            kind = "event \(e + 1) of \(c.events.count) on the timeline"
            fields.append(("Date", [Span(event.date?.display ?? "not stated", event.date == nil ? .muted : .normal)]))
            if event.date == nil {
                fields.append(("Order", [Span("undated; " + c.orderDescription(event.order))]))
            }
            note = event.note
        }
        let evidence = c.evidence(of: record)
        var out = StyledText.wrap(heading, width: width)
        out.append([Span(kind, .muted)])
        let labelWidth = DetailLinks.labelWidth
        // Why a draft was proposed, so the reviewer can judge it.
        if let draft = Self.draftMark(record, c) {
            out += StyledText.wrap([Span("Draft     ", .draft), Span("proposed by \(draft.rule) from “\(draft.matched)” (a accepts, r rejects)", .muted)],
                                   width: width, indent: labelWidth)
        }
        for (label, value) in fields {
            out += StyledText.wrap([DetailLinks.label(label)] + value, width: width, indent: labelWidth)
        }
        var items: [DetailSpot] = []
        for (n, e) in evidence.enumerated() {
            out.append([])
            items.append(DetailSpot(row: out.count, item: .evidence(e)))
            let file = e.document.path.split(separator: "/").last.map(String.init) ?? e.document.path
            out += StyledText.wrap([Span("Evidence \(n + 1) of \(evidence.count)", .label),
                                    Span(" · \(file), paragraph \(e.paragraph + 1), sentence \(e.sentenceInParagraph + 1)", .muted)], width: width)
            if let source = e.document.source { out += StyledText.wrap([Span("  from " + source, .muted)], width: width, indent: 2) }
            out += StyledText.wrap(QuoteContext.spans(e), width: width - 2).map { [Span("  ")] + $0 }
        }
        if !links.isEmpty {
            out.append([])
            for group in links { DetailLinks.draw(group, c, width: width, into: &out, items: &items) }
        }
        if let note {
            // Notes come last: what the document leaves open, in the annotator's words.
            out.append([])
            out += StyledText.wrap([Span("Note      ", .label), Span(note, .muted)], width: width, indent: labelWidth)
        }
        return (out, items)
    }

    static func draftMark(_ r: RecordRef, _ c: Catalog) -> DraftMark? {
        switch r {
        case .partner(let p): c.partners[p].draft
        case .deal(let d): c.deals[d].draft
        case .event(let e): c.events[e].draft
        }
    }

    /// An edge of the network: its deals, each with what it is and the sentence
    /// behind it (as many as a screen can use), its title a link to the deal.
    static func dealList(_ deals: [Int], title: String, _ c: Catalog, width: Int) -> (lines: [StyledLine], items: [DetailSpot]) {
        var out = StyledText.wrap([Span(title, .title)], width: width)
        var items: [DetailSpot] = []
        out.append([Span("\(deals.count) deal\(deals.count == 1 ? "" : "s") under the filter", .muted)])
        for d in deals.prefix(100) {
            let deal = c.deals.deal(d, partyLimit: 0)
            out.append([])
            items.append(DetailSpot(row: out.count, item: .link(.deal(d))))
            out.append([Span(DisplayWidth.truncate(deal.title, to: width), .link)])
            var facts = [Span("\(deal.kind.rawValue) · \(deal.status.rawValue) · \(deal.date?.display ?? "no date")")]
            if let v = deal.value { facts += [Span(" · "), Span(v.compact, .figure)] }
            out += StyledText.wrap(facts, width: width - 2).map { [Span("  ")] + $0 }
            if let e = c.evidence(of: .deal(d)).first {
                out += StyledText.wrap([Span("“" + QuoteContext.sentence(e) + "”", .muted)], width: width - 2).map { [Span("  ")] + $0 }
            }
        }
        if deals.count > 100 { out.append([Span("… and \(deals.count - 100) more", .muted)]) }
        return (out, items)
    }
}
