/// Turns the JSON of one dataset file into drafts, logging every problem it sees.
/// Keys, their order and the plain fields come from the field declarations
/// (`DealField` and the others); the fields with rules of their own are read here.
struct DatasetDecoder {
    let lines: LineMap
    let log: ProblemLog

    func decode(_ root: JSONNode, file: String, directory: String) -> DatasetDraft? {
        guard case .object = root.value else {
            log.add(lines.location(root.offset), "expected a dataset (a JSON object), found \(root.typeName)", fix: "a dataset is one object: { \"dealscope\": 1, \"documents\": [ … ], \"partners\": [ … ], … } (see docs/data-format.md)")
            return nil
        }
        guard let top = ObjectReader(root, lines: lines, log: log, record: nil, what: "a dataset") else { return nil }
        top.checkKeys(allowed: DatasetField.allCases.map(\.rawValue))
        guard let version = top.value(DatasetField.dealscope.rawValue) else {
            log.add(top.location, "this is not a dealscope dataset: the field \"dealscope\" (the format version) is missing", fix: "start the file with { \"dealscope\": 1, … } (see docs/data-format.md)")
            return nil
        }
        guard case .number(1) = version.value else {
            top.problem(version, "unsupported format version \(Self.describe(version)); this dealscope reads version 1")
            return nil
        }
        var draft = DatasetDraft(file: file, directory: directory, title: top.string(DatasetField.title.rawValue))
        if let docs = top.array(DatasetField.documents.rawValue, required: true) {
            if docs.isEmpty { top.problem(top.value(DatasetField.documents.rawValue)!, "\"documents\" is empty: a dataset annotates at least one document") }
            draft.documents = docs.compactMap(document)
        }
        draft.partners = (top.array(DatasetField.partners.rawValue) ?? []).compactMap(partner)
        draft.deals = (top.array(DatasetField.deals.rawValue) ?? []).compactMap(deal)
        draft.events = (top.array(DatasetField.events.rawValue) ?? []).compactMap(event)
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
        guard let r = FieldReader<DocumentField>(node, lines: lines, log: log, record: label("document", node), what: "a document") else { return nil }
        let id = r.id(.id), path = r.text(.path), date = r.date(.date), plain = r.plain()
        guard let id, let path else { return nil }
        return DocumentDraft(id: id, path: path, date: date, plain: plain, origin: r.location)
    }

    private func partner(_ node: JSONNode) -> PartnerDraft? {
        guard let r = FieldReader<PartnerField>(node, lines: lines, log: log, record: label("partner", node), what: "a partner") else { return nil }
        let id = r.id(.id)
        let name = r.text(.name)
        let products = (r.array(.products) ?? []).compactMap { product($0, record: r.record) }
        let plain = r.plain()
        let quotes = evidence(r.r, key: PartnerField.evidence.key)
        guard let id, let name else { refuse(id); return nil }
        return PartnerDraft(id: id, name: name, products: products, quotes: quotes, plain: plain, places: r.places, origin: r.location)
    }

    private func product(_ node: JSONNode, record: String?) -> ProductDraft? {
        guard let r = FieldReader<ProductField>(node, lines: lines, log: log, record: record, what: "a product") else { return nil }
        let name = r.text(.name)
        let plain = r.plain()
        let quotes = evidence(r.r, key: ProductField.evidence.key)
        guard let name else { return nil }
        return ProductDraft(name: name, quotes: quotes, plain: plain)
    }

