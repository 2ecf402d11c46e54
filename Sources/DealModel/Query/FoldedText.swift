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
        let n = needle.bytes.count
        guard n > 0 else { return true }
        guard n <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { hay in
            needle.bytes.withUnsafeBufferPointer { pin in
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
    }
}
