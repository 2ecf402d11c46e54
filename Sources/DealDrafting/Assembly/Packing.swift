import DealModel
/// Bytes in which an analysis is kept until its article is drafted: a record of
/// optional dates, amounts and lists costs a few bytes here instead of hundreds in
/// structs and arrays. Numbers are variable-length, strings are length and bytes.
struct PackWriter {
    var bytes: [UInt8] = []
    /// Rule names written so far, by their number: each is written once an article.
    var rules: [String: Int] = [:]

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v)) << 1 ^ UInt64(bitPattern: Int64(v) >> 63)  // zig-zag
        while u >= 0x80 { bytes.append(UInt8(u & 0x7F) | 0x80); u >>= 7 }
        bytes.append(UInt8(u))
    }

    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func optional<T>(_ v: T?, _ write: (inout PackWriter, T) -> Void) {
        bool(v != nil)
        if let v { write(&self, v) }
    }

    mutating func array<T>(_ xs: [T], _ write: (inout PackWriter, T) -> Void) {
        int(xs.count)
        for x in xs { write(&self, x) }
    }

    mutating func ints(_ xs: [Int]) { array(xs) { $0.int($1) } }

    /// A 64-bit key, as eight bytes (a variable-length number would take ten).
    mutating func key(_ k: UInt64) { withUnsafeBytes(of: k.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func date(_ d: DraftDate) {
        int(d.year)
        bytes.append(contentsOf: [UInt8(d.half ?? 0), UInt8(d.quarter ?? 0), UInt8(d.month ?? 0), UInt8(d.day ?? 0), d.approximate ? 1 : 0])
    }

    mutating func amount(_ a: DraftAmount) {
        optional(a.amount) { $0.double($1) }
        optional(a.currency) { $0.string($1) }
        bool(a.approximate)
        int(a.bound == nil ? 0 : a.bound == .atMost ? 1 : 2)
        optional(a.maximum) { $0.double($1) }
        int(a.per.map { [.year: 1, .quarter: 2, .month: 3][$0]! } ?? 0)
        optional(a.equivalent) { w, e in w.double(e.amount); w.string(e.currency); w.optional(e.maximum) { $0.double($1) } }
        optional(a.stake) { $0.double($1) }
        optional(a.text) { $0.string($1) }
        array(a.sharedBy) { $0.string($1) }
    }

    mutating func span(_ s: AnalysedArticle.Span) { int(Int(s.lo)); int(Int(s.hi - s.lo)) }
    mutating func mark(_ m: AnalysedArticle.Mark) {
        if let n = rules[m.rule] { int(n) } else {
            int(-1)
            string(m.rule)
            rules[m.rule] = rules.count
        }
        span(m.span)
    }
}

struct PackReader {
    let bytes: [UInt8]
    var at: Int
    /// Rule names read so far (a section is read from its start, so its rules are too).
    var rules: [String] = []

    mutating func int() -> Int {
        var u: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = bytes[at]
            at += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    mutating func bool() -> Bool { at += 1; return bytes[at - 1] != 0 }

    mutating func double() -> Double {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
        at += 8
        return Double(bitPattern: bits)
    }

    mutating func string() -> String {
        let n = int()
        defer { at += n }
        return String(decoding: bytes[at..<at + n], as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout PackReader) -> T) -> T? { bool() ? read(&self) : nil }

    mutating func array<T>(_ read: (inout PackReader) -> T) -> [T] {
        let n = int()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(read(&self)) }
        return out
    }

    mutating func ints() -> [Int] { array { $0.int() } }

    mutating func key() -> UInt64 {
        var k: UInt64 = 0
        for i in 0..<8 { k |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
        at += 8
        return k
    }

    mutating func date() -> DraftDate {
        let year = int()
        let b = bytes[at..<at + 5].map(Int.init)
        at += 5
        return DraftDate(year: year, half: b[0] == 0 ? nil : b[0], quarter: b[1] == 0 ? nil : b[1], month: b[2] == 0 ? nil : b[2],
                         day: b[3] == 0 ? nil : b[3], approximate: b[4] != 0)
    }

    mutating func amount() -> DraftAmount {
        var a = DraftAmount()
        a.amount = optional { $0.double() }
        a.currency = optional { $0.string() }
        a.approximate = bool()
        a.bound = [nil, .atMost, .atLeast][int()]
        a.maximum = optional { $0.double() }
        a.per = [nil, .year, .quarter, .month][int()]
        a.equivalent = optional { r in DraftAmount.Equivalent(amount: r.double(), currency: r.string(), maximum: r.optional { $0.double() }) }
        a.stake = optional { $0.double() }
        a.text = optional { $0.string() }
        a.sharedBy = array { $0.string() }
        return a
    }

    mutating func span() -> AnalysedArticle.Span {
        let lo = int()
        return AnalysedArticle.Span(lo: Int32(lo), hi: Int32(lo + int()))
    }

    mutating func mark() -> AnalysedArticle.Mark {
        let n = int()
        if n < 0 { rules.append(string()) }
        return AnalysedArticle.Mark(rule: n < 0 ? rules.last! : rules[n], span: span())
    }
}

/// An analysis as kept between the analysis of its article and its draft: the text and
/// the packed records, in sections that can be read on their own (the identity of
/// organisations reads only them, the merging of deals only the deals).
struct PackedArticle: Sendable {
    enum Section: Int { case document, quotes, organisations, deals, events, notes }

    let text: String
    let bytes: [UInt8]
    /// Where each section starts.
    let starts: [Int32]

    init(_ a: AnalysedArticle) {
        var w = PackWriter()
        var starts: [Int32] = []
        starts.append(Int32(w.bytes.count))
        w.rules = [:]
        for s in [a.path, a.title, a.publisher, a.url] { w.optional(s) { $0.string($1) } }
        w.optional(a.published) { $0.date($1) }
        starts.append(Int32(w.bytes.count))
        w.rules = [:]
        w.array(a.quotes) { w, q in w.span(q.span); w.int(q.occurrence ?? 0) }
        starts.append(Int32(w.bytes.count))
        w.rules = [:]
        w.array(a.organisations) { w, o in
            w.string(o.name)
            w.array(o.forms) { $0.string($1) }
            w.int(o.lexicon ?? -1)
            w.mark(o.mark)
            w.int(o.quote ?? -1)
            w.array(o.products) { w, p in w.string(p.name); w.mark(p.mark); w.int(p.quote ?? -1) }
            w.bool(o.proposed)
            w.array(o.keys) { $0.key($1) }
        }
        starts.append(Int32(w.bytes.count))
        w.rules = [:]
        w.array(a.deals) { w, d in
            w.int(DealKind.allCases.firstIndex(of: d.kind)!)
            w.int(DealStatus.allCases.firstIndex(of: d.status)!)
            w.array(d.parties) { w, p in w.int(p.organisation); w.string(p.role); w.int(p.slot) }
            w.array(d.products) { $0.string($1) }
            w.optional(d.date) { $0.date($1) }
            w.optional(d.value) { $0.amount($1) }
            w.ints(d.sharedBy)
            w.mark(d.mark)
            w.ints(d.quotes)
            w.bool(d.symmetric)
        }
        starts.append(Int32(w.bytes.count))
        w.rules = [:]
        w.array(a.events) { w, e in
            w.string(e.title)
            w.int(e.deal ?? -1)
            w.optional(e.date) { $0.date($1) }
            w.optional(e.order) { w, o in
                w.int([.before: 0, .with: 1, .after: 2][o.relation]!)
                if case .event(let x) = o.anchor { w.int(x) } else { w.int(-1) }
            }
            w.ints(e.partners)
            w.optional(e.note) { $0.string($1) }
            w.mark(e.mark)
            w.ints(e.quotes)
        }
        starts.append(Int32(w.bytes.count))
        w.rules = [:]
        w.array(a.notes) { w, n in w.int(n.reason.rawValue); w.string(n.subject); w.int(n.quote ?? -1) }
        text = a.text
        // Exactly as many bytes as written (the writer's buffer has room to spare).
        bytes = w.bytes.withUnsafeBufferPointer { Array($0) }
        self.starts = starts
    }

    private func reader(_ s: Section) -> PackReader { PackReader(bytes: bytes, at: Int(starts[s.rawValue])) }

    private static func index(_ v: Int) -> Int? { v < 0 ? nil : v }

    var document: (path: String?, title: String?, publisher: String?, url: String?, published: DraftDate?) {
        var r = reader(.document)
        return (r.optional { $0.string() }, r.optional { $0.string() }, r.optional { $0.string() }, r.optional { $0.string() }, r.optional { $0.date() })
    }

    var quotes: [AnalysedArticle.Quote] {
        var r = reader(.quotes)
        return r.array { r in AnalysedArticle.Quote(span: r.span(), occurrence: { $0 == 0 ? nil : $0 }(r.int())) }
    }

    var organisations: [AnalysedArticle.Organisation] {
        var r = reader(.organisations)
        return r.array { r in
            AnalysedArticle.Organisation(name: r.string(), forms: r.array { $0.string() }, lexicon: Self.index(r.int()), mark: r.mark(), quote: Self.index(r.int()),
                                         products: r.array { r in AnalysedArticle.Product(name: r.string(), mark: r.mark(), quote: Self.index(r.int())) },
                                         proposed: r.bool(), keys: r.array { $0.key() })
        }
    }

    var deals: [AnalysedArticle.Deal] {
        var r = reader(.deals)
        return r.array { r in
            AnalysedArticle.Deal(kind: DealKind.allCases[r.int()], status: DealStatus.allCases[r.int()],
                                 parties: r.array { r in AnalysedArticle.Party(organisation: r.int(), role: r.string(), slot: r.int()) },
                                 products: r.array { $0.string() }, date: r.optional { $0.date() }, value: r.optional { $0.amount() },
                                 sharedBy: r.ints(), mark: r.mark(), quotes: r.ints(), symmetric: r.bool())
        }
    }

    var events: [AnalysedArticle.Event] {
        var r = reader(.events)
        return r.array { r in
            let title = r.string(), deal = Self.index(r.int()), date = r.optional { $0.date() }
            let order = r.optional { r -> (relation: DraftOrder.Relation, anchor: AnalysedArticle.Event.Anchor) in
                let relation: DraftOrder.Relation = [.before, .with, .after][r.int()]
                return (relation, Self.index(r.int()).map { .event($0) } ?? .document)
            }
            return AnalysedArticle.Event(title: title, deal: deal, date: date, order: order, partners: r.ints(), note: r.optional { $0.string() },
                                         mark: r.mark(), quotes: r.ints())
        }
    }

    var notes: [AnalysedArticle.Note] {
        var r = reader(.notes)
        return r.array { r in AnalysedArticle.Note(reason: .init(rawValue: r.int())!, subject: r.string(), quote: Self.index(r.int())) }
    }

    /// The published date alone (for the status of a deal several articles report).
    var published: DraftDate? { document.published }
}
