import Synchronization

/// The problems the fast loader finds when it joins the records of a file that
/// decoded without a doubt (unknown references, parties, amendments, order anchors,
/// quotes), gathered instead of leaving the fast path at the first one, and said
/// exactly as the careful loader says them (`ProblemMessages`), at the line and
/// column of the value at fault: a file with a million bad references is reported in
/// about the time a valid one takes to load, where the careful loader would decode
/// it into records again. What the fast loader cannot judge this way (ids used
/// twice, a cycle of `order`, a document that cannot be read, anything the decoder
/// doubts) still leaves the fast path for the careful one.
final class FastReport: Sendable {
    /// Kinds of problem, in the order the careful loader finds them in one record
    /// (problems at one place are listed in that order).
    enum Kind: UInt8, Comparable {
        case unknownParty, partyTwice, sharedBy, productNotOwned, unknownAmends, amendsItself
        case unknownEventDeal, unknownEventPartner, orderedAgainstItself, unknownOrderAnchor
        case unknownDocument, quoteNotFound, quoteAmbiguous, occurrenceOutOfRange

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// `record`: a deal or an event's position as read, or a quote's; `item`: which
    /// party, `sharedBy` entry, product or reference of the record.
    struct Issue {
        let kind: Kind
        let record: Int32
        let item: Int32
    }

    /// An ambiguous quote's matches (how many, and where the first few start), or how
    /// many matches an occurrence asked too much of.
    struct Matches {
        let count: Int
        let starts: [Int]
    }

    private struct State {
        var issues: [Issue] = []
        var matches: [Int32: Matches] = [:]
    }

    /// At most this many problems are gathered: 1 for the commands that stop at the
    /// first, `Int.max` for `validate`.
    let limit: Int
    private let state = Mutex(State())

    init(limit: Int = .max) {
        self.limit = max(1, limit)
    }

    /// The reason given when a check stops because enough problems were found.
    static let enough = "enough problems found"

    /// Notes a problem; throws when no more are wanted (the check stops there).
    func add(_ kind: Kind, record: Int, item: Int = 0, matches: Matches? = nil) throws(FastPathExit) {
        let full = state.withLock { s -> Bool in
            s.issues.append(Issue(kind: kind, record: Int32(record), item: Int32(item)))
            if let matches { s.matches[Int32(record)] = matches }
            return s.issues.count >= limit
        }
        if full { throw FastPathExit(Self.enough) }
    }

    var isEmpty: Bool { state.withLock { $0.issues.isEmpty } }

    /// Whether an ambiguous quote's paragraphs are to be named (the documents' texts
    /// are needed then, and let go before the problems are worded otherwise).
    var needsParagraphs: Bool { state.withLock { s in s.issues.contains { $0.kind == .quoteAmbiguous } } }

    // MARK: Saying them

    /// The problems, in file order, as the careful loader words them.
    /// `documents`: the dataset's documents; `texts`: the same, read, when
    /// `needsParagraphs`.
    func problems(file: String, dataset d: FastDataset, documents: [(id: String, path: String)], texts: [DocumentPrep.Prepared],
                  text: RecordText) -> [DataProblem] {
        let (issues, matches) = state.withLock { ($0.issues, $0.matches) }
        let owners = QuoteOwners(d)
        // Records' offsets in one walk, the values' offsets from there, their lines and
        // columns in another walk.
        var valueOffset = [Int](repeating: 0, count: issues.count)
        do {
            let starts = issues.map { start(of: $0, d, owners) }
            let byStart = starts.indices.sorted { (starts[$0].line, starts[$0].column) < (starts[$1].line, starts[$1].column) }
            var told = 0
            for (n, s) in text.offsets(of: byStart.map { starts[$0] }).enumerated() {
                let i = byStart[n]
                valueOffset[i] = path(to: issues[i], owners).map { text.find($0, from: s) ?? s } ?? s
                if s - told >= RecordText.chunk {
                    text.read?(told..<s)
                    told = s
                }
            }
        }
        let byValue = valueOffset.indices.sorted { (valueOffset[$0], issues[$0].kind, $0) < (valueOffset[$1], issues[$1].kind, $1) }
        let located = text.locations(of: byValue.map { valueOffset[$0] })

        var say = Wording(dataset: d, documents: documents, texts: texts, text: text, owners: owners)
        var out: [DataProblem] = []
        out.reserveCapacity(issues.count)
        for (n, i) in byValue.enumerated() {
            let at = SourceLocation(file: file, line: located[n].line, column: located[n].column)
            out.append(say.problem(issues[i], at: at, value: valueOffset[i], matches: matches[issues[i].record]))
        }
        return out
    }

