/// Turns the JSON of one dataset file into drafts, logging every problem it sees.
struct DatasetDecoder {
    let lines: LineMap
    let log: ProblemLog

    static let topKeys = ["dealscope", "title", "documents", "partners", "deals", "events", "$schema"]
    static let documentKeys = ["id", "path", "title", "date"]
    static let partnerKeys = ["id", "name", "aliases", "products", "note", "evidence"]
    static let productKeys = ["name", "evidence"]
    static let dealKeys = ["id", "title", "kind", "status", "parties", "date", "value", "amends", "products", "note", "evidence"]
    static let partyKeys = ["partner", "role"]
    static let amountKeys = ["amount", "currency", "approximate", "text", "sharedBy"]
    static let eventKeys = ["id", "title", "date", "order", "deals", "partners", "note", "evidence"]
    static let quoteKeys = ["text", "document", "occurrence"]

    func decode(_ root: JSONNode, file: String, directory: String) -> DatasetDraft? {
        guard case .object = root.value else {
            log.add(lines.location(root.offset), "expected a dataset (a JSON object), found \(root.typeName)", fix: "a dataset is one object: { \"dealscope\": 1, \"documents\": [ … ], \"partners\": [ … ], … } (see docs/data-format.md)")
            return nil
        }
        guard let top = ObjectReader(root, lines: lines, log: log, record: nil, what: "a dataset") else { return nil }
        top.checkKeys(allowed: Self.topKeys)
        guard let version = top.value("dealscope") else {
            log.add(top.location, "this is not a dealscope dataset: the field \"dealscope\" (the format version) is missing", fix: "start the file with { \"dealscope\": 1, … } (see docs/data-format.md)")
            return nil
        }
        guard case .number(1) = version.value else {
            top.problem(version, "unsupported format version \(Self.describe(version)); this dealscope reads version 1")
            return nil
        }
        var draft = DatasetDraft(file: file, directory: directory, title: top.string("title"))
        if let docs = top.array("documents", required: true) {
            if docs.isEmpty { top.problem(top.value("documents")!, "\"documents\" is empty: a dataset annotates at least one document") }
            draft.documents = docs.compactMap(document)
        }
        draft.partners = (top.array("partners") ?? []).compactMap(partner)
        draft.deals = (top.array("deals") ?? []).compactMap(deal)
        draft.events = (top.array("events") ?? []).compactMap(event)
        return draft
    }

