/// A word, number or mark of an article, as byte offsets into its UTF-8 text and a
/// hash of its folded form (case, accents, curly quotes and dashes folded), so that
/// gazetteers and rules compare numbers rather than strings.
struct Token {
    enum Kind: UInt8 { case word, number, punct, currency, possessive }

    struct Flags: OptionSet {
        let rawValue: UInt16
        /// First letter upper-case ("Microsoft", "AWS").
        static let capitalised = Flags(rawValue: 1 << 0)
        /// Two or more letters, all upper-case ("AMD").
        static let allCaps = Flags(rawValue: 1 << 1)
        /// Lower-case first letter, an upper-case one later ("xAI", "iOS").
        static let innerCaps = Flags(rawValue: 1 << 2)
        /// Whitespace (or the start of the text) comes before it.
        static let spaceBefore = Flags(rawValue: 1 << 3)
        /// First token of its line.
        static let lineStart = Flags(rawValue: 1 << 4)
        static let hasDigit = Flags(rawValue: 1 << 5)
        /// Ends with an abbreviation's full stop ("Inc.", "U.S.").
        static let abbreviation = Flags(rawValue: 1 << 6)
        /// Holds a letter.
        static let hasLetter = Flags(rawValue: 1 << 7)
    }

    var start: Int32
    var end: Int32
    var key: UInt64
    var kind: Kind
    var flags: Flags

    /// Upper-case somewhere, as a name is.
    var looksLikeName: Bool { !flags.isDisjoint(with: [.capitalised, .allCaps, .innerCaps]) }
}

/// FNV-1a over folded bytes: the key of a token.
enum WordHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func add(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    static func of(_ folded: some Sequence<UInt8>) -> UInt64 {
        var h = seed
        for b in folded { h = add(h, b) }
        return h
    }

    static func of(_ s: String) -> UInt64 { of(Array(s.utf8)) }

    /// Combines the keys of a phrase's tokens, in order.
    @inline(__always)
    static func chain(_ h: UInt64, _ key: UInt64) -> UInt64 {
        var x = (h ^ key) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x
    }
}
