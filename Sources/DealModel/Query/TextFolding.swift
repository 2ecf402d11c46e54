@_spi(_Unicode) import Swift

/// Folds text for matching: case-insensitive and diacritic-insensitive ("Café" and
/// "cafe" match), with typographic quotes and dashes made plain.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for s in text.unicodeScalars {
                out.append(s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(s.value + 0x20)! : s)
            }
            return String(out)
        }
        for s in text._nfd {
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: continue
            default: for f in QuoteMatcher.fold(s) { out.append(f) }
            }
        }
        return String(out)
    }
}
