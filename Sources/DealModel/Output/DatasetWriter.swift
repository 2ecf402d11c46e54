/// Writes records in the documented dataset format (docs/data-format.md), in a
/// stable layout: keys in the order of the field declarations, two-space indentation,
/// records in the order they were loaded (file, then place in the file), absent
/// optional fields left out, each value on lines of its record only, so that
/// changing one field of one record changes only that record's lines in a diff.
/// What it writes loads back to the same records: quotes as the document's exact
/// words (with `document` when not the first document, `occurrence` when the words
/// occur more than once), document paths relative to where the dataset goes.
public struct DatasetWriter {
    let catalog: Catalog
    let selection: Selection
    /// The directory the dataset is written to.
    let directory: String
    /// Written ids of the documents (made unique when several datasets used the same).
    private let documentIDs: [ObjectIdentifier: String]
    /// The documents the written records quote (at least one), in order.
    public let documents: [SourceDocument]
    /// Paths to write for documents (by the document's own path) instead of the path
    /// relative to `directory`: a copy placed beside the dataset.
    public var documentPaths: [String: String] = [:]
    /// Which match a quote is, for the quotes whose words occur more than once.
    private let occurrences: [Evidence: Int]

    /// `directory`: where the dataset will be; nil for the current directory.
    public init(catalog: Catalog, selection: Selection? = nil, directory: String? = nil) {
        self.catalog = catalog
        let selection = selection ?? Selection(all: catalog)
        self.selection = selection
        self.directory = directory ?? "."
        // The words of the written quotes, by document; the documents that hold one (at
        // least one document), in order.
        var quotes: [ObjectIdentifier: (SourceDocument, Set<String>)] = [:]
        Self.eachEvidence(catalog, selection) { e in
            quotes[ObjectIdentifier(e.document), default: (e.document, [])].1.insert(String(e.matchedText))
        }
        var documents = catalog.documents.filter { quotes[ObjectIdentifier($0)] != nil }
        if documents.isEmpty, let first = catalog.documents.first { documents = [first] }
        self.documents = documents
        var ids: [ObjectIdentifier: String] = [:]
        var taken = Set<String>()
        for d in documents {
            var id = d.id, n = 1
            while !taken.insert(id).inserted { n += 1; id = "\(d.id)-\(n)" }
            ids[ObjectIdentifier(d)] = id
        }
        documentIDs = ids
        // Each document searched once for the words of all its quotes.
        var occurrences: [Evidence: Int] = [:]
        for (doc, texts) in quotes.values {
            let list = Array(texts)
            for matches in doc.matchOffsets(ofAll: list) where matches.count > 1 {
                for (k, r) in matches.enumerated() { occurrences[Evidence(document: doc, utf8Range: r)] = k + 1 }
            }
        }
        self.occurrences = occurrences
    }

    /// The records to write, by position in the catalog.
    public struct Selection: Sendable {
        public var partners: [Int]
        public var deals: [Int]
        public var events: [Int]

        public init(all c: Catalog) {
            self.init(partners: Array(c.partners.indices), deals: Array(c.deals.indices), events: Array(c.events.indices))
        }

        /// The records a filter shows, and what they refer to, so that the dataset
        /// loads: the deals that pass and the deals they amend; the events that pass
        /// and the events their `order` names; every party of those deals, the
        /// partners those events name and the partners asked for. An event's `deals`
        /// keep only the deals written (the others are outside the filter).
        public init(_ c: Catalog, matching q: DealQuery) {
            guard !q.isEmpty else { self.init(all: c); return }
            var deals = Set(c.dealIndices(matching: q))
            var pending = Array(deals)
            while let d = pending.popLast() {
                if let a = c.deals[d].amends, let k = c.dealIndex(id: a), deals.insert(k).inserted { pending.append(k) }
            }
            var events = Set(c.eventIndices(matching: q))
            pending = Array(events)
            while let e = pending.popLast() {
                if let o = c.events.order(e), let k = c.eventIndex(id: o.anchor), events.insert(k).inserted { pending.append(k) }
            }
            var partners = Set(q.partners.compactMap { c.partnerIndex(id: $0) })
            for d in deals { partners.formUnion(c.partnersOfDeal[d]) }
            for e in events { partners.formUnion(c.events.partners[e]) }
            self.init(partners: partners.sorted(), deals: deals.sorted(), events: events.sorted())
        }

