import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a quote in a text while tolerating the differences that copying text
/// introduces: runs of whitespace, curly against straight quotes, the many dashes
/// and hyphens, and letter case. Matches are mapped back to the original text.
///
/// The text is folded once into UTF-8 bytes. Where folded and original bytes run in
/// step (plain ASCII text), nothing more is stored; a "jump" is kept only where they
/// part (a run of spaces, a curly quote, a non-ASCII letter), so a 100 MB English
/// document needs a few kilobytes of position map instead of 400 MB.
struct QuoteMatcher: Sendable {
    private let folded: [UInt8]
    /// Folded offsets where the mapping to the original jumps, and the original
    /// offset there; between jumps both advance together.
    private let jumpFolded: [UInt32]
    private let jumpOriginal: [UInt32]
    private let text: String

    init(text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var folded: [UInt8] = []
        var jumpFolded: [UInt32] = [0]
        var jumpOriginal: [UInt32] = [0]
        text.utf8.withContiguousStorageIfAvailable { b in
            folded.reserveCapacity(b.count)
            var lastWasSpace = true
            var expected = 0  // the original offset the next folded byte has if nothing jumps
            @inline(__always) func emit(_ byte: UInt8, from original: Int) {
                if original != expected {
                    jumpFolded.append(UInt32(folded.count))
                    jumpOriginal.append(UInt32(original))
                }
                folded.append(byte)
                expected = original + 1
            }
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                        if !lastWasSpace { emit(0x20, from: i) }
                        lastWasSpace = true
                    } else {
                        emit(c >= 0x41 && c <= 0x5A ? c + 0x20 : c, from: i)
                        lastWasSpace = false
                    }
                    i += 1
                    continue
                }
                let (s, w) = DocumentSplit.scalar(b, i)
                if Self.isSpace(s) {
                    if !lastWasSpace { emit(0x20, from: i) }
                    lastWasSpace = true
                } else {
                    // Every byte of a folded scalar maps to the start of its original.
                    for f in Self.fold(s) { for byte in String(f).utf8 { emit(byte, from: i) } }
                    lastWasSpace = false
                }
                i += w
            }
        }
        self.folded = folded
        self.jumpFolded = jumpFolded
        self.jumpOriginal = jumpOriginal
    }

    /// The original offset of the scalar a folded byte came from.
    @inline(__always)
    private func original(_ f: Int) -> Int {
        var lo = 0, hi = jumpFolded.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(jumpFolded[mid]) <= f { lo = mid } else { hi = mid - 1 }
        }
        return Int(jumpOriginal[lo]) + (f - Int(jumpFolded[lo]))
    }

    /// Whitespace, answered without a Unicode property lookup for ASCII.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
        return s.properties.isWhitespace
    }

    static func fold(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        switch s.value {
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return ["\""]
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: return ["'"]
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D: return ["-"]
        case 0x00A0, 0x202F: return [" "]
        case 0x00AD: return []  // soft hyphen: invisible
        default:
            if s.isASCII {
                let v = s.value
                return [v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : s]
            }
            return Array(s.properties.lowercaseMapping.unicodeScalars)
        }
    }

    static func foldQuery(_ quote: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var lastWasSpace = true
        for s in quote.unicodeScalars {
            if Self.isSpace(s) {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                let f = fold(s)
                if f == [" "] {
                    if !lastWasSpace { out.append(" ") }
                    lastWasSpace = true
                } else {
                    out += f
                    lastWasSpace = false
                }
            }
        }
        if out.last == " " { out.removeLast() }
        return out
    }

    /// Folds plain ASCII bytes of a quote (lower case, one space for any run of
    /// whitespace, none at the ends); nil when a byte is not ASCII. Also says how many
    /// visible characters it has.
    static func foldASCII(_ b: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], visible: Int)? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var lastWasSpace = true
        var visible = 0
        for c in b {
            if c >= 0x80 { return nil }
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            } else {
                out.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)
                lastWasSpace = false
                visible += 1
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return (out, visible)
    }

    /// The folded UTF-8 bytes of a quote; plain ASCII is folded without decoding.
    static func foldedBytes(_ quote: String) -> [UInt8] {
        var q = quote
        if let ascii = q.withUTF8({ foldASCII($0) }) { return ascii.bytes }
        var out: [UInt8] = []
        for s in foldQuery(quote) { out.append(contentsOf: String(s).utf8) }
        return out
    }

    func ranges(of quote: String) -> [Range<String.Index>] {
        offsets(ofAll: [quote])[0].map { r in
            let u = text.utf8
            return u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)
        }
    }

    /// Locates many quotes with few passes over the text (Rabin–Karp): quotes of 16 or
    /// more bytes are found by a rolling hash of their first 16, shorter ones by a
    /// rolling hash per length; a bit table turns away most positions before the
    /// sorted hash list is searched, and every candidate is then compared in full.
    /// Matches of one quote do not overlap. Results are UTF-8 offsets of the text,
    /// widened to whole characters.
    func offsets(ofAll quotes: [String]) -> [[Range<Int>]] {
        var needles = StringColumn(reservingStrings: quotes.count, bytes: quotes.count * 48)
        for q in quotes {
            let f = Self.foldedBytes(q)
            f.withUnsafeBufferPointer { needles.append(bytes: $0) }
        }
        return offsets(of: needles)
    }

    func offsets(of needles: StringColumn) -> [[Range<Int>]] {
        var result = [[Range<Int>]](repeating: [], count: needles.count)
        eachMatchList(of: needles) { n, matches in result[n] = matches }
        return result
    }

    /// For every needle (folded bytes), its matches as UTF-8 offsets of the text, given
    /// to `visit` once per needle that matches at least once, in needle order.
    func eachMatchList<E: Error>(of all: StringColumn, _ visit: (Int, [Range<Int>]) throws(E) -> Void) throws(E) {
        // (The same quote written by many records shares one slot of the window table
        // below, so two million partners quoting one sentence cost two million
        // candidates, not a two-million-long chain.)
        let needles = all
        let count = needles.count
        // Candidates as (needle, folded position), gathered per window length.
        var candidates: [(needle: Int32, at: UInt32)] = []
        // A needle with a space is looked for only where a word starts: its window
        // begins just after its first space, and a match of it puts that window right
        // after a space of the text, so only the (about six times fewer) places after
        // a space need a probe. A needle of one word is looked for everywhere.
        var everywhere: [Int: [Int32]] = [:]
        var afterSpace: [Int: [Int32]] = [:]
        var shifts = [UInt16](repeating: 0, count: count)
        needles.bytes.withUnsafeBufferPointer { nb in
            for n in 0..<count {
                let r = needles.range(n)
                let len = r.count
                guard len > 0 && len <= folded.count else { continue }
                if let p = memchr(nb.baseAddress! + r.lowerBound, 0x20, len) {
                    let j = UnsafeRawPointer(p) - UnsafeRawPointer(nb.baseAddress! + r.lowerBound) + 1
                    if j < len && j <= Int(UInt16.max) {
                        shifts[n] = UInt16(j)
                        afterSpace[min(len - j, Self.window), default: []].append(Int32(n))
                        continue
                    }
                }
                everywhere[min(len, Self.window), default: []].append(Int32(n))
            }
        }
        folded.withUnsafeBufferPointer { hay in
            needles.bytes.withUnsafeBufferPointer { nb in
                for (k, group) in everywhere.sorted(by: { $0.key < $1.key }) {
                    scan(hay, window: k, needles: group, shifts: nil, needleBytes: nb, column: needles, into: &candidates)
                }
                for (k, group) in afterSpace.sorted(by: { $0.key < $1.key }) {
                    scan(hay, window: k, needles: group, shifts: shifts, needleBytes: nb, column: needles, into: &candidates)
                }
            }
        }
        // Group candidates by needle (a counting sort: each scan found them in order of
        // position, and a needle belongs to one scan), then confirm each in full.
        var firstOf = [Int32](repeating: 0, count: count + 1)
        for c in candidates { firstOf[Int(c.needle) + 1] += 1 }
        for n in 0..<count { firstOf[n + 1] += firstOf[n] }
        var fill = firstOf
        var grouped = [(needle: Int32, at: UInt32)](repeating: (0, 0), count: candidates.count)
        for c in candidates {
            grouped[Int(fill[Int(c.needle)])] = c
            fill[Int(c.needle)] += 1
        }
        candidates = grouped
        grouped = []
        fill = []
        firstOf = []
        var matches: [Range<Int>] = []
        try folded.withUnsafeBufferPointer { hay throws(E) in
            try needles.bytes.withUnsafeBufferPointer { nb throws(E) in
                var k = 0
                while k < candidates.count {
                    let n = Int(candidates[k].needle)
                    let r = needles.range(n)
                    var next = 0
                    matches.removeAll(keepingCapacity: true)
                    while k < candidates.count && Int(candidates[k].needle) == n {
                        let i = Int(candidates[k].at)
                        k += 1
                        guard i >= next, i + r.count <= hay.count,
                              memcmp(hay.baseAddress! + i, nb.baseAddress! + r.lowerBound, r.count) == 0 else { continue }
                        matches.append(originalRange(i, i + r.count))
                        next = i + r.count
                    }
                    if !matches.isEmpty { try visit(n, matches) }
                }
            }
        }
    }

    /// One rolling-hash pass with window `k` over the folded text.
    private func scan(_ hay: UnsafeBufferPointer<UInt8>, window k: Int, needles group: [Int32], shifts: [UInt16]?,
                      needleBytes nb: UnsafeBufferPointer<UInt8>, column: StringColumn,
                      into candidates: inout [(needle: Int32, at: UInt32)]) {
        guard hay.count >= k else { return }
        // The hash of each needle's first k bytes, in an open-addressing table (hash,
        // needle), and a bit table of the hashes that turns away most positions of the
        // text with one probe.
        // Needles whose windows hash alike share one slot and a list, so that a
        // thousand quotes opening with the same words do not make a thousand-long chain.
        var keyed: [(hash: UInt64, needle: Int32)] = group.map { n in
            let start = nb.baseAddress! + column.range(Int(n)).lowerBound
            return (shifts == nil ? Self.hash(start, k) : Self.windowHash(start + Int(shifts![Int(n)]), k), n)
        }
        keyed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.needle < $1.needle }
        var listStarts: [Int32] = []
        var listNeedles: [Int32] = []
        listNeedles.reserveCapacity(keyed.count)
        var distinct: [UInt64] = []
        for (i, e) in keyed.enumerated() {
            if i == 0 || e.hash != keyed[i - 1].hash {
                distinct.append(e.hash)
                listStarts.append(Int32(listNeedles.count))
            }
            listNeedles.append(e.needle)
        }
        listStarts.append(Int32(listNeedles.count))
        keyed = []
        var size = 16
        while size < distinct.count * 2 { size <<= 1 }
        let mask = size - 1
        var slotHash = [UInt64](repeating: 0, count: size)
        var slotNeedle = [Int32](repeating: -1, count: size)  // the list of needles, by number
        let bits = max(16, min(28, (distinct.count * 16).bitWidth - (distinct.count * 16).leadingZeroBitCount))
        let shift = UInt64(64 - bits)
        var table = [UInt64](repeating: 0, count: (1 << bits) / 64 + 1)
        for (g, h) in distinct.enumerated() {
            let m = Self.mix(h)
            let bit = Int(m >> shift)
            table[bit >> 6] |= 1 << UInt64(bit & 63)
            var slot = Int(truncatingIfNeeded: m) & mask
            while slotNeedle[slot] >= 0 { slot = (slot + 1) & mask }
            slotHash[slot] = h
            slotNeedle[slot] = Int32(g)
        }
        var power: UInt64 = 1
        for _ in 1..<max(k, 1) { power = power &* Self.base }
        let last = hay.count - k
        // A long text is scanned in two halves at once (the machines this runs on have
        // two cores or more); each half's candidates stay in order of position.
        let parts = last > 1 << 23 ? 2 : 1
        let bounds = (0...parts).map { $0 * (last + 1) / parts }
        let found = Results(count: parts)
        let shared = ScanTables(table: table, slotHash: slotHash, slotNeedle: slotNeedle, mask: mask, shift: shift, power: power, k: k,
                                shifts: shifts, length: hay.count, listStarts: listStarts, listNeedles: listNeedles)
        let hayStart = UInt(bitPattern: hay.baseAddress!)
        let work: @Sendable (Int) -> Void = { part in
            let p = UnsafePointer<UInt8>(bitPattern: hayStart)!
            found.set(part, shared.shifts == nil ? shared.scan(p, from: bounds[part], to: bounds[part + 1])
                                                 : shared.scanAfterSpaces(p, from: bounds[part], to: bounds[part + 1]))
        }
        if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
        for part in 0..<parts { candidates.append(contentsOf: found.get(part)) }
    }

    /// Maps a folded match back to the original text, widened to whole characters
    /// so a match never splits a grapheme.
    private func originalRange(_ from: Int, _ to: Int) -> Range<Int> {
        let lo = original(from)
        let lastStart = original(to - 1)
        var hi = lastStart + 1
        text.utf8.withContiguousStorageIfAvailable { b in
            hi = lastStart + DocumentSplit.scalar(b, lastStart).1
        }
        let u = text.utf8
        let r = Self.roundToCharacters(u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi), in: text)
        return u.distance(from: u.startIndex, to: r.lowerBound)..<u.distance(from: u.startIndex, to: r.upperBound)
    }

    static let window = 16
    static let base: UInt64 = 1_000_003

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0
        for j in 0..<count { h = h &* base &+ UInt64(p[j]) }
        return h
    }

    /// A hash of `count` bytes computed at once (no rolling): for a full window, two
    /// 8-byte loads and two multiplications.
    @inline(__always)
    static func windowHash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        guard count == window else { return hash(p, count) }
        let a = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        let b = UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self)
        let x = a &* 0x9E37_79B9_7F4A_7C15, y = b &* 0xC2B2_AE3D_27D4_EB4F
        return x ^ ((y << 31) | (y >> 33))
    }

    @inline(__always)
    static func mix(_ h: UInt64) -> UInt64 {
        var x = h ^ (h >> 31)
        x = x &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    static func roundToCharacters(_ r: Range<String.Index>, in text: String) -> Range<String.Index> {
        let lo = text.index(r.lowerBound, offsetBy: 0)  // rounds down to a Character boundary
        var hi = r.upperBound
        let hiRounded = text.index(hi, offsetBy: 0)
        if hiRounded < hi { hi = text.index(after: hiRounded) }
        return lo..<hi
    }
}

