/// The one gate between data text and the terminal. Control characters (C0, C1,
/// DEL) and bidirectional controls cannot reach the terminal raw: they are replaced
/// by visible, harmless placeholders. The model keeps the raw text unchanged.
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
        // Fast path: plain printable ASCII needs nothing.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if keepNewlines && s == "\n" {
                out.append(s)
            } else if let replacement = placeholder(for: s) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

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
        text.unicodeScalars.contains { placeholder(for: $0) != nil }
    }
}
