/// Reads what `SnapshotCodec.write` wrote, walking the same declarations, and checks
/// every value as strictly as the JSON loader does: a snapshot with a valid checksum
/// but a month 13, a word out of range, a position past its table, a list of the
/// wrong length, a document without paragraphs or a full id table is refused (the
/// dataset is then read), never trusted.
extension SnapshotCodec {
    /// Reads a catalog; `text(k, path)` supplies document k's checked text.
    static func read(_ r: BinaryReader, text: (Int, String) throws(SnapshotUnusable) -> String) throws(SnapshotUnusable) -> Catalog.Stored {
        let title = try r.optional()
        let files = try r.strings()
        var documents: [SourceDocument] = []
        for k in 0..<(try r.count(8)) {
            var id = "", path = "", date: PartialDate?, plain = PlainFields<DocumentField>()
            for f in DocumentField.allCases {
                switch f {
                case .id: id = try r.string(); try check(IDSyntax.isValid(id), "document id")
                case .path: path = try r.string(); try check(!path.isEmpty, "document path")
                case .date: date = try packedDate(try r.int())
                default: plain[f] = try readPlain(f, r)
                }
            }
            let split = DocumentSplit(paragraphStarts: try r.array(), paragraphEnds: try r.array(), sentenceStarts: try r.array(),
                                      sentenceEnds: try r.array(), paragraphFirstSentence: try r.array())
            let body = try text(k, path)
            try check(split.isValid(length: body.utf8.count), "document split")
            documents.append(SourceDocument(id: id, date: date, plain: plain, path: path, text: body, split: split))
        }
        func evidence(_ a: [Anchor]) throws(SnapshotUnusable) -> [Evidence] {
            try check(!a.isEmpty && anchorsFit(a, documents), "anchors")
            return a.map { Evidence(document: documents[Int($0.document)], utf8Range: Int($0.start)..<Int($0.end)) }
        }
        var partners: [Partner] = []
        for _ in 0..<(try r.count(8)) {
            var id = "", name = "", products: [Product] = [], ev: [Evidence] = [], plain = PlainFields<PartnerField>()
            for f in PartnerField.allCases {
                switch f {
                case .id: id = try r.string(); try check(IDSyntax.isValid(id), "partner id")
                case .name: name = try r.string(); try check(isText(name), "partner name")
                case .products:
                    for _ in 0..<(try r.count(8)) {
                        var productName = "", productEvidence: [Evidence] = [], productPlain = PlainFields<ProductField>()
                        for g in ProductField.allCases {
                            switch g {
                            case .name: productName = try r.string(); try check(isText(productName), "product name")
                            case .evidence: productEvidence = try evidence(try r.array())
                            default: productPlain[g] = try readPlain(g, r)
                            }
                        }
                        products.append(Product(name: productName, evidence: productEvidence, plain: productPlain))
                    }
                case .evidence: ev = try evidence(try r.array())
                default: plain[f] = try readPlain(f, r)
                }
            }
            var origins: [SourceLocation] = []
            for _ in 0..<(try r.count(24)) { origins.append(try place(r)) }
            try check(!origins.isEmpty, "partner origins")
            partners.append(Partner(id: id, name: name, products: products, evidence: ev, plain: plain, origins: origins))
        }
        let P = partners.count
        let partnerIndex = Dictionary(partners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        try check(partnerIndex.count == P, "partner ids")

        var d = DealTable()
        var amounts: [Amount] = []
        var D = 0
        for f in DealField.allCases {
            switch f {
            case .id: d.ids = try ids(r); D = d.ids.count
            case .title: d.titles = try texts(r, count: D)
            case .kind: d.kinds = try r.array(); try check(d.kinds.count == D && d.kinds.allSatisfy { Int($0) < DealKind.allCases.count }, "deal kinds")
            case .status:
                d.statuses = try r.array()
                try check(d.statuses.count == D && d.statuses.allSatisfy { Int($0) < DealStatus.allCases.count }, "deal statuses")
            case .parties:
                d.parties = try lists(r, count: D, bound: P, nonEmpty: true); d.partyRoles = try r.array(); d.roles = try r.strings()
                try check(d.roles.count <= DealTable.maxRoles && Set(d.roles).count == d.roles.count && d.partyRoles.count == d.parties.items.count
                          && d.partyRoles.allSatisfy { Int($0) <= d.roles.count }, "parties")
            case .date: d.dates = try dates(r, count: D)
            case .value:
                d.valueIndex = try r.array()
                for _ in 0..<(try r.count(8)) { amounts.append(try amount(r)) }
                d.amounts = amounts
                try check(d.valueIndex.count == D && d.valueIndex.allSatisfy { $0 >= -1 && Int($0) < amounts.count }, "deal values")
            case .evidence: d.anchors = try anchorLists(r, count: D, documents)
            default: d.rare.setColumn(f, try sparse(r, D) { () throws(SnapshotUnusable) in try readPlain(f, r, present: true)! })
            }
        }
        d.origins = try origins(r, count: D)

        var e = EventTable()
        var E = 0
        for f in EventField.allCases {
            switch f {
            case .id: e.ids = try ids(r); E = e.ids.count
            case .title: e.titles = try texts(r, count: E)
            case .date: e.dates = try dates(r, count: E)
            case .order:
                e.orderRelations = try r.array(); e.orderAnchors = try r.array()
                try check(e.orderRelations.count == E && e.orderAnchors.count == E, "event order")
                for i in 0..<E {
                    let relation = e.orderRelations[i], anchor = e.orderAnchors[i]
                    // No order: no anchor; an order: the document or another event, and no date.
                    try check(relation == 0 ? anchor == -1 : relation <= 3 && e.dates[i] == 0 && (anchor == -2 || (anchor >= 0 && Int(anchor) < E && Int(anchor) != i)),
                              "event order")
                }
            case .deals: e.deals = try lists(r, count: E, bound: D)
            case .partners: e.partners = try lists(r, count: E, bound: P)
            case .evidence: e.anchors = try anchorLists(r, count: E, documents)
            default: e.rare.setColumn(f, try sparse(r, E) { () throws(SnapshotUnusable) in try readPlain(f, r, present: true)! })
            }
        }
        e.origins = try origins(r, count: E)

        guard let dealIndex = IDIndex.checked(slots: try r.array(), count: D), let eventIndex = IDIndex.checked(slots: try r.array(), count: E) else {
            throw SnapshotUnusable("id index")
        }
        var s = Catalog.Stored(title: title, files: files, documents: documents, partners: partners, deals: d, events: e, dealIndex: dealIndex, eventIndex: eventIndex)
        s.dealsOfPartner = try lists(r, count: P, bound: D)
        s.partnersOfDeal = try lists(r, count: D, bound: P)
        s.eventsOfDeal = try lists(r, count: D, bound: E)
        s.dealsOfEvent = try lists(r, count: E, bound: D)
        s.partnersOfEvent = try lists(r, count: E, bound: P)
        s.eventsOfPartner = try lists(r, count: P, bound: E)
        let earliest: [Int] = try r.array(), latest: [Int] = try r.array()
        try check(earliest.count == E && latest.count == E, "day bounds")
        s.eventBounds.reserveCapacity(E)
        for (a, b) in zip(earliest, latest) {
            let bounds = DayBounds(earliest: a == Int.min ? nil : a, latest: b == Int.min ? nil : b)
            try check((bounds.earliest.map(isDay) ?? true) && (bounds.latest.map(isDay) ?? true) && (bounds.earliest ?? 0) <= (bounds.latest ?? Int.max), "day bounds")
            s.eventBounds.append(bounds)
        }
        let partnerSearch = try texts(r, count: P, blank: true), partnerNames = try texts(r, count: P, blank: true)
        try check(r.atEnd, "trailing data")
        s.partnerSearch = FoldedColumn(column: partnerSearch)
        s.partnerNames = FoldedColumn(column: partnerNames)
        s.partnerIndex = partnerIndex
        s.fromSnapshot = true
        return s
    }

    private static func check(_ ok: Bool, _ what: String) throws(SnapshotUnusable) { if !ok { throw SnapshotUnusable(what) } }

    /// A string that is not blank, as required strings are in a dataset.
    private static func isText(_ s: String) -> Bool { s.utf8.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A } }

