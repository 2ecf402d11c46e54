extension TimelineOrder {
    /// The same order as the keys described in `sort` give, for events given by
    /// position: returns positions in timeline order, or nil when the `order`
    /// references form a cycle. `link(i)` is an event's order relation and anchor
    /// position (nil: the document).
    ///
    /// Comparing keys directly would make a chain of a million "after"s a million keys
    /// of up to a million numbers each. Instead events with the same key form a group,
    /// an undated event's group is a child of its anchor's group (by relation and
    /// document position), and the order is a walk of that tree: a group's "before"
    /// children, its own events by id, then its "with" and "after" children, children
    /// by document position. Linear in space, no recursion.
    static func sortPositions(count: Int, date: (Int) -> PartialDate?, link: (Int) -> (EventOrder.Relation, Int?)?,
                              documentPosition: (Int) -> Int, id: (Int) -> String, documentDate: PartialDate?) -> [Int]? {
        // Groups: dated events with the same date and position share one; the document
        // is one; an undated event's group hangs under its anchor's. Group numbers are
        // given as events are placed; members and children are gathered at the end.
        struct ChildKey: Hashable {
            var parent: Int32, relation: Int8, position: Int
        }
        // Dated events first: sorted by their key, equal keys one group.
        let dated = (0..<count).compactMap { i in date(i).map { (key: (0, $0.year, $0.month ?? 0, $0.day ?? 0, documentPosition(i)), event: i) } }
            .sorted { $0.key < $1.key }
        let documentKey = documentDate.map { (0, $0.year, $0.month ?? 0, $0.day ?? 0, Int.max) } ?? (1, 0, 0, 0, 0)
        var group = [Int32](repeating: -1, count: count)
        var groups = 0
        // Root groups in order (the document's among them), by their keys.
        var roots: [Int32] = []
        var documentGroup: Int32 = -1
        var previous: (Int, Int, Int, Int, Int)?
        for e in dated {
            if documentGroup < 0 && documentKey < e.key {
                documentGroup = Int32(groups); roots.append(documentGroup); groups += 1
            }
            if previous.map({ $0 != e.key }) ?? true {
                roots.append(Int32(groups))
                groups += 1
                previous = e.key
            }
            group[e.event] = Int32(groups - 1)
        }
        if documentGroup < 0 { documentGroup = Int32(groups); roots.append(documentGroup); groups += 1 }

        // Undated events, anchors first (an explicit stack; a cycle ends it).
        var childOf: [ChildKey: Int32] = [:]
        var edges: [(parent: Int32, relation: Int8, position: Int, child: Int32)] = []
        var visiting = [Bool](repeating: false, count: count)
        for first in 0..<count where group[first] < 0 {
            var stack = [first]
            while let i = stack.last {
                if group[i] >= 0 { stack.removeLast(); continue }
                let (relation, target) = link(i) ?? (.before, nil)
                var parent = documentGroup
                if let target {
                    if group[target] < 0 {
                        if visiting[target] { return nil }
                        visiting[i] = true
                        stack.append(target)
                        continue
                    }
                    parent = group[target]
                }
                let key = ChildKey(parent: parent, relation: relation == .before ? -1 : relation == .with ? 1 : 2, position: documentPosition(i))
                if let g = childOf[key] {
                    group[i] = g
                } else {
                    let g = Int32(groups)
                    groups += 1
                    childOf[key] = g
                    edges.append((parent, key.relation, key.position, g))
                    group[i] = g
                }
                visiting[i] = false
                stack.removeLast()
            }
        }
        childOf = [:]
        // Members of each group (in event order; ties are sorted by id when emitted) and
        // children of each group (by relation, then position), as flat lists.
        let members = IndexLists(count: groups, pairs: (0..<count).map { (group[$0], Int32($0)) })
        edges.sort { ($0.parent, $0.relation, $0.position) < ($1.parent, $1.relation, $1.position) }
        var childStart = [Int](repeating: 0, count: groups + 1)
        for e in edges { childStart[Int(e.parent) + 1] += 1 }
        for g in 0..<groups { childStart[g + 1] += childStart[g] }

        // Walk the tree: a group's "before" children, its events, "with", "after".
        enum Step { case visit(Int), emit(Int) }
        var out: [Int] = []
        out.reserveCapacity(count)
        var steps: [Step] = roots.reversed().map { .visit(Int($0)) }
        while let step = steps.popLast() {
            switch step {
            case .emit(let g):
                let m = members[g]
                out += m.count > 1 ? m.sorted { id($0) < id($1) } : Array(m)
            case .visit(let g):
                let kids = edges[childStart[g]..<childStart[g + 1]]
                // Pushed in reverse: what is shown first is popped first.
                for k in kids.reversed() where k.relation > 0 { steps.append(.visit(Int(k.child))) }
                steps.append(.emit(g))
                for k in kids.reversed() where k.relation < 0 { steps.append(.visit(Int(k.child))) }
            }
        }
        return out
    }
}
