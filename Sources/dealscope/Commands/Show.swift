import ArgumentParser
import DealModel
import TerminalText

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one partner, deal or event with every sentence of its evidence.")

    @Argument(help: "Ids of partners, deals or events (a partner's name, alias or product works too).")
    var ids: [String]
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one id; `dealscope partners`, `deals` and `timeline` list them") }
    }

    func run() throws {
        let catalog = try dataOptions.load()
        var refs: [RecordRef] = []
        for id in ids {
            var ref = catalog.record(id: id)
            if ref == nil, case .success(let p) = catalog.lookupPartner(id) { ref = .partner(p) }
            guard let ref else {
                let near = Suggest.closest(to: id, among: catalog.allIDs)
                let hint = near.map { " (did you mean \($0)?)" } ?? "; `dealscope partners`, `dealscope deals` and `dealscope timeline` list the ids"
                Out.error("dealscope: no partner, deal or event has the id \"\(Sanitizer.line(id))\"" + hint)
                throw ExitCode(Exit.usage)
            }
            refs.append(ref)
        }
        if output.json {
            let items: [JSONOut] = refs.map { ref in
                switch ref {
                case .partner(let i): catalog.json(partner: i)
                case .deal(let i): catalog.json(deal: i)
                case .event(let i): catalog.json(event: i)
                }
            }
            Out.print((items.count == 1 ? items[0] : .array(items)).render())
            return
        }
        let sheet = RecordSheet(catalog: catalog, console: output.console)
        emit(refs.enumerated().flatMap { n, ref in (n > 0 ? [""] : []) + sheet.lines(for: ref) })
    }
}

/// The human form of one record: its fields, then each quote in its sentence.
struct RecordSheet {
    let catalog: Catalog
    let console: Console

    func lines(for ref: RecordRef) -> [String] {
        var fields: [(String, String)] = []
        let heading: String
        switch ref {
        case .partner(let i):
            let p = catalog.partners[i]
            heading = "partner \(p.id): \(p.name)"
            if !p.aliases.isEmpty { fields.append(("aliases", p.aliases.joined(separator: ", "))) }
            if !p.products.isEmpty { fields.append(("products", p.products.map(\.name).joined(separator: ", "))) }
            fields.append(("deals", catalog.dealsOfPartner[i].map { catalog.deals[$0].title }.joined(separator: "; ")))
            fields.append(("partners", catalog.counterparties(of: i).map { catalog.partners[$0].name }.joined(separator: ", ")))
            if let n = p.note { fields.append(("note", n)) }
            if let d = p.draft { fields.append(("draft", draftText(d))) }
        case .deal(let i):
            let d = catalog.deals[i]
            heading = "deal \(d.id): \(d.title)"
            fields.append(("kind", d.kind.rawValue))
            fields.append(("status", d.status.rawValue))
            fields.append(("parties", catalog.partiesText(d, roles: true)))
            fields.append(("date", d.date?.display ?? "not stated"))
            fields.append(("value", d.value.map(catalog.valueLong) ?? "not stated"))
            if let a = d.amends { fields.append(("amends", catalog.deal(id: a)?.title ?? a)) }
            if !d.products.isEmpty { fields.append(("products", d.products.joined(separator: ", "))) }
            let events = catalog.eventsOfDeal[i].map { "\(catalog.dateText(event: $0)): \(catalog.events[$0].title)" }
            if !events.isEmpty { fields.append(("events", events.joined(separator: "; "))) }
            if let n = d.note { fields.append(("note", n)) }
            if let m = d.draft { fields.append(("draft", draftText(m))) }
        case .event(let i):
            let e = catalog.events[i]
            heading = "event \(e.id): \(e.title)"
            fields.append(("date", e.date?.display ?? "not stated"))
            if e.date == nil { fields.append(("order", catalog.orderDescription(e.order))) }
            fields.append(("position", "\(i + 1) of \(catalog.events.count) on the timeline"))
            let deals = catalog.dealsOfEvent[i].map { catalog.deals[$0].title }
            if !deals.isEmpty { fields.append(("deals", deals.joined(separator: "; "))) }
            fields.append(("partners", catalog.partnersOfEvent[i].map { catalog.partners[$0].name }.joined(separator: ", ")))
            if let n = e.note { fields.append(("note", n)) }
            if let d = e.draft { fields.append(("draft", draftText(d))) }
        }
        let evidence = catalog.evidence(of: ref)
        var out = [console.bold(Sanitizer.line(heading))]
        let labelWidth = fields.map { $0.0.count }.max() ?? 0
        for (label, value) in fields {
            let pad = String(repeating: " ", count: labelWidth - label.count)
            out.append("  " + console.dim(label) + pad + "  " + Sanitizer.line(value))
        }
        out.append("")
        out.append(console.bold("Evidence"))
        for (n, e) in evidence.enumerated() {
            let chars = e.characterRange
            out.append("  [\(n + 1)] \(Sanitizer.line(e.document.path)), paragraph \(e.paragraph + 1), sentence \(e.sentenceInParagraph + 1), characters \(chars.lowerBound)–\(chars.upperBound)")
            if let source = e.document.source { out.append("      " + console.dim("from " + Sanitizer.line(source))) }
            out.append("      " + highlighted(e))
        }
        return out
    }

    /// A record proposed by the drafter and not yet accepted.
    func draftText(_ d: DraftMark) -> String { "proposed by rule \(d.rule) from “\(d.matched)”; not yet accepted" }

    /// The sentence with the quoted words marked.
    func highlighted(_ e: Evidence) -> String {
        let text = e.document.text
        let span = e.sentenceRange
        let before = Sanitizer.line(String(text[span.lowerBound..<e.range.lowerBound]))
        let quote = Sanitizer.line(String(text[e.range]))
        let after = Sanitizer.line(String(text[e.range.upperBound..<span.upperBound]))
        return before + console.mark(quote) + after
    }
}
