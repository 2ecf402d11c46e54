import ArgumentParser
import DealModel
import TerminalText

struct Deals: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List deals, with the sentence of evidence under each.")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var partners: PartnerOptions
    @Option(name: .long, help: ArgumentHelp("Only deals of this kind (repeatable): \(DealKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: [String] = []
    @Option(name: .long, help: "Only deals whose names, products, titles or quotes contain this text (case and accents ignored).")
    var search: String?
    @Option(name: .long, help: ArgumentHelp("Only deals that may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?
    @Option(name: .long, help: ArgumentHelp("Only deals that may fall on or before this date.", valueName: "date"))
    var to: String?
    @Flag(name: .long, help: "Leave out the evidence lines.")
    var brief = false
    @OptionGroup var sorting: SortOption<DealSortColumn>
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try dataOptions.load()
        var kinds = Set<DealKind>()
        for k in kind {
            guard let parsed = DealKind(rawValue: k.lowercased()) else {
                let near = Suggest.closest(to: k, among: DealKind.allCases.map(\.rawValue))
                Out.error("dealscope: unknown kind \"\(Sanitizer.line(k))\"" + (near.map { " (did you mean \($0)?)" } ?? "") + "; kinds are: " + DealKind.allCases.map(\.rawValue).joined(separator: ", "))
                throw ExitCode(Exit.usage)
            }
            kinds.insert(parsed)
        }
        let query = DealQuery(partners: try partners.resolve(in: catalog), partnerMode: partners.any ? .any : .all, kinds: kinds,
                              text: search ?? "", from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"))
        try checkRange(query)
        let rows = try sorting.apply(catalog.dealIndices(matching: query), catalog.dealOrder)
        if rows.isEmpty { Out.error("dealscope: no deal matches") }
        if output.json {
            Out.print(JSONOut.array(rows.map { catalog.json(deal: $0) }).render())
            return
        }
        // What a reader needs first keeps its room: the title, the value, the parties,
        // the date; the kind, the id and the status go first.
        var table = Table([.init(header: "ID", dropOrder: 6), .init(header: "DATE", dropOrder: 4), .init(header: "KIND", dropOrder: 5),
                           .init(header: "STATUS", dropOrder: 7), .init(header: "PARTIES", flexible: true, dropOrder: 3),
                           .init(header: "VALUE", dropOrder: 2), .init(header: "TITLE", flexible: true, dropOrder: 1)])
        for i in rows {
            let d = catalog.deals[i]
            table.add([d.id, catalog.dealDateText(i), d.kind.rawValue, d.status.rawValue, catalog.partiesText(d),
                       catalog.valueText(d.value), d.title],
                      notes: brief ? [] : [catalog.firstSentence(d.evidence)])
        }
        emit(table.render(on: output.console))
    }
}
