/// Reads one dataset file straight into columns (`FastDataset`), accepting exactly
/// what the careful decoder (`DatasetDecoder`) accepts without a problem, and giving
/// up (`FastPathExit`) at the first thing it would report.
///
/// Objects are read by their field declarations (`DealField` and the others): each
/// member comes with its field, and plain fields are read by their kind.
struct FastDecoder {
    static let top = FieldKeys<DatasetField>()
    static let document = FieldKeys<DocumentField>()
    static let partner = FieldKeys<PartnerField>()
    static let product = FieldKeys<ProductField>()
    static let deal = FieldKeys<DealField>()
    static let party = FieldKeys<PartyField>()
    static let amount = FieldKeys<AmountField>()
    static let equivalent = FieldKeys<EquivalentField>()
    static let event = FieldKeys<EventField>()
    static let quote = FieldKeys<QuoteField>()
    static let order = FieldKeys<EventOrder.Relation>()
    static let dateObject = FieldKeys<DateField>()
    static let draftMark = FieldKeys<DraftField>()
    static let kinds = DealKind.allCases.map { Array($0.rawValue.utf8) }
    static let statuses = DealStatus.allCases.map { Array($0.rawValue.utf8) }

    let file: String
    /// The mapped file being read, told as records are done with.
    var mapped: MappedFile? = nil
    /// From this file size on, the events are read ahead on another thread.
    var readAheadFrom = FastDecoder.readAheadSize
    /// Waits for the events read ahead even when the main cursor gets there first
    /// (tests, so that the events read ahead are always the ones used).
    var readAheadWaits = false
    /// Told the documents as soon as they are read, to prepare them meanwhile.
    var documentsRead: (([DocumentDraft]) -> Void)? = nil

    func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(FastPathExit) -> FastDataset {
        var c = JSONCursor(bytes)
        var d = FastDataset()
        var sawDocuments = false
        let large = bytes.count >= readAheadFrom
        if large { d.quotes.reserve(recordBytes: bytes.count) }
        // The events of a large file are read meanwhile on another thread.
        let ahead = large ? EventsAhead(bytes: bytes, mapped: mapped, file: file, waits: readAheadWaits) : nil
        // The mapped bytes stay until it is done with them.
        defer { ahead?.finish() }
        // Pages read are handed back every 4 MB (not asked about at every record).
        let mapped = self.mapped
        var nextRelease = 1 << 22
        func released(_ c: inout JSONCursor) {
            if c.i >= nextRelease {
                mapped?.release(upTo: c.i)
                nextRelease = c.i + (1 << 22)
            }
        }
        try c.object(Self.top) { (c: inout JSONCursor, field: DatasetField) throws(FastPathExit) in
            switch field {
            case .dealscope:
                guard try c.number() == 1 else { throw FastPathExit("format version") }
                d.sawVersion = true
            case .title: d.title = try optionalString(&c)
            case .documents:
                sawDocuments = true
                try c.array { (c: inout JSONCursor) throws(FastPathExit) in d.documents.append(try document(&c)) }
                documentsRead?(d.documents)
            case .partners:
                if !c.takeNull() { try c.array { (c: inout JSONCursor) throws(FastPathExit) in d.partners.append(try partner(&c, &d.quotes)); released(&c) } }
            case .deals:
                // Each record's quotes follow the last one's: the list starts where
                // the quotes of the arrays read before it end.
                d.deals.quoteStarts = [UInt32(d.quotes.count)]
                if large { d.deals.reserve(recordBytes: bytes.count - c.i) }
                if !c.takeNull() {
                    try c.array { (c: inout JSONCursor) throws(FastPathExit) in
                        if let ahead {
                            // The rest of the deals, when read ahead from here.
                            c.skipSpace()
                            if let tail = ahead.deal(at: c.i, lineStart: c.lineStart) {
                                LoadTrace.say("\(tail.dataset.deals.count) deals from byte \(tail.start) on were read on another thread")
                                try Self.takeDeals(tail, into: &d, lineOffset: c.line - 1)
                                c.jump(to: tail.end, line: tail.endLine + c.line - 1, lineStart: tail.endLineStart)
                                return
                            }
                        }
                        try deal(&c, &d)
                        released(&c)
                    }
                }
            case .events:
                d.events.quoteStarts = [UInt32(d.quotes.count)]
                c.skipSpace()
                if let read = ahead?.take(at: c.i) {
                    Self.takeEvents(read, into: &d, lineOffset: c.line - 1)
                    c.jump(to: read.end, line: read.endLine + c.line - 1, lineStart: read.endLineStart)
                } else if !c.takeNull() { try c.array { (c: inout JSONCursor) throws(FastPathExit) in try event(&c, &d); released(&c) } }
            case .schema: _ = try c.string()
            }
        }
        c.skipSpace()
        guard c.atEnd, d.sawVersion, sawDocuments, !d.documents.isEmpty else { throw FastPathExit("dataset shape") }
        return d
    }

