import Synchronization

/// Every quoted span of one document in reading order, each with the records that
/// quote it (a span quoted by several records is one entry). Kept in flat arrays: a
/// million quotes are a few arrays, found by binary search.
public struct DocumentQuotes: Sendable {
    public let document: SourceDocument
    let starts: [UInt32]
    let ends: [UInt32]
    let ownerStarts: [UInt32]
    /// Record kind in the top two bits (0 partner, 1 deal, 2 event), position below.
    let owners: [UInt32]
    /// The longest span, so that the spans overlapping a place are found quickly.
    let longest: Int

    /// Quoted spans: a span several records quote counts once.
    public var count: Int { starts.count }
    /// Quotes: each record's quote of a span counts (what `validate` and the README count).
    public var quoteCount: Int { owners.count }

    public func range(_ i: Int) -> Range<Int> { Int(starts[i])..<Int(ends[i]) }

    public func evidence(_ i: Int) -> Evidence { Evidence(document: document, utf8Range: range(i)) }

    public func owners(_ i: Int) -> [RecordRef] {
        (Int(ownerStarts[i])..<Int(ownerStarts[i + 1])).map { k in
            let v = owners[k], position = Int(v & 0x3FFF_FFFF)
            switch v >> 30 {
            case 0: return .partner(position)
            case 1: return .deal(position)
            default: return .event(position)
            }
        }
    }

    /// The first span starting at or after a byte offset (`count` when none does).
    public func first(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(starts[mid]) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The spans that overlap a byte range, in order.
    public func overlapping(_ r: Range<Int>) -> [Int] {
        var out: [Int] = []
        var i = first(atOrAfter: max(0, r.lowerBound - longest))
        while i < starts.count && Int(starts[i]) < r.upperBound {
            if Int(ends[i]) > r.lowerBound && Int(starts[i]) < r.upperBound { out.append(i) }
            i += 1
        }
        return out
    }

    /// The entry for exactly this range, if it is a quoted span.
    public func index(of r: Range<Int>) -> Int? {
        var i = first(atOrAfter: r.lowerBound)
        while i < starts.count && Int(starts[i]) == r.lowerBound {
            if Int(ends[i]) == r.upperBound { return i }
            i += 1
        }
        return nil
    }

    init(catalog c: Catalog, document: SourceDocument) {
        self.document = document
        let docIndex = c.documents.firstIndex { $0 === document }.map(UInt32.init) ?? UInt32.max
        var keyed: [(key: UInt64, owner: UInt32)] = []
        func add(_ start: Int, _ end: Int, _ owner: UInt32) { keyed.append((UInt64(start) << 32 | UInt64(end), owner)) }
        for (i, p) in c.partners.enumerated() {
            for e in p.evidence + p.products.flatMap(\.evidence) where e.document === document {
                add(e.utf8Range.lowerBound, e.utf8Range.upperBound, UInt32(i))
            }
        }
        for (kind, lists) in [(UInt32(1), c.deals.anchors), (UInt32(2), c.events.anchors)] {
            for r in 0..<(lists.starts.count - 1) {
                for k in lists.range(r) where lists.anchors[k].document == docIndex {
                    add(Int(lists.anchors[k].start), Int(lists.anchors[k].end), kind << 30 | UInt32(r))
                }
            }
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.owner < $1.owner }
        var starts: [UInt32] = [], ends: [UInt32] = [], ownerStarts: [UInt32] = [], owners: [UInt32] = []
        var longest = 0
        for (k, e) in keyed.enumerated() {
            if k == 0 || e.key != keyed[k - 1].key {
                let s = UInt32(e.key >> 32), t = UInt32(e.key & 0xFFFF_FFFF)
                starts.append(s)
                ends.append(t)
                ownerStarts.append(UInt32(owners.count))
                longest = max(longest, Int(t) - Int(s))
            }
            owners.append(e.owner)
        }
        ownerStarts.append(UInt32(owners.count))
        self.starts = starts
        self.ends = ends
        self.ownerStarts = ownerStarts
        self.owners = owners
        self.longest = longest
    }
}

/// Each document's quotes, gathered the first time they are asked for.
final class DocumentQuotesCache: Sendable {
    private let built = Mutex<[ObjectIdentifier: DocumentQuotes]>([:])

    func quotes(_ c: Catalog, _ document: SourceDocument) -> DocumentQuotes {
        if let q = built.withLock({ $0[ObjectIdentifier(document)] }) { return q }
        let q = DocumentQuotes(catalog: c, document: document)
        built.withLock { $0[ObjectIdentifier(document)] = q }
        return q
    }
}

extension Catalog {
    /// Every quoted span of a document, in reading order (gathered once, then kept).
    public func quotes(in document: SourceDocument) -> DocumentQuotes { documentQuotes.quotes(self, document) }
}
