import DealModel
import Synchronization

/// Where the network picture is and what it is about; the picture itself is made
/// from the catalog and the filter (`NetworkModel`).
public struct NetworkState: Equatable, Sendable {
    /// The partner the picture is about (set when it opens, and by `o`).
    public internal(set) var centre: Int?
    /// 1: the centre's counterparties; 2: theirs too, one step further.
    public internal(set) var depth = 1
    /// The cursor: a row of the picture, and a stop along it.
    var row = 0
    var stop = NetworkModel.Stop.node1
    var scroll = 0
}

/// The network around one partner as a tree of rows, laid out without randomness:
/// the same data and filter give the same picture, and moving the cursor changes
/// nothing of it. A group's first row is an edge from the centre and a node (a
/// counterparty, or a hub: deals of three or more parties, such as one round of
/// funding from several investors, drawn once rather than as a tangle); the rows
/// under it are its second edges and nodes (a hub's members, or one step further
/// the counterparty's own counterparties). Groups are ordered by their number of
/// deals, most first, then by name.
struct NetworkModel: Sendable {
    enum Stop: Int, Comparable, Sendable {
        case centre, edge1, node1, edge2, node2
        static func < (a: Stop, b: Stop) -> Bool { a.rawValue < b.rawValue }
    }

    enum Node: Equatable, Sendable {
        case partner(Int)
        /// Deals of several parties with the same set of other parties.
        case hub(deals: [Int])
    }

    /// An edge and the visible deals it stands for.
    struct Edge: Equatable, Sendable {
        var deals: [Int]
        var label: String
    }

    struct Row: Equatable, Sendable {
        var group: Int
        /// The last row of its group.
        var last: Bool
        /// On the rows under a group's first: a second edge and node.
        var edge2: Edge?
        var node2: Int?
        var first: Bool { node2 == nil }
    }

    struct Group: Equatable, Sendable {
        var node: Node
        var edge: Edge
        var firstRow: Int
    }

    let centre: Int
    let groups: [Group]
    let rows: [Row]
    /// Set when the rows one step further were cut at `rowLimit`.
    let cut: Bool

    static let rowLimit = 20_000

    /// The stops of a row: the centre, an edge and a node on a group's first row; a
    /// second edge and node on the rows under it.
    func stops(_ row: Int) -> [Stop] {
        guard rows.indices.contains(row) else { return [.centre] }
        return rows[row].first ? [.centre, .edge1, .node1] : [.edge2, .node2]
    }

    /// The stop a row's cursor lands on, keeping to an edge or to a node.
    func landing(_ row: Int, from stop: Stop) -> Stop {
        guard rows.indices.contains(row) else { return .centre }
        let edge = stop == .edge1 || stop == .edge2
        return rows[row].first ? (edge ? .edge1 : .node1) : (edge ? .edge2 : .node2)
    }

    /// One step along the tree: toward the centre (a second edge leads to its
    /// group's node) or away from it (a node leads to its first second edge).
    func step(_ row: Int, _ stop: Stop, outward: Bool) -> (row: Int, stop: Stop)? {
        guard rows.indices.contains(row) else { return nil }
        let along = stops(row)
        guard let at = along.firstIndex(of: stop) else { return (row, landing(row, from: stop)) }
        if outward {
            if at + 1 < along.count { return (row, along[at + 1]) }
            return rows.indices.contains(row + 1) && !rows[row + 1].first ? (row + 1, .edge2) : nil
        }
        if at > 0 { return (row, along[at - 1]) }
        return rows[row].first ? nil : (groups[rows[row].group].firstRow, .node1)
    }

    // MARK: Making it

    private static let last = Mutex<(key: Key, model: NetworkModel)?>(nil)

    struct Key: Equatable {
        let catalog: ObjectIdentifier, centre: Int, depth: Int, filter: [String]
    }

    /// The picture for a state (the last one is kept: every key and frame asks).
    static func of(_ state: AppState) -> NetworkModel? {
        guard let centre = state.network.centre, centre < state.catalog.partners.count else { return nil }
        let key = Key(catalog: ObjectIdentifier(state.catalog), centre: centre, depth: state.network.depth, filter: state.filter)
        if let hit = last.withLock({ $0?.key == key ? $0?.model : nil }) { return hit }
        let model = make(state.catalog, centre: centre, depth: state.network.depth, filter: state.filter.compactMap(state.catalog.partnerIndex(id:)))
        last.withLock { $0 = (key, model) }
        return model
    }

