/// Search text prepared for one catalog: folded once, with the partners whose name or
/// alias holds it found once, so that testing a million rows is cheap.
public struct SearchNeedle: Sendable {
    public let folded: FoldedText
    /// By partner position: whether its name or an alias holds the text.
    let partnerHits: [Bool]
    /// By position in `DealKind.allCases`: whether the kind's name holds the text.
    let kindHits: [Bool]

    public var isEmpty: Bool { folded.isEmpty }
}

extension Catalog {
    public func needle(_ text: String) -> SearchNeedle { needle(FoldedText(text)) }

    public func needle(_ folded: FoldedText) -> SearchNeedle {
        SearchNeedle(folded: folded, partnerHits: folded.isEmpty ? [] : partners.indices.map { partnerNames.contains($0, folded) },
                     kindHits: DealKind.allCases.map { FoldedText(whole: $0.rawValue).contains(folded) })
    }

    /// A deal matches by its id, title, kind, products, note (its plain text fields),
    /// the names of its parties, or the words of its quotes.
    public func dealMatches(_ d: Int, _ n: SearchNeedle) -> Bool {
        if n.isEmpty || n.kindHits[Int(deals.kinds[d])] { return true }
        if Self.holds(deals.ids, d, n) || Self.holds(deals.titles, d, n) { return true }
        if !deals.rare.isEmpty, deals.rare.anyText(d, { FoldedText(whole: $0).contains(n.folded) }) { return true }
        if partnersOfDeal[d].contains(where: { n.partnerHits[$0] }) { return true }
        return quotesMatch(deals.anchors, d, n)
    }

    /// An event matches by its id, title, note (its plain text fields), the names of
    /// its partners (its own and its deals' parties), or the words of its quotes.
    public func eventMatches(_ e: Int, _ n: SearchNeedle) -> Bool {
        if n.isEmpty || Self.holds(events.ids, e, n) || Self.holds(events.titles, e, n) { return true }
        if !events.rare.isEmpty, events.rare.anyText(e, { FoldedText(whole: $0).contains(n.folded) }) { return true }
        if partnersOfEvent[e].contains(where: { n.partnerHits[$0] }) { return true }
        return quotesMatch(events.anchors, e, n)
    }

    /// A partner matches by its id, names, aliases, products and quotes.
    public func partnerMatches(_ p: Int, _ n: SearchNeedle) -> Bool { n.isEmpty || partnerSearch.contains(p, n.folded) }

    public func dealMatches(_ d: Int, text: String) -> Bool { dealMatches(d, needle(text)) }
    public func eventMatches(_ e: Int, text: String) -> Bool { eventMatches(e, needle(text)) }
    public func partnerMatches(_ p: Int, text: String) -> Bool { partnerMatches(p, needle(text)) }

    /// Whether string `i` of a column holds the text, folding it as it is read.
    private static func holds(_ column: StringColumn, _ i: Int, _ n: SearchNeedle) -> Bool {
        column.withBytes(i) { FoldedText.find(n.folded.bytes, inUnfolded: $0) }
    }

    /// Whether one of the record's quotes, read from its document, holds the text.
    private func quotesMatch(_ lists: AnchorLists, _ i: Int, _ n: SearchNeedle) -> Bool {
        for k in lists.range(i) {
            let a = lists.anchors[k]
            let found = documents[Int(a.document)].text.utf8.withContiguousStorageIfAvailable { b in
                FoldedText.find(n.folded.bytes, inUnfolded: UnsafeBufferPointer(rebasing: b[Int(a.start)..<Int(a.end)]))
            } ?? false
            if found { return true }
        }
        return false
    }
}
