/// The edits a reviewer makes, as changes to every file that defines the record (a
/// record shared by several datasets is changed in each).
extension EditSession {
    /// Where a record is defined: file, place in the file, the record as written.
    public func definitions(of key: RecordKey) -> [(file: Int, index: Int, record: JSONTree)] {
        files.indices.compactMap { f in files[f].index(of: key).map { (f, $0, files[f].records(key.list)[$0]) } }
    }

    /// The record with its draft mark removed: a person has checked it.
    public func accept(_ key: RecordKey) throws(EditRefusal) -> Edit {
        let changes = definitions(of: key).compactMap { d -> Change? in
            guard d.record["draft"] != nil else { return nil }
            var new = d.record
            new["draft"] = nil
            return Change(file: d.file, list: key.list, index: d.index, old: d.record, new: new)
        }
        guard !changes.isEmpty else { throw EditRefusal("\(key) is not a draft") }
        return Edit("accept \(key)", changes)
    }

    /// The record removed from every file. Lists that merely name it (an event's
    /// `deals` and `partners`) drop it too; a record others depend on (a deal's party,
    /// an event's `order` anchor) is refused by the loader's check, with its message.
    public func reject(_ key: RecordKey) throws(EditRefusal) -> Edit {
        let defs = definitions(of: key)
        guard !defs.isEmpty else { throw EditRefusal("no \(key)") }
        var changes: [Change] = []
        let listField = key.list == .deals ? "deals" : key.list == .partners ? "partners" : nil
        if let listField {
            for f in files.indices {
                for (i, event) in files[f].records(.events).enumerated() {
                    guard let names = event[listField]?.items, names.contains(.string(key.id)) else { continue }
                    var new = event
                    let rest = names.filter { $0 != .string(key.id) }
                    new[listField] = rest.isEmpty ? nil : .array(rest)
                    changes.append(Change(file: f, list: .events, index: i, old: event, new: new))
                }
            }
        }
        // Removed last, from the highest place down, so earlier places stay put.
        changes += defs.sorted { $0.index > $1.index }.map { Change(file: $0.file, list: key.list, index: $0.index, old: $0.record, new: nil) }
        return Edit("reject \(key)", changes)
    }

    /// A field set (nil: removed) in every definition that gives it, or in the first
    /// when none does.
    public func set(_ key: RecordKey, field: String, to value: JSONTree?) throws(EditRefusal) -> Edit {
        try set(key, [(field, value)], label: "set \(field) of \(key)")
    }

    /// Adds the document's words at `utf8Range` as a quote of the record, exactly as
    /// the document has them, with `occurrence` when they occur more than once.
    public func attachQuote(_ key: RecordKey, document: SourceDocument, utf8Range: Range<Int>) throws(EditRefusal) -> Edit {
        let defs = definitions(of: key)
        // The first definition whose file lists the document.
        guard let (d, docID, first) = defs.lazy.compactMap({ d -> ((file: Int, index: Int, record: JSONTree), String, Bool)? in
            guard let id = self.documentID(document, inFile: d.file) else { return nil }
            return (d, id, self.files[d.file].documentIDs.first == id)
        }).first else { throw EditRefusal("\(key) is not defined in a dataset that names \(document.path)") }
        var new = d.record
        new["evidence"] = .array((d.record["evidence"]?.items ?? []) + [Self.quote(document, utf8Range, id: docID, isFirst: first)])
        return Edit("add a quote to \(key)", [Change(file: d.file, list: key.list, index: d.index, old: d.record, new: new)])
    }

    /// The record's quote that the catalog located at `evidence` removed.
    public func removeQuote(_ key: RecordKey, evidence: Evidence) throws(EditRefusal) -> Edit {
        for d in definitions(of: key) {
            guard let j = quoteIndex(evidence, in: d) else { continue }
            var rest = d.record["evidence"]?.items ?? []
            rest.remove(at: j)
            var new = d.record
            new["evidence"] = .array(rest)
            return Edit("remove a quote from \(key)", [Change(file: d.file, list: key.list, index: d.index, old: d.record, new: new)])
        }
        throw EditRefusal("the quote is not written in \(key)")
    }

