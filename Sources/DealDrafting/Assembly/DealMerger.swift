import DealModel
/// The same deal in several articles (same kind, same lead parties, amounts and dates
/// that do not disagree) is one deal with one id; each article's definition gives its
/// own parties and evidence, and the fields the data format asks several definitions
/// to agree on (status, date, value, roles) agree.
struct DealMerger: Sendable {
    /// One deal across articles.
    struct Group: Sendable {
        /// Kind and lead parties' ids (dropped once the id is made).
        var key: [String]
        var id = ""
        var title = ""
        var value: DraftAmount?
        var date: DraftDate?
        /// The status of the most recently published article about it.
        var status = DealStatus.inEffect
        var statusFrom: (article: Int, published: DraftDate?)?
        /// Roles by partner id, as the first article to name the party gave them.
        var roles: [String: String] = [:]
        var valueGiven = false
        var dateGiven = false
    }

    /// What was decided for one article's deal: its group, and whether this definition
    /// states the value and the date (one definition does).
    struct Decision: Sendable {
        let group: Int32
        let keepsValue: Bool
        let keepsDate: Bool
    }

    var groups: [Group] = []
    /// Per article, per local deal.
    var decisions: [[Decision]] = []
    var notes: [[DraftNote]] = []

    /// Reads each article's deals twice, one article at a time: once to group them, once
    /// to note where an article's status was overruled.
    init(_ articles: [PackedArticle], identity: OrganisationIdentity, documentIDs: [String]) {
        var groupsOfKey: [[String]: [Int]] = [:]
        // Each article's deals are read on every core, a chunk at a time.
        inChunks(articles.count, { (articles[$0].published, articles[$0].deals) }) { a, read in
            let (published, deals) = read
            let id = { (local: Int) in identity.globals[identity.globalOf[a][local]].id }
            let name = { (local: Int) in identity.globals[identity.globalOf[a][local]].name }
            decisions.append(deals.map { deal in
                let k = Self.key(deal, id)
                let fits = { (g: Group) in
                    (g.value == nil || deal.value == nil || g.value!.sameFigure(as: deal.value!)) && (g.date == nil || deal.date == nil || g.date == deal.date)
                }
                let g: Int
                if let found = groupsOfKey[k]?.first(where: { fits(groups[$0]) }) { g = found } else {
                    g = groups.count
                    groupsOfKey[k, default: []].append(g)
                    groups.append(Group(key: k, title: Self.title(deal, name)))
                }
                if groups[g].value == nil { groups[g].value = deal.value }
                if groups[g].date == nil { groups[g].date = deal.date }
                if Self.later(published, a, than: groups[g].statusFrom) {
                    groups[g].status = deal.status
                    groups[g].statusFrom = (a, published)
                }
                for p in deal.parties where groups[g].roles[id(p.organisation)] == nil { groups[g].roles[id(p.organisation)] = p.role }
                let decision = Decision(group: Int32(g), keepsValue: deal.value != nil && !groups[g].valueGiven, keepsDate: deal.date != nil && !groups[g].dateGiven)
                groups[g].valueGiven = groups[g].valueGiven || decision.keepsValue
                groups[g].dateGiven = groups[g].dateGiven || decision.keepsDate
                return decision
            })
        }
        var ids = IDAllocator()
        for g in groups.indices {
            let kind = groups[g].key[0]
            let symmetric = DealKind(rawValue: kind)?.isSymmetric ?? false
            let parts = symmetric ? Array(groups[g].key.dropFirst().prefix(3)) : groups[g].key.dropFirst().filter { !$0.isEmpty }
            let dateSuffix = groups[g].date.map { "-" + $0.iso.lowercased() } ?? ""
            groups[g].id = ids.take((groupsOfKey[groups[g].key]?.count ?? 0) > 1 ? Slug.of(parts + [kind]) + dateSuffix : Slug.of(parts + [kind]))
        }
        for g in groups.indices { groups[g].key = [] }
        notes = articles.indices.map { _ in [] }
        inChunks(articles.count, { articles[$0].deals.map(\.status) }) { a, statuses in
            for (d, status) in statuses.enumerated() {
                let g = groups[Int(decisions[a][d].group)]
                guard status != g.status, let from = g.statusFrom else { continue }
                notes[a].append(DraftNote(kind: .disagreement,
                                          message: "deal \(g.id): this article's words give the status \"\(status.rawValue)\"; \"\(g.status.rawValue)\", from \(documentIDs[from.article]), the latest article about it, is used so that the datasets agree",
                                          quote: nil))
            }
        }
    }

    /// The kind and lead parties, by global id.
    private static func key(_ deal: AnalysedArticle.Deal, _ id: (Int) -> String) -> [String] {
        if deal.symmetric { return [deal.kind.rawValue] + Set(deal.parties.map { id($0.organisation) }).sorted() }
        var lead = ["", "", ""]
        for slot in 0..<3 { if let p = deal.parties.first(where: { $0.slot == slot }) { lead[slot] = id(p.organisation) } }
        return [deal.kind.rawValue] + lead
    }

    /// Whether an article published at `published` (number `a`) is later than the one
    /// the status was taken from; articles without a date count as the earliest, then
    /// the order they were given in.
    private static func later(_ published: DraftDate?, _ a: Int, than from: (article: Int, published: DraftDate?)?) -> Bool {
        guard let from else { return true }
        switch (published, from.published) {
        case let (x?, y?): return x == y ? a > from.article : y < x
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a > from.article
        }
    }

    private static func title(_ deal: AnalysedArticle.Deal, _ name: (Int) -> String) -> String {
        var bySlot: [[String]] = [[], [], []]
        for p in deal.parties where p.slot < 3 { bySlot[p.slot].append(name(p.organisation)) }
        let names = { (slot: Int) in bySlot[slot] }
        let all = deal.parties.map { name($0.organisation) }
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
