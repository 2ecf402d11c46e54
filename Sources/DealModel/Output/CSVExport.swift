import TerminalText

/// One row per record: partners, then deals, then events in timeline order.
///
/// By default the CSV is for spreadsheets and people: a cell a spreadsheet would
/// take for a formula (it begins with `=`, `+`, `-` or `@`) gets a leading `'`, as
/// OWASP recommends against CSV injection, and control characters are shown as the
/// sanitizer's pictures (␛, ␤…), so the text is not exactly the data's. `raw` writes
/// every cell exactly as in the data (RFC 4180 quoting only), for programs.
public struct CSVExport {
    public let catalog: Catalog
    public var raw: Bool

    public init(catalog: Catalog, raw: Bool = false) {
        self.catalog = catalog
        self.raw = raw
    }

    public static let header = ["type", "id", "name", "kind", "status", "date", "partners", "amount", "currency", "approximate", "shared_by", "evidence"]

    public func lines() -> [String] {
        var rows = [Self.header]
        for (i, p) in catalog.partners.enumerated() {
            rows.append(["partner", p.id, p.name, "", "", "", catalog.counterparties(of: i).map { catalog.partners[$0].id }.joined(separator: ";"),
                         "", "", "", "", quote(p.evidence)])
        }
        for d in catalog.deals {
            rows.append(["deal", d.id, d.title, d.kind.rawValue, d.status.rawValue, d.date?.iso ?? "", d.partnerIDs.joined(separator: ";"),
                         d.value?.amount.map { JSONOut.number($0).render() } ?? "", d.value?.currency ?? "",
                         d.value.map { $0.approximate ? "true" : "false" } ?? "", d.value?.sharedBy.joined(separator: ";") ?? "", quote(d.evidence)])
        }
        for (i, e) in catalog.events.enumerated() {
            rows.append(["event", e.id, e.title, "", "", e.date?.iso ?? "", catalog.partnersOfEvent[i].map { catalog.partners[$0].id }.joined(separator: ";"),
                         "", "", "", "", quote(e.evidence)])
        }
        return rows.map { $0.map(raw ? Self.rawField : Self.field).joined(separator: ",") }
    }

    private func quote(_ evidence: [Evidence]) -> String { evidence.map { String($0.matchedText) }.joined(separator: " | ") }

    /// What a spreadsheet would read as the start of a formula (OWASP's list; tab
    /// and carriage return cannot start a sanitized cell).
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func field(_ s: String) -> String {
        var clean = Sanitizer.line(s)
        if let first = clean.first, formulaStarts.contains(first) { clean = "'" + clean }
        return quoted(clean)
    }

    public static func rawField(_ s: String) -> String { quoted(s) }

    /// RFC 4180: a cell holding a comma, a quotation mark or a line break is quoted,
    /// its quotation marks doubled.
    private static func quoted(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