    /// Files from this size on have their events read ahead (`EventsAhead`).
    static let readAheadSize = 1 << 23

    /// Takes events read ahead as if read here: their quotes follow the ones read so
    /// far, and their lines are counted from the file's start.
    static func takeEvents(_ read: EventsAhead.Read, into d: inout FastDataset, lineOffset: Int) {
        var events = read.dataset.events
        let base = UInt32(d.quotes.count)
        events.quoteStarts = events.quoteStarts.map { $0 + base }
        events.lines = events.lines.map { $0 + UInt32(lineOffset) }
        d.events = events
        d.quotes.append(read.dataset.quotes)
    }

    /// Takes deals read ahead as if read here (see `takeEvents` above).
    static func takeDeals(_ tail: EventsAhead.Read, into d: inout FastDataset, lineOffset: Int) throws(FastPathExit) {
        try d.deals.append(tail.dataset.deals, quoteBase: UInt32(d.quotes.count), lineOffset: UInt32(lineOffset))
        d.quotes.append(tail.dataset.quotes)
        d.dealsReadAhead += tail.dataset.deals.count
    }

    // MARK: Fields

    private func optionalString(_ c: inout JSONCursor) throws(FastPathExit) -> String? {
        if c.takeNull() { return nil }
        return try c.text(try c.string())
    }

