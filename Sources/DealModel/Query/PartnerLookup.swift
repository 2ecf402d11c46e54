/// Finds a partner by id, name, alias or product, case- and diacritic-insensitively.
extension Catalog {
    public enum LookupError: Error, Sendable, CustomStringConvertible {
        case unknown(String, suggestion: String?)
        case ambiguous(String, candidates: [String])

        public var description: String {
            switch self {
            case .unknown(let q, let s?): "unknown partner \"\(q)\" (did you mean \(s)?)"
            case .unknown(let q, nil): "unknown partner \"\(q)\""
            case .ambiguous(let q, let c): "\"\(q)\" names several partners: \(c.joined(separator: ", "))"
            }
        }
    }

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
        let suggestion = Suggest.closest(to: query, among: Array(names.keys).sorted()).map { names[$0]! }
        return .failure(.unknown(query, suggestion: suggestion))
    }
}
