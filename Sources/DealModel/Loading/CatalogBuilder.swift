/// Joins decoded datasets into one catalog: reads their documents, merges records
/// defined in several datasets, checks ids and references, locates every quote and
/// orders the timeline.
struct CatalogBuilder {
    let log: ProblemLog
    var progress: ProgressHandler? = nil

    func build(_ drafts: [DatasetDraft]) -> Catalog? {
        // Documents, per dataset.
        var documentsByDataset: [[String: SourceDocument]] = []
        var firstDocument: [SourceDocument?] = []
        var allDocuments: [SourceDocument] = []
        for draft in drafts {
            var docs: [String: SourceDocument] = [:]
            var first: SourceDocument?
            for d in draft.documents {
                if docs[d.id] != nil {
                    log.add(d.origin, record: "document \"\(d.id)\"", "the document id is used twice in this dataset", fix: "give each document its own id")
                    continue
                }
                guard let doc = readDocument(d, directory: draft.directory) else { continue }
                docs[d.id] = doc
                if first == nil { first = doc }
                allDocuments.append(doc)
            }
            documentsByDataset.append(docs)
            firstDocument.append(first)
        }

        // Every quote of a document is located in one pass over it.
        var quotesOf: [ObjectIdentifier: (SourceDocument, Set<String>)] = [:]
        for (k, draft) in drafts.enumerated() {
            let specs = draft.partners.flatMap { $0.quotes + $0.products.flatMap(\.quotes) }
                + draft.deals.flatMap(\.quotes) + draft.events.flatMap(\.quotes)
            for q in specs {
                guard let doc = q.document.map({ documentsByDataset[k][$0] }) ?? firstDocument[k] else { continue }
                quotesOf[ObjectIdentifier(doc), default: (doc, [])].1.insert(q.text)
            }
        }
        progress?(LoadProgress(phase: "locating quotes", fraction: 0.5))
        var matches: [ObjectIdentifier: [String: [Range<Int>]]] = [:]
        for (id, (doc, texts)) in quotesOf {
            let list = Array(texts)
            matches[id] = Dictionary(uniqueKeysWithValues: zip(list, doc.matchOffsets(ofAll: list)))
        }

        func anchor(_ quotes: [QuoteSpec], dataset: Int, record: String) -> [Evidence] {
            quotes.compactMap { locate($0, in: documentsByDataset[dataset], first: firstDocument[dataset], record: record, found: matches) }
        }

        // Partners: one per id across datasets; definitions must agree.
        var partnerDefinitions = Definitions<PartnerField, Partner>("partner", value: { $0.value }, make: Partner.init(values:origins:))
        for (k, draft) in drafts.enumerated() {
            for p in draft.partners {
                let label = "partner \"\(p.id)\""
                let products = p.products.map {
                    Product(name: $0.name, evidence: anchor($0.quotes, dataset: k, record: label + ", product \"\($0.name)\""), plain: $0.plain)
                }
                let partner = Partner(id: p.id, name: p.name, products: products, evidence: anchor(p.quotes, dataset: k, record: label),
                                      plain: p.plain, origins: [p.origin])
                partnerDefinitions.add(partner, id: p.id, places: p.places, dataset: k, log: log)
            }
        }
        let partnerByID = Dictionary(partnerDefinitions.merged.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let partnerIDs = Set(partnerByID.keys)

        // Deals.
        var dealDefinitions = Definitions<DealField, Deal>("deal", value: { $0.value }, make: Deal.init(values:origins:))
        var roles = Set<String>()
        var tooManyRoles = false
        for (k, draft) in drafts.enumerated() {
            for d in draft.deals {
                let label = "deal \"\(d.id)\""
                for party in d.parties { checkReference(party.partner, kind: "partner", known: partnerIDs, record: label) }
                for party in d.parties {
                    guard let role = party.role, !roles.contains(role) else { continue }
                    guard roles.count < DealTable.maxRoles else {
                        // Said once: the first role past the limit.
                        if !tooManyRoles {
                            log.add(party.partner.origin, record: label,
                                    "the role \"\(Self.abbreviate(role))\" is one more than the \(DealTable.maxRoles) different roles dealscope holds",
                                    fix: "use a few shared roles (a role is a party's part in a deal: investor, licensee, host)")
                        }
                        tooManyRoles = true
                        continue
                    }
                    roles.insert(role)
                }
                var seen = Set<String>()
                for party in d.parties where !seen.insert(party.partner.id).inserted {
                    log.add(party.partner.origin, record: label, "the partner \"\(party.partner.id)\" is listed twice among the parties", fix: "list each party once; put both roles in one \"role\"")
                }
                if let value = d.value {
                    for s in value.sharedBy where !d.parties.contains(where: { $0.partner.id == s.id }) {
                        log.add(s.origin, record: label, "\"sharedBy\" names \"\(s.id)\", which is not a party of this deal", fix: "add it to \"parties\" or remove it from \"sharedBy\"")
                    }
                }
                let owned = Set(d.parties.compactMap { partnerByID[$0.partner.id] }.flatMap { $0.products.map { TextFolding.fold($0.name) } })
                for product in d.plain.texts(.products) where !owned.contains(TextFolding.fold(product)) {
                    log.add(d.places[DealField.products] ?? d.origin, record: label, "the product \"\(product)\" is not a product of any party of the deal", fix: "add it to the owning partner's \"products\", or correct the name")
                }
                let deal = Deal(id: d.id, title: d.title, kind: d.kind, status: d.status,
                                parties: d.parties.map { Party(partner: $0.partner.id, role: $0.role) }, date: d.date, value: d.value?.amount,
                                evidence: anchor(d.quotes, dataset: k, record: label), plain: d.plain, origins: [d.origin])
                dealDefinitions.add(deal, id: d.id, places: d.places, dataset: k, log: log)
            }
        }
        let deals = dealDefinitions.merged
        let dealIDs = Set(deals.map(\.id))
        for draft in drafts {
            for d in draft.deals {
                guard let amends = d.amends else { continue }
                if amends.id == d.id {
                    log.add(amends.origin, record: "deal \"\(d.id)\"", "a deal cannot amend itself", fix: "name the deal it changes")
                } else {
                    checkReference(amends, kind: "deal", known: dealIDs, record: "deal \"\(d.id)\"")
                }
            }
        }

        // Events.
        var eventDefinitions = Definitions<EventField, Event>("event", value: { $0.value }, make: Event.init(values:origins:))
        for (k, draft) in drafts.enumerated() {
            for e in draft.events {
                let label = "event \"\(e.id)\""
                for r in e.deals { checkReference(r, kind: "deal", known: dealIDs, record: label) }
                for r in e.partners { checkReference(r, kind: "partner", known: partnerIDs, record: label) }
                let event = Event(id: e.id, title: e.title, date: e.date, order: e.order?.0, deals: e.deals.map(\.id), partners: e.partners.map(\.id),
                                  evidence: anchor(e.quotes, dataset: k, record: label), plain: e.plain, origins: [e.origin])
                eventDefinitions.add(event, id: e.id, places: e.places, dataset: k, log: log)
            }
        }
        let events = eventDefinitions.merged
        let eventIDs = Set(events.map(\.id) + [EventOrder.documentAnchor])
        for draft in drafts {
            for e in draft.events {
                guard let (order, at) = e.order else { continue }
                if order.anchor == e.id {
                    log.add(at, record: "event \"\(e.id)\"", "an event cannot be ordered against itself")
                } else {
                    checkReference(Reference(id: order.anchor, origin: at), kind: "event", known: eventIDs, record: "event \"\(e.id)\"")
                }
            }
        }

        // Timeline: each document an anchor at its own date.
        progress?(LoadProgress(phase: "ordering the timeline", fraction: 0.8))
        let documentIndex = Dictionary(allDocuments.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { a, _ in a })
        let items = events.map { e in
            TimelineOrder.Item(id: e.id, date: e.date, order: e.order, documentPosition: e.evidence.first?.utf8Range.lowerBound ?? Int.max,
                               document: e.evidence.first.flatMap { documentIndex[ObjectIdentifier($0.document)] } ?? 0)
        }
        var timeline: [String] = []
        do {
            timeline = try TimelineOrder.sort(items, documentDates: allDocuments.map(\.date))
        } catch {
            if case .cycle(let ids) = error, let first = ids.first, let at = eventDefinitions.origin(first) {
                log.add(at, record: "event \"\(first)\"", "the \"order\" references form a cycle: \(ids.joined(separator: " → "))", fix: "let one of these events point to an event outside the cycle, or to \"document\"")
            }
            timeline = events.map(\.id)
        }
        let eventByID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let orderedEvents = timeline.compactMap { eventByID[$0] }

        let partners = partnerDefinitions.order.compactMap { partnerByID[$0] }
            .map { (key: TextFolding.fold($0.name), partner: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.partner.id < $1.partner.id }
            .map(\.partner)
        progress?(LoadProgress(phase: "indexing", fraction: 0.9))
        return Catalog(title: drafts.compactMap(\.title).first, files: drafts.map(\.file), documents: allDocuments,
                       partners: partners, deals: deals, events: orderedEvents)
    }

    private func checkReference(_ r: Reference, kind: String, known: Set<String>, record: String) {
        // A record that was refused for its own problems is still known by its id:
        // one mistake is reported once, not again at every reference to it.
        guard !known.contains(r.id), !log.refusedIDs.contains(r.id) else { return }
        var message = "unknown \(kind) \"\(r.id)\""
        if let near = Suggest.closest(to: r.id, among: known.sorted()) { message += " (the closest known \(kind) is \"\(near)\")" }
        let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        log.add(r.origin, record: record, message, fix: "use the id of \(article) \(kind) defined in the data, or define it")
    }

    private func readDocument(_ d: DocumentDraft, directory: String) -> SourceDocument? {
        let path = FileAccess.join(directory, d.path)
        let label = "document \"\(d.id)\""
        switch FileAccess.read(path) {
        case .failure(let f):
            log.add(d.origin, record: label, "cannot read the document \(path): \(f.message)", fix: "check \"path\": it is relative to the dataset file")
            return nil
        case .success(let bytes):
            if let bad = UTF8Check.firstInvalidOffset(bytes) {
                let at = LineMap(file: path, bytes: bytes).location(bad)
                log.add(d.origin, record: label, "the document \(path) is not UTF-8: byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at line \(at.line), column \(at.column)", fix: "convert the document to UTF-8")
                return nil
            }
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            let text = String(decoding: body, as: UTF8.self)
            if text.allSatisfy(\.isWhitespace) {
                log.add(d.origin, record: label, "the document \(path) is empty", fix: "check \"path\"")
                return nil
            }
            return SourceDocument(id: d.id, date: d.date, plain: d.plain, path: path, text: text)
        }
    }

    private func locate(_ q: QuoteSpec, in documents: [String: SourceDocument], first: SourceDocument?, record: String,
                        found: [ObjectIdentifier: [String: [Range<Int>]]]) -> Evidence? {
        let doc: SourceDocument
        if let id = q.document {
            guard let d = documents[id] else {
                var message = "the quote names the document \"\(id)\", which this dataset does not define"
                if let near = Suggest.closest(to: id, among: Array(documents.keys)) { message += " (the closest is \"\(near)\")" }
                log.add(q.origin, record: record, message, fix: "use the id of one of the dataset's \"documents\"")
                return nil
            }
            doc = d
        } else {
            guard let f = first else { return nil }  // the missing document was reported already
            doc = f
        }
        let matches = found[ObjectIdentifier(doc)]?[q.text] ?? doc.matchOffsets(ofAll: [q.text])[0]
        let shown = Self.abbreviate(q.text)
        if matches.isEmpty {
            log.add(q.origin, record: record, "the quote \"\(shown)\" is not in \(doc.path)", fix: "copy the words exactly from the document (case, whitespace, quotation marks and dashes may differ)")
            return nil
        }
        let chosen: Range<Int>
        if let n = q.occurrence {
            guard n <= matches.count else {
                log.add(q.origin, record: record, "\"occurrence\": \(n) asks for match \(n) of the quote \"\(shown)\", but it matches \(matches.count) time\(matches.count == 1 ? "" : "s")", fix: "use an occurrence from 1 to \(matches.count)")
                return nil
            }
            chosen = matches[n - 1]
        } else if matches.count > 1 {
            var paragraphs: [Int] = []
            for m in matches {
                let p = doc.paragraphIndex(containingOffset: m.lowerBound) + 1
                if paragraphs.last != p { paragraphs.append(p) }
            }
            let where_ = (paragraphs.count == 1 ? "paragraph " : "paragraphs ") + paragraphs.map(String.init).joined(separator: ", ")
            log.add(q.origin, record: record, "the quote \"\(shown)\" matches \(matches.count) places in \(doc.path) (\(where_))", fix: "quote more words so that it matches once, or add \"occurrence\": N to choose")
            return nil
        } else {
            chosen = matches[0]
        }
        return Evidence(document: doc, utf8Range: chosen)
    }

    static func abbreviate(_ s: String, limit: Int = 60) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }
}