    /// A day number (yyyymmdd) of the kind `PartialDate.earliestDay` gives.
    private static func isDay(_ v: Int) -> Bool {
        (0...9999_12_31).contains(v) && (1...12).contains(v / 100 % 100) && (1...31).contains(v % 100)
    }

    private static func packedDate(_ v: Int) throws(SnapshotUnusable) -> PartialDate? {
        try check((0...Int(UInt32.max)).contains(v) && PackedDate.isValid(UInt32(v)), "date")
        return PackedDate.unpack(UInt32(v))
    }

    private static func dates(_ r: BinaryReader, count: Int) throws(SnapshotUnusable) -> [UInt32] {
        let dates: [UInt32] = try r.array()
        try check(dates.count == count && dates.allSatisfy(PackedDate.isValid), "dates")
        return dates
    }

    private static func place(_ r: BinaryReader) throws(SnapshotUnusable) -> SourceLocation {
        let p = SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())
        try check(p.line >= 0 && p.column >= 0, "origin")
        return p
    }

    /// A plain field's value, checked against the field's kind; nil when none (and
    /// when none is not allowed, with `present`, refused).
    private static func readPlain<F: FieldList>(_ f: F, _ r: BinaryReader, present: Bool = false) throws(SnapshotUnusable) -> FieldValue? {
        let tag = try r.int()
        switch (f.kind, tag) {
        case (_, 0) where !present: return nil
        case (.text, 1): return .text(try r.string())
        case (.reference, 1):
            let id = try r.string()
            try check(IDSyntax.isValid(id), "reference")
            return .text(id)
        case (.texts, 2), (.references, 2):
            let list = try r.strings()
            try check(!list.isEmpty && (f.kind == .texts || list.allSatisfy(IDSyntax.isValid)), "list")
            return .texts(list)
        case (.draft, 3):
            let mark = DraftMark(rule: try r.string(), matched: try r.string())
            try check(isText(mark.rule) && isText(mark.matched), "draft mark")
            return .draft(mark)
        default: throw SnapshotUnusable("\(F.self).\(f)")
        }
    }

    private static func amount(_ r: BinaryReader) throws(SnapshotUnusable) -> Amount {
        let flags = AmountFlags(rawValue: try r.int())
        guard flags.rawValue & ~AmountFlags.all == 0, let bound = flags.bound, let per = flags.per else { throw SnapshotUnusable("amount") }
        var amount: Double?, currency: String?, maximum: Double?, equivalent: Amount.Equivalent?, stake: Double?, text: String?, sharedBy: [String] = []
        for f in AmountField.allCases {
            switch f {
            case .amount: if flags.contains(.amount) { amount = try r.double() }
            case .currency: if flags.contains(.currency) { currency = try r.string() }
            case .maximum: if flags.contains(.maximum) { maximum = try r.double() }
            case .equivalent:
                guard flags.contains(.equivalent) else { break }
                var a = 0.0, c = "", m: Double?
                for g in EquivalentField.allCases {
                    switch g {
                    case .amount: a = try r.double()
                    case .currency: c = try r.string()
                    case .maximum: if flags.contains(.equivalentMaximum) { m = try r.double() }
                    }
                }
                equivalent = Amount.Equivalent(amount: a, currency: c, maximum: m)
            case .stake: if flags.contains(.stake) { stake = try r.double() }
            case .text: if flags.contains(.text) { text = try r.string() }
            case .sharedBy: sharedBy = try r.strings(); try check(sharedBy.allSatisfy(IDSyntax.isValid), "sharedBy")
            case .approximate, .bound, .per: break  // in the flags
            }
        }
        let value = Amount(amount: amount, currency: currency, approximate: flags.contains(.approximate), bound: bound, maximum: maximum, per: per,
                           equivalent: equivalent, stake: stake, text: text, sharedBy: sharedBy)
        try check(value.problems.isEmpty, "amount")
        return value
    }

    private static func column(_ r: BinaryReader) throws(SnapshotUnusable) -> StringColumn {
        let c = StringColumn(bytes: try r.array(), ends: try r.array())
        guard c.isWellFormed else { throw SnapshotUnusable("string column") }
        return c
    }

    /// A column of record ids, each spelled as an id: every byte a lower-case letter,
    /// a digit or '-' (one pass over the bytes), none empty or starting with '-'.
    private static func ids(_ r: BinaryReader) throws(SnapshotUnusable) -> StringColumn {
        let c = try column(r)
        try check(c.bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }, "ids")
        var start = 0
        for end in c.ends {
            try check(Int(end) > start && c.bytes[start] != 0x2D, "ids")
            start = Int(end)
        }
        return c
    }

    /// A column of `count` strings of valid UTF-8, each cut at a character's start, and
    /// none blank unless `blank`.
    private static func texts(_ r: BinaryReader, count: Int, blank: Bool = false) throws(SnapshotUnusable) -> StringColumn {
        let c = try column(r)
        try check(c.count == count && UTF8Check.firstInvalidOffset(c.bytes) == nil, "text column")
        for i in 0..<c.count {
            try check(c.withBytes(i) { b in (b.isEmpty || b[0] & 0xC0 != 0x80) && (blank || b.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) }, "text column")
        }
        return c
    }

    /// `count` lists of positions below `bound` (each holding one at least, with `nonEmpty`).
    private static func lists(_ r: BinaryReader, count: Int, bound: Int, nonEmpty: Bool = false) throws(SnapshotUnusable) -> IndexLists {
        let starts: [UInt32] = try r.array(), items: [Int32] = try r.array()
        guard listStarts(starts, count: count, total: items.count, nonEmpty: nonEmpty) else { throw SnapshotUnusable("index lists") }
        guard items.allSatisfy({ $0 >= 0 && Int($0) < bound }) else { throw SnapshotUnusable("index lists") }
        return IndexLists(starts: starts, items: items)
    }

    /// Whether `starts` bound `count` lists, in order, of `total` items in all.
    private static func listStarts(_ starts: [UInt32], count: Int, total: Int, nonEmpty: Bool = false) -> Bool {
        guard starts.count == count + 1, starts.first == 0, Int(starts.last ?? 1) == total else { return false }
        return zip(starts, starts.dropFirst()).allSatisfy { nonEmpty ? $0 < $1 : $0 <= $1 }
    }

    private static func anchorsFit(_ a: [Anchor], _ documents: [SourceDocument]) -> Bool {
        let lengths = documents.map { $0.text.utf8.count }
        return a.allSatisfy { Int($0.document) < lengths.count && $0.start < $0.end && Int($0.end) <= lengths[Int($0.document)] }
    }

    /// Every record's quotes: one at least, each inside its document.
    private static func anchorLists(_ r: BinaryReader, count: Int, _ documents: [SourceDocument]) throws(SnapshotUnusable) -> AnchorLists {
        let starts: [UInt32] = try r.array(), anchors: [Anchor] = try r.array()
        guard listStarts(starts, count: count, total: anchors.count, nonEmpty: true), anchorsFit(anchors, documents) else { throw SnapshotUnusable("anchors") }
        return AnchorLists(starts: starts, anchors: anchors)
    }

    private static func origins(_ r: BinaryReader, count: Int) throws(SnapshotUnusable) -> OriginColumn {
        let files = try r.strings(), file: [UInt32] = try r.array(), line: [UInt32] = try r.array(), column: [UInt32] = try r.array()
        let more = try sparse(r, count) { () throws(SnapshotUnusable) -> [SourceLocation] in
            var places: [SourceLocation] = []
            for _ in 0..<(try r.count(24)) { places.append(try place(r)) }
            return places
        }
        let o = OriginColumn(files: files, file: file, line: line, column: column, more: more)
        guard o.file.count == count, o.line.count == count, o.column.count == count, o.file.allSatisfy({ Int($0) < o.files.count }) else { throw SnapshotUnusable("origins") }
        return o
    }

    private static func sparse<T>(_ r: BinaryReader, _ count: Int, _ value: () throws(SnapshotUnusable) -> T) throws(SnapshotUnusable) -> [Int: T] {
        var m: [Int: T] = [:]
        for _ in 0..<(try r.count(16)) {
            let k = try r.int()
            guard k >= 0 && k < count && m[k] == nil else { throw SnapshotUnusable("sparse field") }
            m[k] = try value()
        }
        return m
    }
}