    private func deal(_ node: JSONNode) -> DealDraft? {
        guard let r = FieldReader<DealField>(node, lines: lines, log: log, record: label("deal", node), what: "a deal") else { return nil }
        let id = r.id(.id)
        let title = r.text(.title)
        let kind = word(r, .kind).flatMap(DealKind.init(rawValue:))
        let status = word(r, .status).flatMap(DealStatus.init(rawValue:))
        var parties: [PartyDraft] = []
        if let items = r.array(.parties) {
            if items.isEmpty { r.r.problem(r.value(.parties)!, "a deal needs at least one party") }
            parties = items.compactMap { party($0, record: r.record) }
        }
        let date = r.date(.date)
        let value = r.value(.value).flatMap { amount($0, record: r.record) }
        let plain = r.plain()
        let quotes = evidence(r.r, key: DealField.evidence.key)
        guard let id, let title, let kind, let status else { refuse(id); return nil }
        return DealDraft(id: id, title: title, kind: kind, status: status, parties: parties, date: date, value: value, quotes: quotes,
                         plain: plain, places: r.places, origin: r.location)
    }

    /// A field whose value is one of a list of words, with the closest word suggested.
    private func word<F: FieldList>(_ r: FieldReader<F>, _ f: F) -> String? {
        guard case .word(let words) = f.kind, let s = r.text(f) else { return nil }
        return Self.word(s, of: words, field: f.key, at: r.value(f)!, reader: r.r)
    }

    static func word(_ s: String, of words: [String], field: String, at node: JSONNode, reader: ObjectReader) -> String? {
        if words.contains(s) { return s }
        var fix = "use one of: " + words.joined(separator: ", ")
        if let near = Suggest.closest(to: s, among: words) { fix = "did you mean \"\(near)\"? " + fix }
        reader.problem(node, "unknown \(field) \"\(s)\"", fix: fix)
        return nil
    }

    private func party(_ node: JSONNode, record: String?) -> PartyDraft? {
        guard let r = ObjectReader(node, lines: lines, log: log, record: record, what: "a party") else { return nil }
        r.checkKeys(allowed: PartyField.allCases.map(\.rawValue))
        let role = r.string(PartyField.role.rawValue)
        guard let partner = r.string(PartyField.partner.rawValue, required: true) else { return nil }
        return PartyDraft(partner: Reference(id: partner, origin: r.location(of: r.value(PartyField.partner.rawValue)!)), role: role)
    }

    private func event(_ node: JSONNode) -> EventDraft? {
        guard let r = FieldReader<EventField>(node, lines: lines, log: log, record: label("event", node), what: "an event") else { return nil }
        let id = r.id(.id)
        let title = r.text(.title)
        let date = r.date(.date)
        var order: (EventOrder, SourceLocation)?
        if let o = r.value(.order), let or = ObjectReader(o, lines: lines, log: log, record: r.record, what: "an order") {
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
                r.r.problem(o, "a dated event cannot also have \"order\": its date places it", fix: "remove \"order\", or set \"date\": null")
                order = nil
            }
        }
        let deals = r.references(.deals)
        let partners = r.references(.partners)
        let plain = r.plain()
        let quotes = evidence(r.r, key: EventField.evidence.key)
        guard let id, let title else { refuse(id); return nil }
        return EventDraft(id: id, title: title, date: date, order: order, deals: deals, partners: partners, quotes: quotes, plain: plain,
                          places: r.places, origin: r.location)
    }

    private func refuse(_ id: String?) {
        if let id { log.refusedIDs.insert(id) }
    }

    private func evidence(_ r: ObjectReader, key: String) -> [QuoteSpec] {
        guard let items = r.array(key, required: true) else { return [] }
        if items.isEmpty {
            r.problem(r.value(key)!, "\"evidence\" is empty: every record needs at least one quote of the document", fix: "add the sentence of the document that states it")
        }
        return items.compactMap { item in
            switch item.value {
            case .string(let s):
                return checkedQuote(QuoteSpec(text: s, origin: lines.location(item.offset)), r)
            case .object:
                guard let q = ObjectReader(item, lines: lines, log: log, record: r.record, what: "a quote") else { return nil }
                q.checkKeys(allowed: QuoteField.allCases.map(\.rawValue))
                let text = q.string(QuoteField.text.rawValue, required: true)
                let document = q.string(QuoteField.document.rawValue)
                var occurrence: Int?
                if let o = q.value(QuoteField.occurrence.rawValue) {
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
