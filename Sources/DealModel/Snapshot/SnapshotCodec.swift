/// Writes a catalog's stored form and reads it back, checking on the way in that every
/// position points inside what it indexes, so that a damaged snapshot is refused.
enum SnapshotCodec {
    // MARK: Writing

    static func write(_ s: Catalog.Stored, to w: BinaryWriter) {
        w.optional(s.title)
        w.strings(s.files)
        w.int(s.documents.count)
        for d in s.documents {
            w.string(d.id); w.optional(d.title); w.int(Int(PackedDate.pack(d.date))); w.string(d.path)
            w.array(d.split.paragraphStarts); w.array(d.split.paragraphEnds); w.array(d.split.sentenceStarts)
            w.array(d.split.sentenceEnds); w.array(d.split.paragraphFirstSentence)
        }
        let documentIndex = Dictionary(s.documents.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { a, _ in a })
        func anchors(_ e: [Evidence]) {
            var list = AnchorLists()
            list.append(e, documents: documentIndex)
            w.array(list.anchors)
        }
        w.int(s.partners.count)
        for p in s.partners {
            w.string(p.id); w.string(p.name); w.strings(p.aliases); w.optional(p.note)
            w.int(p.products.count)
            for pr in p.products { w.string(pr.name); anchors(pr.evidence) }
            anchors(p.evidence)
            w.string(p.origin.file); w.int(p.origin.line); w.int(p.origin.column)
        }
        let d = s.deals
        column(d.ids, w); column(d.titles, w); w.array(d.kinds); w.array(d.statuses)
        lists(d.parties, w); w.array(d.partyRoles); w.strings(d.roles); w.array(d.dates); w.array(d.valueIndex)
        w.int(d.amounts.count)
        for a in d.amounts { w.double(a.amount); w.string(a.currency); w.bool(a.approximate); w.optional(a.text); w.strings(a.sharedBy) }
        sparse(d.amends, w) { w.string($0) }
        sparse(d.products, w) { w.strings($0) }
        sparse(d.notes, w) { w.string($0) }
        w.array(d.anchors.starts); w.array(d.anchors.anchors); origins(d.origins, w)
        let e = s.events
        column(e.ids, w); column(e.titles, w); w.array(e.dates); w.array(e.orderRelations); w.array(e.orderAnchors)
        lists(e.deals, w); lists(e.partners, w)
        sparse(e.notes, w) { w.string($0) }
        w.array(e.anchors.starts); w.array(e.anchors.anchors); origins(e.origins, w)
        w.array(s.dealIndex.storedSlots); w.array(s.eventIndex.storedSlots)
        for l in [s.dealsOfPartner, s.partnersOfDeal, s.eventsOfDeal, s.dealsOfEvent, s.partnersOfEvent, s.eventsOfPartner] { lists(l, w) }
        w.array(s.eventBounds.map { $0.earliest ?? Int.min }); w.array(s.eventBounds.map { $0.latest ?? Int.min })
        column(s.partnerSearch.column, w); column(s.partnerNames.column, w)
    }

    private static func column(_ c: StringColumn, _ w: BinaryWriter) { w.array(c.bytes); w.array(c.ends) }
    private static func lists(_ l: IndexLists, _ w: BinaryWriter) { w.array(l.starts); w.array(l.items) }
    private static func origins(_ o: OriginColumn, _ w: BinaryWriter) { w.strings(o.files); w.array(o.file); w.array(o.line); w.array(o.column) }
    private static func sparse<T>(_ m: [Int: T], _ w: BinaryWriter, _ value: (T) -> Void) {
        w.int(m.count)
        for (k, v) in m.sorted(by: { $0.key < $1.key }) { w.int(k); value(v) }
    }

    // MARK: Reading

