/// Short human forms of record fields, shared by tables, `show` and exports.
public extension Catalog {
    func partiesText(_ d: Deal, roles: Bool = false) -> String {
        d.parties.map { p in
            let name = name(ofPartner: p.partner)
            return roles ? (p.role.map { "\(name) (\($0))" } ?? name) : name
        }.joined(separator: ", ")
    }

    /// "≈110bn USD Σ", as in the explorer: ≈ approximate, Σ a total shared by several parties.
    func valueText(_ a: Amount?) -> String { a?.listed ?? "—" }

    func valueLong(_ a: Amount) -> String {
        var s = a.compact
        if let t = a.text { s += " (“\(t)”)" }
        if a.isShared { s += ", the total of " + a.sharedBy.map(name(ofPartner:)).joined(separator: ", ") + " together; not split between them" }
        return s
    }

    /// The date column of an event: its date, or where the order rule puts it.
    func dateText(event i: Int) -> String {
        let e = events[i]
        if let d = e.date { return d.display }
        guard let o = e.order else { return "undated" }
        switch o.relation {
        case .with: return "undated, same time"
        case .before: return o.anchor == EventOrder.documentAnchor ? "undated" : "undated, before"
        case .after: return "undated, after"
        }
    }

    /// The deal's own date; "—" when the document gives none (an event's date is
    /// the event's, not the deal's).
    func dealDateText(_ i: Int) -> String {
        deals[i].date?.display ?? "—"
    }

    /// One line of evidence: the sentence that holds the first quote.
    func firstSentence(_ evidence: [Evidence]) -> String {
        guard let e = evidence.first else { return "" }
        return "“" + String(e.sentenceText) + "”"
    }
}
