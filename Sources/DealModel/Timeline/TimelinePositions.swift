extension TimelineOrder {
    /// The same order as the keys described in `sort` give, for events given by
    /// position: returns positions in timeline order, or nil when the `order`
    /// references form a cycle. `link(i)` is an event's order relation and anchor
    /// position (nil: its document); `document(i)` the position in `documentDates` of
    /// the document of its first quote. Each document is an anchor at its date.
    ///
    /// Comparing keys directly would make a chain of a million "after"s a million keys
    /// of up to a million numbers each. Instead events with the same key form a group,
    /// an undated event's group is a child of its anchor's group (by relation and
    /// document position), and the order is a walk of that tree: a group's "before"
    /// children, its own events by id, then its "with" and "after" children, children
    /// by document position. Linear in space, no recursion.
    static func sortPositions(count: Int, date: (Int) -> PartialDate?, link: (Int) -> (EventOrder.Relation, Int?)?,
                              documentPosition: (Int) -> Int, id: (Int) -> String,
                              document: (Int) -> Int, documentDates: [PartialDate?]) -> [Int]? {
        // Groups: dated events with the same date and position share one; the document
        // is one; an undated event's group hangs under its anchor's. Group numbers are
        // given as events are placed; members and children are gathered at the end.
        struct ChildKey: Hashable {
            var parent: Int32, relation: Int8, position: Int
        }
        // Dated events first: sorted by their key, equal keys one group.
        let dated = datedOrder(count: count, date: date, documentPosition: documentPosition, documentDates: documentDates)
        if dated.events.count == count {
            // Every event dated: no group has children, and the walk below comes down
            // to the keys' order, equal keys by id.
            var out: [Int] = []
            out.reserveCapacity(count)
            var k = 0
            while k < count {
                var j = k + 1
                while j < count && !dated.newKey[j] { j += 1 }
                if j - k == 1 { out.append(Int(dated.events[k])) } else { out += dated.events[k..<j].map { Int($0) }.sorted { id($0) < id($1) } }
                k = j
            }
            return out
        }
        var group = [Int32](repeating: -1, count: count)
        var groups = 0
        // Root groups in order (the documents' among them), by their keys.
        var roots: [Int32] = []
        var documentGroup = [Int32](repeating: -1, count: max(1, documentDates.count))
        var nextDocument = 0
        func placeDocuments(before k: Int) {
            while nextDocument < dated.documents.count && dated.documents[nextDocument].before <= k {
                documentGroup[dated.documents[nextDocument].document] = Int32(groups)
                roots.append(Int32(groups))
                groups += 1
                nextDocument += 1
            }
        }
        for k in dated.events.indices {
            placeDocuments(before: k)
            if k == 0 || dated.newKey[k] {
                roots.append(Int32(groups))
                groups += 1
            }
            group[Int(dated.events[k])] = Int32(groups - 1)
        }
        placeDocuments(before: Int.max)
        if documentGroup[0] < 0 { documentGroup[0] = Int32(groups); roots.append(Int32(groups)); groups += 1 }

        // Undated events, anchors first (an explicit stack; a cycle ends it).
        var childOf: [ChildKey: Int32] = [:]
        childOf.reserveCapacity(count - dated.events.count)
        var stack: [Int] = []
        var edges: [(parent: Int32, relation: Int8, position: Int, child: Int32)] = []
        var visiting = [Bool](repeating: false, count: count)
        for first in 0..<count where group[first] < 0 {
            stack.append(first)
            while let i = stack.last {
                if group[i] >= 0 { stack.removeLast(); continue }
                let (relation, target) = link(i) ?? (.before, nil)
                let d = document(i)
                var parent = documentGroup[d >= 0 && d < documentGroup.count ? d : 0]
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
                if m.count == 1 { out.append(m[0]) } else if m.count > 1 { out += m.sorted { id($0) < id($1) } }
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

    /// Dated events sorted by key (year, period, day, document position), equal keys in
    /// event order: `newKey[k]` when the k-th one's key differs from the one before;
    /// the documents in the order of their anchors, each with the first dated event
    /// whose key is above its own (`Int.max`: none is, or the document has no date).
    struct DatedOrder {
        var events: [Int32] = []
        var newKey: [Bool] = []
        var documents: [(document: Int, before: Int)] = []
    }

    static func datedOrder(count: Int, date: (Int) -> PartialDate?, documentPosition: (Int) -> Int,
                           documentDates: [PartialDate?]) -> DatedOrder {
        // A day as one number keeps the order of (year, period, day) (see
        // `PartialDate.orderKey`); positions below 2³² - 1 fit beside it in 64 bits, and
        // a document's key takes the position above them all.
        func day(_ d: PartialDate) -> UInt64? {
            guard (0...400_000).contains(d.year) else { return nil }
            return UInt64(d.orderKey)
        }
        var items: [RadixSort.Item] = []
        var packable = documentDates.allSatisfy { $0.map { day($0) != nil } ?? true }
        for i in 0..<count where packable {
            guard let d = date(i) else { continue }
            let p = documentPosition(i)
            guard let dd = day(d), p >= 0, p < Int(UInt32.max) else { packable = false; break }
            items.append(RadixSort.Item(key: dd << 32 | UInt64(p), value: UInt32(i)))
        }
        var out = DatedOrder()
        if packable {
            RadixSort.sort(&items)
            out.events.reserveCapacity(items.count)
            out.newKey.reserveCapacity(items.count)
            for (k, item) in items.enumerated() {
                out.events.append(Int32(item.value))
                out.newKey.append(k > 0 && items[k - 1].key != item.key)
            }
            out.documents = documentSlots(documentDates, count: items.count) { key in
                let documentKey = day(key)! << 32 | UInt64(UInt32.max)
                return firstAbove(items.count) { items[$0].key > documentKey }
            }
            return out
        }
        // Keys out of those ranges: compared as tuples.
        let dated = (0..<count).compactMap { i in date(i).map { (key: (0, $0.year, $0.periodKey, $0.day ?? 0, documentPosition(i)), event: i) } }
            .sorted { $0.key < $1.key }
        for (k, e) in dated.enumerated() {
            out.events.append(Int32(e.event))
            out.newKey.append(k > 0 && dated[k - 1].key != e.key)
        }
        out.documents = documentSlots(documentDates, count: dated.count) { d in
            let documentKey = (0, d.year, d.periodKey, d.day ?? 0, Int.max)
            return firstAbove(dated.count) { dated[$0].key > documentKey }
        }
        return out
    }

    /// Documents in the order of their anchors: dated ones by date (and then as
    /// given), each before the first dated event above it (`before(date)`), then the
    /// undated ones as given.
    private static func documentSlots(_ dates: [PartialDate?], count: Int, before: (PartialDate) -> Int) -> [(document: Int, before: Int)] {
        let dated = dates.indices.compactMap { k in dates[k].map { (document: k, date: $0) } }
            .sorted { ($0.date.orderKey, $0.document) < ($1.date.orderKey, $1.document) }
        let slots = dated.map { (document: $0.document, before: before($0.date)) }
        return slots.map { (document: $0.document, before: $0.before >= count ? Int.max : $0.before) }
            + dates.indices.filter { dates[$0] == nil }.map { (document: $0, before: Int.max) }
    }

    /// The first position below `count` for which `above` holds, `above` being false
    /// then true along the positions (`count` when it never holds).
    private static func firstAbove(_ count: Int, _ above: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if above(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
