import ArgumentParser
import DealModel
import TerminalText

struct Deals: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List deals, with the sentence of evidence under each.")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var filters: FilterOptions
    @Flag(name: .long, help: "Leave out the evidence lines.")
    var brief = false
    @OptionGroup var sorting: SortOption<DealSortColumn>
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try dataOptions.load()
        let query = try filters.query(in: catalog)
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
