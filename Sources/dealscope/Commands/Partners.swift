import ArgumentParser
import DealModel

struct Partners: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the partners, with their products and deal counts.")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .long, help: "Only partners whose name, alias, product or evidence matches this text.")
    var search: String?
    @OptionGroup var sorting: SortOption<PartnerSortColumn>

    func run() throws {
        let catalog = try dataOptions.load()
        let rows = try sorting.apply(catalog.partnerIndices(matchingText: search ?? "")) { catalog.partnerOrder($0) }
        if output.json {
            Out.print(JSONOut.array(rows.map { catalog.json(partner: $0) }).render())
            return
        }
        var table = Table([.init(header: "ID"), .init(header: "NAME", dropOrder: 3), .init(header: "DEALS", alignRight: true),
                           .init(header: "PRODUCTS", flexible: true, dropOrder: 2), .init(header: "PARTNERS", flexible: true, dropOrder: 1)])
        for i in rows {
            let p = catalog.partners[i]
            table.add([p.id, p.name, String(catalog.dealsOfPartner[i].count),
                       p.products.map(\.name).joined(separator: ", "),
                       catalog.counterparties(of: i).map { catalog.partners[$0].name }.joined(separator: ", ")])
        }
        emit(table.render(on: output.console))
    }
}
