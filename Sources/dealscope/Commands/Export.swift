import ArgumentParser
import DealModel
import TerminalText

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the loaded data, or the part a filter shows, as a dataset (JSON), CSV or Markdown.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, markdown
    }

    @Option(name: .long, help: "json (a dataset in the documented format, which loads back), csv (one row per record) or markdown.")
    var format: Format = .json
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var filters: FilterOptions
    @Option(name: .long, help: ArgumentHelp("Write to this file, atomically, instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(name: .long, help: "With --output, print a JSON summary of what was written.")
    var json = false

    func run() throws {
        if json && output == nil {
            Out.error("dealscope: export --json needs --output FILE (without it the export itself goes to standard output)")
            throw ExitCode(Exit.usage)
        }
        let loaded = try dataOptions.load()
        let query = try filters.query(in: loaded)
        let selection = DatasetWriter.Selection(loaded, matching: query)
        // CSV and Markdown of a filtered view: the dataset the JSON export writes, loaded.
        let catalog = query.isEmpty || format == .json ? loaded : try subset(loaded, selection)
        switch format {
        case .json: try DatasetExport(catalog: catalog, selection: selection).write(to: output)
        case .csv: try write(CSVExport(catalog: catalog).lines(), loadedFrom: loaded)
        case .markdown: try write(MarkdownExport(catalog: catalog).lines(), loadedFrom: loaded)
        }
        if json, let output {
            let all = DatasetWriter.Selection(all: catalog), written = format == .json ? selection : all
            Out.print(JSONOut.object([("output", .string(output)), ("format", .string(format.rawValue)), ("partners", .int(written.partners.count)),
                                      ("deals", .int(written.deals.count)), ("events", .int(written.events.count))]).render())
        }
    }

    private func subset(_ catalog: Catalog, _ selection: DatasetWriter.Selection) throws -> Catalog {
        do { return try catalog.subset(selection) } catch { throw dataOptions.report(error) }
    }

    private func write(_ lines: [String], loadedFrom loaded: Catalog) throws {
        guard let output else { return emit(lines) }
        try DatasetExport.save(output, loadedFrom: loaded) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in
            try emit(Array((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}

/// One row per record: partners, then deals, then events in timeline order.
struct CSVExport {
    let catalog: Catalog

    static let header = ["type", "id", "name", "kind", "status", "date", "partners", "amount", "currency", "approximate", "shared_by", "evidence"]

    func lines() -> [String] {
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
        return rows.map { $0.map(Self.field).joined(separator: ",") }
    }

    private func quote(_ evidence: [Evidence]) -> String { evidence.map { String($0.matchedText) }.joined(separator: " | ") }

    static func field(_ s: String) -> String {
        let clean = Sanitizer.line(s)
        if clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
            return "\"" + clean.replacingAll("\"", with: "\"\"") + "\""
        }
        return clean
    }
}

struct MarkdownExport {
    let catalog: Catalog

    func lines() -> [String] {
        var out = ["# " + cell(catalog.title ?? "dealscope export"), "", "## Partners", "", "| id | name | products | deals |", "| --- | --- | --- | --- |"]
        for (i, p) in catalog.partners.enumerated() {
            out.append("| \(cell(p.id)) | \(cell(p.name)) | \(cell(p.products.map(\.name).joined(separator: ", "))) | \(catalog.dealsOfPartner[i].count) |")
        }
        out += ["", "## Deals", ""]
        for (i, d) in catalog.deals.enumerated() {
            out.append("### " + cell(d.title))
            out.append("")
            out.append("- id: `\(cell(d.id))`; kind: \(d.kind.rawValue); status: \(d.status.rawValue); date: \(cell(catalog.dealDateText(i)))")
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

    private func cell(_ s: String) -> String { Sanitizer.line(s).replacingAll("|", with: "\\|") }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
