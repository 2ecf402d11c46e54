@testable import DealModel

/// Everything a catalog holds, as lines of text, so that two ways of loading the same
/// data can be compared field by field (and a difference read in the failure).
enum CatalogDump {
    static func lines(_ c: Catalog) -> [String] {
        var out: [String] = ["title \(c.title ?? "nil")", "files \(c.files)"]
        for d in c.documents { out.append("document \(d.id) \(d.path) \(d.title ?? "nil") \(d.date.map(String.init(describing:)) ?? "nil") \(d.paragraphs.count)p \(d.sentences.count)s") }
        func ev(_ e: [Evidence]) -> String { e.map { "\($0.document.id)@\($0.utf8Range) p\($0.paragraph) s\($0.sentence)" }.joined(separator: ", ") }
        for p in c.partners {
            out.append("partner \(p.id) \(p.name) \(p.aliases) note=\(p.note ?? "nil") at \(p.origin) ev[\(ev(p.evidence))]")
            for pr in p.products { out.append("  product \(pr.name) ev[\(ev(pr.evidence))]") }
        }
        for d in c.deals {
            let v = d.value.map { "\($0.amount) \($0.currency) \($0.approximate) \($0.text ?? "nil") \($0.sharedBy)" } ?? "nil"
            out.append("deal \(d.id) \(d.title) \(d.kind) \(d.status) \(d.parties.map { "\($0.partner):\($0.role ?? "-")" }) date=\(d.date.map(String.init(describing:)) ?? "nil") value=\(v) amends=\(d.amends ?? "nil") products=\(d.products) note=\(d.note ?? "nil") at \(d.origin) ev[\(ev(d.evidence))]")
        }
        for (i, e) in c.events.enumerated() {
            out.append("event \(e.id) \(e.title) date=\(e.date.map(String.init(describing:)) ?? "nil") order=\(e.order.map { "\($0.relation) \($0.anchor)" } ?? "nil") deals=\(e.deals) partners=\(e.partners) note=\(e.note ?? "nil") at \(e.origin) ev[\(ev(e.evidence))] days=\(c.earliestDay(ofEvent: i) ?? -1)-\(c.latestDay(ofEvent: i) ?? -1)")
        }
        for p in c.partners.indices { out.append("partner \(p) deals \(Array(c.dealsOfPartner[p])) events \(Array(c.eventsOfPartner[p])) counterparties \(c.counterparties(of: p))") }
        for d in c.deals.indices { out.append("deal \(d) partners \(Array(c.partnersOfDeal[d])) events \(Array(c.eventsOfDeal[d]))") }
        for e in c.events.indices { out.append("event \(e) deals \(Array(c.dealsOfEvent[e])) partners \(Array(c.partnersOfEvent[e]))") }
        return out
    }
}
