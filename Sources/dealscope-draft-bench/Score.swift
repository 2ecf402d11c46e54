import DealDrafting
import DealModel

/// Precision and recall of a draft against gold, by family.
struct Score {
    struct Count {
        var matched = 0, proposed = 0, expected = 0
        var precision: Double { proposed == 0 ? 1 : Double(matched) / Double(proposed) }
        var recall: Double { expected == 0 ? 1 : Double(matchedExpected) / Double(expected) }
        /// Gold items found (may differ from `matched` when one side has duplicates).
        var matchedExpected = 0

        static func += (a: inout Count, b: Count) {
            a.matched += b.matched; a.proposed += b.proposed; a.expected += b.expected; a.matchedExpected += b.matchedExpected
        }
    }

    static let families = ["partners", "deals (kind, parties)", "deals (parties, amount)", "amounts", "dates", "events"]
    var counts: [Count] = Array(repeating: Count(), count: families.count)

    static func += (a: inout Score, b: Score) { for i in a.counts.indices { a.counts[i] += b.counts[i] } }

    init() {}

    init(draft: ArticleDraft, gold: Gold) {
        // Partners: a draft partner is a gold one when any of their names agree.
        let fold = foldName
        let goldNames = gold.partners.map { Set($0.map(fold)) }
        func goldIndex(_ names: [String]) -> Int? {
            let set = Set(names.map(fold))
            return goldNames.firstIndex { !$0.isDisjoint(with: set) }
        }
        let partnerGold = Dictionary(uniqueKeysWithValues: draft.partners.map { ($0.id, goldIndex([$0.name] + $0.aliases + $0.products.map(\.name))) })
        let found = Set(partnerGold.values.compactMap { $0 })
        counts[0] = Count(matched: partnerGold.values.filter { $0 != nil }.count, proposed: draft.partners.count, expected: gold.partners.count, matchedExpected: found.count)

        let goldParty = { (name: String) in goldIndex([name]) ?? -1 - name.count }
        let draftSets = draft.deals.map { Set($0.parties.map { partnerGold[$0.partner].flatMap { $0 } ?? -1000 }) }
        let goldSets = gold.deals.map { Set($0.parties.map(goldParty)) }
        counts[1] = Self.pair(draft.deals.indices, gold.deals.indices) { d, g in draftSets[d] == goldSets[g] && draft.deals[d].kind.rawValue == gold.deals[g].kind }
        counts[2] = Self.pair(draft.deals.indices, gold.deals.indices) { d, g in
            guard draftSets[d] == goldSets[g] else { return false }
            guard let gv = gold.deals[g].value else { return true }
            return draft.deals[d].value.map { Self.sameAmount($0, gv) } ?? false
        }
        let draftValues = draft.deals.compactMap(\.value)
        let goldValues = gold.deals.compactMap(\.value)
        counts[3] = Self.pair(draftValues.indices, goldValues.indices) { Self.sameAmount(draftValues[$0], goldValues[$1]) }
        let draftDates = Set(draft.events.compactMap { $0.date?.formatted } + draft.deals.compactMap { $0.date?.formatted })
        let goldDates = gold.dates
        counts[4] = Count(matched: draftDates.intersection(goldDates).count, proposed: draftDates.count, expected: goldDates.count,
                          matchedExpected: draftDates.intersection(goldDates).count)
        let dealParties = Dictionary(draft.deals.map { ($0.id, $0.parties.map(\.partner)) }, uniquingKeysWith: { a, _ in a })
        let eventSets = draft.events.map { e in Set((e.partners + e.deals.flatMap { dealParties[$0] ?? [] }).compactMap { partnerGold[$0].flatMap { $0 } }) }
        let goldEventSets = gold.events.map { Set($0.parties.map(goldParty)) }
        counts[5] = Self.pair(draft.events.indices, gold.events.indices) { d, g in
            guard draft.events[d].date == gold.events[g].date else { return false }
            let a = eventSets[d], b = goldEventSets[g]
            return !b.isEmpty && Double(a.intersection(b).count) / Double(a.union(b).count) >= 0.5
        }
    }

    /// Greedy one-to-one pairing.
    static func pair(_ drafts: Range<Int>, _ golds: Range<Int>, _ same: (Int, Int) -> Bool) -> Count {
        var used = Set<Int>()
        var matched = 0
        for d in drafts {
            if let g = golds.first(where: { !used.contains($0) && same(d, $0) }) { used.insert(g); matched += 1 }
        }
        return Count(matched: matched, proposed: drafts.count, expected: golds.count, matchedExpected: matched)
    }

    static func sameAmount(_ a: DraftAmount, _ b: DraftAmount) -> Bool {
        a.amount == b.amount && a.maximum == b.maximum && a.currency == b.currency && a.approximate == b.approximate
            && a.bound == b.bound && a.per == b.per && a.stake == b.stake
            && a.equivalent?.amount == b.equivalent?.amount && a.equivalent?.currency == b.equivalent?.currency
    }
}

/// Names compared as the drafter compares them: folded, single spaces.
func foldName(_ s: String) -> String { TextFolding.fold(s).split(separator: " ").joined(separator: " ") }