/// The tables of one scan, shared read-only by the threads that scan parts of the text.
private struct ScanTables: Sendable {
    let table: [UInt64]
    let slotHash: [UInt64]
    let slotNeedle: [Int32]
    let mask: Int
    let shift: UInt64
    let power: UInt64
    let k: Int
    /// For needles looked for after spaces: where each one's window starts in it.
    let shifts: [UInt16]?
    let length: Int
    /// The needles of each slot's hash: listNeedles[listStarts[g]..<listStarts[g + 1]].
    let listStarts: [Int32]
    let listNeedles: [Int32]

    /// Nonzero when the bit table says some needle's window may hash to `h`.
    @inline(__always)
    private func mayHold(_ h: UInt64, _ t: UnsafeBufferPointer<UInt64>) -> UInt64 {
        let bit = Int(QuoteMatcher.mix(h) >> shift)
        return t[bit >> 6] & (1 << UInt64(bit & 63))
    }

    /// Adds a candidate for every needle whose window hashes to `h`, for the window
    /// at `w` (less the window's offset in the needle, for needles looked for after
    /// spaces).
    @inline(__always)
    private func emit(_ h: UInt64, at w: Int, _ sh: UnsafeBufferPointer<UInt64>, _ sn: UnsafeBufferPointer<Int32>,
                      into out: inout [(needle: Int32, at: UInt32)]) {
        var slot = Int(truncatingIfNeeded: QuoteMatcher.mix(h)) & mask
        while sn[slot] >= 0 {
            if sh[slot] == h {
                let g = Int(sn[slot])
                for q in Int(listStarts[g])..<Int(listStarts[g + 1]) {
                    let n = listNeedles[q]
                    let j = shifts.map { Int($0[Int(n)]) } ?? 0
                    if w >= j { out.append((n, UInt32(w - j))) }
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Candidates for the windows starting just after a space, in from..<to.
    func scanAfterSpaces(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> [(needle: Int32, at: UInt32)] {
        var out: [(needle: Int32, at: UInt32)] = []
        guard shifts != nil else { return out }
        let end = min(to, length - k + 1)
        var i = max(from, 1) - 1  // a window at w needs a space at w - 1
        table.withUnsafeBufferPointer { t in
            slotHash.withUnsafeBufferPointer { sh in
                slotNeedle.withUnsafeBufferPointer { sn in
                    // Word starts are gathered a batch at a time and then probed, so
                    // that the probes (cache misses, independent of each other) overlap.
                    var starts = [Int](repeating: 0, count: 64)
                    var hashes = [UInt64](repeating: 0, count: 64)
                    var words = [UInt64](repeating: 0, count: 64)
                    while i + 1 < end {
                        var n = 0
                        while n < 64 && i + 1 < end {
                            guard let hit = memchr(p + i, 0x20, end - 1 - i) else { i = end; break }
                            let w = UnsafeRawPointer(hit) - UnsafeRawPointer(p) + 1
                            i = w
                            let h = QuoteMatcher.windowHash(p + w, k)
                            starts[n] = w
                            hashes[n] = h
                            n += 1
                        }
                        for b in 0..<n { words[b] = mayHold(hashes[b], t) }
                        for b in 0..<n where words[b] != 0 { emit(hashes[b], at: starts[b], sh, sn, into: &out) }
                    }
                }
            }
        }
        return out
    }

    /// Candidates (needle, position) for the windows starting in from..<to.
    func scan(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> [(needle: Int32, at: UInt32)] {
        var out: [(needle: Int32, at: UInt32)] = []
        guard from < to else { return out }
        var h: UInt64 = 0
        for j in 0..<k { h = h &* QuoteMatcher.base &+ UInt64(p[from + j]) }
        table.withUnsafeBufferPointer { t in
            slotHash.withUnsafeBufferPointer { sh in
                slotNeedle.withUnsafeBufferPointer { sn in
                    var i = from
                    while true {
                        if mayHold(h, t) != 0 { emit(h, at: i, sh, sn, into: &out) }
                        if i + 1 >= to { break }
                        h = (h &- UInt64(p[i]) &* power) &* QuoteMatcher.base &+ UInt64(p[i + k])
                        i += 1
                    }
                }
            }
        }
        return out
    }
}

/// One result slot per thread.
private final class Results: Sendable {
    private let slots: Mutex<[[(needle: Int32, at: UInt32)]]>
    init(count: Int) { slots = Mutex(Array(repeating: [], count: count)) }
    func set(_ i: Int, _ value: [(needle: Int32, at: UInt32)]) { slots.withLock { $0[i] = value } }
    func get(_ i: Int) -> [(needle: Int32, at: UInt32)] { slots.withLock { $0[i] } }
}
