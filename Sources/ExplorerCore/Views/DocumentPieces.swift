import DealModel
import Synchronization

/// A paragraph cut into pieces of about `size` bytes, each wrapped on its own, so
/// that what a key costs does not grow with the paragraph: a 50 MB paragraph is laid
/// out a piece at a time around what is shown. A piece starts after a space near its
/// place (or on a character), found from the paragraph's start and the piece's number
/// alone, so the pieces are the same whichever way the view comes to them. A paragraph
/// shorter than `size` is one piece and wraps exactly as before.
struct DocumentPieces {
    static let size = 4096
    /// How far past its place a piece looks for a space to start after.
    static let reach = 256

    let document: SourceDocument

    func bounds(_ p: Int) -> Range<Int> { document.paragraphs.offsets(p) }

    func count(_ p: Int) -> Int {
        let r = bounds(p)
        let n = (r.count + Self.size - 1) / Self.size
        return n > 1 && start(p, n - 1) >= r.upperBound ? n - 1 : max(1, n)
    }

    /// Where piece `k` of paragraph `p` starts.
    func start(_ p: Int, _ k: Int) -> Int {
        let r = bounds(p)
        guard k > 0 else { return r.lowerBound }
        return document.text.utf8.withContiguousStorageIfAvailable { b in
            var i = r.lowerBound + k * Self.size
            guard i < r.upperBound else { return r.upperBound }
            while i < r.upperBound && b[i] & 0xC0 == 0x80 { i += 1 }
            let limit = min(r.upperBound, i + Self.reach)
            var j = i
            while j < limit && b[j] != 0x20 { j += 1 }
            return j + 1 < limit ? j + 1 : i
        } ?? r.lowerBound
    }

    func range(_ p: Int, _ k: Int) -> Range<Int> {
        start(p, k)..<(k + 1 < count(p) ? start(p, k + 1) : bounds(p).upperBound)
    }

    /// The piece of paragraph `p` that holds a byte offset.
    func piece(_ p: Int, holding offset: Int) -> Int {
        let r = bounds(p)
        var k = min(count(p) - 1, max(0, offset - r.lowerBound) / Self.size)
        while k > 0 && offset < start(p, k) { k -= 1 }
        return k
    }

    /// The piece after (p, k), or nil at the end of the document.
    func next(_ p: Int, _ k: Int) -> (Int, Int)? {
        if k + 1 < count(p) { return (p, k + 1) }
        return p + 1 < document.paragraphs.count ? (p + 1, 0) : nil
    }

    /// The piece before (p, k), or nil at the start.
    func previous(_ p: Int, _ k: Int) -> (Int, Int)? {
        if k > 0 { return (p, k - 1) }
        return p > 0 ? (p - 1, count(p - 1) - 1) : nil
    }
}

/// The pieces laid out lately, by what their lines depend on: a key asks for the same
/// pieces several times (to place the view, to fill the page, to draw it), and a
/// piece is wrapped once.
enum DocumentBlocks {
    struct Key: Equatable {
        /// Held, so that no other document takes its place in memory while cached.
        let document: SourceDocument
        let paragraph: Int, piece: Int, width: Int
        let quote: Range<Int>?
        /// The search: its text, where it started and how far it has come (the
        /// matches found so far), and the current match.
        let search: String?, origin: Int, scanned: Int, match: Range<Int>?
        /// The words selected (`DocumentSelection`).
        let selection: Range<Int>?

        static func == (a: Key, b: Key) -> Bool {
            a.document === b.document && (a.paragraph, a.piece, a.width) == (b.paragraph, b.piece, b.width) && a.quote == b.quote
                && a.search == b.search && (a.origin, a.scanned) == (b.origin, b.scanned) && a.match == b.match
                && a.selection == b.selection
        }
    }

    private static let recent = Mutex<[(Key, [StyledLine])]>([])


    static func lines(_ key: Key, _ make: () -> [StyledLine]) -> [StyledLine] {
        if let hit = recent.withLock({ $0.first { $0.0 == key }?.1 }) { return hit }
        let lines = make()
        recent.withLock {
            $0.append((key, lines))
            if $0.count > 16 { $0.removeFirst() }
        }
        return lines
    }
}
