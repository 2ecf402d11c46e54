/// Ids from names: lower-case ASCII letters, digits and "-" ("Mistral AI" is
/// "mistral-ai", "Société Générale" "societe-generale"), the data format's id syntax.
/// Drafting names its records with them, and so does the explorer's new record.
public enum Slug {
    public static func of(_ parts: [String]) -> String {
        var out: [UInt8] = []
        for part in parts {
            for b in TextFolding.fold(part).utf8 {
                let isAlnum = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                if isAlnum { out.append(b) } else if out.last != 0x2D && !out.isEmpty { out.append(0x2D) }
            }
            if out.last != 0x2D && !out.isEmpty { out.append(0x2D) }
        }
        while out.last == 0x2D { out.removeLast() }
        return out.isEmpty ? "x" : String(decoding: out, as: UTF8.self)
    }

    public static func of(_ s: String) -> String { of([s]) }

    /// Folded, and only letters and digits: "Open AI" and "OpenAI" are alike.
    public static func squashed(_ s: String) -> String {
        String(decoding: TextFolding.fold(s).utf8.filter { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 }, as: UTF8.self)
    }

    /// Folded with single spaces: what a name is compared by.
    public static func folded(_ s: String) -> String {
        TextFolding.fold(s).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}

/// Ids made unique in the order they are asked for: "x", then "x-2", "x-3".
public struct IDAllocator {
    private var taken = Set<String>()

    public init() {}

    public mutating func take(_ base: String) -> String {
        var id = base
        var n = 2
        while taken.contains(id) { id = base + "-\(n)"; n += 1 }
        taken.insert(id)
        return id
    }
}
