/// A forward-only reader of JSON bytes for the fast loader. It never builds a tree:
/// the decoder asks for the value it expects next, and anything else ends the fast
/// path (`FastPathExit`). Strings come back as spans of the file, decoded only when
/// they hold escapes. Lines are counted as whitespace is skipped (a JSON string
/// cannot hold a raw line end), so records get their line and column for free.
struct JSONCursor {
    /// A string's bytes in the file, without the quotes.
    struct Span {
        let start: Int
        let end: Int
        /// Holds backslash escapes, so the raw bytes are not the value.
        let escaped: Bool
        var count: Int { end - start }
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    var i = 0
    private(set) var line = 1
    private(set) var lineStart = 0
    // Characters counted from the line start up to a recent offset, so that columns
    // on a one-line (minified) file cost nothing more than one walk over it.
    private var columnLine = 0
    private var columnOffset = 0
    private var columnCount = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = bytes.count
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { i = 3 }
    }

    /// A cursor that starts at `offset` of the same bytes, on a line that starts at
    /// `lineStart` (lines are then counted from 1 there: the caller adds the lines
    /// before).
    init(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, lineStart: Int) {
        self.init(bytes)
        i = offset
        self.lineStart = lineStart
    }

    /// Moves on to `offset`, which is on line `line` (starting at `lineStart`): where
    /// another cursor, started here, ended.
    mutating func jump(to offset: Int, line: Int, lineStart: Int) {
        i = offset
        self.line = line
        self.lineStart = lineStart
    }

    var atEnd: Bool { i >= count }