    /// Reads a catalog; `text(k, path)` supplies document k's checked text.
    static func read(_ r: BinaryReader, text: (Int, String) throws(SnapshotUnusable) -> String) throws(SnapshotUnusable) -> Catalog.Stored {
        func check(_ ok: Bool, _ what: String) throws(SnapshotUnusable) { if !ok { throw SnapshotUnusable(what) } }
        let title = try r.optional()
        let files = try r.strings()
        var documents: [SourceDocument] = []
        for k in 0..<(try r.count(8)) {
            let id = try r.string(), docTitle = try r.optional(), date = PackedDate.unpack(UInt32(truncatingIfNeeded: try r.int())), path = try r.string()
            let split = DocumentSplit(paragraphStarts: try r.array(), paragraphEnds: try r.array(), sentenceStarts: try r.array(),
                                      sentenceEnds: try r.array(), paragraphFirstSentence: try r.array())
            let body = try text(k, path)
            try check(split.fits(length: body.utf8.count), "document split")
            documents.append(SourceDocument(id: id, title: docTitle, date: date, path: path, text: body, split: split))
        }
        func evidence(_ a: [Anchor]) throws(SnapshotUnusable) -> [Evidence] {
            try check(anchorsFit(a, documents), "anchors")
            return a.map { Evidence(document: documents[Int($0.document)], utf8Range: Int($0.start)..<Int($0.end)) }
        }
        var partners: [Partner] = []
        for _ in 0..<(try r.count(8)) {
            let id = try r.string(), name = try r.string(), aliases = try r.strings(), note = try r.optional()
            var products: [Product] = []
            for _ in 0..<(try r.count(8)) { products.append(Product(name: try r.string(), evidence: try evidence(try r.array()))) }
            let ev = try evidence(try r.array())
            let origin = SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())
            partners.append(Partner(id: id, name: name, aliases: aliases, products: products, note: note, evidence: ev, origin: origin))
        }
        let P = partners.count

        var d = DealTable()
        d.ids = try column(r); d.titles = try column(r); d.kinds = try r.array(); d.statuses = try r.array()
        let D = d.ids.count
        d.parties = try lists(r, count: D, bound: P); d.partyRoles = try r.array(); d.roles = try r.strings()
        d.dates = try r.array(); d.valueIndex = try r.array()
        var amounts: [Amount] = []
        for _ in 0..<(try r.count(8)) {
            amounts.append(Amount(amount: try r.double(), currency: try r.string(), approximate: try r.bool(), text: try r.optional(), sharedBy: try r.strings()))
        }
        d.amounts = amounts
        d.amends = try sparse(r, D) { () throws(SnapshotUnusable) in try r.string() }
        d.products = try sparse(r, D) { () throws(SnapshotUnusable) in try r.strings() }
        d.notes = try sparse(r, D) { () throws(SnapshotUnusable) in try r.string() }
        d.anchors = try anchorLists(r, count: D, documents)
        d.origins = try origins(r, count: D)
        try check(d.titles.count == D && d.kinds.count == D && d.statuses.count == D && d.dates.count == D && d.valueIndex.count == D
                  && d.partyRoles.count == d.parties.items.count, "deal columns")
        try check(d.kinds.allSatisfy { Int($0) < DealKind.allCases.count } && d.statuses.allSatisfy { Int($0) < DealStatus.allCases.count }
                  && d.partyRoles.allSatisfy { Int($0) <= d.roles.count } && d.valueIndex.allSatisfy { $0 >= -1 && Int($0) < amounts.count }, "deal values")

        var e = EventTable()
        e.ids = try column(r); e.titles = try column(r); e.dates = try r.array(); e.orderRelations = try r.array(); e.orderAnchors = try r.array()
        let E = e.ids.count
        e.deals = try lists(r, count: E, bound: D); e.partners = try lists(r, count: E, bound: P)
        e.notes = try sparse(r, E) { () throws(SnapshotUnusable) in try r.string() }
        e.anchors = try anchorLists(r, count: E, documents)
        e.origins = try origins(r, count: E)
        try check(e.titles.count == E && e.dates.count == E && e.orderRelations.count == E && e.orderAnchors.count == E, "event columns")
        try check(e.orderRelations.allSatisfy { $0 <= 3 } && e.orderAnchors.allSatisfy { $0 >= -2 && Int($0) < E }, "event order")

