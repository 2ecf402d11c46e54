/// Finds a partner by id, name, alias or product, case- and diacritic-insensitively.
extension Catalog {
    public enum LookupError: Error, Sendable, CustomStringConvertible {
        case unknown(String, suggestion: String?)
        /// Nothing close: the first known partners by name, and how many more there are.
        case noMatch(String, known: [String], more: Int)
        case ambiguous(String, candidates: [String])

        public var description: String {
            switch self {
            case .unknown(let q, let s?): "unknown partner \"\(q)\" (did you mean \(s)?)"
            case .unknown(let q, nil): "unknown partner \"\(q)\""
            case .noMatch(let q, let known, let more) where known.isEmpty && more == 0: "unknown partner \"\(q)\": the data has no partners"
            case .noMatch(let q, let known, let more):
                "unknown partner \"\(q)\"; the partners are " + known.joined(separator: ", ") + (more > 0 ? ", … (\(more) more: `dealscope partners` lists them)" : "")
            case .ambiguous(let q, let c): "\"\(q)\" names several partners: \(c.joined(separator: ", "))"
            }
        }
    }

    /// How many partners an unknown partner's error lists.
    static let partnersListed = 12

    public func lookupPartner(_ query: String) -> Result<Int, LookupError> {
        let q = TextFolding.fold(query.trimmed)
        if let i = partnerIndex(id: q) { return .success(i) }
        var hits = Set<Int>()
        for (i, p) in partners.enumerated() where p.allNames.contains(where: { TextFolding.fold($0) == q }) {
            hits.insert(i)
        }
        if hits.count == 1 { return .success(hits.first!) }
        if hits.count > 1 { return .failure(.ambiguous(query, candidates: hits.sorted().map { partners[$0].name })) }
        // Nothing exact: suggest the closest name, alias, product or id.
        var names: [String: String] = [:]
        for p in partners {
            names[p.id] = p.name
            for n in p.allNames { names[n] = p.name }
        }
        guard let suggestion = Suggest.closest(to: query, among: Array(names.keys).sorted()).map({ names[$0]! }) else {
            let known = partners.map(\.name).sorted { TextFolding.fold($0) < TextFolding.fold($1) }
            return .failure(.noMatch(query, known: Array(known.prefix(Self.partnersListed)), more: max(0, known.count - Self.partnersListed)))
        }
        return .failure(.unknown(query, suggestion: suggestion))
    }
}
