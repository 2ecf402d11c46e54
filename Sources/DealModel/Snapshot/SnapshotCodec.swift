/// Writes a catalog's stored form and reads it back. Records are written field by
/// field in the order of their declarations (`DealField` and the others), and every
/// value read is checked as the JSON loader checks it (dates, words, ids, amounts,
/// positions, list lengths, document splits, id tables), so that no snapshot can
/// crash or hang the reader: a damaged or forged one is refused.
enum SnapshotCodec {
    /// The layout's version. It follows the stored fields: `layout` is derived from the
    /// declarations, and a test pins its fingerprint to this number, so a changed
    /// layout with an unchanged version fails the tests.
    static let version = 3

    /// What is stored, in order: each record's fields with their kinds, then the
    /// indexes. Its fingerprint is what the version stands for.
    static var layout: [String] {
        func fields<F: FieldList>(_: F.Type) -> String {
            "\(F.self): " + F.allCases.map { f in
                let kind = if case .word(let words) = f.kind { "word " + words.joined(separator: "|") } else { "\(f.kind)" }
                return f.key + "=" + kind + (f.isPlain ? " plain" : "")
            }.joined(separator: "; ")
        }
        return ["header: file keys with change time and device, checksums keyed per user", "title files", fields(DocumentField.self) + " split", fields(PartnerField.self) + " origins", fields(ProductField.self),
                fields(DealField.self) + " origins", "AmountField: " + AmountField.allCases.map(\.rawValue).joined(separator: ", "),
                "EquivalentField: " + EquivalentField.allCases.map(\.rawValue).joined(separator: ", "),
                "DraftField: " + DraftField.allCases.map(\.rawValue).joined(separator: ", "),
                fields(EventField.self) + " origins", "plain values: text 1, texts 2, draft 3", "amount flags: " + AmountFlags.layout,
                "dates: 1 + year*10000 + period*100 + day, period 0 year 1-12 month 13-14 half 15-18 quarter",
                "id tables, relations, day bounds, search columns"]
    }

    static var fingerprint: String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in layout.joined(separator: "\n").utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return String(h, radix: 16)
    }

    // MARK: Writing

    // Fields with storage of their own are written by a case of their own; the plain
    // ones (`FieldList.isPlain`) by `default`, so that a new plain field needs no case.

    static func write(_ s: Catalog.Stored, to w: BinaryWriter) {
        w.optional(s.title)
        w.strings(s.files)
        w.int(s.documents.count)
        for d in s.documents {
            for f in DocumentField.allCases {
                switch f {
                case .id: w.string(d.id)
                case .path: w.string(d.path)
                case .date: w.int(Int(PackedDate.pack(d.date)))
                default: plain(d.plain[f], w)
                }
            }
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
            for f in PartnerField.allCases {
                switch f {
                case .id: w.string(p.id)
                case .name: w.string(p.name)
                case .products:
                    w.int(p.products.count)
                    for product in p.products {
                        for g in ProductField.allCases {
                            switch g {
                            case .name: w.string(product.name)
                            case .evidence: anchors(product.evidence)
                            default: plain(product.plain[g], w)
                            }
                        }
                    }
                case .evidence: anchors(p.evidence)
                default: plain(p.plain[f], w)
                }
            }
            w.int(p.origins.count)
            for o in p.origins { w.string(o.file); w.int(o.line); w.int(o.column) }
        }
        let d = s.deals
        for f in DealField.allCases {
            switch f {
            case .id: column(d.ids, w)
            case .title: column(d.titles, w)
            case .kind: w.array(d.kinds)
            case .status: w.array(d.statuses)
            case .parties: lists(d.parties, w); w.array(d.partyRoles); w.strings(d.roles)
            case .date: w.array(d.dates)
            case .value:
                w.array(d.valueIndex)
                w.int(d.amounts.count)
                for a in d.amounts { amount(a, w) }
            case .evidence: w.array(d.anchors.starts); w.array(d.anchors.anchors)
            default: sparse(d.rare.column(f), w) { plain($0, w) }
            }
        }
        origins(d.origins, w)
        let e = s.events
        for f in EventField.allCases {
            switch f {
            case .id: column(e.ids, w)
            case .title: column(e.titles, w)
            case .date: w.array(e.dates)
            case .order: w.array(e.orderRelations); w.array(e.orderAnchors)
            case .deals: lists(e.deals, w)
            case .partners: lists(e.partners, w)
            case .evidence: w.array(e.anchors.starts); w.array(e.anchors.anchors)
            default: sparse(e.rare.column(f), w) { plain($0, w) }
            }
        }
        origins(e.origins, w)
        w.array(s.dealIndex.storedSlots); w.array(s.eventIndex.storedSlots)
        for l in [s.dealsOfPartner, s.partnersOfDeal, s.eventsOfDeal, s.dealsOfEvent, s.partnersOfEvent, s.eventsOfPartner] { lists(l, w) }
        w.array(s.eventBounds.map { $0.earliest ?? Int.min }); w.array(s.eventBounds.map { $0.latest ?? Int.min })
        column(s.partnerSearch.column, w); column(s.partnerNames.column, w)
    }

    /// An amount: which of its optional parts it has (`AmountFlags`), then each
    /// field that is there, in the declaration's order (a third of a million amounts
    /// at a million deals: each written in a few values, not one per field).
    private static func amount(_ a: Amount, _ w: BinaryWriter) {
        w.int(AmountFlags(a).rawValue)
        for f in AmountField.allCases {
            switch f {
            case .amount: if let v = a.amount { w.double(v) }
            case .currency: if let c = a.currency { w.string(c) }
            case .maximum: if let v = a.maximum { w.double(v) }
            case .equivalent:
                if let e = a.equivalent {
                    for g in EquivalentField.allCases {
                        switch g {
                        case .amount: w.double(e.amount)
                        case .currency: w.string(e.currency)
                        case .maximum: if let v = e.maximum { w.double(v) }
                        }
                    }
                }
            case .stake: if let v = a.stake { w.double(v) }
            case .text: if let t = a.text { w.string(t) }
            case .sharedBy: w.strings(a.sharedBy)
            case .approximate, .bound, .per: break  // in the flags
            }
        }
    }

    /// A plain field's value: a tag, then text, texts or a draft mark (a field of
    /// another kind has no way here: its case is missing above).
    private static func plain(_ v: FieldValue?, _ w: BinaryWriter) {
        switch v {
        case nil: w.int(0)
        case .text(let s)?: w.int(1); w.string(s)
        case .texts(let list)?: w.int(2); w.strings(list)
        case .draft(let d)?: w.int(3); w.string(d.rule); w.string(d.matched)
        case let other?: preconditionFailure("\(other) is not a plain value")
        }
    }

    private static func column(_ c: StringColumn, _ w: BinaryWriter) { w.array(c.bytes); w.array(c.ends) }
    private static func lists(_ l: IndexLists, _ w: BinaryWriter) { w.array(l.starts); w.array(l.items) }
    private static func origins(_ o: OriginColumn, _ w: BinaryWriter) {
        w.strings(o.files); w.array(o.file); w.array(o.line); w.array(o.column)
        sparse(o.more, w) { places in
            w.int(places.count)
            for p in places { w.string(p.file); w.int(p.line); w.int(p.column) }
        }
    }

    private static func sparse<T>(_ m: [Int: T], _ w: BinaryWriter, _ value: (T) -> Void) {
        w.int(m.count)
        for (k, v) in m.sorted(by: { $0.key < $1.key }) { w.int(k); value(v) }
    }
}

