import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension QuoteMatcher {
    /// A match found in a block: the needle, and where it starts and ends in the
    /// original text (the end not yet widened to whole characters). Matches of one
    /// needle must not overlap in the folded text, where a scalar may fold to several
    /// bytes (İ to i and a dot above): its first and last folded bytes are kept as
    /// the original scalar and the place in that scalar's fold.
    struct Found {
        var needle: Int32
        var start: UInt32
        var end: UInt32
        /// The scalar of the last folded byte.
        var last: UInt32
        var startSub: UInt8
        var lastSub: UInt8
    }

    /// For every needle (folded bytes), its matches as UTF-8 offsets of the text, given
    /// to `visit` once per needle that matches at least once (in no set order). Matches
    /// of one needle do not overlap.
    ///
    /// Many quotes are located in one pass over the text (Rabin–Karp): quotes of 16 or
    /// more bytes by a hash of 16 of their bytes, shorter ones by a hash per length; a
    /// bit table turns away most places before the hash table is asked, and every
    /// candidate is compared in full. The text is folded a block at a time, and a long
    /// text is searched by every core, in parts of a few blocks taken as cores come free.
    /// `scanned` is told the bytes of the text scanned so far, from any thread.
    func eachMatchList<E: Error>(of needles: StringColumn, scanned: (@Sendable (Int) -> Void)? = nil,
                                 _ visit: (Int, [Range<Int>]) throws(E) -> Void) throws(E) {
        try eachMatchList(of: needles, scanned: scanned) { (n: Int, matches: [Range<Int>], _: Int) throws(E) in try visit(n, matches) }
    }

    /// The same, keeping of each needle at least its first `keep(n)` matches and, when
    /// matches come thicker than quotes do, only counting the rest (third argument:
    /// every match), so that quotes found at a million places cost no more than quotes
    /// found once (see `Pruner`).
    func eachMatchList<E: Error>(of needles: StringColumn, keep: (@Sendable (Int) -> Int)? = nil, scanned: (@Sendable (Int) -> Void)? = nil,
                                 _ visit: (Int, [Range<Int>], Int) throws(E) -> Void) throws(E) {
        let count = needles.count
        // The scan's tables are let go before the matches are gone through.
        let results = scan(needles, keep: keep, scanned: scanned)
        let parts = results.count
        var counted: [Int32: Int] = [:]
        for part in 0..<parts { counted.merge(results.overflow(part)) { $0 + $1 } }

        // Most needles match once: they are visited straight from the lists, which are
        // let go one by one; only the matches of needles found more than once are
        // gathered by needle (a counting sort: each part found them in order of place),
        // to drop overlapping matches of one needle.
        var seen = [UInt8](repeating: 0, count: count)
        for part in 0..<parts { for f in results.get(part) where seen[Int(f.needle)] < 2 { seen[Int(f.needle)] += 1 } }
        var matches: [Range<Int>] = []
        var repeated: [Found] = []
        for part in 0..<parts {
            for f in results.take(part) {
                if seen[Int(f.needle)] == 1 {
                    matches.removeAll(keepingCapacity: true)
                    matches.append(widened(Int(f.start)..<Int(f.end)))
                    try visit(Int(f.needle), matches, 1 + (counted[f.needle] ?? 0))
                } else {
                    repeated.append(f)
                }
            }
        }
        seen = []
        guard !repeated.isEmpty else { return }
        var firstOf = [Int32](repeating: 0, count: count + 1)
        for f in repeated { firstOf[Int(f.needle) + 1] += 1 }
        for n in 0..<count { firstOf[n + 1] += firstOf[n] }
        var grouped = repeated
        for f in repeated {
            grouped[Int(firstOf[Int(f.needle)])] = f
            firstOf[Int(f.needle)] += 1
        }
        repeated = []
        firstOf = []
        var k = 0
        while k < grouped.count {
            let n = Int(grouped[k].needle)
            // The first folded place the next match may start at: (scalar, place in
            // its fold).
            var next = (0, 0)
            matches.removeAll(keepingCapacity: true)
            while k < grouped.count && Int(grouped[k].needle) == n {
                let f = grouped[k]
                k += 1
                guard (Int(f.start), Int(f.startSub)) >= next else { continue }
                matches.append(widened(Int(f.start)..<Int(f.end)))
                next = (Int(f.last), Int(f.lastSub) + 1)
            }
            if !matches.isEmpty { try visit(n, matches, matches.count + (counted[Int32(n)] ?? 0)) }
        }
    }
}

