import TerminalText

/// The dataset as a Markdown document: partners and the timeline as tables, a
/// section per deal with its evidence quoted.
///
/// Data text is inert in it: controls are the sanitizer's pictures, and every
/// character Markdown or HTML gives a meaning to (`<` of a tag, `[` `]` of a link,
/// `*` `_` of emphasis, `` ` `` of code, `|` of a table cell, `\`) is escaped with
/// a backslash, so no tag (`<img onerror=…>`) or link (`[x](javascript:…)`) in
/// the data becomes one in a renderer.
public struct MarkdownExport {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func lines() -> [String] {
        var out = ["# " + cell(catalog.title ?? "dealscope export"), "", "## Partners", "", "| id | name | products | deals |", "| --- | --- | --- | --- |"]
        for (i, p) in catalog.partners.enumerated() {
            out.append("| \(cell(p.id)) | \(cell(p.name)) | \(cell(p.products.map(\.name).joined(separator: ", "))) | \(catalog.dealsOfPartner[i].count) |")
        }
        out += ["", "## Deals", ""]
        for (i, d) in catalog.deals.enumerated() {
            out.append("### " + cell(d.title))
            out.append("")
            // Ids are letters, digits and '-': nothing to escape in a code span.
            out.append("- id: `\(Sanitizer.line(d.id))`; kind: \(d.kind.rawValue); status: \(d.status.rawValue); date: \(cell(catalog.dealDateText(i)))")
            out.append("- parties: " + cell(catalog.partiesText(d, roles: true)))
            if let v = d.value { out.append("- value: " + cell(catalog.valueLong(v))) }
            for e in d.evidence { out.append("> " + cell(String(e.matchedText))) }
            out.append("")
        }
        out += ["## Timeline", "", "| # | date | event |", "| --- | --- | --- |"]
        for (i, e) in catalog.events.enumerated() {
            out.append("| \(i + 1) | \(cell(catalog.dateText(event: i))) | \(cell(e.title)) |")
        }
        return out
    }

    public static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "!", "&"]

    public func cell(_ s: String) -> String {
        var out = ""
        for c in Sanitizer.line(s) {
            if Self.special.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
