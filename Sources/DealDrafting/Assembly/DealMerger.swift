/// The same deal in several articles (same kind, same lead parties, amounts and dates
/// that do not disagree) is one deal with one id; each article's definition gives its
/// own parties and evidence, and the fields the data format asks several definitions
/// to agree on (status, date, value) agree.
struct DealMerger {
    struct Result {
        /// Per article, per local deal.
        var dealID: [[String]]
        var titles: [[String]]
        var definitions: [[DraftDeal]]
        var notes: [[DraftNote]]
    }

    let assembler: DraftAssembler
    private var articles: [AnalysedArticle] { assembler.articles }

    init(_ assembler: DraftAssembler) { self.assembler = assembler }

    /// The kind and lead parties, by global id.
    private func key(_ a: Int, _ d: Int) -> [String] {
        let deal = articles[a].deals[d]
        let ids = { (slot: Int) in deal.parties.filter { $0.slot == slot }.map { self.assembler.partnerID(a, $0.organisation) } }
        if deal.symmetric { return [deal.kind.rawValue] + Set(deal.parties.map { assembler.partnerID(a, $0.organisation) }).sorted() }
        return [deal.kind.rawValue, ids(0).first ?? "", ids(1).first ?? "", ids(2).first ?? ""]
    }

    func merge() -> Result {
        // Group definitions: by key, then by agreement of amount and date.
        var groups: [(key: [String], members: [(Int, Int)])] = []
        for (a, article) in articles.enumerated() {
            for d in article.deals.indices {
                let k = key(a, d)
                let deal = article.deals[d]
                if let g = groups.firstIndex(where: { g in g.key == k && g.members.allSatisfy { agree(articles[$0.0].deals[$0.1], deal) } }) {
                    groups[g].members.append((a, d))
                } else {
                    groups.append((k, [(a, d)]))
                }
            }
        }
        var result = Result(dealID: articles.map { [String](repeating: "", count: $0.deals.count) }, titles: articles.map { [String](repeating: "", count: $0.deals.count) },
                            definitions: articles.map { _ in [] }, notes: articles.map { _ in [] })
        var ids = IDAllocator()
        for g in groups {
            let (a0, d0) = g.members[0]
            let first = articles[a0].deals[d0]
            let base = first.symmetric ? Array(g.key.dropFirst().prefix(3)) + [first.kind.rawValue] : g.key.dropFirst().filter { !$0.isEmpty } + [first.kind.rawValue]
            let dateSuffix = first.date.map { "-" + $0.iso.lowercased() } ?? ""
            let id = ids.take(groups.contains(where: { $0.key == g.key && $0.members[0] != g.members[0] }) ? Slug.of(base) + dateSuffix : Slug.of(base))
            let title = self.title(first, members: g.members)
            let status = agreedStatus(g.members, id: id, notes: &result.notes)
            var roles: [String: String] = [:]
            var valueGiven: DraftAmount?
            var dateGiven: DraftDate?
            for (a, d) in g.members {
                let deal = articles[a].deals[d]
                result.dealID[a][d] = id
                result.titles[a][d] = title
                var parties: [DraftParty] = []
                for p in deal.parties {
                    let pid = assembler.partnerID(a, p.organisation)
                    let role = roles[pid] ?? p.role
                    roles[pid] = role
                    if !parties.contains(where: { $0.partner == pid }) { parties.append(DraftParty(partner: pid, role: role)) }
                }
                var value = deal.value
                value?.sharedBy = deal.sharedBy.map { assembler.partnerID(a, $0) }
                if let v = value {
                    if let given = valueGiven, given.sharedBy != v.sharedBy || given.text != v.text {
                        // The figure agrees (else it would be another deal); one definition says it.
                        value = nil
                    } else {
                        valueGiven = v
                    }
                }
                var date = deal.date
                if dateGiven != nil { date = nil } else if date != nil { dateGiven = date }
                result.definitions[a].append(DraftDeal(id: id, title: title, kind: deal.kind, status: status, parties: parties, date: date, value: value,
                                                       amends: nil, products: deal.products, note: deal.note, evidence: deal.quotes.map { assembler.quote(a, $0) },
                                                       draft: deal.mark))
            }
        }
        return result
    }

    private func agree(_ x: AnalysedArticle.Deal, _ y: AnalysedArticle.Deal) -> Bool {
        if let a = x.value, let b = y.value, !a.sameFigure(as: b) { return false }
        if let a = x.date, let b = y.date, a != b { return false }
        return true
    }

    /// One status for all definitions: the one of the most recently published article
    /// (the last one given when dates are missing); the others are noted.
    private func agreedStatus(_ members: [(Int, Int)], id: String, notes: inout [[DraftNote]]) -> DraftStatus {
        let latest = members.enumerated().max { x, y in
            let dx = articles[x.element.0].published, dy = articles[y.element.0].published
            switch (dx, dy) {
            case let (a?, b?): return a == b ? x.offset < y.offset : a < b
            case (nil, _?): return true
            case (_?, nil): return false
            default: return x.offset < y.offset
            }
        }!.element
        let status = articles[latest.0].deals[latest.1].status
        for (a, d) in members where articles[a].deals[d].status != status {
            notes[a].append(DraftNote(kind: .disagreement,
                                      message: "deal \(id): this article's words give the status \"\(articles[a].deals[d].status.rawValue)\"; \"\(status.rawValue)\", from \(assembler.documentIDs[latest.0]), the latest article about it, is used so that the datasets agree",
                                      quote: nil))
        }
        return status
    }

    private func title(_ deal: AnalysedArticle.Deal, members: [(Int, Int)]) -> String {
        let (a, _) = members[0]
        let names = { (slot: Int) in deal.parties.filter { $0.slot == slot }.map { self.assembler.partnerName(a, $0.organisation) } }
        let all = deal.parties.map { assembler.partnerName(a, $0.organisation) }
        let joined = { (xs: [String]) -> String in
            xs.count <= 2 ? xs.joined(separator: " and ") : xs.dropLast().joined(separator: ", ") + " and " + xs.last!
        }
        let agent = joined(names(0)), patient = joined(names(1))
        switch deal.kind {
        case .investment where !agent.isEmpty && !patient.isEmpty: return "\(agent) investment in \(patient)"
        case .investment: return "Investment in \(patient.isEmpty ? agent : patient)"
        case .acquisition where !agent.isEmpty && !patient.isEmpty: return "\(agent) acquisition of \(patient)"
        case .licence where !agent.isEmpty && !patient.isEmpty: return "\(agent) licence to \(patient)"
        case .supply where !agent.isEmpty && !patient.isEmpty: return "\(agent) supply to \(patient)"
        case .cloud where !agent.isEmpty && !patient.isEmpty: return "\(agent) cloud for \(patient)"
        case .modelHosting where !agent.isEmpty && !patient.isEmpty: return "\(patient) models hosted by \(agent)"
        case .productIntegration where !agent.isEmpty && !patient.isEmpty: return "\(agent) integration with \(patient)"
        case .jointVenture:
            let venture = joined(names(2))
            let partners = joined(names(0) + names(1))
            return venture.isEmpty ? "\(partners) joint venture" : "\(venture), joint venture of \(partners)"
        case .merger: return "Merger of \(joined(all))"
        default:
            let label = deal.kind.rawValue.replacing("-", with: " ")
            return "\(joined(all)) \(label)"
        }
    }
}