extension QuoteMatcher {
    /// The matches of every needle, block by block: one list per part (parts in order of place), each in
    /// order of place.
    fileprivate func scan(_ needles: StringColumn, keep: (@Sendable (Int) -> Int)?, scanned: (@Sendable (Int) -> Void)?) -> FoundLists {
        let count = needles.count
        var maxLength = 0
        for n in 0..<count { maxLength = max(maxLength, needles.range(n).count) }
        let total = text.utf8.count
        guard count > 0, total > 0 else { return FoundLists(count: 0) }
        let tables = needles.bytes.withUnsafeBufferPointer { ScanTables.build(needles: needles, bytes: $0) }
        // Block edges, each on a scalar.
        var edges: [Int] = [0]
        var text = self.text
        text.withUTF8 { b in
            var e = blockSize
            while e < b.count {
                while e < b.count && !DocumentSplit.isLead(b[e]) { e += 1 }
                if e < b.count { edges.append(e) }
                e = max(e + 1, edges.last! + blockSize)
            }
        }
        edges.append(total)
        let blocks = edges.count - 1
        // Parts of a few blocks each, taken in turn by the threads as they come free:
        // halves would leave one core idle whenever the other half is slower (more
        // matches, another thread of the load running on that core).
        let parts = blocks >= 8 ? min(blocks / 4, 32) : 1
        // Enough tail for every window that starts after a needle's first space, and
        // for most needles in full; longer ones are compared past the tail.
        let tail = max(min(maxLength, tailLimit), (tables.map(\.maxShift).max() ?? 0) + Self.window)
        let results = FoundLists(count: parts)
        var told: (@Sendable (Int) -> Void)?
        if let scanned {
            let counter = BytesScanned()
            told = { scanned(counter.add($0)) }
        }
        let job = BlockJob(text: self.text, edges: edges, tail: tail, tables: tables, needles: needles, keep: keep, scanned: told)
        let work: @Sendable (Int) -> Void = { part in
            let (found, overflow) = job.run(blocks: (part * blocks / parts)..<((part + 1) * blocks / parts))
            results.set(part, found, overflow: overflow)
        }
        if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
        return results
    }
}

/// Bytes scanned so far, by every thread.
private final class BytesScanned: Sendable {
    private let total = Atomic<Int>(0)
    func add(_ n: Int) -> Int { total.add(n, ordering: .relaxed).newValue }
}

/// One search of a text's blocks, shared read-only by the threads.
private struct BlockJob: Sendable {
    let text: String
    let edges: [Int]
    let tail: Int
    let tables: [ScanTables]
    let needles: StringColumn
    let keep: (@Sendable (Int) -> Int)?
    /// Told the bytes of each block scanned.
    let scanned: (@Sendable (Int) -> Void)?

    /// The matches of these blocks, and how many more of each needle were only counted.
    func run(blocks: Range<Int>) -> ([QuoteMatcher.Found], [Int32: Int]) {
        var out: [QuoteMatcher.Found] = []
        var pruner = keep.map { Pruner(keep: $0, needles: needles) }
        var block = FoldedBlock()
        var text = self.text
        text.withUTF8 { b in
            needles.bytes.withUnsafeBufferPointer { nb in
                var since = 0
                for k in blocks {
                    block.fold(b, from: edges[k], to: edges[k + 1], tail: tail)
                    for t in tables { t.scan(block, text: b, needles: nb, column: needles, into: &out) }
                    scanned?(edges[k + 1] - edges[k])
                    since += edges[k + 1] - edges[k]
                    // Only when matches come thicker than quotes do (one in 16 bytes):
                    // a valid dataset's scan never stops for this.
                    if let p = pruner, out.count - p.checked > max(Pruner.least, since / 16) {
                        pruner!.prune(&out)
                        since = 0
                    }
                }
            }
        }
        let counted = pruner?.finish(&out) ?? [:]
        return (out, counted)
    }
}

/// Drops the matches of a needle beyond the first ones wanted, counting them. The
/// matches of one needle come in order of place; one that overlaps the one before
/// would be dropped when they are gathered, so it must not be counted: a needle's
/// matches are kept whole from the first overlap on, and the last one dropped is
/// kept at the end of the part, so that the first of the next part is judged against
/// it when the parts are gathered.
private struct Pruner {
    static let least = 1 << 16
    let keep: @Sendable (Int) -> Int
    let needles: StringColumn
    /// The matches before this are pruned.
    var checked = 0
    private var needle: [Int32: State] = [:]

    private struct State {
        var kept = 0
        /// Matches dropped and counted (the last one dropped is not counted yet).
        var counted = 0
        var lastDropped: QuoteMatcher.Found?
        /// The first folded place the next match may start at (scalar, place in its fold).
        var next = (0, 0)
        var overlapping = false
    }

