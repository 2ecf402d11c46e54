import DealModel
/// A deal one rule found in one sentence, before deals found in several sentences are
/// put together.
struct Proposal {
    struct Party: Equatable {
        let entity: Int
        let role: String
        /// 0 for slot A (who acts: invests, buys, licenses out), 1 for B, 2 for C.
        let slot: Int
    }

    /// A date the deal's sentences give, with the sentence and who else it names.
    struct Dated {
        let date: DraftDate
        let sentence: Int
        var partners: [Int]
        /// The date's words.
        let lo: Int
        let hi: Int
    }

    /// The rule's index in the lexicon (earlier rules win ties).
    let pattern: Int
    var kind: DealKind
    var rule: String
    var fallback: Bool
    var joins: Bool
    var parties: [Party]
    var products: [Int] = []
    let sentence: Int
    let lo: Int
    let hi: Int
    var patternStatus: DealStatus?
    /// From the sentence's own words ("reportedly", "has yet to close").
    var status: DealStatus?
    var amount: Int?
    var stake: Int?
    var dealDate: DraftDate?
    var dates: [Dated] = []
    /// Relative dates that could not be resolved.
    var unresolved: [String] = []
    /// Sentences that state it: its own first, then those that refer back to it.
    var sentences: [Int]
    /// Token positions where the article speaks of it (for order words).
    var anchors: [Int]

    var entities: [Int] { parties.map(\.entity) }
    /// `makeKey()`, kept once the parties are known.
    var key: [Int] = []

    func entities(inSlot s: Int) -> [Int] { parties.filter { $0.slot == s }.map(\.entity) }

    var symmetric: Bool { kind.isSymmetric }

    /// Deals with the same key are one deal: its kind and lead parties.
    func makeKey() -> [Int] {
        if symmetric { return [DealKind.allCases.firstIndex(of: kind)!] + entities.sorted() }
        return [DealKind.allCases.firstIndex(of: kind)!, entities(inSlot: 0).first ?? -1, entities(inSlot: 1).first ?? -1, entities(inSlot: 2).first ?? -1]
    }
}