/// Which optional parts an amount has, and its words, in one stored number.
struct AmountFlags: OptionSet {
    let rawValue: Int

    static let amount = AmountFlags(rawValue: 1 << 0)
    static let currency = AmountFlags(rawValue: 1 << 1)
    static let approximate = AmountFlags(rawValue: 1 << 2)
    static let maximum = AmountFlags(rawValue: 1 << 3)
    static let equivalent = AmountFlags(rawValue: 1 << 4)
    static let equivalentMaximum = AmountFlags(rawValue: 1 << 5)
    static let stake = AmountFlags(rawValue: 1 << 6)
    static let text = AmountFlags(rawValue: 1 << 7)
    /// Bits 8–9: the bound (0 none, then `Amount.Bound.allCases`); 10–11: the rate.
    static let boundShift = 8, perShift = 10
    static let all = 0xFFF
    static let layout = "amount currency approximate maximum equivalent equivalent.maximum stake text; bound<<8 per<<10"

    init(rawValue: Int) { self.rawValue = rawValue }

    init(_ a: Amount) {
        var f: AmountFlags = []
        if a.amount != nil { f.insert(.amount) }
        if a.currency != nil { f.insert(.currency) }
        if a.approximate { f.insert(.approximate) }
        if a.maximum != nil { f.insert(.maximum) }
        if let e = a.equivalent { f.insert(.equivalent); if e.maximum != nil { f.insert(.equivalentMaximum) } }
        if a.stake != nil { f.insert(.stake) }
        if a.text != nil { f.insert(.text) }
        let bound = a.bound.map { Amount.Bound.allCases.firstIndex(of: $0)! + 1 } ?? 0
        let per = a.per.map { Amount.Rate.allCases.firstIndex(of: $0)! + 1 } ?? 0
        self.init(rawValue: f.rawValue | bound << Self.boundShift | per << Self.perShift)
    }

    /// The bound and the rate, or nil when the bits name none of them.
    var bound: Amount.Bound?? { Self.word(rawValue >> Self.boundShift & 3, Amount.Bound.allCases) }
    var per: Amount.Rate?? { Self.word(rawValue >> Self.perShift & 3, Amount.Rate.allCases) }

    private static func word<W>(_ k: Int, _ words: [W]) -> W?? { k == 0 ? .some(nil) : k <= words.count ? .some(words[k - 1]) : nil }
}