        guard let dealIndex = IDIndex(slots: try r.array(), count: D), let eventIndex = IDIndex(slots: try r.array(), count: E) else { throw SnapshotUnusable("id index") }
        var s = Catalog.Stored(title: title, files: files, documents: documents, partners: partners, deals: d, events: e, dealIndex: dealIndex, eventIndex: eventIndex)
        s.dealsOfPartner = try lists(r, count: P, bound: D)
        s.partnersOfDeal = try lists(r, count: D, bound: P)
        s.eventsOfDeal = try lists(r, count: D, bound: E)
        s.dealsOfEvent = try lists(r, count: E, bound: D)
        s.partnersOfEvent = try lists(r, count: E, bound: P)
        s.eventsOfPartner = try lists(r, count: P, bound: E)
        let earliest: [Int] = try r.array(), latest: [Int] = try r.array()
        try check(earliest.count == E && latest.count == E, "day bounds")
        s.eventBounds = zip(earliest, latest).map { DayBounds(earliest: $0 == Int.min ? nil : $0, latest: $1 == Int.min ? nil : $1) }
        let partnerSearch = try column(r), partnerNames = try column(r)
        try check(partnerSearch.count == P && partnerNames.count == P && r.atEnd, "partner search")
        s.partnerSearch = FoldedColumn(column: partnerSearch)
        s.partnerNames = FoldedColumn(column: partnerNames)
        s.partnerIndex = Dictionary(partners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        s.fromSnapshot = true
        return s
    }

    private static func column(_ r: BinaryReader) throws(SnapshotUnusable) -> StringColumn {
        let c = StringColumn(bytes: try r.array(), ends: try r.array())
        guard c.isWellFormed else { throw SnapshotUnusable("string column") }
        return c
    }

    /// `count` lists of positions below `bound`.
    private static func lists(_ r: BinaryReader, count: Int, bound: Int) throws(SnapshotUnusable) -> IndexLists {
        let starts: [UInt32] = try r.array(), items: [Int32] = try r.array()
        guard listStarts(starts, count: count, total: items.count) else { throw SnapshotUnusable("index lists") }
        guard items.allSatisfy({ $0 >= 0 && Int($0) < bound }) else { throw SnapshotUnusable("index lists") }
        return IndexLists(starts: starts, items: items)
    }

    /// Whether `starts` bound `count` lists, in order, of `total` items in all.
    private static func listStarts(_ starts: [UInt32], count: Int, total: Int) -> Bool {
        guard starts.count == count + 1, starts.first == 0, Int(starts.last ?? 1) == total else { return false }
        return zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }

    private static func anchorsFit(_ a: [Anchor], _ documents: [SourceDocument]) -> Bool {
        let lengths = documents.map { $0.text.utf8.count }
        return a.allSatisfy { Int($0.document) < lengths.count && $0.start <= $0.end && Int($0.end) <= lengths[Int($0.document)] }
    }

    private static func anchorLists(_ r: BinaryReader, count: Int, _ documents: [SourceDocument]) throws(SnapshotUnusable) -> AnchorLists {
        let starts: [UInt32] = try r.array(), anchors: [Anchor] = try r.array()
        guard listStarts(starts, count: count, total: anchors.count), anchorsFit(anchors, documents) else { throw SnapshotUnusable("anchors") }
        return AnchorLists(starts: starts, anchors: anchors)
    }

    private static func origins(_ r: BinaryReader, count: Int) throws(SnapshotUnusable) -> OriginColumn {
        let o = OriginColumn(files: try r.strings(), file: try r.array(), line: try r.array(), column: try r.array())
        guard o.file.count == count, o.line.count == count, o.column.count == count, o.file.allSatisfy({ Int($0) < o.files.count }) else { throw SnapshotUnusable("origins") }
        return o
    }

    private static func sparse<T>(_ r: BinaryReader, _ count: Int, _ value: () throws(SnapshotUnusable) -> T) throws(SnapshotUnusable) -> [Int: T] {
        var m: [Int: T] = [:]
        for _ in 0..<(try r.count(16)) {
            let k = try r.int()
            guard k >= 0 && k < count else { throw SnapshotUnusable("sparse field") }
            m[k] = try value()
        }
        return m
    }
}
