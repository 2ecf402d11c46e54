import DealDrafting

/// A draft as readable text, for looking at what the rules did.
func dump(_ d: ArticleDraft) -> String {
    var out = "document \(d.document.id)  title=\(d.document.title ?? "-")  publisher=\(d.document.publisher ?? "-")  date=\(d.document.date?.formatted ?? "-")\n"
    func q(_ e: [DraftQuote]) -> String { e.map { "      « \($0.text) »" + ($0.occurrence.map { " #\($0)" } ?? "") }.joined(separator: "\n") }
    for p in d.partners {
        out += "partner \(p.id) \"\(p.name)\" aliases=\(p.aliases) [\(p.draft.rule): \(p.draft.matched)]\n"
        for pr in p.products { out += "    product \(pr.name) [\(pr.draft.rule): \(pr.draft.matched)]\n" }
    }
    for x in d.deals {
        let value = x.value.map { v in
            "\(v.approximate ? "~" : "")\(v.bound?.rawValue ?? "") \(v.amount.map { String($0) } ?? "-")\(v.maximum.map { "..\($0)" } ?? "") \(v.currency ?? "")\(v.per.map { "/\($0.rawValue)" } ?? "")\(v.stake.map { " stake \($0)%" } ?? "")\(v.equivalent.map { " (\($0.amount) \($0.currency))" } ?? "") shared=\(v.sharedBy) «\(v.text ?? "")»"
        } ?? "-"
        out += "deal \(x.id) \(x.kind.rawValue) \(x.status.rawValue) date=\(x.date?.formatted ?? "-") value=\(value)\n"
        out += "    \"\(x.title)\" parties=\(x.parties.map { "\($0.partner)(\($0.role))" }) products=\(x.products) [\(x.draft.rule): \(x.draft.matched)]\n"
        out += q(x.evidence) + "\n"
    }
    for e in d.events {
        let order = e.order.map { "\($0.relation.rawValue) \($0.anchor)" } ?? "-"
        out += "event \(e.id) date=\(e.date?.formatted ?? "-") order=\(order) deals=\(e.deals) partners=\(e.partners) \"\(e.title)\" [\(e.draft.rule): \(e.draft.matched)]\n"
        if let n = e.note { out += "    note: \(n)\n" }
    }
    for n in d.notes { out += "note \(n.kind.rawValue): \(n.message)\n" }
    return out
}
