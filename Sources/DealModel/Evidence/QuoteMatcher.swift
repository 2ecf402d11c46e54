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
/// The text is folded (`FoldedBlock`) a block of about a megabyte at a time while it
/// is searched, so a 150 MB document costs a few megabytes of folded text at once,
/// not a folded copy of itself.
struct QuoteMatcher: Sendable {
    let text: String
    /// Original bytes per block, and the most folded bytes a block reads past its end
    /// (smaller in tests, to cross many block edges and compare past the tail).
    let blockSize: Int
    let tailLimit: Int

    init(text: String, blockSize: Int = 1 << 20, tailLimit: Int = 1 << 17) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        self.blockSize = max(1, blockSize)
        self.tailLimit = max(Self.window, tailLimit)
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
        var visible = 0
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: b.count) { out, count in
            guard let (n, v) = foldASCII(b, into: out.baseAddress!) else { ok = false; count = 0; return }
            (count, visible) = (n, v)
        }
        return ok ? (bytes, visible) : nil
    }

    /// The same into `out` (room for `b.count` bytes): how many bytes it wrote and how
    /// many visible characters they hold; nil when a byte is not ASCII.
    static func foldASCII(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, visible: Int)? {
        var n = 0
        var visible = 0
        var lastWasSpace = true
        for c in b {
            if c >= 0x80 { return nil }
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                if !lastWasSpace { out[n] = 0x20; n += 1 }
                lastWasSpace = true
            } else {
                out[n] = c >= 0x41 && c <= 0x5A ? c + 0x20 : c
                n += 1
                lastWasSpace = false
                visible += 1
            }
        }
        if n > 0 && out[n - 1] == 0x20 { n -= 1 }
        return (n, visible)
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

    /// Locates many quotes; results are UTF-8 offsets of the text, widened to whole
    /// characters.
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

    static let window = 16
    static let base: UInt64 = 1_000_003

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0
        for j in 0..<count { h = h &* base &+ UInt64(p[j]) }
        return h
    }

    /// A hash of `count` bytes computed at once (no rolling): for a full window, two
    /// 8-byte loads and two multiplications; for a half window, one.
    @inline(__always)
    static func windowHash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        if count == 8 { return mix(UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) &* 0x9E37_79B9_7F4A_7C15) }
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

    /// A match in UTF-8 offsets of the text, widened to whole characters so that it
    /// never splits a grapheme.
    func widened(_ r: Range<Int>) -> Range<Int> {
        let u = text.utf8
        let w = Self.roundToCharacters(u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound), in: text)
        return u.distance(from: u.startIndex, to: w.lowerBound)..<u.distance(from: u.startIndex, to: w.upperBound)
    }
}