    @inline(__always)
    mutating func skipSpace() {
        while i < count {
            let c = base[i]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                i += 1
            } else if c == 0x0A {
                i += 1
                line += 1
                lineStart = i
            } else {
                return
            }
        }
    }

    /// The next non-space byte, not consumed (0 at the end).
    @inline(__always)
    mutating func peek() -> UInt8 {
        skipSpace()
        return i < count ? base[i] : 0
    }

    @inline(__always)
    mutating func expect(_ c: UInt8) throws(FastPathExit) {
        skipSpace()
        guard i < count, base[i] == c else { throw FastPathExit("syntax at byte \(i)") }
        i += 1
    }

    @inline(__always)
    mutating func take(_ c: UInt8) -> Bool {
        skipSpace()
        if i < count && base[i] == c { i += 1; return true }
        return false
    }

    /// Line and column (in characters, from 1) of the current position.
    mutating func location() -> (line: Int, column: Int) {
        if columnLine != line || columnOffset > i {
            columnLine = line
            columnOffset = lineStart
            columnCount = 0
        }
        var k = columnOffset
        var n = columnCount
        while k < i {
            if base[k] & 0xC0 != 0x80 { n += 1 }
            k += 1
        }
        columnOffset = i
        columnCount = n
        return (line, n + 1)
    }

    /// Reads a string value. Control bytes and invalid UTF-8 end the fast path.
    mutating func string() throws(FastPathExit) -> Span {
        skipSpace()
        guard i < count, base[i] == 0x22 else { throw FastPathExit("expected a string at byte \(i)") }
        i += 1
        let start = i
        var escaped = false
        var wide = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash, a control
            // byte or a non-ASCII byte.
            while i + 8 <= count {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let quote = v ^ 0x2222_2222_2222_2222
                let slash = v ^ 0x5C5C_5C5C_5C5C_5C5C
                let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                let special = ((quote &- low) & ~quote) | ((slash &- low) & ~slash) | ((v &- 0x2020_2020_2020_2020) & ~v) | v
                if special & high != 0 { break }
                i += 8
            }
            guard i < count else { throw FastPathExit("unterminated string") }
            let c = base[i]
            if c == 0x22 { break }
            if c < 0x20 { throw FastPathExit("control byte in a string") }
            if c == 0x5C {
                escaped = true
                i += 2
                continue
            }
            if c >= 0x80 { wide = true }
            i += 1
        }
        let end = i
        i += 1
        if end > count { throw FastPathExit("unterminated string") }
        if wide && UTF8Check.firstInvalidOffset(UnsafeBufferPointer(start: base + start, count: end - start)) != nil {
            throw FastPathExit("invalid UTF-8")
        }
        return Span(start: start, end: end, escaped: escaped)
    }

    /// The raw bytes of a span (the value itself when it holds no escapes).
    @inline(__always)
    func raw(_ s: Span) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + s.start, count: s.count) }

    /// The value of a string span as bytes, escapes decoded.
    func bytes(_ s: Span) throws(FastPathExit) -> [UInt8] {
        guard s.escaped else { return Array(raw(s)) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var k = s.start
        func hex4(_ at: Int) throws(FastPathExit) -> UInt32 {
            guard at + 4 <= s.end else { throw FastPathExit("bad \\u escape") }
            var v: UInt32 = 0
            for j in 0..<4 {
                let c = base[at + j]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                default: throw FastPathExit("bad \\u escape")
                }
                v = v << 4 | d
            }
            return v
        }
        while k < s.end {
            let c = base[k]
            guard c == 0x5C else { out.append(c); k += 1; continue }
            guard k + 1 < s.end else { throw FastPathExit("bad escape") }
            let e = base[k + 1]
            k += 2
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var code = try hex4(k)
                k += 4
                if (0xD800...0xDBFF).contains(code) {
                    guard k + 6 <= s.end, base[k] == 0x5C, base[k + 1] == 0x75 else { throw FastPathExit("lone surrogate") }
                    let lowHalf = try hex4(k + 2)
                    guard (0xDC00...0xDFFF).contains(lowHalf) else { throw FastPathExit("lone surrogate") }
                    k += 6
                    code = 0x10000 + ((code - 0xD800) << 10) + (lowHalf - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw FastPathExit("lone surrogate")
                }
                out.append(contentsOf: String(Unicode.Scalar(code)!).utf8)
            default: throw FastPathExit("bad escape")
            }
        }
        return out
    }

    func text(_ s: Span) throws(FastPathExit) -> String {
        if !s.escaped { return String(decoding: raw(s), as: UTF8.self) }
        return String(decoding: try bytes(s), as: UTF8.self)
    }

    /// Reads a number as the careful parser does (same grammar, same conversion).
    mutating func number() throws(FastPathExit) -> Double {
        skipSpace()
        let start = i
        if i < count && base[i] == 0x2D { i += 1 }
        let intStart = i
        var simple: UInt64 = 0
        while i < count && base[i] >= 0x30 && base[i] <= 0x39 {
            simple = simple &* 10 &+ UInt64(base[i] - 0x30)
            i += 1
        }
        let digits = i - intStart
        guard digits > 0, !(digits > 1 && base[intStart] == 0x30) else { throw FastPathExit("bad number") }
        var plain = base[start] != 0x2D && digits <= 15
        if i < count && base[i] == 0x2E {
            plain = false
            i += 1
            let s = i
            while i < count && base[i] >= 0x30 && base[i] <= 0x39 { i += 1 }
            guard i > s else { throw FastPathExit("bad number") }
        }
        if i < count && (base[i] == 0x65 || base[i] == 0x45) {
            plain = false
            i += 1
            if i < count && (base[i] == 0x2B || base[i] == 0x2D) { i += 1 }
            let s = i
            while i < count && base[i] >= 0x30 && base[i] <= 0x39 { i += 1 }
            guard i > s else { throw FastPathExit("bad number") }
        }
        if plain { return Double(simple) }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw FastPathExit("number out of range") }
        return v
    }

    /// Reads `true`, `false` or `null` (nil).
    mutating func literal() throws(FastPathExit) -> Bool? {
        skipSpace()
        func word(_ w: StaticString) -> Bool {
            let n = w.utf8CodeUnitCount
            guard i + n <= count, memcmp(base + i, w.utf8Start, n) == 0 else { return false }
            i += n
            return true
        }
        if word("null") { return nil }
        if word("true") { return true }
        if word("false") { return false }
        throw FastPathExit("expected a literal at byte \(i)")
    }

    /// Reads `null` if it is next.
    mutating func takeNull() -> Bool {
        skipSpace()
        guard i + 4 <= count, base[i] == 0x6E, base[i + 1] == 0x75, base[i + 2] == 0x6C, base[i + 3] == 0x6C else { return false }
        i += 4
        return true
    }

    /// Reads an object, calling `member` with the position of each key in `keys`;
    /// an unknown or repeated key ends the fast path.
    mutating func object(_ keys: KeySet, _ member: (inout JSONCursor, Int) throws(FastPathExit) -> Void) throws(FastPathExit) {
        try expect(0x7B)
        if take(0x7D) { return }
        var seen: UInt64 = 0
        repeat {
            let k = try string()
            guard !k.escaped, let key = keys.index(base + k.start, k.count) else { throw FastPathExit("unexpected key") }
            let bit: UInt64 = 1 << UInt64(key)
            guard seen & bit == 0 else { throw FastPathExit("repeated key") }
            seen |= bit
            try expect(0x3A)
            try member(&self, key)
        } while take(0x2C)
        try expect(0x7D)
    }

    /// Reads an array, calling `element` for each element.
    mutating func array(_ element: (inout JSONCursor) throws(FastPathExit) -> Void) throws(FastPathExit) {
        try expect(0x5B)
        if take(0x5D) { return }
        repeat { try element(&self) } while take(0x2C)
        try expect(0x5D)
    }
}