    /// Where the record of a problem starts.
    private func start(of issue: Issue, _ d: FastDataset, _ owners: QuoteOwners) -> (line: Int, column: Int) {
        let r = Int(issue.record)
        switch issue.kind {
        case .unknownParty, .partyTwice, .sharedBy, .productNotOwned, .unknownAmends, .amendsItself:
            return (Int(d.deals.lines[r]), Int(d.deals.columns[r]))
        case .unknownEventDeal, .unknownEventPartner, .orderedAgainstItself, .unknownOrderAnchor:
            return (Int(d.events.lines[r]), Int(d.events.columns[r]))
        case .unknownDocument, .quoteNotFound, .quoteAmbiguous, .occurrenceOutOfRange:
            return owners.start(ofQuote: r)
        }
    }

    /// The way from a problem's record to the value at fault (nil: the record).
    private func path(to issue: Issue, _ owners: QuoteOwners) -> [RecordText.Step]? {
        let k = Int(issue.item)
        switch issue.kind {
        case .unknownParty, .partyTwice: return [.key("parties"), .index(k), .key("partner")]
        case .sharedBy: return [.key("value"), .key("sharedBy"), .index(k)]
        case .productNotOwned: return [.key("products")]
        case .unknownAmends, .amendsItself: return [.key("amends")]
        case .unknownEventDeal: return [.key("deals"), .index(k)]
        case .unknownEventPartner: return [.key("partners"), .index(k)]
        case .orderedAgainstItself, .unknownOrderAnchor: return [.key("order"), .onlyMember]
        case .unknownDocument, .quoteNotFound, .quoteAmbiguous, .occurrenceOutOfRange: return owners.path(toQuote: Int(issue.record))
        }
    }
}

/// The record that holds each quote, and the quote's place in it.
private struct QuoteOwners {
    enum Owner {
        case partner(Int, product: Int?)
        case deal(Int)
        case event(Int)
    }

    let d: FastDataset
    /// Partners' and products' quote ranges, by where they start.
    private let partnerRanges: [(range: Range<Int>, partner: Int, product: Int?)]

    init(_ d: FastDataset) {
        self.d = d
        var ranges: [(range: Range<Int>, partner: Int, product: Int?)] = []
        for (p, partner) in d.partners.enumerated() {
            ranges.append((partner.quotes, p, nil))
            for (i, product) in partner.products.enumerated() { ranges.append((product.quotes, p, i)) }
        }
        partnerRanges = ranges.filter { !$0.range.isEmpty }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    func find(_ q: Int) -> (owner: Owner, index: Int) {
        if let r = Self.last(d.deals.quoteStarts, atMost: q), r < d.deals.count, q < Int(d.deals.quoteStarts[r + 1]) {
            return (.deal(r), q - Int(d.deals.quoteStarts[r]))
        }
        if let r = Self.last(d.events.quoteStarts, atMost: q), r < d.events.count, q < Int(d.events.quoteStarts[r + 1]) {
            return (.event(r), q - Int(d.events.quoteStarts[r]))
        }
        var lo = 0, hi = partnerRanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if partnerRanges[mid].range.lowerBound <= q { lo = mid + 1 } else { hi = mid }
        }
        let p = partnerRanges[max(0, lo - 1)]
        return (.partner(p.partner, product: p.product), q - p.range.lowerBound)
    }

    /// Where the quote's record starts.
    func start(ofQuote q: Int) -> (line: Int, column: Int) {
        switch find(q).owner {
        case .partner(let p, _): return (d.partners[p].line, d.partners[p].column)
        case .deal(let r): return (Int(d.deals.lines[r]), Int(d.deals.columns[r]))
        case .event(let r): return (Int(d.events.lines[r]), Int(d.events.columns[r]))
        }
    }

    /// The way from the quote's record to the quote.
    func path(toQuote q: Int) -> [RecordText.Step] {
        let (owner, j) = find(q)
        if case .partner(_, let product?) = owner { return [.key("products"), .index(product), .key("evidence"), .index(j)] }
        return [.key("evidence"), .index(j)]
    }

    /// The label of the record that holds quote q, as the careful loader gives it.
    func label(ofQuote q: Int) -> String {
        switch find(q).owner {
        case .partner(let p, let product):
            return product.map { ProblemMessages.label(product: d.partners[p].products[$0].name, of: d.partners[p].id) }
                ?? ProblemMessages.label("partner", d.partners[p].id)
        case .deal(let r): return ProblemMessages.label("deal", d.deals.ids[r])
        case .event(let r): return ProblemMessages.label("event", d.events.ids[r])
        }
    }

    /// The last position whose start is at most `q`, in ascending starts.
    private static func last(_ starts: [UInt32], atMost q: Int) -> Int? {
        guard let first = starts.first, Int(first) <= q else { return nil }
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(starts[mid]) <= q { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }
}

/// Words each problem as the careful loader does, suggestions included.
private struct Wording {
    let d: FastDataset
    let documents: [(id: String, path: String)]
    let texts: [DocumentPrep.Prepared]
    let text: RecordText
    let owners: QuoteOwners
    private let partners: Lazy<SuggestIndex>, deals: Lazy<SuggestIndex>, events: Lazy<SuggestIndex>
    /// Documents split into paragraphs, for ambiguous quotes.
    private var split: [Int: SourceDocument] = [:]