    /// A required string that is not blank.
    private func required(_ c: inout JSONCursor) throws(FastPathExit) -> JSONCursor.Span {
        let s = try c.string()
        let b = s.escaped ? try c.bytes(s) : Array(c.raw(s))
        guard b.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) else { throw FastPathExit("blank field") }
        return s
    }

    private func requiredText(_ c: inout JSONCursor) throws(FastPathExit) -> String { try c.text(try required(&c)) }

    /// A required string as a span, with its decoded bytes when it holds escapes.
    private func requiredKeepingValue(_ c: inout JSONCursor) throws(FastPathExit) -> (JSONCursor.Span, [UInt8]?) {
        let s = try required(&c)
        return (s, s.escaped ? try c.bytes(s) : nil)
    }

    /// An id: lower-case letters, digits and '-', starting with a letter or digit.
    private func id(_ c: inout JSONCursor) throws(FastPathExit) -> JSONCursor.Span {
        let s = try c.string()
        guard !s.escaped, s.count > 0 else { throw FastPathExit("id") }
        let b = c.raw(s)
        for (k, x) in b.enumerated() {
            let ok = (x >= 0x61 && x <= 0x7A) || (x >= 0x30 && x <= 0x39) || (x == 0x2D && k > 0)
            guard ok else { throw FastPathExit("id syntax") }
        }
        return s
    }

    private func strings(_ c: inout JSONCursor) throws(FastPathExit) -> [String] {
        var out: [String] = []
        if c.takeNull() { return out }
        try c.array { (c: inout JSONCursor) throws(FastPathExit) in out.append(try c.text(try c.string())) }
        return out
    }

    /// An array of ids (references), appended to a column; null is none.
    private func references(_ c: inout JSONCursor, into column: inout StringColumn) throws(FastPathExit) {
        if c.takeNull() { return }
        try c.array { (c: inout JSONCursor) throws(FastPathExit) in
            let s = try c.string()
            if s.escaped {
                let b = try c.bytes(s)
                b.withUnsafeBufferPointer { column.append(bytes: $0) }
            } else {
                column.append(bytes: c.raw(s))
            }
        }
    }

    private func date(_ c: inout JSONCursor) throws(FastPathExit) -> PartialDate? {
        var approximate = false
        let text: String
        switch c.peek() {
        case 0x6E:
            _ = try c.literal()
            return nil
        case 0x22:
            let span = try c.string()
            if !span.escaped, let d = Self.plainDate(c.raw(span)) { return d }
            text = try c.text(span)
        case 0x7B:
            var value: String?
            try c.object(Self.dateObject) { (c: inout JSONCursor, field: DateField) throws(FastPathExit) in
                switch field {
                case .value: value = try requiredText(&c)
                case .approximate: approximate = try c.literal() ?? false
                }
            }
            guard let value else { throw FastPathExit("date value") }
            text = value
        default: throw FastPathExit("date type")
        }
        guard case .success(let d) = PartialDate.parse(written: text, approximate: approximate) else { throw FastPathExit("invalid date") }
        return d
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, maybe after `~`, read from bytes; nil for
    /// anything else (halves and quarters too, which `PartialDate.parse` then judges).
    static func plainDate(_ b: UnsafeBufferPointer<UInt8>) -> PartialDate? {
        var i = 0
        var approximate = false
        if b.count > 0 && b[0] == 0x7E { approximate = true; i = 1 }
        let n = b.count - i
        guard n == 4 || n == 7 || n == 10 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for k in from..<(from + count) {
                let x = b[k]
                guard x >= 0x30 && x <= 0x39 else { return nil }
                v = v * 10 + Int(x - 0x30)
            }
            return v
        }
        guard let year = digits(i, 4) else { return nil }
        var month: Int?, day: Int?
        if n >= 7 {
            guard b[i + 4] == 0x2D, let m = digits(i + 5, 2), (1...12).contains(m) else { return nil }
            month = m
        }
        if n == 10 {
            guard b[i + 7] == 0x2D, let d = digits(i + 8, 2), d >= 1, d <= PartialDate.daysIn(month: month!, year: year) else { return nil }
            day = d
        }
        return PartialDate(year: year, month: month, day: day, approximate: approximate)
    }

    private func vocabulary(_ c: inout JSONCursor, _ words: [[UInt8]]) throws(FastPathExit) -> UInt8 {
        let s = try c.string()
        guard !s.escaped else { throw FastPathExit("vocabulary") }
        let b = c.raw(s)
        guard let k = words.firstIndex(where: { $0.elementsEqual(b) }) else { throw FastPathExit("vocabulary") }
        return UInt8(k)
    }

    // MARK: Quotes

    /// The record's "evidence": quotes appended to `quotes`; returns their range.
    private func evidence(_ c: inout JSONCursor, _ quotes: inout FastQuotes) throws(FastPathExit) -> Range<Int> {
        let first = quotes.count
        try c.array { (c: inout JSONCursor) throws(FastPathExit) in
            if c.peek() == 0x22 {
                try quoteText(&c, try c.string(), &quotes)
                return
            }
            var text: JSONCursor.Span?
            var document: Int32 = -1
            var occurrence: Int32 = 0
            try c.object(Self.quote) { (c: inout JSONCursor, field: QuoteField) throws(FastPathExit) in
                switch field {
                case .text: text = try required(&c)
                case .document:
                    if let name = try optionalString(&c) {
                        if let k = quotes.documentNames.firstIndex(of: name) {
                            document = Int32(k)
                        } else {
                            quotes.documentNames.append(name)
                            document = Int32(quotes.documentNames.count - 1)
                        }
                    }
                case .occurrence:
                    let n = try c.number()
                    guard n >= 1, n == n.rounded(), n < 1e9 else { throw FastPathExit("occurrence") }
                    occurrence = Int32(n)
                }
            }
            guard let text else { throw FastPathExit("quote text") }
            try quoteText(&c, text, &quotes)
            quotes.set(quotes.count - 1, document: document, occurrence: occurrence)
        }
        guard quotes.count > first else { throw FastPathExit("empty evidence") }
        return first..<quotes.count
    }

    /// Folds a quote for matching (plain ASCII without allocating), after checking it
    /// has at least three visible characters.
    private func quoteText(_ c: inout JSONCursor, _ s: JSONCursor.Span, _ quotes: inout FastQuotes) throws(FastPathExit) {
        if !s.escaped, let visible = quotes.needles.appendFoldingASCII(c.raw(s)) {
            guard visible >= 3 else { throw FastPathExit("short quote") }
            return
        }
        let text = try c.text(s)
        guard text.unicodeScalars.lazy.filter({ !QuoteMatcher.isSpace($0) }).prefix(3).count >= 3 else { throw FastPathExit("short quote") }
        QuoteMatcher.foldedBytes(text).withUnsafeBufferPointer { quotes.needles.append(bytes: $0) }
    }

    // MARK: Records

    /// A plain field (`FieldList.isPlain`), read by its kind as the careful decoder
    /// reads it; nil for none. The records' other fields are read by a case of their
    /// own: any other field comes here, and one of another kind leaves the fast path.
    private func plain<F: FieldList>(_ c: inout JSONCursor, _ f: F) throws(FastPathExit) -> FieldValue? {
        switch f.kind {
        case .text, .reference: return try optionalString(&c).map(FieldValue.text)
        case .texts, .references: return .plain(try strings(&c))
        case .draft:
            if c.takeNull() { return nil }
            var rule: String?, matched: String?
            try c.object(Self.draftMark) { (c: inout JSONCursor, field: DraftField) throws(FastPathExit) in
                switch field {
                case .rule: rule = try requiredText(&c)
                case .matched: matched = try requiredText(&c)
                }
            }
            guard let rule, let matched else { throw FastPathExit("draft mark fields") }
            return .draft(DraftMark(rule: rule, matched: matched))
        default: throw FastPathExit("\(f) is not a plain field")
        }
    }

    private func document(_ c: inout JSONCursor) throws(FastPathExit) -> DocumentDraft {
        c.skipSpace()
        let at = c.location()
        var id: String?, path: String?, date: PartialDate?
        var plain = PlainFields<DocumentField>()
        try c.object(Self.document) { (c: inout JSONCursor, field: DocumentField) throws(FastPathExit) in
            switch field {
            case .id: id = try c.text(try self.id(&c))
            case .path: path = try requiredText(&c)
            case .date: date = try self.date(&c)
            default: plain[field] = try self.plain(&c, field)
            }
        }
        guard let id, let path else { throw FastPathExit("document fields") }
        return DocumentDraft(id: id, path: path, date: date, plain: plain, origin: SourceLocation(file: file, line: at.line, column: at.column))
    }

    private func partner(_ c: inout JSONCursor, _ quotes: inout FastQuotes) throws(FastPathExit) -> FastPartner {
        c.skipSpace()
        let at = c.location()
        var p = FastPartner(line: at.line, column: at.column)
        var has: UInt8 = 0
        try c.object(Self.partner) { (c: inout JSONCursor, field: PartnerField) throws(FastPathExit) in
            switch field {
            case .id: p.id = try c.text(try id(&c)); has |= 1
            case .name: p.name = try requiredText(&c); has |= 2
            case .products:
                if c.takeNull() { break }
                try c.array { (c: inout JSONCursor) throws(FastPathExit) in
                    var name: String?
                    var range: Range<Int>?
                    var plain = PlainFields<ProductField>()
                    try c.object(Self.product) { (c: inout JSONCursor, field: ProductField) throws(FastPathExit) in
                        switch field {
                        case .name: name = try requiredText(&c)
                        case .evidence: range = try evidence(&c, &quotes)
                        default: plain[field] = try self.plain(&c, field)
                        }
                    }
                    guard let name, let range else { throw FastPathExit("product fields") }
                    p.products.append((name, range, plain))
                }
            case .evidence: p.quotes = try evidence(&c, &quotes); has |= 4
            default: p.plain[field] = try plain(&c, field)
            }
        }
        guard has == 7 else { throw FastPathExit("partner fields") }
        return p
    }

    func deal(_ c: inout JSONCursor, _ d: inout FastDataset) throws(FastPathExit) {
        c.skipSpace()
        let at = c.location()
        let i = d.deals.count
        var has: UInt16 = 0
        var kind: UInt8 = 0, status: UInt8 = 0
        var date: UInt32 = 0
        var value: Amount?
        var idSpan: JSONCursor.Span?, titleSpan: JSONCursor.Span?
        var titleBytes: [UInt8]?
        try c.object(Self.deal) { (c: inout JSONCursor, field: DealField) throws(FastPathExit) in
            switch field {
            case .id: idSpan = try id(&c); has |= 1
            case .title: (titleSpan, titleBytes) = try requiredKeepingValue(&c); has |= 2
            case .kind: kind = try vocabulary(&c, Self.kinds); has |= 4
            case .status: status = try vocabulary(&c, Self.statuses); has |= 8
            case .parties:
                var n = 0
                try c.array { (c: inout JSONCursor) throws(FastPathExit) in
                    var partner: JSONCursor.Span?
                    var role: UInt16 = 0
                    try c.object(Self.party) { (c: inout JSONCursor, field: PartyField) throws(FastPathExit) in
                        switch field {
                        case .partner: partner = try required(&c)
                        case .role: role = try self.role(&c, &d.deals)
                        }
                    }
                    guard let partner else { throw FastPathExit("party fields") }
                    if partner.escaped {
                        try c.bytes(partner).withUnsafeBufferPointer { d.deals.partyIDs.append(bytes: $0) }
                    } else {
                        d.deals.partyIDs.append(bytes: c.raw(partner))
                    }
                    d.deals.partyRoles.append(role)
                    n += 1
                }
                guard n > 0 else { throw FastPathExit("no parties") }
                d.deals.partyStarts.append(UInt32(d.deals.partyIDs.count))
                has |= 16
            case .date: date = PackedDate.pack(try self.date(&c))
            case .value: value = try amount(&c)
            case .evidence:
                _ = try evidence(&c, &d.quotes)
                d.deals.quoteStarts.append(UInt32(d.quotes.count))
                has |= 32
            default: d.deals.rare[field, i] = try plain(&c, field)
            }
        }
        guard has == 63, let idSpan, let titleSpan else { throw FastPathExit("deal fields") }
        d.deals.ids.append(bytes: c.raw(idSpan))
        if let titleBytes { titleBytes.withUnsafeBufferPointer { d.deals.titles.append(bytes: $0) } } else { d.deals.titles.append(bytes: c.raw(titleSpan)) }
        d.deals.kinds.append(kind)
        d.deals.statuses.append(status)
        d.deals.dates.append(date)
        if let value { d.deals.valueIndex.append(Int32(d.deals.amounts.count)); d.deals.amounts.append(value) } else { d.deals.valueIndex.append(-1) }
        d.deals.lines.append(UInt32(at.line))
        d.deals.columns.append(UInt32(at.column))
    }

    /// A party's role as its number in the deals' roles (0: none), added when new;
    /// a plain role is matched by its bytes, with no string made.
    private func role(_ c: inout JSONCursor, _ deals: inout FastDeals) throws(FastPathExit) -> UInt16 {
        if c.takeNull() { return 0 }
        let s = try c.string()
        let key = s.escaped ? nil : Self.packed(c.raw(s))
        if let key, let k = deals.roleKeys.firstIndex(of: key) { return UInt16(k + 1) }
        // Roles of up to 7 bytes are known by their bytes (and length) packed in a word.
        return try deals.intern(role: try c.text(s))
    }

    /// Up to 7 bytes and their count in one word; nil for longer ones.
    static func packed(_ b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard b.count <= 7 else { return nil }
        var v = UInt64(b.count) << 56
        for (k, x) in b.enumerated() { v |= UInt64(x) << UInt64(8 * k) }
        return v
    }

    /// A deal's value; its rules between fields are `Amount.problems`, as for the
    /// careful decoder.
    private func amount(_ c: inout JSONCursor) throws(FastPathExit) -> Amount? {
        if c.takeNull() { return nil }
        var amount: Double?, currency: String?, approximate = false, bound: Amount.Bound?, maximum: Double?, per: Amount.Rate?
        var equivalent: Amount.Equivalent?, stake: Double?, text: String?, shared: [String] = []
        func number(_ c: inout JSONCursor) throws(FastPathExit) -> Double? { c.takeNull() ? nil : try c.number() }
        func word<W: RawRepresentable<String>>(_ c: inout JSONCursor, _: W.Type) throws(FastPathExit) -> W? {
            guard let s = try optionalString(&c) else { return nil }
            guard let w = W(rawValue: s) else { throw FastPathExit("amount word") }
            return w
        }
        try c.object(Self.amount) { (c: inout JSONCursor, field: AmountField) throws(FastPathExit) in
            switch field {
            case .amount: amount = try number(&c)
            case .currency: currency = try optionalString(&c)
            case .approximate: approximate = try c.literal() ?? false
            case .bound: bound = try word(&c, Amount.Bound.self)
            case .maximum: maximum = try number(&c)
            case .per: per = try word(&c, Amount.Rate.self)
            case .equivalent:
                if c.takeNull() { break }
                var a: Double?, cur: String?, max: Double?
                try c.object(Self.equivalent) { (c: inout JSONCursor, field: EquivalentField) throws(FastPathExit) in
                    switch field {
                    case .amount: a = try c.number()
                    case .currency: cur = try requiredText(&c)
                    case .maximum: max = try number(&c)
                    }
                }
                guard let a, let cur else { throw FastPathExit("equivalent fields") }
                equivalent = Amount.Equivalent(amount: a, currency: cur, maximum: max)
            case .stake: stake = try number(&c)
            case .text: text = try optionalString(&c)
            case .sharedBy: shared = try strings(&c)
            }
        }
        let value = Amount(amount: amount, currency: currency, approximate: approximate, bound: bound, maximum: maximum, per: per,
                           equivalent: equivalent, stake: stake, text: text, sharedBy: shared)
        guard value.problems.isEmpty else { throw FastPathExit("amount") }
        return value
    }

    func event(_ c: inout JSONCursor, _ d: inout FastDataset) throws(FastPathExit) {
        c.skipSpace()
        let at = c.location()
        let i = d.events.count
        var has: UInt8 = 0
        var idSpan: JSONCursor.Span?, titleSpan: JSONCursor.Span?
        var titleBytes: [UInt8]?
        var date: PartialDate?
        var relation: UInt8 = 0
        var anchor: [UInt8] = []
        try c.object(Self.event) { (c: inout JSONCursor, field: EventField) throws(FastPathExit) in
            switch field {
            case .id: idSpan = try id(&c); has |= 1
            case .title: (titleSpan, titleBytes) = try requiredKeepingValue(&c); has |= 2
            case .date: date = try self.date(&c)
            case .order:
                try c.object(Self.order) { (c: inout JSONCursor, r: EventOrder.Relation) throws(FastPathExit) in
                    guard relation == 0 else { throw FastPathExit("order names two relations") }
                    let s = try c.string()
                    anchor = try c.bytes(s)
                    relation = UInt8(EventTable.relations.firstIndex(of: r)! + 1)
                }
                guard relation != 0 else { throw FastPathExit("empty order") }
            case .deals: try references(&c, into: &d.events.dealIDs)
            case .partners: try references(&c, into: &d.events.partnerIDs)
            case .evidence:
                _ = try evidence(&c, &d.quotes)
                d.events.quoteStarts.append(UInt32(d.quotes.count))
                has |= 4
            default: d.events.rare[field, i] = try plain(&c, field)
            }
        }
        guard has == 7, let idSpan, let titleSpan else { throw FastPathExit("event fields") }
        guard date == nil || relation == 0 else { throw FastPathExit("dated event with order") }
        d.events.ids.append(bytes: c.raw(idSpan))
        if let titleBytes { titleBytes.withUnsafeBufferPointer { d.events.titles.append(bytes: $0) } } else { d.events.titles.append(bytes: c.raw(titleSpan)) }
        d.events.dates.append(PackedDate.pack(date))
        d.events.orderRelations.append(relation)
        anchor.withUnsafeBufferPointer { d.events.orderAnchors.append(bytes: $0) }
        d.events.dealStarts.append(UInt32(d.events.dealIDs.count))
        d.events.partnerStarts.append(UInt32(d.events.partnerIDs.count))
        d.events.lines.append(UInt32(at.line))
        d.events.columns.append(UInt32(at.column))
    }
}