    init(keep: @escaping @Sendable (Int) -> Int, needles: StringColumn) {
        self.keep = keep
        self.needles = needles
    }

    mutating func prune(_ out: inout [QuoteMatcher.Found]) {
        var w = checked
        func store(_ f: QuoteMatcher.Found) {
            out[w] = f
            w += 1
        }
        for r in checked..<out.count {
            let f = out[r]
            var s = needle[f.needle, default: State()]
            let overlaps = (Int(f.start), Int(f.startSub)) < s.next
            s.next = (Int(f.last), Int(f.lastSub) + 1)
            if overlaps && !s.overlapping {
                s.overlapping = true
                // (It comes before this one.)
                if let d = s.lastDropped { store(d) }
                s.lastDropped = nil
            }
            if s.overlapping || s.kept < keep(Int(f.needle)) {
                s.kept += 1
                store(f)
            } else {
                if s.lastDropped != nil { s.counted += 1 }
                s.lastDropped = f
            }
            needle[f.needle] = s
        }
        out.removeLast(out.count - w)
        checked = w
    }

    /// At the end of the part: the last match dropped of each needle goes back at the
    /// end of the list; the count of the others, by needle.
    mutating func finish(_ out: inout [QuoteMatcher.Found]) -> [Int32: Int] {
        // What came after the last pruning goes through it too (the last matches
        // dropped must come after every match kept).
        guard !needle.isEmpty else { return [:] }
        prune(&out)
        var counted: [Int32: Int] = [:]
        for (n, s) in needle {
            if let d = s.lastDropped { out.append(d) }
            if s.counted > 0 { counted[n] = s.counted }
        }
        return counted
    }
}

/// The needles of one window length, ready for scanning: the hash of each needle's
/// window in an open-addressing table, and a bit table of the hashes that turns away
/// most places of the text with one probe.
struct ScanTables: Sendable {
    let k: Int
    /// For needles looked for after spaces: where each one's window starts in it
    /// (nil: the needles of this table are looked for everywhere).
    let shifts: [UInt16]?
    let table: [UInt64]
    let shift: UInt64
    /// The hash of each list of needles, and the lists by slot.
    let groupHash: [UInt64]
    let slotList: [Int32]
    let mask: Int
    let power: UInt64
    /// The needles of each slot's hash: listNeedles[listStarts[g]..<listStarts[g + 1]].
    let listStarts: [Int32]
    let listNeedles: [Int32]

    /// The tables for a set of needles: a needle with a space is looked for only where
    /// a word starts (its window begins just after its first space, and a match puts
    /// that window right after a space of the text, about six times fewer places); a
    /// needle of one word is looked for everywhere.
    static func build(needles: StringColumn, bytes nb: UnsafeBufferPointer<UInt8>) -> [ScanTables] {
        let count = needles.count
        var everywhere: [Int: [Int32]] = [:]
        var afterSpace: [Int: [Int32]] = [:]
        var shifts = [UInt16](repeating: 0, count: count)
        for n in 0..<count {
            let r = needles.range(n)
            let len = r.count
            guard len > 0 else { continue }
            if let p = memchr(nb.baseAddress! + r.lowerBound, 0x20, len) {
                let j = UnsafeRawPointer(p) - UnsafeRawPointer(nb.baseAddress! + r.lowerBound) + 1
                if j < len && j <= Int(UInt16.max) {
                    shifts[n] = UInt16(j)
                    // Windows of 16 bytes, or 8 for shorter rests (one pass over the
                    // text serves all of them), or the whole rest when shorter still.
                    let rest = len - j
                    afterSpace[rest >= QuoteMatcher.window ? QuoteMatcher.window : rest >= 8 ? 8 : rest, default: []].append(Int32(n))
                    continue
                }
            }
            everywhere[min(len, QuoteMatcher.window), default: []].append(Int32(n))
        }
        var out: [ScanTables] = []
        for (k, group) in everywhere.sorted(by: { $0.key < $1.key }) {
            out.append(ScanTables(k: k, group: group, shifts: nil, nb: nb, column: needles))
        }
        for (k, group) in afterSpace.sorted(by: { $0.key < $1.key }) {
            out.append(ScanTables(k: k, group: group, shifts: shifts, nb: nb, column: needles))
        }
        return out
    }

    /// The longest shift of a window into its needle.
    let maxShift: Int

