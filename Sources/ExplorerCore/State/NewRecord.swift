import DealModel

/// A record made from the words selected in the document view: a draft (a person
/// accepts it like any other), its id from the words, its name or title the words,
/// and the selection its first quote. A deal's parties are the partners of the
/// record selected in the panes; its kind and status are placeholders the draft mark
/// and the note say to check (the data format requires both).
enum NewRecord {
    static let rule = "explorer.selection"

    static func fields(_ list: RecordList, words: String, _ state: AppState) -> [JSONTree.Member] {
        let draft = JSONTree.Member("draft", .object([.init("rule", .string(rule)), .init("matched", .string(words))]))
        switch list {
        case .partners:
            return [.init("name", .string(words)), draft]
        case .deals:
            let parties = partners(of: state.detailRecord, state.catalog).map { JSONTree.object([.init("partner", .string($0))]) }
            return [.init("title", .string(words)), .init("kind", .string("strategic-partnership")), .init("status", .string("stated")),
                    .init("parties", .array(parties)), .init("note", .string("made from a selection: check the kind, the status and the parties")), draft]
        case .events:
            return [.init("title", .string(words)), .init("date", .null), draft]
        }
    }

    /// The ids of the partners a record names: itself, a deal's parties, an event's partners.
    static func partners(of record: RecordRef?, _ c: Catalog) -> [String] {
        switch record {
        case .partner(let p)?: [c.partners[p].id]
        case .deal(let d)?: c.deals.deal(d, partyLimit: 200).parties.map(\.partner)
        case .event(let e)?: c.partnersOfEvent[e].map { c.partners[$0].id }
        case nil: []
        }
    }

    /// An id from the words not taken in its list ("contoso", then "contoso-2").
    static func id(_ list: RecordList, words: String, _ state: AppState) -> String {
        // Long words are cut at a word's end, not inside one.
        var base = Slug.of(words)
        if base.count > 48 {
            let cut = base.prefix(48)
            base = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        var id = base, n = 2
        while state.ref(RecordKey(list, id)) != nil { id = base + "-\(n)"; n += 1 }
        return id
    }
}
