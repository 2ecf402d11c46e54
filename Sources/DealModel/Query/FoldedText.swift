#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Search text folded once (case, diacritics, typographic quotes and dashes) and
/// kept as UTF-8 bytes, so that matching it against many records is a byte search.
public struct FoldedText: Sendable, Equatable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        self.init(whole: text.trimmed)
    }

    /// Folds the whole text (no trimming); plain ASCII is lower-cased byte by byte.
    init(whole text: String) {
        var utf8 = Array(text.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for i in utf8.indices where utf8[i] >= 0x41 && utf8[i] <= 0x5A { utf8[i] += 0x20 }
            bytes = utf8
        } else {
            bytes = Array(TextFolding.fold(text).utf8)
        }
    }

    public var isEmpty: Bool { bytes.isEmpty }

    /// Whether `needle` occurs in this text (an empty needle always does).
    public func contains(_ needle: FoldedText) -> Bool {
        bytes.withUnsafeBufferPointer { Self.find(needle.bytes, in: $0) }
    }

    /// Whether the folded `needle` occurs in folded bytes.
    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard n <= hay.count else { return false }
        return needle.withUnsafeBufferPointer { pin in
            let first = Int32(pin[0])
            var start = hay.baseAddress!
            var left = hay.count
            while left >= n {
                guard let hit = memchr(start, first, left - n + 1) else { return false }
                let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(at, pin.baseAddress!, n) == 0 { return true }
                let advance = at - start + 1
                start += advance
                left -= advance
            }
            return false
        }
    }

    /// Whether the folded `needle` occurs in text that is not folded yet: plain ASCII
    /// is compared ignoring case as it is read; anything else is folded first.
    static func find(_ needle: [UInt8], inUnfolded hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        var ascii = true
        for b in hay where b >= 0x80 { ascii = false; break }
        guard ascii else {
            return FoldedText(whole: String(decoding: hay, as: UTF8.self)).contains(FoldedText(bytes: needle))
        }
        guard n <= hay.count else { return false }
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if lower(hay[i]) == first {
                var k = 1
                while k < n && lower(hay[i + k]) == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    init(bytes: [UInt8]) { self.bytes = bytes }
}
