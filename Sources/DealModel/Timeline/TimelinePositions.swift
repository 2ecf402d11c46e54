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
        struct RootKey: Hashable, Comparable {
            var a: Int, y: Int, m: Int, d: Int, p: Int
            static func < (l: RootKey, r: RootKey) -> Bool { (l.a, l.y, l.m, l.d, l.p) < (r.a, r.y, r.m, r.d, r.p) }
        }
        struct ChildKey: Hashable {
            var parent: Int, relation: Int, position: Int
        }
        var rootOf: [RootKey: Int] = [:]
        var childOf: [ChildKey: Int] = [:]
        var members: [[Int]] = []
        var children: [[(relation: Int, position: Int, group: Int)]] = []
        func newGroup() -> Int {
            members.append([])
            children.append([])
            return members.count - 1
        }
        func root(_ key: RootKey) -> Int {
            if let g = rootOf[key] { return g }
            let g = newGroup()
            rootOf[key] = g
            return g
        }
        let documentKey = documentDate.map { RootKey(a: 0, y: $0.year, m: $0.month ?? 0, d: $0.day ?? 0, p: Int.max) } ?? RootKey(a: 1, y: 0, m: 0, d: 0, p: 0)
        let documentGroup = root(documentKey)

        var group = [Int](repeating: -1, count: count)
        var visiting = [Bool](repeating: false, count: count)
        for first in 0..<count where group[first] < 0 {
            var stack = [first]
            while let i = stack.last {
                if group[i] >= 0 { stack.removeLast(); continue }
                if let d = date(i) {
                    group[i] = root(RootKey(a: 0, y: d.year, m: d.month ?? 0, d: d.day ?? 0, p: documentPosition(i)))
                } else {
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
                    let rel = relation == .before ? -1 : relation == .with ? 1 : 2
                    let key = ChildKey(parent: parent, relation: rel, position: documentPosition(i))
                    if let g = childOf[key] {
                        group[i] = g
                    } else {
                        let g = newGroup()
                        childOf[key] = g
                        children[parent].append((rel, key.position, g))
                        group[i] = g
                    }
                }
                members[group[i]].append(i)
                visiting[i] = false
                stack.removeLast()
            }
        }

        // Walk the tree: a group's "before" children, its events, "with", "after".
        enum Step { case visit(Int), emit(Int) }
        var out: [Int] = []
        out.reserveCapacity(count)
        var steps: [Step] = rootOf.sorted { $0.key < $1.key }.reversed().map { .visit($0.value) }
        while let step = steps.popLast() {
            switch step {
            case .emit(let g):
                out += members[g].count > 1 ? members[g].sorted { id($0) < id($1) } : members[g]
            case .visit(let g):
                let kids = children[g].sorted { ($0.relation, $0.position) < ($1.relation, $1.position) }
                // Pushed in reverse: what is shown first is popped first.
                for k in kids.reversed() where k.relation > 0 { steps.append(.visit(k.group)) }
                steps.append(.emit(g))
                for k in kids.reversed() where k.relation < 0 { steps.append(.visit(k.group)) }
            }
        }
        return out
    }
}
