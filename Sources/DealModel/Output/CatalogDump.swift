/// Everything a catalog holds, as lines of text, field by field from the
/// declarations: two ways of loading the same data (the careful and the fast loader,
/// a snapshot, a dataset written and read back) are compared with it in the tests and
/// by the fuzzer, and a difference reads in the failure. A new field is compared
/// without a word here.
enum CatalogDump {
    /// `places: false` leaves out where things were read from (files, each record's
    /// place, a document's path as given; its absolute path stays): a dataset written
    /// elsewhere and read back is the same catalog.
    static func lines(_ c: Catalog, places: Bool = true) -> [String] {
        var out: [String] = ["title \(c.title ?? "nil")"] + (places ? ["files \(c.files)"] : [])
        for d in c.documents {
            let value = { (f: DocumentField) in f == .path && !places ? .text(FilePaths.absolute(d.path)) : d.value(f) }
            out.append("document \(d.id) " + fields(value) + " \(d.paragraphs.count)p \(d.sentences.count)s")
        }
        func at(_ r: some Defined) -> String { places ? " at \(r.origins)" : "" }
        for p in c.partners { out.append("partner \(p.id) " + fields(p.value) + at(p)) }
        for d in c.deals { out.append("deal \(d.id) " + fields(d.value) + at(d)) }
        for (i, e) in c.events.enumerated() {
            out.append("event \(e.id) " + fields(e.value) + at(e) + " days=\(c.earliestDay(ofEvent: i) ?? -1)-\(c.latestDay(ofEvent: i) ?? -1)")
        }
        for p in c.partners.indices { out.append("partner \(p) deals \(Array(c.dealsOfPartner[p])) events \(Array(c.eventsOfPartner[p])) counterparties \(c.counterparties(of: p))") }
        for d in c.deals.indices { out.append("deal \(d) partners \(Array(c.partnersOfDeal[d])) events \(Array(c.eventsOfDeal[d]))") }
        for e in c.events.indices { out.append("event \(e) deals \(Array(c.dealsOfEvent[e])) partners \(Array(c.partnersOfEvent[e]))") }
        return out
    }

    /// Every field of the declaration, in order: `key=value`, or `key=-` when absent.
    static func fields<F: FieldList>(_ value: (F) -> FieldValue?) -> String {
        F.allCases.map { f in f.key + "=" + (value(f).map(text) ?? "-") }.joined(separator: " ")
    }

    static func text(_ v: FieldValue) -> String {
        switch v {
        case .text(let s): var out = ""; JSONOut.escape(s, into: &out); return out
        case .texts(let list): return "[" + list.map { text(.text($0)) }.joined(separator: ", ") + "]"
        case .date(let d): return d.written
        case .amount(let a): return DatasetWriter.amount(a).render(pretty: false)
        case .parties(let parties): return "[" + parties.map { "\($0.partner):\($0.role.map { text(.text($0)) } ?? "-")" }.joined(separator: ", ") + "]"
        case .order(let o): return "\(o.relation.rawValue) \(o.anchor)"
        case .products(let products): return "[" + products.map { "{" + fields($0.value) + "}" }.joined(separator: ", ") + "]"
        case .evidence(let evidence): return "[" + evidence.map { "\($0.document.id)@\($0.utf8Range) p\($0.paragraph) s\($0.sentence)" }.joined(separator: ", ") + "]"
        case .draft(let d): return "draft(" + text(.text(d.rule)) + ", " + text(.text(d.matched)) + ")"
        }
    }
}
