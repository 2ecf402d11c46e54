/// Joins decoded datasets into one catalog: reads their documents, merges records
/// defined in several datasets, checks ids and references, locates every quote and
/// orders the timeline.
struct CatalogBuilder {
    let log: ProblemLog
    var rules = FileRules.standard
    var progress: ProgressMeter? = nil

    func build(_ drafts: [DatasetDraft]) -> Catalog? {
        // Documents, per dataset.
        var documentsByDataset: [[String: SourceDocument]] = []
        var firstDocument: [SourceDocument?] = []
        // Ids of documents defined but unreadable: that is reported once, not again
        // at every quote that names them.
        var unreadable = Set<String>()
        var allDocuments: [SourceDocument] = []
        for draft in drafts {
            var docs: [String: SourceDocument] = [:]
            var defined = Set<String>()
            for d in draft.documents {
                if !defined.insert(d.id).inserted {
                    log.add(d.origin, record: ProblemMessages.label("document", d.id), "the document id is used twice in this dataset", fix: "give each document its own id")
                    continue
                }
                guard let doc = readDocument(d, directory: draft.directory) else { unreadable.insert(d.id); continue }
                docs[d.id] = doc
                allDocuments.append(doc)
            }
            documentsByDataset.append(docs)
            // Quotes default to the first document, even when it cannot be read.
            firstDocument.append(draft.documents.first.flatMap { docs[$0.id] })
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
        progress?.phase("locating quotes", 0.5)
        var matches: [ObjectIdentifier: [String: [Range<Int>]]] = [:]
        for (id, (doc, texts)) in quotesOf {
            let list = Array(texts)
            matches[id] = Dictionary(uniqueKeysWithValues: zip(list, doc.matchOffsets(ofAll: list)))
        }

        func anchor(_ quotes: [QuoteSpec], dataset: Int, record: String) -> [Evidence] {
            quotes.compactMap { q in
                if let id = q.document, unreadable.contains(id) { return nil }
                return locate(q, in: documentsByDataset[dataset], first: firstDocument[dataset], record: record, found: matches)
            }
        }

        // Partners: one per id across datasets; definitions must agree.
        var partnerDefinitions = Definitions<PartnerField, Partner>("partner", value: { $0.value }, make: Partner.init(values:origins:))
        for (k, draft) in drafts.enumerated() {
            for p in draft.partners {
                let label = ProblemMessages.label("partner", p.id)
                let products = p.products.map {
                    Product(name: $0.name, evidence: anchor($0.quotes, dataset: k, record: ProblemMessages.label(product: $0.name, of: p.id)), plain: $0.plain)
                }
                let partner = Partner(id: p.id, name: p.name, products: products, evidence: anchor(p.quotes, dataset: k, record: label),
                                      plain: p.plain, origins: [p.origin])
                partnerDefinitions.add(partner, id: p.id, places: p.places, dataset: k, log: log)
            }
        }
        let partnerByID = Dictionary(partnerDefinitions.merged.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let partnerIDs = Set(partnerByID.keys)
        let partnerSuggest = Lazy { SuggestIndex(partnerIDs.sorted()) }

        // Deals.
        var dealDefinitions = Definitions<DealField, Deal>("deal", value: { $0.value }, make: Deal.init(values:origins:))
        var roles = Set<String>()
        var tooManyRoles = false
        for (k, draft) in drafts.enumerated() {
            for d in draft.deals {
                let label = ProblemMessages.label("deal", d.id)
                for party in d.parties { checkReference(party.partner, kind: "partner", known: partnerIDs, suggest: partnerSuggest, record: label) }
                for party in d.parties {
                    guard let role = party.role, !roles.contains(role) else { continue }
                    guard roles.count < DealTable.maxRoles else {
                        // Said once: the first role past the limit.
                        if !tooManyRoles {
                            log.add(party.partner.origin, record: label,
                                    "the role \"\(ProblemMessages.abbreviate(role))\" is one more than the \(DealTable.maxRoles) different roles dealscope holds",
                                    fix: "use a few shared roles (a role is a party's part in a deal: investor, licensee, host)")
                        }
                        tooManyRoles = true
                        continue
                    }
                    roles.insert(role)
                }
                var seen = Set<String>()
                for party in d.parties where !seen.insert(party.partner.id).inserted {
                    log.add(ProblemMessages.partyListedTwice(party.partner.id, at: party.partner.origin, record: label))
                }
                if let value = d.value {
                    for s in value.sharedBy where !d.parties.contains(where: { $0.partner.id == s.id }) {
                        log.add(ProblemMessages.sharedByNonParty(s.id, at: s.origin, record: label))
                    }
                }
                let owned = Set(d.parties.compactMap { partnerByID[$0.partner.id] }.flatMap { $0.products.map { TextFolding.fold($0.name) } })
                for product in d.plain.texts(.products) where !owned.contains(TextFolding.fold(product)) {
                    log.add(ProblemMessages.productNotOwned(product, at: d.places[DealField.products] ?? d.origin, record: label))
                }
                let deal = Deal(id: d.id, title: d.title, kind: d.kind, status: d.status,
                                parties: d.parties.map { Party(partner: $0.partner.id, role: $0.role) }, date: d.date, value: d.value?.amount,
                                evidence: anchor(d.quotes, dataset: k, record: label), plain: d.plain, origins: [d.origin])
                dealDefinitions.add(deal, id: d.id, places: d.places, dataset: k, log: log)
            }
        }
        let deals = dealDefinitions.merged
        let dealIDs = Set(deals.map(\.id))
        let dealSuggest = Lazy { SuggestIndex(dealIDs.sorted()) }
        for draft in drafts {
            for d in draft.deals {
                guard let amends = d.amends else { continue }
                if amends.id == d.id {
                    log.add(ProblemMessages.amendsItself(at: amends.origin, record: ProblemMessages.label("deal", d.id)))
                } else {
                    checkReference(amends, kind: "deal", known: dealIDs, suggest: dealSuggest, record: ProblemMessages.label("deal", d.id))
                }
            }
        }

        // Events.
        var eventDefinitions = Definitions<EventField, Event>("event", value: { $0.value }, make: Event.init(values:origins:))
        for (k, draft) in drafts.enumerated() {
            for e in draft.events {
                let label = ProblemMessages.label("event", e.id)
                for r in e.deals { checkReference(r, kind: "deal", known: dealIDs, suggest: dealSuggest, record: label) }
                for r in e.partners { checkReference(r, kind: "partner", known: partnerIDs, suggest: partnerSuggest, record: label) }
                let event = Event(id: e.id, title: e.title, date: e.date, order: e.order?.0, deals: e.deals.map(\.id), partners: e.partners.map(\.id),
                                  evidence: anchor(e.quotes, dataset: k, record: label), plain: e.plain, origins: [e.origin])
                eventDefinitions.add(event, id: e.id, places: e.places, dataset: k, log: log)
            }
        }
        let events = eventDefinitions.merged
        let eventIDs = Set(events.map(\.id) + [EventOrder.documentAnchor])
        let eventSuggest = Lazy { SuggestIndex(eventIDs.sorted()) }
        for draft in drafts {
            for e in draft.events {
                guard let (order, at) = e.order else { continue }
                let label = ProblemMessages.label("event", e.id)
                if order.anchor == e.id {
                    log.add(ProblemMessages.orderedAgainstItself(at: at, record: label))
                } else {
                    checkReference(Reference(id: order.anchor, origin: at), kind: "event", known: eventIDs, suggest: eventSuggest, record: label)
                }
            }
        }

        // Timeline: each document an anchor at its own date.
        progress?.phase("ordering the timeline", 0.8)
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
                log.add(ProblemMessages.cycle(ids, at: at))
            }
            timeline = events.map(\.id)
        }
        let eventByID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let orderedEvents = timeline.compactMap { eventByID[$0] }

        let partners = partnerDefinitions.order.compactMap { partnerByID[$0] }
            .map { (key: TextFolding.fold($0.name), partner: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.partner.id < $1.partner.id }
            .map(\.partner)
        progress?.phase("indexing", 0.9)
        return Catalog(title: drafts.compactMap(\.title).first, files: drafts.map(\.file), documents: allDocuments,
                       partners: partners, deals: deals, events: orderedEvents)
    }

    private func checkReference(_ r: Reference, kind: String, known: Set<String>, suggest: Lazy<SuggestIndex>, record: String) {
        // A record that was refused for its own problems is still known by its id:
        // one mistake is reported once, not again at every reference to it.
        guard !known.contains(r.id), !log.refusedIDs.contains(r.id) else { return }
        log.add(ProblemMessages.unknownReference(r.id, kind: kind, near: suggest.value.closest(to: r.id), at: r.origin, record: record))
    }

    private func readDocument(_ d: DocumentDraft, directory: String) -> SourceDocument? {
        let path = FileAccess.join(directory, d.path)
        let label = "document \"\(d.id)\""
        switch FileAccess.read(path, rules: rules, within: directory) {
        case .failure(let f):
            log.add(Self.unreadable(d, path: path, f))
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

    static func unreadable(_ d: DocumentDraft, path: String, _ f: FileAccess.Failure) -> DataProblem {
        let fix = if case .notRegular = f { "point \"path\" at a text file" } else { f.fix ?? "check \"path\": it is relative to the dataset file" }
        return DataProblem(d.origin, record: ProblemMessages.label("document", d.id), "cannot read the document \(path): \(f.message)", fix: fix)
    }

    private func locate(_ q: QuoteSpec, in documents: [String: SourceDocument], first: SourceDocument?, record: String,
                        found: [ObjectIdentifier: [String: [Range<Int>]]]) -> Evidence? {
        let doc: SourceDocument
        if let id = q.document {
            guard let d = documents[id] else {
                log.add(ProblemMessages.unknownDocument(id, near: Suggest.closest(to: id, among: documents.keys.sorted()), at: q.origin, record: record))
                return nil
            }
            doc = d
        } else {
            guard let f = first else { return nil }  // the missing document was reported already
            doc = f
        }
        let matches = found[ObjectIdentifier(doc)]?[q.text] ?? doc.matchOffsets(ofAll: [q.text])[0]
        if matches.isEmpty {
            log.add(ProblemMessages.quoteNotFound(q.text, in: doc.path, at: q.origin, record: record))
            return nil
        }
        let chosen: Range<Int>
        if let n = q.occurrence {
            guard n <= matches.count else {
                log.add(ProblemMessages.occurrenceOutOfRange(n, of: q.text, matches: matches.count, at: q.origin, record: record))
                return nil
            }
            chosen = matches[n - 1]
        } else if matches.count > 1 {
            let paragraphs = matches.prefix(ProblemMessages.placesShown).map { doc.paragraphIndex(containingOffset: $0.lowerBound) }
            log.add(ProblemMessages.ambiguousQuote(q.text, matches: matches.count, paragraphs: paragraphs, in: doc.path, at: q.origin, record: record))
            return nil
        } else {
            chosen = matches[0]
        }
        return Evidence(document: doc, utf8Range: chosen)
    }

}
