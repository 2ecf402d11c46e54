/// Puts events in one total, deterministic order (see docs/data-format.md,
/// "Timeline order"): dated events by date with coarser dates first, then the
/// document anchor, with undated events attached before, with or after the event
/// their `order` names.
enum TimelineOrder {
    struct Item {
        let id: String
        let date: PartialDate?
        let order: EventOrder?
        /// Position of the first quote in its document; ties between dated events.
        let documentPosition: Int
    }

    enum Failure: Error {
        /// The ids that form a cycle of `order` references.
        case cycle([String])
    }

    /// Returns the ids in timeline order.
    static func sort(_ items: [Item], documentDate: PartialDate?) throws(Failure) -> [String] {
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var keys: [String: [Int]] = [:]
        var visiting: [String] = []

        // A key is compared element by element; a prefix sorts first.
        // Each event's key is its base followed by 0, and an event attached to it has
        // that base followed by -1 (before), 1 (with) or 2 (after), then its own
        // document position: so before < anchor < with < after, and chains nest.
        let anchorBase: [Int]
        if let d = documentDate {
            anchorBase = [0] + d.sortKey + [Int.max]
        } else {
            anchorBase = [1]
        }

        func base(of id: String) throws(Failure) -> [Int] {
            if id == EventOrder.documentAnchor { return anchorBase }
            if let k = keys[id] { return k }
            guard let item = byID[id] else { return anchorBase }
            if let start = visiting.firstIndex(of: id) {
                throw .cycle(Array(visiting[start...]) + [id])
            }
            visiting.append(id)
            defer { visiting.removeLast() }
            let key: [Int]
            if let d = item.date {
                key = [0] + d.sortKey + [item.documentPosition]
            } else {
                let order = item.order ?? EventOrder(relation: .before, anchor: EventOrder.documentAnchor)
                let rel: Int
                switch order.relation {
                case .before: rel = -1
                case .with: rel = 1
                case .after: rel = 2
                }
                key = try base(of: order.anchor) + [rel, item.documentPosition]
            }
            keys[id] = key
            return key
        }

        var sortable: [(key: [Int], id: String)] = []
        sortable.reserveCapacity(items.count)
        for item in items {
            sortable.append((try base(of: item.id) + [0], item.id))
        }
        sortable.sort { a, b in
            let n = min(a.key.count, b.key.count)
            for i in 0..<n where a.key[i] != b.key[i] { return a.key[i] < b.key[i] }
            if a.key.count != b.key.count { return a.key.count < b.key.count }
            return a.id < b.id
        }
        return sortable.map(\.id)
    }
}
