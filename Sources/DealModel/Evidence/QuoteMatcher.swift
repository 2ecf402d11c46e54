/// Finds a quote in a text while tolerating the differences that copying text
/// introduces: runs of whitespace, curly against straight quotes, the many dashes
/// and hyphens, and letter case. Matches are mapped back to the original text.
struct QuoteMatcher: Sendable {
    /// The folded text, one scalar per entry.
    private let folded: [Unicode.Scalar]
    /// For each folded scalar, the UTF-8 offset of the original scalar it came from
    /// (4 bytes an entry where a String.Index takes 16).
    private let origins: [UInt32]
    private let text: String

    init(text: String) {
        self.text = text
        var folded: [Unicode.Scalar] = []
        var origins: [UInt32] = []
        folded.reserveCapacity(text.utf8.count)
        origins.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        var offset: UInt32 = 0
        for s in text.unicodeScalars {
            let i = offset
            offset += UInt32(UTF8.width(s))
            if s.value < 0x80 && !Self.isSpace(s) {
                // Plain ASCII: lower-case it in place, no allocation.
                let v = s.value
                folded.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : s)
                origins.append(i)
                lastWasSpace = false
            } else if Self.isSpace(s) {
                if !lastWasSpace {
                    folded.append(" ")
                    origins.append(i)
                }
                lastWasSpace = true
            } else {
                for f in Self.fold(s) {
                    folded.append(f)
                    origins.append(i)
                }
                lastWasSpace = false
            }
        }
        self.folded = folded
        self.origins = origins
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

    func ranges(of quote: String) -> [Range<String.Index>] {
        ranges(ofAll: [quote])[0]
    }

    /// Locates many quotes with few passes over the text (Rabin–Karp): quotes of 16
    /// or more characters are found by a rolling hash of their first 16, shorter ones
    /// by a rolling hash per length; every candidate is then checked in full.
    /// Matches of one quote do not overlap.
    func ranges(ofAll quotes: [String]) -> [[Range<String.Index>]] {
        let needles = quotes.map(Self.foldQuery)
        var candidates = [[Int]](repeating: [], count: needles.count)
        var groups: [Int: [UInt64: [Int]]] = [:]
        for (n, needle) in needles.enumerated() where !needle.isEmpty && needle.count <= folded.count {
            let k = min(needle.count, Self.window)
            groups[k, default: [:]][Self.hash(needle, 0, k), default: []].append(n)
        }
        for (k, table) in groups where folded.count >= k {
            var power: UInt64 = 1
            for _ in 1..<max(k, 1) { power = power &* Self.base }
            var h = Self.hash(folded, 0, k)
            var i = 0
            while true {
                if let ns = table[h] { for n in ns { candidates[n].append(i) } }
                if i + k >= folded.count { break }
                h = (h &- UInt64(folded[i].value) &* power) &* Self.base &+ UInt64(folded[i + k].value)
                i += 1
            }
        }
        return needles.enumerated().map { n, needle in
            var result: [Range<String.Index>] = []
            var next = 0
            for i in candidates[n] where i >= next && i + needle.count <= folded.count {
                var k = 0
                while k < needle.count && folded[i + k] == needle[k] { k += 1 }
                guard k == needle.count else { continue }
                let utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: Int(origins[i]))
                let last = utf8.index(utf8.startIndex, offsetBy: Int(origins[i + needle.count - 1]))
                let upper = text.unicodeScalars.index(after: last)
                // Widen to whole characters so a match never splits a grapheme.
                result.append(Self.roundToCharacters(lower..<upper, in: text))
                next = i + needle.count
            }
            return result
        }
    }

    private static let window = 16
    private static let base: UInt64 = 1_000_003

    private static func hash(_ s: [Unicode.Scalar], _ from: Int, _ count: Int) -> UInt64 {
        var h: UInt64 = 0
        for j in from..<(from + count) { h = h &* base &+ UInt64(s[j].value) }
        return h
    }

    static func roundToCharacters(_ r: Range<String.Index>, in text: String) -> Range<String.Index> {
        let lo = text.index(r.lowerBound, offsetBy: 0)  // rounds down to a Character boundary
        var hi = r.upperBound
        let hiRounded = text.index(hi, offsetBy: 0)
        if hiRounded < hi { hi = text.index(after: hiRounded) }
        return lo..<hi
    }
}
