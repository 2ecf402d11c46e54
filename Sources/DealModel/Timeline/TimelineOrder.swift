/// Puts events in one total, deterministic order (see docs/data-format.md,
/// "Timeline order"): dated events by date with coarser dates first, each document an
/// anchor at its date (undated ones after every dated event), with undated events
/// attached before, with or after the event (or document) their `order` names.
enum TimelineOrder {
    struct Item {
        let id: String
        let date: PartialDate?
        let order: EventOrder?
        /// Position of the first quote in its document; ties between dated events.
        let documentPosition: Int
        /// The document of the first quote (its position in the catalog's documents).
        var document = 0
    }

    enum Failure: Error {
        /// The ids that form a cycle of `order` references.
        case cycle([String])
    }

    /// Returns the ids in timeline order. (Keys are built without recursion, so a
    /// million-long chain of "after" neither overflows the stack nor takes quadratic
    /// time, even on the careful path that reports problems.)
    static func sort(_ items: [Item], documentDates: [PartialDate?]) throws(Failure) -> [String] {
        let byID = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // An anchor that is the document, or no event, places like the document.
        let link: (Int) -> (EventOrder.Relation, Int?)? = { i in
            items[i].order.map { o in (o.relation, o.anchor == EventOrder.documentAnchor ? nil : byID[o.anchor]) }
        }
        if let order = sortPositions(count: items.count, date: { items[$0].date }, link: link,
                                     documentPosition: { items[$0].documentPosition }, id: { items[$0].id },
                                     document: { items[$0].document }, documentDates: documentDates) {
            return order.map { items[$0].id }
        }
        // A cycle: name its events, from the first met in the order written.
        var state = [UInt8](repeating: 0, count: items.count)  // 0 new, 1 on the path, 2 done
        for s in items.indices where state[s] == 0 {
            var path: [Int] = []
            var node: Int? = s
            while let v = node, state[v] == 0 {
                state[v] = 1
                path.append(v)
                node = items[v].date == nil ? (link(v)?.1 ?? nil) : nil
            }
            if let v = node, state[v] == 1, let k = path.firstIndex(of: v) {
                throw .cycle(path[k...].map { items[$0].id } + [items[v].id])
            }
            for v in path { state[v] = 2 }
        }
        throw .cycle([])
    }
}
