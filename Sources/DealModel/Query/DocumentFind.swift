/// Text to find in a document, folded as the explorer's search folds (case and
/// accents ignored, typographic quotes and dashes as plain ones) and with each run of
/// whitespace as one space, so that words broken over a line end are found.
public struct DocumentNeedle: Sendable, Equatable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        var out: [UInt8] = []
        var lastWasSpace = true
        for s in TextFolding.fold(text.trimmed).unicodeScalars {
            if QuoteMatcher.isSpace(s) {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            } else {
                out += String(s).utf8
                lastWasSpace = false
            }
        }
        while out.last == 0x20 { out.removeLast() }
        bytes = out
    }

    public var isEmpty: Bool { bytes.isEmpty }
}

extension SourceDocument {
    /// The matches of `needle` that start in the bytes `from..<to` of the text (a
    /// match may end beyond `to`), in order, as UTF-8 offsets. Consecutive calls over
    /// adjacent ranges find every match once, so a long document is searched a slice
    /// at a time; the work is proportional to the slice, not to the document.
    public func find(_ needle: DocumentNeedle, from: Int, to: Int) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        return text.utf8.withContiguousStorageIfAvailable { b in
            DocumentFinder(b).find(needle.bytes, from: from, to: to)
        } ?? []
    }
}

/// Folds a stretch of the text with, for each folded byte, the offset of the scalar
/// it came from, and finds the needle in it.
private struct DocumentFinder {
    let b: UnsafeBufferPointer<UInt8>

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// The first scalar start at or after `i`.
    func lead(_ i: Int) -> Int {
        var i = min(max(0, i), b.count)
        while i < b.count && !DocumentSplit.isLead(b[i]) { i += 1 }
        return i
    }

    func find(_ needle: [UInt8], from: Int, to: Int) -> [Range<Int>] {
        let start = lead(from), end = lead(to)
        guard start < end else { return [] }
        var folded: [UInt8] = []
        var origin: [Int] = []  // the original offset of each folded byte's scalar
        folded.reserveCapacity(end - start + needle.count + 8)
        origin.reserveCapacity(end - start + needle.count + 8)
        var lastWasSpace = start == 0 || QuoteMatcher.isSpace(DocumentSplit.scalar(b, DocumentSplit.scalarStart(b, before: start)).0)
        var i = start
        var ownEnd = -1  // folded bytes from scalars before `end`
        var cache: [UInt32: [UInt8]] = [:]
        // Fold to `end`, then far enough past it to finish a match begun before it.
        while i < b.count {
            if i >= end {
                if ownEnd < 0 { ownEnd = folded.count }
                if folded.count - ownEnd >= needle.count { break }
            }
            let c = b[i]
            if c < 0x80 {
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    if !lastWasSpace { folded.append(0x20); origin.append(i) }
                    lastWasSpace = true
                } else {
                    folded.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)
                    origin.append(i)
                    lastWasSpace = false
                }
                i += 1
                continue
            }
            let (s, w) = DocumentSplit.scalar(b, i)
            if QuoteMatcher.isSpace(s) {
                if !lastWasSpace { folded.append(0x20); origin.append(i) }
                lastWasSpace = true
            } else {
                let bytes = cache[s.value] ?? {
                    let f = Array(TextFolding.fold(String(Character(s))).utf8)
                    cache[s.value] = f
                    return f
                }()
                if bytes == [0x20] {
                    if !lastWasSpace { folded.append(0x20); origin.append(i) }
                    lastWasSpace = true
                } else {
                    folded += bytes
                    origin += repeatElement(i, count: bytes.count)
                    lastWasSpace = bytes.isEmpty ? lastWasSpace : false
                }
            }
            i += w
        }
        if ownEnd < 0 { ownEnd = folded.count }
        var out: [Range<Int>] = []
        let n = needle.count
        var f = 0
        while f + n <= folded.count && f < ownEnd {
            // A match starts on the first folded byte of a scalar.
            if folded[f] == needle[0] && (f == 0 || origin[f - 1] != origin[f]) && folded[f..<(f + n)].elementsEqual(needle) {
                let last = origin[f + n - 1]
                out.append(origin[f]..<(last + DocumentSplit.scalar(b, last).1))
                f += n
                continue
            }
            f += 1
        }
        return out
    }
}
