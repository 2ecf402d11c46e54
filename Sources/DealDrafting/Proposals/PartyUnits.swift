/// What may fill a party slot of a deal pattern, by the token it starts at: an
/// organisation, a product standing for its owner ("ChatGPT" for OpenAI), a name not
/// yet known to be anything (promoted to an organisation if a deal needs it), or "it",
/// "the company", "the two companies" standing for the organisations last named.
struct PartyUnits {
    struct Unit {
        let lo: Int
        let hi: Int
        var entities: [Int]
        var product: Int?
        /// A mention not yet known to be an organisation.
        var candidate: Int?
        /// "it", "the company": `entities` are the organisations it may stand for, most
        /// likely first; the first one not already a party of the deal is taken.
        var pronoun: Bool
        /// "the two companies": all of `entities`.
        var several = false
    }

    var units: [Unit] = []
    var at: [Int32]
    /// The name key of each mention (to tell two mentions of one name apart from two names).
    var candidateKeys: [UInt64] = []

    init(text: ArticleText, names: Names) {
        at = [Int32](repeating: -1, count: text.tokens.count)
        candidateKeys = names.mentions.map(\.key)
        var lists: [(hi: Int, entities: [Int])] = []
        var run: [Int] = []
        var runEnd = -1
        for (k, m) in names.mentions.enumerated() {
            switch m.kind {
            case .organisation:
                add(Unit(lo: m.lo, hi: m.hi, entities: [m.entity], pronoun: false))
            case .product:
                if let owner = names.organisation(of: m) { add(Unit(lo: m.lo, hi: m.hi, entities: [owner], product: m.entity, pronoun: false)) }
            case .candidate where !m.headline:
                add(Unit(lo: m.lo, hi: m.hi, entities: [], candidate: k, pronoun: false))
            default:
                break
            }
            // Organisations named together ("Fabrikam Robotics Inc. and Contoso Ltd").
            if let e = names.organisation(of: m) {
                if runEnd >= 0 && Self.joins(text, runEnd, m.lo) { run.append(e) } else {
                    if run.count >= 2 { lists.append((runEnd, run)) }
                    run = [e]
                }
                runEnd = m.hi
            }
        }
        if run.count >= 2 { lists.append((runEnd, run)) }
        addPronouns(text: text, names: names, lists: lists)
    }

    private mutating func add(_ u: Unit) {
        guard at[u.lo] < 0 else { return }
        units.append(u)
        at[u.lo] = Int32(units.count - 1)
    }

    static let joiners: Set<UInt64> = Set(["and", "&", "plus"].map { WordHash.of($0) })

    static func joins(_ text: ArticleText, _ from: Int, _ to: Int) -> Bool {
        guard to > from, to - from <= 2, text.sentenceOf[from] == text.sentenceOf[to] else { return false }
        for i in from..<to where !(text.isPunct(i, ",") || joiners.contains(text.tokens[i].key)) { return false }
        return true
    }

    private mutating func addPronouns(text: ArticleText, names: Names, lists: [(hi: Int, entities: [Int])]) {
        let orgs = names.mentions.filter { $0.kind == .organisation }
        for i in text.tokens.indices where at[i] < 0 {
            if let one = text.hits.longest(.refersToOne, at: i) {
                let hi = i + Int(one.length)
                let candidates = Self.referents(of: text.tokens[hi - 1].key, at: i, text: text, names: names, orgs: orgs)
                if !candidates.isEmpty { add(Unit(lo: i, hi: hi, entities: candidates, pronoun: true)) }
            } else if let several = text.hits.longest(.refersToSeveral, at: i),
                      let list = lists.last(where: { $0.hi <= i && text.sentenceOf[i] - text.sentenceOf[max(0, $0.hi - 1)] <= 3 }) {
                add(Unit(lo: i, hi: i + Int(several.length), entities: list.entities, pronoun: true, several: true))
            }
        }
    }

    /// What "it" or "the venture" at token `i` may stand for: organisations described by
    /// the same noun ("Lakeshore Automation, a joint venture"), most recent first; then
    /// the organisations named before it in its sentence; then the first ones of the
    /// three sentences before.
    static func referents(of noun: UInt64, at i: Int, text: ArticleText, names: Names, orgs: [Names.Mention]) -> [Int] {
        var out: [Int] = []
        func add(_ e: Int) { if !out.contains(e) { out.append(e) } }
        let s = Int(text.sentenceOf[i])
        for e in names.entities.indices.reversed() where names.entities[e].firstMention < i {
            let cue = names.entities[e].cue
            if s - Int(text.sentenceOf[cue.lo]) <= 6 && (cue.lo..<cue.hi).contains(where: { text.tokens[$0].key == noun }) { add(e) }
        }
        // The organisations of this sentence and the three before, nearest sentence first.
        let window = orgs.filter { let t = Int(text.sentenceOf[$0.lo]); return t <= s && s - t <= 3 }
        for m in window where Int(text.sentenceOf[m.lo]) == s && m.hi <= i { add(m.entity) }
        var back = s - 1
        while back >= 0 && s - back <= 3 {
            if let first = window.first(where: { Int(text.sentenceOf[$0.lo]) == back }) { add(first.entity) }
            back -= 1
        }
        return out
    }

    func unit(at i: Int) -> Int? {
        guard i >= 0, i < at.count, at[i] >= 0 else { return nil }
        return Int(at[i])
    }
}
