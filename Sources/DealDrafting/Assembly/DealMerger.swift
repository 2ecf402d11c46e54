/// The same deal in several articles (same kind, same lead parties, amounts and dates
/// that do not disagree) is one deal with one id; each article's definition gives its
/// own parties and evidence, and the fields the data format asks several definitions
/// to agree on (status, date, value, roles) agree.
struct DealMerger {
    /// What was decided for one article's deal.
    struct Decision {
        var id = ""
        var title = ""
        var status = DraftStatus.inEffect
        /// Roles by partner id, as the first article to name the party gave them.
        var roles: [String: String] = [:]
        /// Whether this definition states the value (and the date): one definition does.
        var keepsValue = false
        var keepsDate = false
    }

    struct Result {
        /// Per article, per local deal.
        var decisions: [[Decision]]
        var notes: [[DraftNote]]
    }

    let assembler: DraftAssembler
    private var articles: [AnalysedArticle] { assembler.articles }

    init(_ assembler: DraftAssembler) { self.assembler = assembler }

    /// The kind and lead parties, by global id.
    private func key(_ a: Int, _ d: Int) -> [String] {
        let deal = articles[a].deals[d]
        if deal.symmetric { return [deal.kind.rawValue] + Set(deal.parties.map { assembler.partnerID(a, $0.organisation) }).sorted() }
        let lead = { (slot: Int) in deal.parties.first { $0.slot == slot }.map { self.assembler.partnerID(a, $0.organisation) } ?? "" }
        return [deal.kind.rawValue, lead(0), lead(1), lead(2)]
    }

    func merge() -> Result {
        // A group keeps the value and date its members gave, so that a new member is
        // checked against them once, however many articles report the deal.
        struct Group {
            let key: [String]
            var members: [(Int, Int)]
            var value: DraftAmount?
            var date: DraftDate?
        }
        var groups: [Group] = []
        var groupsOfKey: [[String]: [Int]] = [:]
        for (a, article) in articles.enumerated() {
            for d in article.deals.indices {
                let k = key(a, d)
                let value = article.deals[d].value, date = article.deals[d].date
                let fits = { (g: Group) in
                    (g.value == nil || value == nil || g.value!.sameFigure(as: value!)) && (g.date == nil || date == nil || g.date == date)
                }
                if let g = groupsOfKey[k]?.first(where: { fits(groups[$0]) }) {
                    groups[g].members.append((a, d))
                    if groups[g].value == nil { groups[g].value = value }
                    if groups[g].date == nil { groups[g].date = date }
                } else {
                    groupsOfKey[k, default: []].append(groups.count)
                    groups.append(Group(key: k, members: [(a, d)], value: value, date: date))
                }
            }
        }
        var result = Result(decisions: articles.map { [Decision](repeating: Decision(), count: $0.deals.count) }, notes: articles.map { _ in [] })
        var ids = IDAllocator()
        for g in groups {
            let (a0, d0) = g.members[0]
            let first = articles[a0].deals[d0]
            let base = first.symmetric ? Array(g.key.dropFirst().prefix(3)) + [first.kind.rawValue] : g.key.dropFirst().filter { !$0.isEmpty } + [first.kind.rawValue]
            let dateSuffix = g.date.map { "-" + $0.iso.lowercased() } ?? ""
            var decision = Decision()
            decision.id = ids.take((groupsOfKey[g.key]?.count ?? 0) > 1 ? Slug.of(base) + dateSuffix : Slug.of(base))
            decision.title = title(a0, d0)
            decision.status = agreedStatus(g.members, id: decision.id, notes: &result.notes)
            var valueGiven = false, dateGiven = false
            for (a, d) in g.members {
                let deal = articles[a].deals[d]
                for p in deal.parties {
                    let pid = assembler.partnerID(a, p.organisation)
                    if decision.roles[pid] == nil { decision.roles[pid] = p.role }
                }
                var mine = decision
                mine.keepsValue = deal.value != nil && !valueGiven
                mine.keepsDate = deal.date != nil && !dateGiven
                valueGiven = valueGiven || mine.keepsValue
                dateGiven = dateGiven || mine.keepsDate
                result.decisions[a][d] = mine
            }
        }
        return result
    }

    /// One status for all definitions: the one of the most recently published article
    /// (the last one given when dates are missing); the others are noted.
    private func agreedStatus(_ members: [(Int, Int)], id: String, notes: inout [[DraftNote]]) -> DraftStatus {
        guard members.count > 1 else { return articles[members[0].0].deals[members[0].1].status }
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

    private func title(_ a: Int, _ d: Int) -> String {
        let deal = articles[a].deals[d]
        let names = { (slot: Int) in deal.parties.filter { $0.slot == slot }.map { self.assembler.partnerName(a, $0.organisation) } }
        let all = deal.parties.map { assembler.partnerName(a, $0.organisation) }
        let joined = { (xs: [String]) -> String in
            xs.count <= 2 ? xs.joined(separator: " and ") : xs.dropLast().joined(separator: ", ") + " and " + xs.last!
        }
        let agent = joined(names(0)), patient = joined(names(1))
        let both = !agent.isEmpty && !patient.isEmpty
        switch deal.kind {
        case .investment where both: return "\(agent) investment in \(patient)"
        case .investment: return "Investment in \(patient.isEmpty ? agent : patient)"
        case .acquisition where both: return "\(agent) acquisition of \(patient)"
        case .licence where both: return "\(agent) licence to \(patient)"
        case .supply where both: return "\(agent) supply to \(patient)"
        case .cloud where both: return "\(agent) cloud for \(patient)"
        case .modelHosting where both: return "\(patient) models hosted by \(agent)"
        case .productIntegration where both: return "\(agent) integration with \(patient)"
        case .jointVenture:
            let venture = joined(names(2))
            let partners = joined(names(0) + names(1))
            return venture.isEmpty ? "\(partners) joint venture" : "\(venture), joint venture of \(partners)"
        case .merger: return "Merger of \(joined(all))"
        default: return "\(joined(all)) \(deal.kind.rawValue.replacing("-", with: " "))"
        }
    }
}
