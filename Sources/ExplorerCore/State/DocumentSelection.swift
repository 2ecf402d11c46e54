import DealModel

/// Words selected in the document view, to attach as a quote or to make a record
/// from: byte offsets into the document, from `start` to `end`. It grows and shrinks
/// at its end by whole words and sentences, and stays inside one paragraph (a quote
/// is located within a paragraph's text).
struct DocumentSelection: Equatable, Sendable {
    var start: Int
    var end: Int

    var range: Range<Int> { start..<end }

    /// The words as the document has them.
    func text(in doc: SourceDocument) -> String {
        Self.bytes(doc) { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) } ?? ""
    }

    /// One word from `offset` (the first word at or after it, in its paragraph).
    static func word(at offset: Int, in doc: SourceDocument) -> DocumentSelection? {
        let para = doc.paragraphs.offsets(doc.paragraphIndex(containingOffset: offset))
        return bytes(doc) { b -> DocumentSelection? in
            var i = max(offset, para.lowerBound)
            while i < para.upperBound && !isWord(b, i, para) { i += 1 }
            guard i < para.upperBound else { return nil }
            var j = i
            while j < para.upperBound && isWord(b, j, para) { j += 1 }
            return DocumentSelection(start: i, end: j)
        } ?? nil
    }

    /// The word an offset falls in; on a space or a mark, the word before it in the
    /// paragraph (the last word of a line, for a pointer right of it), else the next.
    static func word(under offset: Int, in doc: SourceDocument) -> DocumentSelection? {
        let para = doc.paragraphs.offsets(doc.paragraphIndex(containingOffset: offset))
        let before = bytes(doc) { b -> Int? in
            var i = min(offset, para.upperBound - 1)
            while i >= para.lowerBound && !isWord(b, i, para) { i -= 1 }
            guard i >= para.lowerBound else { return nil }
            while i > para.lowerBound && isWord(b, i - 1, para) { i -= 1 }
            return i
        } ?? nil
        return word(at: before ?? offset, in: doc)
    }

    /// From one word to another, whichever comes first (a drag back from where it
    /// started selects back to it); kept within the first word's paragraph.
    static func spanning(_ anchor: DocumentSelection, _ other: DocumentSelection, in doc: SourceDocument) -> DocumentSelection {
        let para = doc.paragraphs.offsets(doc.paragraphIndex(containingOffset: anchor.start))
        guard para.contains(other.start) else { return anchor }
        return other.start < anchor.start ? DocumentSelection(start: other.start, end: anchor.end) : DocumentSelection(start: anchor.start, end: other.end)
    }

    /// The sentence an offset falls in, from its first word to its last (within the
    /// paragraph).
    static func sentence(at offset: Int, in doc: SourceDocument) -> DocumentSelection? {
        let para = doc.paragraphs.offsets(doc.paragraphIndex(containingOffset: offset))
        let r = doc.sentences.offsets(doc.sentenceIndex(containingOffset: offset))
        let lo = max(r.lowerBound, para.lowerBound), hi = min(r.upperBound, para.upperBound)
        guard lo < hi, let first = word(at: lo, in: doc), first.start < hi else { return nil }
        let end = bytes(doc) { b -> Int in
            var j = hi
            while j > first.end && (b[j - 1] == 0x20 || b[j - 1] == 0x0A || b[j - 1] == 0x0D || b[j - 1] == 0x09) { j -= 1 }
            return j
        } ?? hi
        return DocumentSelection(start: first.start, end: end)
    }

    /// The end moved to the end of the next word (`forward`) or back to the end of
    /// the word before; never past the paragraph, never before the first word.
    func byWord(forward: Bool, in doc: SourceDocument) -> DocumentSelection {
        let para = doc.paragraphs.offsets(doc.paragraphIndex(containingOffset: start))
        return Self.bytes(doc) { b in
            var s = self
            if forward {
                var j = end
                while j < para.upperBound && !Self.isWord(b, j, para) { j += 1 }
                while j < para.upperBound && Self.isWord(b, j, para) { j += 1 }
                if j > end && Self.isWord(b, j - 1, para) { s.end = j }
            } else {
                var j = end
                while j > start && Self.isWord(b, j - 1, para) { j -= 1 }
                while j > start && !Self.isWord(b, j - 1, para) { j -= 1 }
                if j > start { s.end = j }
            }
            return s
        } ?? self
    }

    /// The end moved to the end of the sentence it is in, or of the next one when it
    /// ends one already (`forward`); back to the end of the sentence before, or to the
    /// first word when the selection starts in that sentence.
    func bySentence(forward: Bool, in doc: SourceDocument) -> DocumentSelection {
        let para = doc.paragraphs.offsets(doc.paragraphIndex(containingOffset: start))
        let sentences = doc.sentences
        var s = self
        if forward {
            var k = doc.sentenceIndex(containingOffset: max(start, end - 1))
            if sentences.offsets(k).upperBound <= end, k + 1 < sentences.count { k += 1 }
            s.end = min(para.upperBound, max(end, sentences.offsets(k).upperBound))
        } else {
            let k = doc.sentenceIndex(containingOffset: max(start, end - 1))
            let before = k > 0 ? sentences.offsets(k - 1).upperBound : start
            s.end = before > start ? before : (Self.word(at: start, in: doc)?.end ?? end)
        }
        return s
    }

    /// Letters and digits (any non-ASCII byte counts as a letter, so a character is
    /// never cut), and ' - . , between two of them ("Northwind's", "40.5").
    static func isWord(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ para: Range<Int>) -> Bool {
        func letter(_ i: Int) -> Bool {
            guard para.contains(i) else { return false }
            let c = b[i]
            return c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A)
        }
        if letter(i) { return true }
        return [0x27, 0x2D, 0x2E, 0x2C].contains(b[i]) && letter(i - 1) && letter(i + 1)
    }

    static func bytes<T>(_ doc: SourceDocument, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        doc.text.utf8.withContiguousStorageIfAvailable(body)
    }
}
