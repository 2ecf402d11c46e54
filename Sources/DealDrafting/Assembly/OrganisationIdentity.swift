import DealModel

/// One identity per organisation across articles: the same lexicon entry, or the same
/// name or alias (case, accents and legal suffixes aside), is one partner. Names that are
/// nearly the same ("Open AI" and "OpenAI") are reported, not merged.
struct OrganisationIdentity: Sendable {
    struct Global: Sendable {
        var name = ""
        var id = ""
        /// The articles that name it.
        var articles: [Int] = []
        /// A lexicon entry (a known organisation).
        var known = false
    }

    var globals: [Global] = []
    /// `globalOf[article][local]`.
    var globalOf: [[Int]] = []
    var nearMisses: [(Int, Int)] = []

    init(_ articles: [PackedArticle], lexicon: Lexicon) {
        // One node per organisation of each article, joined when they share a key.
        var parent: [Int] = []
        var nodeName: [String] = []
        var nodeLexicon: [Int?] = []
        var firstWithKey: [UInt64: Int] = [:]
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var nodesOf: [[Int]] = []
        // Each article's names and their keys (worked out when it was analysed; a known
        // organisation's key is its lexicon entry's), read on every core.
        inChunks(articles.count, { a in
            articles[a].organisations.map { o -> (name: String, lexicon: Int?, keys: [UInt64]) in
                (o.name, o.lexicon, o.keys)
            }
        }) { _, organisations in
            var nodes: [Int] = []
            for o in organisations {
                let node = parent.count
                parent.append(node)
                nodeName.append(o.name)
                nodeLexicon.append(o.lexicon)
                nodes.append(node)
                for key in o.keys {
                    if let other = firstWithKey[key] { parent[find(node)] = find(other) } else { firstWithKey[key] = node }
                }
            }
            nodesOf.append(nodes)
        }
        var globalOfRoot: [Int: Int] = [:]
        var memberNodes: [[Int]] = []
        for (a, nodes) in nodesOf.enumerated() {
            globalOf.append(nodes.map { node in
                let root = find(node)
                let g = globalOfRoot[root] ?? {
                    globalOfRoot[root] = globals.count
                    globals.append(Global())
                    memberNodes.append([])
                    return globals.count - 1
                }()
                memberNodes[g].append(node)
                if globals[g].articles.last != a { globals[g].articles.append(a) }
                return g
            })
        }
        var ids = IDAllocator()
        for g in globals.indices {
            if let l = memberNodes[g].lazy.compactMap({ nodeLexicon[$0] }).first {
                globals[g].known = true
                globals[g].name = lexicon.organisations[l].name
                globals[g].id = ids.take(lexicon.organisations[l].id ?? Slug.of(lexicon.organisations[l].name))
            } else {
                // The name most articles use; then the shortest; then the first in order.
                var counts: [String: Int] = [:]
                for n in memberNodes[g] { counts[nodeName[n], default: 0] += 1 }
                let name = counts.sorted { ($0.value, -$0.key.count, $1.key) > ($1.value, -$1.key.count, $0.key) }.first!.key
                globals[g].name = name
                globals[g].id = ids.take(Slug.of(name))
            }
        }
        findNearMisses()
    }

    /// Names equal but for spaces and marks, or one letter apart (from six letters);
    /// two organisations the lexicon knows are never a near-miss.
    private mutating func findNearMisses() {
        var byKey: [String: [Int]] = [:]
        for (g, global) in globals.enumerated() {
            let s = Slug.squashed(global.name)
            var keys: Set<String> = ["=" + s]
            if s.count >= 6 {
                let chars = Array(s)
                for i in chars.indices { var c = chars; c.remove(at: i); keys.insert("-" + String(c)) }
                keys.insert("-" + s)
            }
            for k in keys { byKey[k, default: []].append(g) }
        }
        var seen = Set<[Int]>()
        for (_, gs) in byKey where gs.count > 1 {
            for i in gs.indices { for j in gs.indices where i < j && gs[i] != gs[j] && !(globals[gs[i]].known && globals[gs[j]].known) {
                let pair = [min(gs[i], gs[j]), max(gs[i], gs[j])]
                if seen.insert(pair).inserted { nearMisses.append((pair[0], pair[1])) }
            } }
        }
        nearMisses.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