    /// A new record from a span of a document, in the first file that names the
    /// document; `fields` are its other fields (a partner's name, a deal's kind…).
    public func create(_ key: RecordKey, fields: [JSONTree.Member], document: SourceDocument, utf8Range: Range<Int>) throws(EditRefusal) -> Edit {
        guard definitions(of: key).isEmpty else { throw EditRefusal("\(key) exists already: choose another id") }
        guard let f = files.indices.first(where: { documentID(document, inFile: $0) != nil }), let docID = documentID(document, inFile: f) else {
            throw EditRefusal("no dataset names \(document.path)")
        }
        let quote = Self.quote(document, utf8Range, id: docID, isFirst: files[f].documentIDs.first == docID)
        let record = JSONTree.object([.init("id", .string(key.id))] + fields + [.init("evidence", .array([quote])), ])
        return Edit("create \(key)", [Change(file: f, list: key.list, index: files[f].records(key.list).count, old: nil, new: record)])
    }

    // MARK: Quotes

    static func quote(_ document: SourceDocument, _ r: Range<Int>, id: String, isFirst: Bool) -> JSONTree {
        let text = String(decoding: Array(document.text.utf8)[r], as: UTF8.self)
        let matches = document.matchOffsets(ofAll: [text])[0]
        let occurrence = matches.count > 1 ? (matches.firstIndex(of: r) ?? matches.firstIndex { $0.lowerBound >= r.lowerBound } ?? 0) + 1 : nil
        if isFirst && occurrence == nil { return .string(text) }
        var members: [JSONTree.Member] = [.init("text", .string(text))]
        if !isFirst { members.append(.init("document", .string(id))) }
        if let occurrence { members.append(.init("occurrence", .number(Double(occurrence)))) }
        return .object(members)
    }

    /// Where a written quote lies (as the loader locates it): its document (`first`
    /// when it names none) and its bytes.
    static func locate(_ q: JSONTree, in docs: [String: SourceDocument], first: String?) -> (SourceDocument, Range<Int>)? {
        guard let text = q.string ?? q["text"]?.string, let id = q["document"]?.string ?? first, let doc = docs[id] else { return nil }
        let matches = doc.matchOffsets(ofAll: [text])[0]
        var n = 1
        if case .number(let o)? = q["occurrence"] { n = Int(o) }
        return n >= 1 && n <= matches.count ? (doc, matches[n - 1]) : nil
    }

    /// Where a definition's evidence writes the quote the catalog located at `evidence`.
    func quoteIndex(_ evidence: Evidence, in d: (file: Int, index: Int, record: JSONTree)) -> Int? {
        guard let docs = documents(ofFile: d.file) else { return nil }
        let first = files[d.file].documentIDs.first
        return (d.record["evidence"]?.items ?? []).firstIndex { q in
            Self.locate(q, in: docs, first: first).map { $0.0 === evidence.document && $0.1 == evidence.utf8Range } == true
        }
    }

    /// The documents a file names, by id, as the catalog read them.
    func documents(ofFile f: Int) -> [String: SourceDocument]? {
        let dir = FileAccess.directory(of: files[f].path)
        var out: [String: SourceDocument] = [:]
        for d in files[f].head["documents"]?.items ?? [] {
            guard let id = d["id"]?.string, let p = d["path"]?.string else { continue }
            let full = FileAccess.join(dir, p)
            if let doc = catalog.documents.first(where: { $0.path == full }) { out[id] = doc }
        }
        return out
    }

    /// The id a file gives a document, when it names it.
    func documentID(_ document: SourceDocument, inFile f: Int) -> String? {
        documents(ofFile: f)?.first { $0.value === document }?.key
    }
}

extension Catalog {
    /// How many records are still marked as drafts (the sparse draft columns of deals
    /// and events are counted, not walked).
    public var draftCount: Int {
        partners.reduce(0) { $0 + ($1.draft == nil ? 0 : 1) } + deals.rare.column(.draft).count + events.rare.column(.draft).count
    }

    /// Whether a record is marked as a draft, without assembling it.
    public func isDraft(_ r: RecordRef) -> Bool {
        switch r {
        case .partner(let p): partners[p].draft != nil
        case .deal(let d): deals.rare.column(.draft)[d] != nil
        case .event(let e): events.rare.column(.draft)[e] != nil
        }
    }
}