/// The keys an object may have, found by length and bytes. The keys are kept in one
/// block that lives as long as the process (key sets are static), so finding a key
/// touches no reference counts: an array of arrays retained and released each inner
/// array it compared, a dozen times per record.
struct KeySet: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Each key's start in `bytes` and length, and for keys of up to 8 bytes the bytes
    /// as one word (compared at once).
    private let starts: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    private let words: UnsafeMutablePointer<UInt64>
    let count: Int

    init(_ keys: [String]) {
        let all = keys.flatMap { Array($0.utf8) }
        bytes = .allocate(capacity: max(1, all.count))
        bytes.initialize(from: all, count: all.count)
        starts = .allocate(capacity: max(1, keys.count))
        lengths = .allocate(capacity: max(1, keys.count))
        words = .allocate(capacity: max(1, keys.count))
        var at = 0
        for (k, key) in keys.enumerated() {
            let utf8 = Array(key.utf8)
            starts[k] = at
            lengths[k] = utf8.count
            words[k] = utf8.count <= 8 ? Self.word(utf8.withUnsafeBufferPointer { $0.baseAddress! }, utf8.count) : 0
            at += utf8.count
        }
        count = keys.count
    }

    /// Up to 8 bytes as a word, the rest zero.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<n { v |= UInt64(p[k]) << UInt64(8 * k) }
        return v
    }

    @inline(__always)
    func index(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        if n <= 8 {
            let w = Self.word(p, n)
            for k in 0..<count where lengths[k] == n && words[k] == w { return k }
            return nil
        }
        for k in 0..<count where lengths[k] == n {
            if memcmp(bytes + starts[k], p, n) == 0 { return k }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keys of one kind of object, from its field declaration: the fast decoder is
/// handed each member with its field (not a position in a list kept by hand). The
/// fields, like the keys, are kept in a block that lives as long as the process, so
/// that handing one over touches no reference count.
struct FieldKeys<F: RawRepresentable<String> & CaseIterable>: @unchecked Sendable where F.AllCases == [F] {
    let set: KeySet
    private let fields: UnsafeMutablePointer<F>

    init() {
        let all = F.allCases
        fields = .allocate(capacity: max(1, all.count))
        fields.initialize(from: all, count: all.count)
        set = KeySet(all.map(\.rawValue))
    }

    @inline(__always)
    subscript(k: Int) -> F { fields[k] }
}

extension JSONCursor {
    /// Reads an object whose keys are the fields of a declaration.
    @inline(__always)
    mutating func object<F>(_ keys: FieldKeys<F>, _ member: (inout JSONCursor, F) throws(FastPathExit) -> Void) throws(FastPathExit) {
        try object(keys.set) { (c: inout JSONCursor, k: Int) throws(FastPathExit) in try member(&c, keys[k]) }
    }
}