    static func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .string(let s): "\"\(s)\""
        default: node.typeName
        }
    }

    private func label(_ kind: String, _ node: JSONNode) -> String? {
        guard case .object(let members) = node.value,
              let idNode = members.first(where: { $0.key == "id" }), case .string(let id) = idNode.value.value
        else { return nil }
        return "\(kind) \"\(id)\""
    }

    private func document(_ node: JSONNode) -> DocumentDraft? {
        guard let r = ObjectReader(node, lines: lines, log: log, record: label("document", node), what: "a document") else { return nil }
        r.checkKeys(allowed: Self.documentKeys)
        let id = r.id()
        let path = r.string("path", required: true)
        let title = r.string("title")
        let date = r.date("date")
        guard let id, let path else { return nil }
        return DocumentDraft(id: id, path: path, title: title, date: date, origin: r.location)
    }

    private func partner(_ node: JSONNode) -> PartnerDraft? {
        guard let r = ObjectReader(node, lines: lines, log: log, record: label("partner", node), what: "a partner") else { return nil }
        r.checkKeys(allowed: Self.partnerKeys)
        let id = r.id()
        let name = r.string("name", required: true)
        let aliases = r.stringArray("aliases")
        let products = (r.array("products") ?? []).compactMap { product($0, record: r.record) }
        let note = r.string("note")
        let quotes = evidence(r)
        guard let id, let name else { refuse(id); return nil }
        return PartnerDraft(id: id, name: name, aliases: aliases, products: products, note: note, quotes: quotes, origin: r.location)
    }

    private func product(_ node: JSONNode, record: String?) -> ProductDraft? {
        guard let r = ObjectReader(node, lines: lines, log: log, record: record, what: "a product") else { return nil }
        r.checkKeys(allowed: Self.productKeys)
        let name = r.string("name", required: true)
        let quotes = evidence(r)
        guard let name else { return nil }
        return ProductDraft(name: name, quotes: quotes)
    }

    private func deal(_ node: JSONNode) -> DealDraft? {
        guard let r = ObjectReader(node, lines: lines, log: log, record: label("deal", node), what: "a deal") else { return nil }
        r.checkKeys(allowed: Self.dealKeys)
        let id = r.id()
        let title = r.string("title", required: true)
        let kind: DealKind? = vocabulary(r, "kind", DealKind.allCases.map(\.rawValue)).flatMap(DealKind.init(rawValue:))
        let status: DealStatus? = vocabulary(r, "status", DealStatus.allCases.map(\.rawValue)).flatMap(DealStatus.init(rawValue:))
        var parties: [PartyDraft] = []
        if let items = r.array("parties", required: true) {
            if items.isEmpty { r.problem(r.value("parties")!, "a deal needs at least one party") }
            parties = items.compactMap { party($0, record: r.record) }
        }
        let date = r.date("date")
        let value = r.value("value").flatMap { amount($0, record: r.record) }
        let amends = r.string("amends").map { Reference(id: $0, origin: r.location(of: r.value("amends")!)) }
        let products = r.stringArray("products")
        let note = r.string("note")
        let quotes = evidence(r)
        guard let id, let title, let kind, let status else { refuse(id); return nil }
        return DealDraft(id: id, title: title, kind: kind, status: status, parties: parties, date: date, value: value,
                         amends: amends, products: products, note: note, quotes: quotes, origin: r.location)
    }

    private func vocabulary(_ r: ObjectReader, _ key: String, _ words: [String]) -> String? {
        guard let s = r.string(key, required: true) else { return nil }
        if words.contains(s) { return s }
        var fix = "use one of: " + words.joined(separator: ", ")
        if let near = Suggest.closest(to: s, among: words) { fix = "did you mean \"\(near)\"? " + fix }
        r.problem(r.value(key)!, "unknown \(key) \"\(s)\"", fix: fix)
        return nil
    }

    private func party(_ node: JSONNode, record: String?) -> PartyDraft? {
        guard let r = ObjectReader(node, lines: lines, log: log, record: record, what: "a party") else { return nil }
        r.checkKeys(allowed: Self.partyKeys)
        let role = r.string("role")
        guard let partner = r.string("partner", required: true) else { return nil }
        return PartyDraft(partner: Reference(id: partner, origin: r.location(of: r.value("partner")!)), role: role)
    }

    private func amount(_ node: JSONNode, record: String?) -> AmountDraft? {
        if case .null = node.value { return nil }
        guard let r = ObjectReader(node, lines: lines, log: log, record: record, what: "an amount") else { return nil }
        r.checkKeys(allowed: Self.amountKeys)
        var value: Double?
        if let v = r.value("amount") {
            if case .number(let n) = v.value, n >= 0 { value = n } else {
                r.problem(v, "\"amount\" must be a non-negative number, found \(DatasetDecoder.describe(v))", fix: "write the figure in units of the currency: 110 billion is 110000000000")
            }
        } else {
            r.problem(node, "the field \"amount\" is missing", fix: "give the figure the document states, or set \"value\": null when it states none")
        }
        let currency = r.string("currency", required: true)
        if let currency, !(currency.count == 3 && currency.allSatisfy { $0.isASCII && $0.isUppercase }) {
            r.problem(r.value("currency")!, "\"\(currency)\" is not an ISO 4217 currency code", fix: "use three capital letters, such as USD or EUR")
        }
        let approximate = r.bool("approximate") ?? false
        let text = r.string("text")
        let shared = r.references("sharedBy")
        guard let value, let currency else { return nil }
        return AmountDraft(amount: Amount(amount: value, currency: currency, approximate: approximate, text: text, sharedBy: shared.map(\.id)), sharedBy: shared)
    }

    private func event(_ node: JSONNode) -> EventDraft? {
        guard let r = ObjectReader(node, lines: lines, log: log, record: label("event", node), what: "an event") else { return nil }
        r.checkKeys(allowed: Self.eventKeys)
        let id = r.id()
        let title = r.string("title", required: true)
        let date = r.date("date")
        var order: (EventOrder, SourceLocation)?
        if let o = r.value("order"), let or = ObjectReader(o, lines: lines, log: log, record: r.record, what: "an order") {
            let relations = EventOrder.Relation.allCases.map(\.rawValue)
            or.checkKeys(allowed: relations)
            let given = or.members.filter { relations.contains($0.key) }
            if given.count != 1 {
                or.problem(o, "\"order\" must name exactly one of before, with, after", fix: "write { \"after\": \"event-id\" }")
            } else if case .string(let anchor) = given[0].value.value, let relation = EventOrder.Relation(rawValue: given[0].key) {
                order = (EventOrder(relation: relation, anchor: anchor), or.location(of: given[0].value))
            } else {
                or.problem(given[0].value, "\"\(given[0].key)\" must name an event id or \"document\"")
            }
            if date != nil, order != nil {
                r.problem(o, "a dated event cannot also have \"order\": its date places it", fix: "remove \"order\", or set \"date\": null")
                order = nil
            }
        }
        let deals = r.references("deals")
        let partners = r.references("partners")
        let note = r.string("note")
        let quotes = evidence(r)
        guard let id, let title else { refuse(id); return nil }
        return EventDraft(id: id, title: title, date: date, order: order, deals: deals, partners: partners, note: note, quotes: quotes, origin: r.location)
    }

    private func refuse(_ id: String?) {
        if let id { log.refusedIDs.insert(id) }
    }

    private func evidence(_ r: ObjectReader) -> [QuoteSpec] {
        guard let items = r.array("evidence", required: true) else { return [] }
        if items.isEmpty {
            r.problem(r.value("evidence")!, "\"evidence\" is empty: every record needs at least one quote of the document", fix: "add the sentence of the document that states it")
        }
        return items.compactMap { item in
            switch item.value {
            case .string(let s):
                return checkedQuote(QuoteSpec(text: s, origin: lines.location(item.offset)), r)
            case .object:
                guard let q = ObjectReader(item, lines: lines, log: log, record: r.record, what: "a quote") else { return nil }
                q.checkKeys(allowed: Self.quoteKeys)
                let text = q.string("text", required: true)
                let document = q.string("document")
                var occurrence: Int?
                if let o = q.value("occurrence") {
                    if case .number(let n) = o.value, n >= 1, n == n.rounded(), n < 1e9 { occurrence = Int(n) } else {
                        q.problem(o, "\"occurrence\" must be a whole number from 1, found \(DatasetDecoder.describe(o))")
                    }
                }
                guard let text else { return nil }
                return checkedQuote(QuoteSpec(text: text, document: document, occurrence: occurrence, origin: lines.location(item.offset)), r)
            default:
                r.problem(item, "a quote must be a string or { \"text\": … }, found \(item.typeName)")
                return nil
            }
        }
    }

    private func checkedQuote(_ q: QuoteSpec, _ r: ObjectReader) -> QuoteSpec? {
        var visible = 0
        for scalar in q.text.unicodeScalars where !QuoteMatcher.isSpace(scalar) {
            visible += 1
            if visible == 3 { break }
        }
        if visible < 3 {
            log.add(q.origin, record: r.record, "the quote \"\(q.text)\" is too short to stand as evidence", fix: "quote at least the clause of the document that states the fact")
            return nil
        }
        return q
    }
}
