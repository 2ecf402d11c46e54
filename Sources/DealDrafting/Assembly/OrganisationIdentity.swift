/// One identity per organisation across articles: the same lexicon entry, or the same
/// name or alias (case, accents and legal suffixes aside), is one partner. Names that are
/// nearly the same ("Open AI" and "OpenAI") are reported, not merged.
struct OrganisationIdentity {
    struct Global {
        var name: String
        var id: String
        /// (article, local organisation) pairs.
        var members: [(Int, Int)]
    }

    var globals: [Global] = []
    /// `globalOf[article][local]`.
    var globalOf: [[Int]] = []
    var nearMisses: [(Int, Int)] = []

    init(_ articles: [AnalysedArticle], lexicon: Lexicon) {
        var parent: [Int] = []
        var flat: [(Int, Int)] = []
        var firstWithKey: [String: Int] = [:]
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for (a, article) in articles.enumerated() {
            for (k, o) in article.organisations.enumerated() {
                let node = flat.count
                flat.append((a, k))
                parent.append(node)
                var keys = Set([o.name] + o.forms + o.forms.map { NameFinder.withoutSuffix($0, lexicon: lexicon) }).map { "n:" + Slug.folded($0) }
                if let l = o.lexicon { keys.append("l:\(l)") }
                for key in keys {
                    if let other = firstWithKey[key] { parent[find(node)] = find(other) } else { firstWithKey[key] = node }
                }
            }
        }
        var globalOfRoot: [Int: Int] = [:]
        globalOf = articles.map { [Int](repeating: -1, count: $0.organisations.count) }
        for (node, (a, k)) in flat.enumerated() {
            let root = find(node)
            if let g = globalOfRoot[root] { globals[g].members.append((a, k)) } else {
                globalOfRoot[root] = globals.count
                globals.append(Global(name: "", id: "", members: [(a, k)]))
            }
            globalOf[a][k] = globalOfRoot[root]!
        }
        var ids = IDAllocator()
        for g in globals.indices {
            let orgs = globals[g].members.map { articles[$0.0].organisations[$0.1] }
            if let l = orgs.compactMap(\.lexicon).first {
                globals[g].name = lexicon.organisations[l].name
                globals[g].id = ids.take(lexicon.organisations[l].id ?? Slug.of(lexicon.organisations[l].name))
            } else {
                // The name most articles use; then the shortest; then the first in order.
                var counts: [String: Int] = [:]
                for o in orgs { counts[o.name, default: 0] += 1 }
                let name = counts.sorted { ($0.value, -$0.key.count, $1.key) > ($1.value, -$1.key.count, $0.key) }.first!.key
                globals[g].name = name
                globals[g].id = ids.take(Slug.of(name))
            }
        }
        findNearMisses()
    }

    /// Names equal but for spaces and marks, or one letter apart (from six letters).
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
            for i in gs.indices { for j in gs.indices where i < j && gs[i] != gs[j] {
                let pair = [min(gs[i], gs[j]), max(gs[i], gs[j])]
                if seen.insert(pair).inserted { nearMisses.append((pair[0], pair[1])) }
            } }
        }
        nearMisses.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