    static func make(_ c: Catalog, centre: Int, depth: Int, filter: [Int]) -> NetworkModel {
        // A deal is shown when every partner of the filter is one of its parties.
        func visible(_ d: Int) -> Bool { filter.allSatisfy { c.partnersOfDeal[d].contains($0) } }
        var pairs: [Int: [Int]] = [:]
        var hubs: [[Int]: [Int]] = [:]
        for d in c.dealsOfPartner[centre] where visible(d) {
            let others = c.partnersOfDeal[d].filter { $0 != centre }
            if others.count == 1 { pairs[others[0], default: []].append(d) } else { hubs[others.sorted(), default: []].append(d) }
        }
        // Groups, most deals first, then by name (partners are held by name).
        var firsts: [(node: Node, deals: [Int], members: [Int])] =
            pairs.map { (.partner($0.key), $0.value, []) } + hubs.map { (.hub(deals: $0.value), $0.value, $0.key) }
        firsts.sort { a, b in
            if a.deals.count != b.deals.count { return a.deals.count > b.deals.count }
            let x = a.members.first ?? Self.partner(a.node) ?? -1, y = b.members.first ?? Self.partner(b.node) ?? -1
            return x != y ? x < y : a.members.count < b.members.count
        }
        let level1 = Set(pairs.keys)
        var placed = level1.union([centre])
        var groups: [Group] = []
        var rows: [Row] = []
        var cut = false
        for item in firsts {
            var seconds: [(Edge, Int)] = []
            switch item.node {
            case .hub(let deals):
                seconds = item.members.map { m in (Edge(deals: deals, label: role(c, of: m, in: deals[0])), m) }
            case .partner(let p) where depth > 1 && rows.count < rowLimit:
                // One step further: the partner's own counterparties not drawn yet.
                var further: [Int: [Int]] = [:]
                for d in c.dealsOfPartner[p] where visible(d) {
                    for q in counterparties(c, of: p, in: d) where !placed.contains(q) { further[q, default: []].append(d) }
                }
                seconds = further.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
                    .map { (Edge(deals: $0.value, label: kinds(c, $0.value)), $0.key) }
                placed.formUnion(further.keys)
            default: break
            }
            if rows.count + 1 + seconds.count > rowLimit {
                cut = true
                seconds = Array(seconds.prefix(max(0, rowLimit - rows.count - 1)))
            }
            let g = groups.count
            groups.append(Group(node: item.node, edge: Edge(deals: item.deals, label: kinds(c, item.deals)), firstRow: rows.count))
            rows.append(Row(group: g, last: seconds.isEmpty))
            for (k, (edge, q)) in seconds.enumerated() {
                rows.append(Row(group: g, last: k == seconds.count - 1, edge2: edge, node2: q))
            }
            if rows.count >= rowLimit { cut = true; break }
        }
        return NetworkModel(centre: centre, groups: groups, rows: rows, cut: cut)
    }

    static func partner(_ node: Node) -> Int? {
        if case .partner(let p) = node { return p }
        return nil
    }

    /// "partnership ×2 · licence · IP": the kinds of some deals, most first.
    static func kinds(_ c: Catalog, _ deals: [Int]) -> String {
        var counts: [DealKind: Int] = [:]
        for d in deals { counts[c.deals.kind(d), default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { $0.value > 1 ? "\($0.key.label) ×\($0.value)" : $0.key.label }.joined(separator: " · ")
    }

    /// A party's role in a deal ("investor"), or "party".
    static func role(_ c: Catalog, of p: Int, in d: Int) -> String {
        let id = c.partners[p].id
        return c.deals.deal(d, partyLimit: 64).parties.first { $0.partner == id }?.role ?? "party"
    }

    /// The other parties of a deal that are a partner's counterparties: in a deal
    /// whose parties play different roles, those in the partner's own role are
    /// co-parties (the catalog's rule).
    static func counterparties(_ c: Catalog, of p: Int, in d: Int) -> [Int] {
        let id = c.partners[p].id
        let parties = c.deals.deal(d, partyLimit: 64).parties
        let roles = Set(parties.map(\.role))
        let mine = Set(parties.filter { $0.partner == id }.map(\.role))
        return parties.compactMap { party in
            guard party.partner != id, roles.count == 1 || !mine.contains(party.role) else { return nil }
            return c.partnerIndex(id: party.partner)
        }
    }

    // MARK: What the cursor is on

    enum Item: Equatable {
        case partner(Int)
        case deals([Int], title: String)
    }

    /// The partner or the deals at a stop of a row.
    func item(row: Int, stop: Stop, _ c: Catalog) -> Item? {
        guard stop != .centre else { return .partner(centre) }
        guard rows.indices.contains(row) else { return nil }
        let r = rows[row], g = groups[r.group]
        let node = Self.partner(g.node)
        switch stop {
        case .node1 where node != nil: return .partner(node!)
        case .node2: return r.node2.map(Item.partner)
        default: break
        }
        // An edge (or a hub): its deals, named by the nodes at its ends.
        let centreName = c.partners[centre].name
        let nodeName = node.map { c.partners[$0].name } ?? r.membersText(groups: groups, rows: rows, c)
        guard stop == .edge2 else { return .deals(g.edge.deals, title: centreName + " — " + nodeName) }
        guard let e = r.edge2, let q = r.node2 else { return nil }
        return .deals(e.deals, title: (node == nil ? centreName : nodeName) + " — " + c.partners[q].name)
    }

    /// The partners an item stands for: Enter filters by them.
    func partners(row: Int, stop: Stop) -> [Int] {
        guard stop != .centre, rows.indices.contains(row) else { return [centre] }
        let r = rows[row], g = groups[r.group]
        let node1 = Self.partner(g.node)
        let members = rows[g.firstRow...].prefix { $0.group == r.group }.compactMap(\.node2)
        switch stop {
        case .centre: return [centre]
        case .edge1: return [centre] + (node1.map { [$0] } ?? members)
        case .node1: return node1.map { [$0] } ?? [centre] + members
        case .edge2: return (node1.map { [$0] } ?? [centre]) + (r.node2.map { [$0] } ?? [])
        case .node2: return r.node2.map { [$0] } ?? []
        }
    }
}

extension NetworkModel.Row {
    /// The names of a hub's members.
    func membersText(groups: [NetworkModel.Group], rows: [NetworkModel.Row], _ c: Catalog) -> String {
        let start = groups[group].firstRow
        let members = rows[start...].prefix { $0.group == group }.compactMap(\.node2)
        return Shortlist.text(members.count, separator: ", ", budget: 200) { c.partners[members[$0]].name }
    }
}
