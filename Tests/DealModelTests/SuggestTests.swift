@testable import DealModel
import Testing

/// "Did you mean" hints from an index made once (issue 15, item 2: each unknown
/// reference sorted every id and measured its distance to all of them).
@Suite struct SuggestTests {
    @Test func aShortListIsSearchedInFull() {
        let kinds = DealKind.allCases.map(\.rawValue)
        #expect(Suggest.closest(to: "amendmnet", among: kinds) == "amendment")
        #expect(Suggest.closest(to: "licens", among: kinds) == "licence")
        #expect(Suggest.closest(to: "zzzzzzzzzz", among: kinds) == nil, "nothing close enough")
        // Ties go to the first candidate given.
        #expect(Suggest.closest(to: "ab", among: ["ac", "bb"]) == "ac")
        #expect(Suggest.closest(to: "ab", among: ["bb", "ac"]) == "bb")
    }

    /// In a long list, a misspelling is matched by the ids that share its beginning or
    /// its end.
    @Test func aLongListIsSearchedNearTheBeginningAndTheEnd() {
        let ids = (0..<100_000).map { "p\($0)" } + (0..<1000).map { "msft-openai-licence-\($0)" } + ["acme-globex-supply"]
        let index = SuggestIndex(ids.shuffled())
        #expect(index.closest(to: "q213") == "p213", "the end shared")
        #expect(index.closest(to: "p99999x") == "p99999", "the beginning shared")
        #expect(index.closest(to: "p2133x") == "p21332", "one letter changed rather than one dropped")
        #expect(index.closest(to: "acme-globx-supply") == "acme-globex-supply", "a letter dropped in the middle")
        #expect(index.closest(to: "ACME-GLOBEX-SUPLY") == "acme-globex-supply", "case does not matter")
        #expect(index.closest(to: "msft-openai-licence-99") == "msft-openai-licence-99")
        #expect(index.closest(to: "zzzzzzzzzzzzzzzz") == nil)
        // The same question, the same answer (remembered).
        #expect(index.closest(to: "q213") == "p213")
    }

    /// A typo anywhere in an id of a long list finds an id as close as the one meant.
    @Test func theIndexFindsTypicalTyposAsTheFullSearchDoes() {
        var rng = SplitMix64(state: 7)
        let words = ["acme", "globex", "initech", "umbrella", "hooli", "soylent", "tyrell", "wayne", "stark", "wonka"]
        let ids = (0..<2000).map { "\(words[$0 % words.count])-\(words[($0 / 10) % words.count])-\($0)" }
        let index = SuggestIndex(ids)
        for _ in 0..<300 {
            var id = Array(ids[rng.below(ids.count)])
            let at = rng.below(id.count)
            switch rng.below(3) {
            case 0: id.remove(at: at)
            case 1: id.insert("x", at: at)
            default: id[at] = id[at] == "z" ? "y" : "z"
            }
            let typo = String(id)
            // The id itself is one edit away: the index finds it or one as close.
            let near = index.closest(to: typo)
            #expect(near.map { Suggest.distance(Array(typo), Array($0)) <= 1 } == true, "\(typo) → \(near ?? "nothing")")
        }
    }
}
