/// Records of one dataset file as the fast loader reads them: columns, with references
/// still as the ids written in the file.
struct FastQuotes {
    /// Appends another set of quotes (read apart), naming its documents as these do.
    mutating func append(_ other: FastQuotes) {
        let base = count
        needles.append(contentsOf: other.needles)
        let names = other.documentNames.map { name -> Int32 in
            if let k = documentNames.firstIndex(of: name) { return Int32(k) }
            documentNames.append(name)
            return Int32(documentNames.count - 1)
        }
        for (i, d) in other.documentOf { documentOf[i + base] = names[Int(d)] }
        for (i, o) in other.occurrenceOf { occurrenceOf[i + base] = o }
    }

    /// Each quote's text, folded for matching.
    var needles = StringColumn()
    /// The documents named by quotes (most quotes name none: they are in the dataset's
    /// first document), and the quotes that name one or ask for an occurrence, by
    /// index: a million plain quotes take no room here.
    var documentNames: [String] = []
    private(set) var documentOf: [Int: Int32] = [:]
    private(set) var occurrenceOf: [Int: Int32] = [:]

    var count: Int { needles.count }

    /// Index into `documentNames`, or -1 for the dataset's first document.
    func document(_ i: Int) -> Int32 { documentOf[i] ?? -1 }
    /// 1-based occurrence asked for, or 0.
    func occurrence(_ i: Int) -> Int32 { occurrenceOf[i] ?? 0 }

    mutating func set(_ i: Int, document: Int32, occurrence: Int32) {
        if document >= 0 { documentOf[i] = document }
        if occurrence > 0 { occurrenceOf[i] = occurrence }
    }
}

extension FastQuotes {
    /// Room for about the quotes of `size` bytes of records (see `FastDataset.reserve`).
    mutating func reserve(recordBytes size: Int) {
        needles.reserve(strings: size / 64, bytes: size / 4)
    }
}

struct FastPartner {
    var id = ""
    var name = ""
    var products: [(name: String, quotes: Range<Int>, plain: PlainFields<ProductField>)] = []
    var quotes: Range<Int> = 0..<0
    /// Aliases, note, draft mark.
    var plain = PlainFields<PartnerField>()
    var line = 0, column = 0
}

struct FastDeals {
    var ids = StringColumn()
    var titles = StringColumn()
    var kinds: [UInt8] = []
    var statuses: [UInt8] = []
    var partyIDs = StringColumn()
    var partyStarts: [UInt32] = [0]
    var partyRoles: [UInt16] = []
    var roles: [String] = []
    /// The roles packed (`FastDecoder.packed`; .max for a long one), to match a role
    /// without making a string.
    var roleKeys: [UInt64] = []
    var dates: [UInt32] = []
    var valueIndex: [Int32] = []
    var amounts: [Amount] = []
    /// Amends, products, note, draft mark, by deal.
    var rare = RareColumns<DealField>()
    var quoteStarts: [UInt32] = [0]
    var lines: [UInt32] = []
    var columns: [UInt32] = []

    var count: Int { kinds.count }
}

extension FastDeals {
    /// Room for the deals of about `size` bytes of records: generous guesses from the
    /// smallest records seen in practice (room never filled costs address space only),
    /// so that a large file's columns are not copied over and over as they grow, each
    /// copy touching fresh pages.
    mutating func reserve(recordBytes size: Int) {
        let n = size / 128
        ids.reserve(strings: n, bytes: size / 16)
        titles.reserve(strings: n, bytes: size / 4)
        partyIDs.reserve(strings: 2 * n, bytes: size / 8)
        for column in [\FastDeals.kinds, \FastDeals.statuses] { self[keyPath: column].reserveCapacity(n) }
        for column in [\FastDeals.partyStarts, \FastDeals.dates, \FastDeals.quoteStarts, \FastDeals.lines, \FastDeals.columns] {
            self[keyPath: column].reserveCapacity(n)
        }
        partyRoles.reserveCapacity(2 * n)
        valueIndex.reserveCapacity(n)
    }

    /// A role's number (0: none), the role added when new; its packed bytes are kept
    /// beside it (`roleKeys`).
    mutating func intern(role: String?) throws(FastPathExit) -> UInt16 {
        guard let n = DealTable.intern(role, into: &roles) else { throw FastPathExit("too many roles") }
        while roleKeys.count < roles.count {
            var text = roles[roleKeys.count]
            roleKeys.append(text.withUTF8 { FastDecoder.packed($0) } ?? .max)
        }
        return n
    }

    /// Appends deals read apart (the rest of the array, read ahead), as if read here:
    /// their quotes numbered from `quoteBase`, lines from `lineOffset`, roles, values
    /// and rare fields renumbered to these deals'.
    mutating func append(_ o: FastDeals, quoteBase: UInt32, lineOffset: UInt32) throws(FastPathExit) {
        let n = count
        ids.append(contentsOf: o.ids)
        titles.append(contentsOf: o.titles)
        kinds += o.kinds
        statuses += o.statuses
        let partyBase = UInt32(partyIDs.count)
        partyIDs.append(contentsOf: o.partyIDs)
        partyStarts += o.partyStarts.dropFirst().map { $0 + partyBase }
        var roleNumber: [UInt16] = [0]
        for role in o.roles { roleNumber.append(try intern(role: role)) }
        partyRoles += o.partyRoles.map { roleNumber[Int($0)] }
        dates += o.dates
        let amountBase = Int32(amounts.count)
        valueIndex += o.valueIndex.map { $0 < 0 ? $0 : $0 + amountBase }
        amounts += o.amounts
        rare.append(o.rare, offset: n)
        quoteStarts += o.quoteStarts.dropFirst().map { $0 + quoteBase }
        lines += o.lines.map { $0 + lineOffset }
        columns += o.columns
    }
}

extension FastEvents {
    /// Room for the events of about `size` bytes of records (see `FastDeals.reserve`).
    mutating func reserve(recordBytes size: Int) {
        let n = size / 96
        ids.reserve(strings: n, bytes: size / 16)
        titles.reserve(strings: n, bytes: size / 4)
        dealIDs.reserve(strings: n, bytes: size / 8)
        for column in [\FastEvents.dates, \FastEvents.dealStarts, \FastEvents.partnerStarts, \FastEvents.quoteStarts, \FastEvents.lines, \FastEvents.columns] {
            self[keyPath: column].reserveCapacity(n)
        }
        orderRelations.reserveCapacity(n)
    }
}

struct FastEvents {
    var ids = StringColumn()
    var titles = StringColumn()
    var dates: [UInt32] = []
    var orderRelations: [UInt8] = []
    var orderAnchors = StringColumn()
    var dealIDs = StringColumn()
    var dealStarts: [UInt32] = [0]
    var partnerIDs = StringColumn()
    var partnerStarts: [UInt32] = [0]
    /// Note and draft mark, by event.
    var rare = RareColumns<EventField>()
    var quoteStarts: [UInt32] = [0]
    var lines: [UInt32] = []
    var columns: [UInt32] = []

    var count: Int { dates.count }
}

struct FastDataset {
    var title: String?
    var sawVersion = false
    var documents: [DocumentDraft] = []
    var partners: [FastPartner] = []
    var deals = FastDeals()
    var events = FastEvents()
    var quotes = FastQuotes()
    /// Deals read ahead on another thread (the rest of the deals array), for tests.
    var dealsReadAhead = 0
}