        public init(partners: [Int], deals: [Int], events: [Int]) {
            self.partners = partners
            self.deals = deals
            self.events = events
        }
    }

    private static func eachEvidence(_ c: Catalog, _ s: Selection, _ body: (Evidence) -> Void) {
        for p in s.partners { c.partners[p].evidence.forEach(body); c.partners[p].products.forEach { $0.evidence.forEach(body) } }
        for d in s.deals { c.evidence(of: .deal(d)).forEach(body) }
        for e in s.events { c.evidence(of: .event(e)).forEach(body) }
    }

    /// Writes the dataset as UTF-8, a piece at a time (64 KB or a record).
    public func write(_ emit: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        put("{\n  \"\(DatasetField.dealscope.rawValue)\": 1")
        if let title = catalog.title {
            put(",\n  \"\(DatasetField.title.rawValue)\": ")
            JSONOut.escape(title, into: &out)
        }
        list(.documents, documents.map { d in
            record({ (f: DocumentField) in
                switch f {
                case .id: .text(documentIDs[ObjectIdentifier(d)] ?? d.id)
                // Relative to where the dataset goes.
                case .path: .text(documentPaths[d.path] ?? FilePaths.relative(d.path, from: directory))
                default: d.value(f)
                }
            })
        }, &out, emit)
        list(.partners, inLoadOrder(selection.partners) { catalog.partners[$0].origin }.lazy.map { record(catalog.partners[$0].value) }, &out, emit)
        list(.deals, inLoadOrder(selection.deals) { catalog.deals.origin($0) }.lazy.map { record(catalog.deals[$0].value) }, &out, emit)
        let kept = Set(selection.deals.map { catalog.deals.id($0) })
        list(.events, inLoadOrder(selection.events) { catalog.events.origin($0) }.lazy.map { e in
            let event = catalog.events[e]
            return record { (f: EventField) in
                // An event's deals that are not written are left out of its list.
                f == .deals ? FieldValue.plain(event.deals.filter(kept.contains)) : event.value(f)
            }
        }, &out, emit)
        put("\n}\n")
        emit(out)
    }

