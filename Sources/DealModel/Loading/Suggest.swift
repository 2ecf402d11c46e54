/// Finds the closest word to a misspelling, for "did you mean …?" hints.
public enum Suggest {
    /// The candidate with the smallest edit distance, if it is close enough to help
    /// (see `SuggestIndex` for how a long list is searched).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        SuggestIndex(candidates).closest(to: word)
    }

    /// Levenshtein distance, with a prefix match counted as close.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if b.starts(with: a) || a.starts(with: b) { return min(1, abs(a.count - b.count)) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Close enough to suggest: within half the shorter word's length, or 2.
    static func isClose(_ distance: Int, _ a: Int, _ b: Int) -> Bool { distance <= max(2, min(a, b) / 2) }
}
