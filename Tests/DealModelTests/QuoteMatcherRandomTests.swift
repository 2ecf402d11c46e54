@testable import DealModel
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The matcher (rolling hashes, word-start sampling, two threads on long texts) finds
/// exactly what a plain search of the folded text finds, on random texts and quotes.
@Suite("Quote matching against a plain search")
struct QuoteMatcherRandomTests {
    /// Start offsets of the non-overlapping matches of `needle` in `hay`, left to right.
    static func plain(_ needle: [UInt8], in hay: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Int] = []
        hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                while i + n.count <= h.count {
                    if memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 { out.append(i); i += n.count } else { i += 1 }
                }
            }
        }
        return out
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomTextsAndQuotes(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        let words = ["deal", "Deal", "AI", "cloud", "Azure", "open", "OpenAI", "x", "partner", "Partner", "12", "d1", "d12", "and", "the"]
        let spaces = [" ", " ", " ", "  ", "\n", "\n\n", "\t"]
        // Long enough for the two-thread scan (over 8 MB folded) in one of the seeds.
        let wordCount = seed == 3 ? 1_700_000 : 3_000
        var text = ""
        text.reserveCapacity(wordCount * 7)
        for _ in 0..<wordCount {
            text += words[rng.below(words.count)]
            text += spaces[rng.below(spaces.count)]
        }
        // Quotes: pieces of the text (often several times in it), some starting inside
        // a word, one-word ones, and some that are nowhere.
        let bytes = Array(text.utf8)
        var quotes: [String] = []
        for q in 0..<(seed == 3 ? 24 : 300) {
            let start = rng.below(bytes.count - 80)
            let length = 3 + rng.below(q % 3 == 0 ? 8 : 60)
            var piece = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
            if q % 7 == 0 { piece += "zq" }
            if piece.contains(where: { !$0.isWhitespace }) { quotes.append(piece) }
        }
        let matcher = QuoteMatcher(text: text)
        let found = matcher.offsets(ofAll: quotes)
        let folded = Array(QuoteMatcher.foldedBytes(text).utf8Folded)
        for (k, q) in quotes.enumerated() {
            let needle = QuoteMatcher.foldedBytes(q)
            let expected = Self.plain(needle, in: folded).count
            #expect(found[k].count == expected, "seed \(seed), quote \(k) \"\(q)\"")
            for r in found[k] {
                let got = QuoteMatcher.foldedBytes(String(decoding: bytes[r], as: UTF8.self))
                #expect(got == needle, "seed \(seed), quote \(k): matched \"\(String(decoding: bytes[r], as: UTF8.self))\"")
            }
        }
    }
}

private extension Array where Element == UInt8 {
    var utf8Folded: [UInt8] { self }
}

/// The same comparison on text full of what folding changes (accents, curly quotes,
/// dashes, no-break and soft hyphens, runs of whitespace, a dotted capital I), searched
/// in blocks of a few bytes, so that windows, quotes and whitespace runs cross block
/// edges, and with a short tail, so that long quotes are compared past it.
@Suite("Quote matching across block edges")
struct QuoteMatcherBlockTests {
    @Test(arguments: [(UInt64(4), 7, 16), (5, 1, 16), (6, 64, 40), (7, 1000, 16)])
    func foldedTextInSmallBlocks(seed: UInt64, blockSize: Int, tailLimit: Int) {
        var rng = SplitMix64(state: seed)
        let words = ["Café", "café", "CAFÉ", "“deal”", "\"deal\"", "side—by—side", "side-by-side", "İstanbul", "i̇stanbul",
                     "co\u{00AD}op", "OpenAI’s", "openai's", "Ω", "x", "e\u{301}", "12", "and"]
        let spaces = [" ", " ", "  ", "\n", "\u{00A0}", "\t \n", "\u{2003}"]
        var text = spaces[rng.below(spaces.count)]
        for _ in 0..<1500 {
            text += words[rng.below(words.count)]
            text += spaces[rng.below(spaces.count)]
        }
        let bytes = Array(text.utf8)
        // Quotes of whole characters (a match is widened to whole characters).
        let characters = Array(text)
        var quotes: [String] = []
        for q in 0..<200 {
            let start = rng.below(characters.count - 150)
            let piece = String(characters[start..<(start + 2 + rng.below(q % 4 == 0 ? 120 : 25))])
            if QuoteMatcher.foldedBytes(piece).count >= 3 { quotes.append(piece) }
        }
        let found = QuoteMatcher(text: text, blockSize: blockSize, tailLimit: tailLimit).offsets(ofAll: quotes)
        let whole = QuoteMatcher(text: text).offsets(ofAll: quotes)
        let folded = QuoteMatcher.foldedBytes(text)
        for (k, q) in quotes.enumerated() {
            let needle = QuoteMatcher.foldedBytes(q)
            #expect(found[k].count == QuoteMatcherRandomTests.plain(needle, in: folded).count, "seed \(seed), quote \(k) \"\(q)\"")
            #expect(found[k] == whole[k], "seed \(seed), quote \(k): blocks of \(blockSize) found other places")
            for r in found[k] {
                #expect(QuoteMatcher.foldedBytes(String(decoding: bytes[r], as: UTF8.self)) == needle, "seed \(seed), quote \(k)")
            }
        }
    }
}
