/// Keys as text, for the help screen's labels and (later) a config file that
/// rebinds them: `"C-f"`, `"PgDn"`, `"S-Tab"`, `"Enter"`, `"Esc"`, `"F5"`, `"Space"`,
/// `"g"`, `"G"`. `parse` reads what `name` and `label` write.
public enum KeyName {
    /// Names of the keys that are not one character, in the order `parse` tries them.
    static let named: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Tab", .tab), ("S-Tab", .backTab), ("Esc", .escape),
        ("BS", .backspace), ("Del", .delete), ("Space", .char(" ")), ("C-Space", .ctrl(" ")),
    ]
    /// The arrows as the help shows them.
    static let arrows: [(String, Key)] = [("↑", .up), ("↓", .down), ("←", .left), ("→", .right)]
    /// Other spellings `parse` accepts.
    static let aliases: [(String, Key)] = [
        ("Return", .enter), ("Escape", .escape), ("Backspace", .backspace), ("Delete", .delete),
        ("PageUp", .pageUp), ("PageDown", .pageDown), ("BTab", .backTab),
    ]

    /// The canonical name: "C-f", "PgDn", "Down", "F5", "Space", "g".
    public static func name(_ key: Key) -> String {
        switch key {
        case .char(let c): named.first { $0.1 == key }?.0 ?? String(c)
        case .ctrl(let c): named.first { $0.1 == key }?.0 ?? "C-" + String(c)
        case .function(let n): "F\(n)"
        default: named.first { $0.1 == key }!.0
        }
    }

    /// The help screen's form: as `name`, with arrows drawn as arrows.
    public static func label(_ key: Key) -> String {
        arrows.first { $0.1 == key }?.0 ?? name(key)
    }

    /// A key from its name (either form above, or an alias; names are
    /// case-insensitive, a single character is itself); nil when it names no key.
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let c = text.first {
            if let arrow = arrows.first(where: { $0.0 == text }) { return arrow.1 }
            return c.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) ? .char(c) : nil
        }
        let lower = text.lowercased()
        if let found = (named + aliases).first(where: { $0.0.lowercased() == lower }) { return found.1 }
        if lower.hasPrefix("c-"), text.count == 3, let c = lower.last, c.isASCII, c.isLetter { return .ctrl(c) }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n), !lower.dropFirst().hasPrefix("0") { return .function(n) }
        return nil
    }
}
