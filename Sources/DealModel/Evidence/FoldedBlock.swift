/// A stretch of a text folded for quote matching, with the way back to the original.
///
/// Folding is what `QuoteMatcher.foldQuery` does to a quote, applied to the text
/// scalar by scalar: lower case, one space for a run of whitespace, one form of each
/// quote mark and dash. Its only state is whether the scalar before is whitespace, so
/// any stretch that starts on a scalar can be folded on its own and gives exactly the
/// bytes a fold of the whole text has there.
///
/// A block owns the folded bytes of its original range (`0..<ownEnd`) and carries a
/// tail of the text after it, so that windows and quotes that start in the block can
/// be read to their end.
struct FoldedBlock {
    /// The folded bytes are `buffer[0..<count]`; the buffer is kept from block to block.
    private var buffer: [UInt8] = []
    private(set) var count = 0
    /// Folded offsets where the mapping to the original jumps, and the original
    /// offset there; between jumps both advance together.
    private var jumpFolded: [Int32] = []
    private var jumpOriginal: [Int] = []
    /// Folded bytes that come from the block's own original range.
    private(set) var ownEnd = 0
    /// Whether the tail reaches the end of the text.
    private(set) var reachesEnd = false

    /// The folded bytes.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }

    /// Folds `b[from..<to]`, then at least `tail` more folded bytes (or to the end).
    /// `from` starts a scalar.
    mutating func fold(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, tail: Int) {
        jumpFolded.removeAll(keepingCapacity: true)
        jumpOriginal.removeAll(keepingCapacity: true)
        jumpFolded.append(0)
        jumpOriginal.append(from)
        // A scalar folds to at most three bytes for each two of it (İ to i and a dot
        // above); the tail may end a scalar past its length.
        let capacity = 2 * (to - from) + tail + 64
        if buffer.count < capacity { buffer = [UInt8](repeating: 0, count: capacity) }
        var lastWasSpace = from == 0 || Self.isSpace(b, before: from)
        var expected = from  // the original offset the next folded byte has if nothing jumps
        let n = b.count
        var i = from
        var o = 0
        var limit = Int.max  // set once the block's own range is folded
        ownEnd = 0
        buffer.withUnsafeMutableBufferPointer { outBuffer in
            let out = outBuffer.baseAddress!
            @inline(__always) func emit(_ byte: UInt8, from original: Int) {
                if original != expected {
                    jumpFolded.append(Int32(o))
                    jumpOriginal.append(original)
                }
                out[o] = byte
                o += 1
                expected = original + 1
            }
            let high: UInt64 = 0x8080_8080_8080_8080
            while i < n {
                if i >= to && limit == Int.max {
                    ownEnd = o
                    limit = o + tail
                }
                if o >= limit { break }
                // Eight plain bytes at once: ASCII, no control or line end, no two
                // spaces in a row (nor a space after one): they fold to themselves,
                // capitals to small letters, and nothing jumps.
                if i + 8 <= n && (i + 8 <= to || i >= to) {
                    let x = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let printable = (x &+ 0x6060_6060_6060_6060) & high  // bytes of 0x20 or more
                    let spaces = ~(x &+ 0x5F5F_5F5F_5F5F_5F5F) & high     // bytes below 0x21
                    if x & high == 0, printable == high, spaces & (spaces << 8) == 0, !(lastWasSpace && spaces & 0x80 != 0) {
                        let capitals = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & high
                        if i != expected {
                            jumpFolded.append(Int32(o))
                            jumpOriginal.append(i)
                        }
                        UnsafeMutableRawPointer(out + o).storeBytes(of: x | (capitals >> 2), as: UInt64.self)
                        o += 8
                        i += 8
                        expected = i
                        lastWasSpace = spaces >> 63 != 0
                        continue
                    }
                }
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
                if QuoteMatcher.isSpace(s) {
                    if !lastWasSpace { emit(0x20, from: i) }
                    lastWasSpace = true
                } else {
                    // Every byte of a folded scalar maps to the start of its original.
                    for f in QuoteMatcher.fold(s) { for byte in String(f).utf8 { emit(byte, from: i) } }
                    lastWasSpace = false
                }
                i += w
            }
        }
        count = o
        if limit == Int.max { ownEnd = o }
        reachesEnd = i >= n
    }

    /// The original offset of the scalar a folded byte came from.
    @inline(__always)
    func original(_ f: Int) -> Int {
        var lo = 0, hi = jumpFolded.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(jumpFolded[mid]) <= f { lo = mid } else { hi = mid - 1 }
        }
        return jumpOriginal[lo] + (f - Int(jumpFolded[lo]))
    }

    /// Whether the scalar before `i` is whitespace.
    static func isSpace(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        let j = DocumentSplit.scalarStart(b, before: i)
        return QuoteMatcher.isSpace(DocumentSplit.scalar(b, j).0)
    }

    /// Compares `needle` with the folded text from folded byte `f` on, folding the
    /// original as far as needed (for a quote longer than the block's tail). Returns
    /// the original offset just past the last scalar the match takes, or nil.
    func compareBeyond(_ b: UnsafeBufferPointer<UInt8>, at f: Int, needle: UnsafeBufferPointer<UInt8>) -> (end: Int, last: Int, lastSub: Int)? {
        // The scalar folded byte f comes from, and how many of its folded bytes come
        // before f.
        let o = original(f)
        var skip = sub(f)
        // Where the last byte matched comes from: its scalar, and its place in the
        // scalar's fold.
        var scalar = o, inScalar = 0, last = o, lastSub = 0
        var k = 0  // needle bytes matched
        var i = o
        var lastWasSpace = false  // f is never a space: quotes do not start with one
        var end = o
        let n = b.count
        func take(_ byte: UInt8) -> Bool {
            defer { inScalar += 1 }
            if skip > 0 { skip -= 1; return true }
            if k == needle.count { return true }  // the rest of the last scalar's fold
            guard needle[k] == byte else { return false }
            k += 1
            (last, lastSub) = (scalar, inScalar)
            return true
        }
        while k < needle.count && i < n {
            scalar = i
            inScalar = 0
            let c = b[i]
            var w = 1
            if c < 0x80 {
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    if !lastWasSpace { guard take(0x20) else { return nil } }
                    lastWasSpace = true
                } else {
                    guard take(c >= 0x41 && c <= 0x5A ? c + 0x20 : c) else { return nil }
                    lastWasSpace = false
                }
            } else {
                let (s, width) = DocumentSplit.scalar(b, i)
                w = width
                if QuoteMatcher.isSpace(s) {
                    if !lastWasSpace { guard take(0x20) else { return nil } }
                    lastWasSpace = true
                } else {
                    for f in QuoteMatcher.fold(s) { for byte in String(f).utf8 { guard take(byte) else { return nil } } }
                    lastWasSpace = false
                }
            }
            i += w
            end = i
        }
        return k == needle.count ? (end, last, lastSub) : nil
    }

    /// How many folded bytes of the same original scalar come before folded byte `f`
    /// (0 but inside a scalar that folds to several bytes, as İ does).
    func sub(_ f: Int) -> Int {
        let o = original(f)
        var k = 0
        while f - k > 0 && original(f - k - 1) == o { k += 1 }
        return k
    }
}
