import ArgumentParser
import DealModel
import TerminalText

/// The listing filters of deals, for `deals` and `export`.
struct FilterOptions: ParsableArguments {
    @OptionGroup var partners: PartnerOptions
    @Option(name: .long, help: ArgumentHelp("Only deals of this kind (repeatable): \(DealKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: [String] = []
    @Option(name: .long, help: "Only records whose names, products, titles or quotes contain this text (case and accents ignored).")
    var search: String?
    @Option(name: .long, help: ArgumentHelp("Only records that may fall on or after this date (YYYY, YYYY-HN, YYYY-QN, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?
    @Option(name: .long, help: ArgumentHelp("Only records that may fall on or before this date.", valueName: "date"))
    var to: String?

    /// The query, or a usage error naming what is wrong.
    func query(in catalog: Catalog) throws -> DealQuery {
        let q = DealQuery(partners: try partners.resolve(in: catalog), partnerMode: partners.any ? .any : .all, kinds: try parseKinds(kind),
                          text: search ?? "", from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"))
        try checkRange(q)
        return q
    }

    /// Deal kinds by name, or a usage error naming the closest.
    private func parseKinds(_ names: [String]) throws -> Set<DealKind> {
        var kinds = Set<DealKind>()
        for k in names {
            guard let parsed = DealKind(rawValue: k.lowercased()) else {
                let near = Suggest.closest(to: k, among: DealKind.allCases.map(\.rawValue))
                Out.error("dealscope: unknown kind \"\(Sanitizer.line(k))\"" + (near.map { " (did you mean \($0)?)" } ?? "") + "; kinds are: " + DealKind.allCases.map(\.rawValue).joined(separator: ", "))
                throw ExitCode(Exit.usage)
            }
            kinds.insert(parsed)
        }
        return kinds
    }
}
