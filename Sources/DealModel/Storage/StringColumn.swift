/// Many strings in one byte buffer: string `i` is `bytes[ends[i-1]..<ends[i]]`.
/// A million titles take one allocation instead of a million.
struct StringColumn: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []

    init() {}

    init(bytes: [UInt8], ends: [UInt32]) {
        self.bytes = bytes
        self.ends = ends
    }

    /// Room for `strings` strings of `bytes` bytes in all, so that filling the column
    /// does not copy it again and again as it grows (room not filled is never touched,
    /// and takes no memory).
    mutating func reserve(strings: Int, bytes count: Int) {
        ends.reserveCapacity(strings)
        bytes.reserveCapacity(count)
    }

    /// Whether the ends run in order within the bytes (a snapshot is checked so).
    var isWellFormed: Bool {
        var last: UInt32 = 0
        for e in ends { if e < last { return false }; last = e }
        return Int(last) <= bytes.count
    }

    init(reservingStrings count: Int, bytes size: Int) {
        ends.reserveCapacity(count)
        bytes.reserveCapacity(size)
    }

    var count: Int { ends.count }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(UInt32(bytes.count))
    }

    /// Appends plain ASCII bytes folded as `QuoteMatcher.foldASCII` folds them (lower
    /// case, one space for a run of whitespace, none at the ends), straight into the
    /// column; returns how many visible characters they hold, or nil (appending
    /// nothing) when a byte is not ASCII.
    mutating func appendFoldingASCII(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let start = bytes.count
        // Room for all of them (growing as appends grow), then trimmed to what folds.
        bytes.append(contentsOf: repeatElement(0, count: b.count))
        let folded = bytes.withUnsafeMutableBufferPointer { QuoteMatcher.foldASCII(b, into: $0.baseAddress! + start) }
        bytes.removeLast(bytes.count - start - (folded?.count ?? 0))
        guard let folded else { return nil }
        ends.append(UInt32(bytes.count))
        return folded.visible
    }

    mutating func append(contentsOf other: StringColumn) {
        let base = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.lazy.map { $0 + base })
    }

    mutating func append(bytes b: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: b)
        ends.append(UInt32(bytes.count))
    }

    @inline(__always)
    func range(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
    }

    subscript(i: Int) -> String {
        let r = range(i)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// Whether string `i` is exactly these bytes.
    func equals(_ i: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = range(i)
        guard r.count == other.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            r.count == 0 || memcmp(b.baseAddress! + r.lowerBound, other.baseAddress!, r.count) == 0
        }
    }

    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = range(i)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// Reorders the strings: the result's string `k` is this column's `order[k]`.
    func permuted(_ order: [Int]) -> StringColumn {
        var out = StringColumn(reservingStrings: order.count, bytes: bytes.count)
        bytes.withUnsafeBufferPointer { b in
            for i in order { out.append(bytes: UnsafeBufferPointer(rebasing: b[range(i)])) }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