    init(k: Int, group: [Int32], shifts: [UInt16]?, nb: UnsafeBufferPointer<UInt8>, column: StringColumn) {
        self.k = k
        self.shifts = shifts
        maxShift = shifts.map { s in group.reduce(0) { max($0, Int(s[Int($1)])) } } ?? 0
        // Needles whose windows hash alike share one slot and a list, so that a
        // thousand quotes opening with the same words do not make a thousand-long chain.
        // Each distinct hash gets a list number as it is first met (no sort), then the
        // lists are laid out in one array, each in needle order.
        var size = 16
        while size * 3 < group.count * 4 { size <<= 1 }
        let mask = size - 1
        var slotList = [Int32](repeating: -1, count: size)
        var groupHash: [UInt64] = []
        var listOf = [Int32](repeating: 0, count: group.count)
        var listSizes: [Int32] = []
        for (i, n) in group.enumerated() {
            let start = nb.baseAddress! + column.range(Int(n)).lowerBound
            let h = shifts == nil ? QuoteMatcher.hash(start, k) : QuoteMatcher.windowHash(start + Int(shifts![Int(n)]), k)
            var slot = Int(truncatingIfNeeded: QuoteMatcher.mix(h)) & mask
            while slotList[slot] >= 0 && groupHash[Int(slotList[slot])] != h { slot = (slot + 1) & mask }
            if slotList[slot] < 0 {
                slotList[slot] = Int32(groupHash.count)
                groupHash.append(h)
                listSizes.append(0)
            }
            let g = Int(slotList[slot])
            listOf[i] = Int32(g)
            listSizes[g] += 1
        }
        let distinct = groupHash.count
        var listStarts = [Int32](repeating: 0, count: distinct + 1)
        for g in 0..<distinct { listStarts[g + 1] = listStarts[g] + listSizes[g] }
        listSizes = []
        var fill = listStarts
        var listNeedles = [Int32](repeating: 0, count: group.count)
        for (i, n) in group.enumerated() {
            let g = Int(listOf[i])
            listNeedles[Int(fill[g])] = n
            fill[g] += 1
        }
        fill = []
        listOf = []
        let bits = max(16, min(28, (distinct * 16).bitWidth - (distinct * 16).leadingZeroBitCount))
        let shift = UInt64(64 - bits)
        var table = [UInt64](repeating: 0, count: (1 << bits) / 64 + 1)
        for h in groupHash {
            let bit = Int(QuoteMatcher.mix(h) >> shift)
            table[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        var power: UInt64 = 1
        for _ in 1..<max(k, 1) { power = power &* QuoteMatcher.base }
        self.table = table
        self.shift = shift
        self.groupHash = groupHash
        self.slotList = slotList
        self.mask = mask
        self.power = power
        self.listStarts = listStarts
        self.listNeedles = listNeedles
    }

    /// Nonzero when the bit table says some needle's window may hash to `h`.
    @inline(__always)
    private func mayHold(_ h: UInt64, _ t: UnsafeBufferPointer<UInt64>) -> UInt64 {
        let bit = Int(QuoteMatcher.mix(h) >> shift)
        return t[bit >> 6] & (1 << UInt64(bit & 63))
    }

    /// Finds the matches of this table's needles that start in the block's own part.
    func scan(_ block: FoldedBlock, text: UnsafeBufferPointer<UInt8>, needles nb: UnsafeBufferPointer<UInt8>,
              column: StringColumn, into out: inout [QuoteMatcher.Found]) {
        guard block.count >= k, block.ownEnd > 0 else { return }
        block.withBytes { hb in
            let hay = hb
            table.withUnsafeBufferPointer { t in
                groupHash.withUnsafeBufferPointer { gh in
                    slotList.withUnsafeBufferPointer { sl in
                        let p = hb.baseAddress!
                        // Confirms every needle whose window hashes to `h`, for the
                        // window at `w`.
                        func offer(_ h: UInt64, at w: Int) {
                            var slot = Int(truncatingIfNeeded: QuoteMatcher.mix(h)) & mask
                            while sl[slot] >= 0 {
                                let g = Int(sl[slot])
                                if gh[g] == h {
                                    for q in Int(listStarts[g])..<Int(listStarts[g + 1]) {
                                        let n = Int(listNeedles[q])
                                        let start = w - (shifts.map { Int($0[n]) } ?? 0)
                                        if start >= 0 && start < block.ownEnd {
                                            confirm(n, at: start, block, hb, text, nb, column, &out)
                                        }
                                    }
                                    return  // each hash has one slot
                                }
                                slot = (slot + 1) & mask
                            }
                        }
                        if shifts != nil {
                            // Windows just after a space, up to the longest shift past
                            // the block's own part (their needles start inside it, at
                            // least one byte before the window, so the space is in the
                            // block too).
                            let end = min(hay.count - k, block.ownEnd - 1 + maxShift)
                            guard let first = memchr(p, 0x20, hay.count) else { return }
                            var w = UnsafeRawPointer(first) - UnsafeRawPointer(p) + 1
                            // Word starts are gathered a batch at a time and then probed,
                            // so that the probes (cache misses, independent of each
                            // other) overlap.
                            var batchStarts = [Int](repeating: 0, count: 64)
                            var batchHashes = [UInt64](repeating: 0, count: 64)
                            var batchBits = [UInt64](repeating: 0, count: 64)
                            batchStarts.withUnsafeMutableBufferPointer { s in
                                batchHashes.withUnsafeMutableBufferPointer { hs in
                                    batchBits.withUnsafeMutableBufferPointer { bits in
                                        while w <= end {
                                            var batch = 0
                                            while batch < 64 && w <= end {
                                                s[batch] = w
                                                hs[batch] = QuoteMatcher.windowHash(p + w, k)
                                                batch += 1
                                                guard let hit = memchr(p + w, 0x20, hay.count - w) else { w = Int.max; break }
                                                w = UnsafeRawPointer(hit) - UnsafeRawPointer(p) + 1
                                            }
                                            // The bit table first, for all (independent loads
                                            // that overlap), then the hash table for the few.
                                            for b in 0..<batch { bits[b] = mayHold(hs[b], t) }
                                            for b in 0..<batch where bits[b] != 0 { offer(hs[b], at: s[b]) }
                                        }
                                    }
                                }
                            }
                        } else {
                            let end = min(hay.count - k, block.ownEnd - 1)
                            var h = QuoteMatcher.hash(p, k)
                            var i = 0
                            while true {
                                if mayHold(h, t) != 0 { offer(h, at: i) }
                                if i >= end { break }
                                h = (h &- UInt64(p[i]) &* power) &* QuoteMatcher.base &+ UInt64(p[i + k])
                                i += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Compares needle `n` in full with the folded text at `start`, and keeps it.
    @inline(__always)
    private func confirm(_ n: Int, at start: Int, _ block: FoldedBlock, _ hb: UnsafeBufferPointer<UInt8>,
                         _ text: UnsafeBufferPointer<UInt8>, _ nb: UnsafeBufferPointer<UInt8>, _ column: StringColumn,
                         _ out: inout [QuoteMatcher.Found]) {
        let r = column.range(n)
        if start + r.count <= hb.count {
            guard memcmp(hb.baseAddress! + start, nb.baseAddress! + r.lowerBound, r.count) == 0 else { return }
            let lo = block.original(start)
            let lastStart = block.original(start + r.count - 1)
            let hi = lastStart + DocumentSplit.scalar(text, lastStart).1
            out.append(QuoteMatcher.Found(needle: Int32(n), start: UInt32(lo), end: UInt32(hi), last: UInt32(lastStart),
                                          startSub: UInt8(truncatingIfNeeded: block.sub(start)),
                                          lastSub: UInt8(truncatingIfNeeded: block.sub(start + r.count - 1))))
        } else if !block.reachesEnd {
            guard let m = block.compareBeyond(text, at: start, needle: UnsafeBufferPointer(rebasing: nb[r])) else { return }
            out.append(QuoteMatcher.Found(needle: Int32(n), start: UInt32(block.original(start)), end: UInt32(m.end), last: UInt32(m.last),
                                          startSub: UInt8(truncatingIfNeeded: block.sub(start)), lastSub: UInt8(truncatingIfNeeded: m.lastSub)))
        }
    }
}

/// One result list per part (and the matches only counted).
private final class FoundLists: Sendable {
    private let slots: Mutex<[[QuoteMatcher.Found]]>
    private let counted: Mutex<[[Int32: Int]]>
    var count: Int { slots.withLock { $0.count } }
    init(count: Int) {
        slots = Mutex(Array(repeating: [], count: count))
        counted = Mutex(Array(repeating: [:], count: count))
    }
    func set(_ i: Int, _ value: [QuoteMatcher.Found], overflow: [Int32: Int] = [:]) {
        slots.withLock { $0[i] = value }
        counted.withLock { $0[i] = overflow }
    }
    func overflow(_ i: Int) -> [Int32: Int] { counted.withLock { $0[i] } }
    func get(_ i: Int) -> [QuoteMatcher.Found] { slots.withLock { $0[i] } }
    /// Hands the list over and lets go of it here.
    func take(_ i: Int) -> [QuoteMatcher.Found] { slots.withLock { s in defer { s[i] = [] }; return s[i] } }
}