    init(dataset d: FastDataset, documents: [(id: String, path: String)], texts: [DocumentPrep.Prepared], text: RecordText, owners: QuoteOwners) {
        self.d = d
        self.documents = documents
        self.texts = texts
        self.text = text
        self.owners = owners
        partners = Lazy { SuggestIndex(d.partners.map(\.id).sorted()) }
        deals = Lazy { SuggestIndex((0..<d.deals.count).map { d.deals.ids[$0] }.sorted()) }
        events = Lazy { SuggestIndex(((0..<d.events.count).map { d.events.ids[$0] } + [EventOrder.documentAnchor]).sorted()) }
    }

    mutating func problem(_ issue: FastReport.Issue, at: SourceLocation, value: Int, matches: FastReport.Matches?) -> DataProblem {
        let r = Int(issue.record), k = Int(issue.item)
        func deal() -> String { ProblemMessages.label("deal", d.deals.ids[r]) }
        func event() -> String { ProblemMessages.label("event", d.events.ids[r]) }
        switch issue.kind {
        case .unknownParty:
            let id = d.deals.partyIDs[Int(d.deals.partyStarts[r]) + k]
            return ProblemMessages.unknownReference(id, kind: "partner", near: partners.value.closest(to: id), at: at, record: deal())
        case .partyTwice:
            return ProblemMessages.partyListedTwice(d.deals.partyIDs[Int(d.deals.partyStarts[r]) + k], at: at, record: deal())
        case .sharedBy:
            return ProblemMessages.sharedByNonParty(d.deals.amounts[Int(d.deals.valueIndex[r])].sharedBy[k], at: at, record: deal())
        case .productNotOwned:
            return ProblemMessages.productNotOwned(d.deals.rare[.products, r]?.texts?[k] ?? "", at: at, record: deal())
        case .unknownAmends:
            let id = d.deals.rare[.amends, r]?.text ?? ""
            return ProblemMessages.unknownReference(id, kind: "deal", near: deals.value.closest(to: id), at: at, record: deal())
        case .amendsItself:
            return ProblemMessages.amendsItself(at: at, record: deal())
        case .unknownEventDeal:
            let id = d.events.dealIDs[Int(d.events.dealStarts[r]) + k]
            return ProblemMessages.unknownReference(id, kind: "deal", near: deals.value.closest(to: id), at: at, record: event())
        case .unknownEventPartner:
            let id = d.events.partnerIDs[Int(d.events.partnerStarts[r]) + k]
            return ProblemMessages.unknownReference(id, kind: "partner", near: partners.value.closest(to: id), at: at, record: event())
        case .orderedAgainstItself:
            return ProblemMessages.orderedAgainstItself(at: at, record: event())
        case .unknownOrderAnchor:
            let id = d.events.orderAnchors[r]
            return ProblemMessages.unknownReference(id, kind: "event", near: events.value.closest(to: id), at: at, record: event())
        case .unknownDocument:
            let id = d.quotes.documentNames[Int(d.quotes.document(r))]
            return ProblemMessages.unknownDocument(id, near: Suggest.closest(to: id, among: d.documents.map(\.id).sorted()), at: at,
                                                   record: owners.label(ofQuote: r))
        case .quoteNotFound, .quoteAmbiguous, .occurrenceOutOfRange:
            let quote = text.quoteText(at: value) ?? ""
            let doc = document(ofQuote: r)
            let path = documents[doc].path
            let record = owners.label(ofQuote: r)
            let count = matches?.count ?? 0
            switch issue.kind {
            case .quoteNotFound: return ProblemMessages.quoteNotFound(quote, in: path, at: at, record: record)
            case .occurrenceOutOfRange:
                return ProblemMessages.occurrenceOutOfRange(Int(d.quotes.occurrence(r)), of: quote, matches: count, at: at, record: record)
            default:
                let paragraphs = (matches?.starts ?? []).map { split(doc).paragraphIndex(containingOffset: $0) }
                return ProblemMessages.ambiguousQuote(quote, matches: count, paragraphs: paragraphs, in: path, at: at, record: record)
            }
        }
    }

    /// The document a quote is looked for in: the one it names, or the first.
    private func document(ofQuote q: Int) -> Int {
        let named = d.quotes.document(q)
        guard named >= 0 else { return 0 }
        let name = d.quotes.documentNames[Int(named)]
        return documents.firstIndex { $0.id == name } ?? 0
    }

    private mutating func split(_ k: Int) -> SourceDocument {
        if let s = split[k] { return s }
        let s = texts[k].document()
        split[k] = s
        return s
    }
}
