import ArgumentParser
import DealModel

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List events in timeline order, with the sentence of evidence under each.")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var partners: PartnerOptions
    @Option(name: .long, help: ArgumentHelp("Only events that may fall on or after this date (YYYY, YYYY-HN, YYYY-QN, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?
    @Option(name: .long, help: ArgumentHelp("Only events that may fall on or before this date.", valueName: "date"))
    var to: String?
    @Option(name: .long, help: "Only events whose titles, partners or quotes contain this text.")
    var search: String?
    @Flag(name: .long, help: "Leave out the evidence lines.")
    var brief = false
    @OptionGroup var sorting: SortOption<EventSortColumn>
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try dataOptions.load()
        let query = DealQuery(partners: try partners.resolve(in: catalog), partnerMode: partners.any ? .any : .all,
                              text: search ?? "", from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"))
        try checkRange(query)
        let rows = try sorting.apply(catalog.eventIndices(matching: query), catalog.eventOrder)
        if rows.isEmpty { Out.error("dealscope: no event matches") }
        if output.json {
            Out.print(JSONOut.array(rows.map { catalog.json(event: $0) }).render())
            return
        }
        var table = Table([.init(header: "#", alignRight: true), .init(header: "DATE"), .init(header: "ID", dropOrder: 3),
                           .init(header: "PARTNERS", flexible: true, dropOrder: 2), .init(header: "EVENT", flexible: true, dropOrder: 1)])
        for i in rows {
            let e = catalog.events[i]
            var title = e.title
            if e.date == nil { title += " [" + catalog.orderDescription(e.order) + "]" }
            table.add([String(i + 1), catalog.dateText(event: i), e.id,
                       catalog.partnersOfEvent[i].map { catalog.partners[$0].name }.joined(separator: ", "), title],
                      notes: brief ? [] : [catalog.firstSentence(e.evidence)])
        }
        emit(table.render(on: output.console))
    }
}
