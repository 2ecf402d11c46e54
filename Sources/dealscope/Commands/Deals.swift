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
    @Option(name: .long, help: ArgumentHelp("Only deals that may fall on or after this date (YYYY, YYYY-HN, YYYY-QN, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?
    @Option(name: .long, help: ArgumentHelp("Only deals that may fall on or before this date.", valueName: "date"))
    var to: String?
    @Flag(name: .long, help: "Leave out the evidence lines.")
    var brief = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try dataOptions.load()
        let query = DealQuery(partners: try partners.resolve(in: catalog), partnerMode: partners.any ? .any : .all, kinds: try parseKinds(kind),
                              text: search ?? "", from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"))
        try checkRange(query)
        let rows = catalog.dealIndices(matching: query)
        if rows.isEmpty { Out.error("dealscope: no deal matches") }
        if output.json {
            Out.print(JSONOut.array(rows.map { catalog.json(deal: $0) }).render())
            return
        }
        var table = Table([.init(header: "ID"), .init(header: "DATE", dropOrder: 5), .init(header: "KIND", dropOrder: 3),
                           .init(header: "STATUS", dropOrder: 6), .init(header: "PARTIES", flexible: true, dropOrder: 2),
                           .init(header: "VALUE", dropOrder: 4), .init(header: "TITLE", flexible: true, dropOrder: 1)])
        for i in rows {
            let d = catalog.deals[i]
            table.add([d.id, catalog.dealDateText(i), d.kind.rawValue, d.status.rawValue, catalog.partiesText(d),
                       catalog.valueText(d.value), d.title],
                      notes: brief ? [] : [catalog.firstSentence(d.evidence)])
        }
        emit(table.render(on: output.console))
    }
}