    /// Writes into a sink that may fail (an `AtomicFile`'s), stopping at its first failure.
    public func write(failing emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) {
        var failure: AtomicFile.Failure?
        write { chunk in
            guard failure == nil else { return }
            do throws(AtomicFile.Failure) { try emit(chunk) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The whole dataset as text.
    public func text() -> String {
        var out: [UInt8] = []
        write { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    private func list<S: Sequence<JSONOut>>(_ field: DatasetField, _ records: S, _ out: inout [UInt8], _ emit: ([UInt8]) -> Void) {
        out.append(contentsOf: ",\n  \"\(field.rawValue)\": [".utf8)
        var empty = true
        for r in records {
            out.append(contentsOf: (empty ? "\n    " : ",\n    ").utf8)
            empty = false
            r.write(into: &out, indent: 2, pretty: true)
            if out.count >= 1 << 16 {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: (empty ? "]" : "\n  ]").utf8)
    }

    /// Records by where they were first defined: file, line, column (records with no
    /// place keep the catalog's order).
    private func inLoadOrder(_ positions: [Int], _ origin: (Int) -> SourceLocation) -> [Int] {
        let files = Dictionary(catalog.files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = positions.map { i -> (Int, Int, Int) in
            let o = origin(i)
            return (files[o.file] ?? Int.max, o.line, o.column)
        }
        return positions.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : positions[$0] < positions[$1] }.map { positions[$0] }
    }

    /// One record: each field of the declaration that has a value, in order.
    private func record<F: FieldList>(_ value: (F) -> FieldValue?) -> JSONOut {
        var members: [(String, JSONOut)] = []
        for f in F.allCases {
            if let v = value(f) {
                members.append((f.key, json(v)))
            } else if f.writesNull {
                members.append((f.key, .null))
            }
        }
        return .object(members)
    }

    private func json(_ v: FieldValue) -> JSONOut {
        switch v {
        case .text(let s): return .string(s)
        case .texts(let list): return .array(list.map(JSONOut.string))
        case .date(let d): return .string(d.written)
        case .amount(let a): return Self.amount(a)
        case .parties(let parties):
            return .array(parties.map { p in .object([(PartyField.partner.rawValue, .string(p.partner))] + (p.role.map { [(PartyField.role.rawValue, .string($0))] } ?? [])) })
        case .order(let o): return .object([(o.relation.rawValue, .string(o.anchor))])
        case .products(let products): return .array(products.map { p in record(p.value) })
        case .evidence(let evidence): return .array(evidence.map(quote))
        case .draft(let d): return .object([(DraftField.rule.rawValue, .string(d.rule)), (DraftField.matched.rawValue, .string(d.matched))])
        }
    }

    /// A quote as a string, or as an object when it needs its document or occurrence.
    private func quote(_ e: Evidence) -> JSONOut {
        let text = String(e.matchedText)
        let occurrence = occurrences[e]
        let first = e.document === documents.first
        if first && occurrence == nil { return .string(text) }
        var members: [(String, JSONOut)] = [(QuoteField.text.rawValue, .string(text))]
        if !first { members.append((QuoteField.document.rawValue, .string(documentIDs[ObjectIdentifier(e.document)] ?? e.document.id))) }
        if let occurrence { members.append((QuoteField.occurrence.rawValue, .int(occurrence))) }
        return .object(members)
    }

    static func amount(_ a: Amount) -> JSONOut {
        var members: [(String, JSONOut)] = []
        for f in AmountField.allCases {
            let v: JSONOut?
            switch f {
            case .amount: v = a.amount.map(JSONOut.number)
            case .currency: v = a.currency.map(JSONOut.string)
            case .approximate: v = a.approximate ? .bool(true) : nil
            case .bound: v = a.bound.map { .string($0.rawValue) }
            case .maximum: v = a.maximum.map(JSONOut.number)
            case .per: v = a.per.map { .string($0.rawValue) }
            case .equivalent:
                v = a.equivalent.map { e in
                    .object(EquivalentField.allCases.compactMap { g in
                        switch g {
                        case .amount: (g.rawValue, .number(e.amount))
                        case .currency: (g.rawValue, .string(e.currency))
                        case .maximum: e.maximum.map { (g.rawValue, .number($0)) }
                        }
                    })
                }
            case .stake: v = a.stake.map(JSONOut.number)
            case .text: v = a.text.map(JSONOut.string)
            case .sharedBy: v = a.sharedBy.isEmpty ? nil : .array(a.sharedBy.map(JSONOut.string))
            }
            if let v { members.append((f.rawValue, v)) }
        }
        return .object(members)
    }
}

extension Catalog {
    /// The records of a selection as a catalog of their own: the dataset the writer
    /// writes, loaded again (so a filtered CSV or Markdown export holds exactly what a
    /// filtered JSON export would).
    public func subset(_ selection: DatasetWriter.Selection) throws(DataLoadError) -> Catalog {
        let text = DatasetWriter(catalog: self, selection: selection, directory: "/").text()
        let (catalog, problems) = DatasetLoader.check(json: Array(text.utf8), file: files.first ?? "(selection)", directory: "/")
        guard let catalog, problems.isEmpty else { throw DataLoadError(problems: problems) }
        return catalog
    }
}
