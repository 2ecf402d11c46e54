/// The one gate between data text and the terminal. Control characters (C0, C1,
/// DEL), bidirectional controls and invisible characters (zero-width spaces and
/// joiners, tag characters, soft hyphens and the other default-ignorable code points)
/// cannot reach the terminal raw: they are replaced by visible, harmless
/// placeholders. The model keeps the raw text unchanged.
public enum Sanitizer {
    /// Cleans text for one line of output: line breaks become "␤" too.
    public static func line(_ text: String) -> String {
        clean(text, keepNewlines: false)
    }

    /// Cleans text that may span lines: "\n" is kept, every other control is replaced.
    public static func block(_ text: String) -> String {
        clean(text, keepNewlines: true)
    }

    public static func clean(_ text: String, keepNewlines: Bool) -> String {
        // Fast path: plain printable ASCII (and kept line ends) needs nothing.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || ($0 == 0x0A && keepNewlines) }) { return text }
        // Runs of scalars that stay are copied whole; nothing is copied when
        // nothing changes.
        let scalars = text.unicodeScalars
        var out = ""
        var kept = scalars.startIndex
        var previous: Unicode.Scalar?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let after = scalars.index(after: i)
            var replacement: String?
            if !(keepNewlines && s == "\n") && !(s.value == 0x200D && previous.map { p in after < scalars.endIndex && joinsEmoji(p, scalars[after]) } == true) {
                // (A joiner inside an emoji sequence, 👩‍💻, is part of one picture.)
                replacement = placeholder(for: s)
            }
            if let replacement {
                out += Substring(scalars[kept..<i])
                out += replacement
                kept = after
            }
            previous = s
            i = after
        }
        if kept == scalars.startIndex { return text }
        out += Substring(scalars[kept..<scalars.endIndex])
        return out
    }

    /// Whether a zero-width joiner between these two scalars joins emoji.
    private static func joinsEmoji(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        // Before it: a pictograph, or what may end one (a skin tone, the emoji
        // presentation selector).
        isPictograph(before) || before.value == 0xFE0F || before.properties.isEmojiModifier ? isPictograph(after) : false
    }

    /// An emoji picture (digits, `#` and `*` are emoji too, as keycap bases).
    private static func isPictograph(_ s: Unicode.Scalar) -> Bool { s.value >= 0xA9 && s.properties.isEmoji }

    /// The visible stand-in for a scalar that must not reach a terminal, or nil.
    public static func placeholder(for s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x09: return "␉"
        case 0x0A: return "␤"
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + s.value)!)  // ␀ … ␟, ESC is ␛
        case 0x7F: return "␡"
        case 0x80...0x9F: return "⟨C1 \(hex(s.value))⟩"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "⟨\(bidiName(s.value))⟩"
        case 0x2028, 0x2029: return "␤"
        // Invisible characters: text hidden in tag characters, names made to look
        // alike or blank with zero-width ones. Variation selectors stay: they only
        // choose how the character before them is drawn (❤️).
        case 0x00AD: return "⟨SHY⟩"
        case 0x034F: return "⟨CGJ⟩"
        case 0x180E: return "⟨MVS⟩"
        case 0x200B: return "⟨ZWSP⟩"
        case 0x200C: return "⟨ZWNJ⟩"
        case 0x200D: return "⟨ZWJ⟩"
        case 0x2060: return "⟨WJ⟩"
        case 0xFEFF: return "⟨ZWNBSP⟩"
        case 0xE0021...0xE007E: return "⟨TAG \(Character(Unicode.Scalar(s.value - 0xE0000)!))⟩"
        case 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x2061...0x206F, 0x3164, 0xFFA0, 0xFFF0...0xFFFB,
             0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE00FF, 0xE01F0...0xE0FFF:
            return "⟨U+\(String(s.value, radix: 16, uppercase: true))⟩"
        default: return nil
        }
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }

    private static func bidiName(_ v: UInt32) -> String {
        switch v {
        case 0x061C: "ALM"
        case 0x200E: "LRM"
        case 0x200F: "RLM"
        case 0x202A: "LRE"
        case 0x202B: "RLE"
        case 0x202C: "PDF"
        case 0x202D: "LRO"
        case 0x202E: "RLO"
        case 0x2066: "LRI"
        case 0x2067: "RLI"
        case 0x2068: "FSI"
        default: "PDI"
        }
    }

    /// Whether text would be changed by the sanitizer.
    public static func needsCleaning(_ text: String) -> Bool {
        text.unicodeScalars.contains { placeholder(for: $0) != nil } && clean(text, keepNewlines: false) != text
    }
}
