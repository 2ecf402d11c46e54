/// Two records that are one, made one. Each definition of the record that goes is
/// folded into the kept record's definition in the same file, or, in a file that does
/// not define the kept record, becomes a definition of it there: quotes never leave
/// their file, so they keep their documents. The joined fields follow the rules of a
/// record defined in several datasets (`FieldList.merge`): a field the two must agree
/// on is the kept record's, or the other's where the kept one has none; lists are
/// combined.
extension EditSession {
    public func merge(_ gone: RecordKey, into kept: RecordKey) throws(EditRefusal) -> Edit {
        let list = kept.list
        guard gone.list == list else {
            throw EditRefusal("a \(gone.list.noun) cannot be merged into a \(list.noun): merge two partners, two deals or two events")
        }
        guard gone.id != kept.id else { throw EditRefusal("\(kept) cannot be merged into itself: choose another \(list.noun)") }
        var w = RecordRewrite(files)
        let goneDefs = w.definitions(of: gone), keptDefs = w.definitions(of: kept)
        guard !goneDefs.isEmpty else { throw EditRefusal("no \(gone)") }
        guard !keptDefs.isEmpty else { throw EditRefusal("no \(kept)") }
        let keptRecords = keptDefs.map(w.record), goneRecords = goneDefs.map(w.record)

        var agreed: [String: JSONTree] = [:]
        for (key, merge) in list.fieldMerges where merge == .agree && key != "id" {
            agreed[key] = (keptRecords + goneRecords).lazy.compactMap { $0[key] }.first { !JSONTree.isNone($0) }
        }
        let keptName = TextFolding.fold(agreed["name"]?.string ?? "")
        for (g, goneRecord) in zip(goneDefs, goneRecords) {
            if let k = keptDefs.first(where: { $0.file == g.file }) {
                let docs = documents(ofFile: g.file) ?? [:], first = files[g.file].documentIDs.first
                w.update(k) { Self.fold(goneRecord, into: &$0, list: list, agreed: agreed, same: { Self.sameQuote($0, $1, docs, first) }) }
                w.remove(g)
            } else {
                w.update(g) { Self.rename(&$0, to: kept.id, list: list, agreed: agreed) }
            }
            if list == .partners {
                // Its name first, then its aliases, after the kept record's own.
                let k = keptDefs.firstIndex { $0.file == g.file }
                let names = (k.map { keptRecords[$0][strings: "aliases"] } ?? []) + [goneRecord["name"]?.string ?? ""] + goneRecord[strings: "aliases"]
                w.update(k.map { keptDefs[$0] } ?? g) { $0[strings: "aliases"] = Self.distinctNames(names, besides: keptName) }
            }
        }
        if list == .events, agreed["date"] != nil {
            // A dated event has no `order`: the date, a fact, places it.
            for p in w.definitions(of: kept) { w.update(p) { $0["order"] = nil } }
        }
        if list == .deals {
            let dealDefs = w.definitions(of: kept)
            let partners = dealDefs.flatMap { w.record($0)["parties"]?.items ?? [] }.compactMap { $0["partner"]?.string }.uniqued()
            for p in partners {
                let role = Self.role(keptRecords.map { Self.roles(of: p, in: $0) }, goneRecords.map { Self.roles(of: p, in: $0) })
                for d in dealDefs { w.update(d) { Self.setParty(p, role: role, in: &$0, replacing: p) } }
            }
        }
        Self.follow(gone.id, to: kept.id, list: list, in: &w)
        try Self.checkNotSelfReferring(kept, in: w)
        return Edit("merge \(gone) into \(kept)", w.changes)
    }

    /// One line for the confirmation prompt: whose names, quotes and references follow.
    public func mergeSummary(_ gone: RecordKey, into kept: RecordKey) -> String {
        let c = catalog
        let heading = { (key: RecordKey) -> String in
            switch key.list {
            case .partners: c.partner(id: key.id)?.name ?? key.id
            case .deals: c.deal(id: key.id)?.title ?? key.id
            case .events: c.event(id: key.id)?.title ?? key.id
            }
        }
        var what: [String] = []
        var follow: [(Int, String)] = []
        switch gone.list {
        case .partners:
            if let p = c.partner(id: gone.id) {
                let k = TextFolding.fold(heading(kept))
                let names = Self.distinctNames([p.name] + p.aliases, besides: k)
                if !names.isEmpty { what.append(names.count == 1 ? "its name becomes an alias" : "its \(names.count) names become aliases") }
                let index = c.partnerIndex(id: gone.id)
                // Deals naming both keep one party: the roles of the one that goes go.
                if let g = index, let k = c.partnerIndex(id: kept.id) {
                    let both = Set(c.dealsOfPartner[g]).intersection(c.dealsOfPartner[k]).count
                    if both > 0 { what.append("\(Self.count(both, "deal")) naming both \(both == 1 ? "keeps" : "keep") one party (its role there goes)") }
                }
                follow = [(index.map { c.dealsOfPartner[$0].count } ?? 0, "deal"),
                          ((0..<c.events.count).count { c.events[$0].partners.contains(gone.id) }, "event")]
            }
        case .deals:
            if let d = c.dealIndex(id: gone.id) {
                what.append("its \(Self.count(c.deals[d].evidence.count, "quote")) join")
                // What the kept deal says already wins: said, so nothing goes unnoticed.
                if let k = c.dealIndex(id: kept.id) {
                    let (a, b) = (c.deals[d], c.deals[k])
                    var lost: [String] = []
                    if a.kind != b.kind { lost.append("kind \(a.kind.rawValue)") }
                    if a.status != b.status { lost.append("status \(a.status.rawValue)") }
                    if let x = a.date, b.date != nil, x != b.date { lost.append("date \(x.display)") }
                    if let x = a.value, b.value != nil, x != b.value { lost.append("value \(x.compact)") }
                    if !lost.isEmpty { what.append("its " + lost.joined(separator: ", ") + (lost.count == 1 ? " goes" : " go") + " (the kept deal's stay)") }
                }
                follow = [(c.eventsOfDeal[d].count, "event"), ((0..<c.deals.count).count { c.deals[$0].amends == gone.id }, "deal")]
            }
        case .events:
            if let e = c.event(id: gone.id) {
                what.append("its \(Self.count(e.evidence.count, "quote")) join")
                follow = [((0..<c.events.count).count { c.events[$0].order?.anchor == gone.id }, "event")]
            }
        }
        let moving = follow.filter { $0.0 > 0 }.map { Self.count($0.0, $0.1) }
        if !moving.isEmpty {
            let many = moving.count > 1 || follow.first { $0.0 > 0 }!.0 > 1
            what.append(moving.joined(separator: " and ") + (many ? " follow" : " follows"))
        }
        return "\"\(heading(gone))\" into \"\(heading(kept))\"" + (what.isEmpty ? "" : ": " + what.joined(separator: ", "))
    }

    // MARK: Folding one definition into another

    /// `gone`'s definition joined into `kept`'s, of the same file.
    static func fold(_ gone: JSONTree, into kept: inout JSONTree, list: RecordList, agreed: [String: JSONTree], same: (JSONTree, JSONTree) -> Bool) {
        for (key, merge) in list.fieldMerges where key != "id" {
            switch merge {
            case .anyDraft: break  // the merged record is a draft only if the kept one was
            case .agree:
                if JSONTree.isNone(kept[key]), !JSONTree.isNone(gone[key]) { kept[key] = agreed[key] }
            case .combine:
                guard let extra = gone[key]?.items, !extra.isEmpty else { continue }
                var items = kept[key]?.items ?? []
                for item in extra {
                    switch (key, item) {
                    case ("parties", _): if !items.contains(where: { $0["partner"] == item["partner"] }) { items.append(item) }
                    case ("evidence", _): if !items.contains(where: { same($0, item) }) { items.append(item) }
                    case (_, .object):  // a partner's product: one named by both keeps the quotes of both
                        if let i = items.firstIndex(where: { $0["name"] == item["name"] }) {
                            var quotes = items[i]["evidence"]?.items ?? []
                            for q in item["evidence"]?.items ?? [] where !quotes.contains(where: { same($0, q) }) { quotes.append(q) }
                            items[i]["evidence"] = .array(quotes)
                        } else {
                            items.append(item)
                        }
                    default: if !items.contains(item) { items.append(item) }
                    }
                }
                kept[key] = .array(items)
            }
        }
    }

    /// A definition of the record that goes, in a file without the kept record,
    /// made a definition of the kept one: the fields both must agree on take the
    /// merged value; its draft mark goes.
    static func rename(_ r: inout JSONTree, to id: String, list: RecordList, agreed: [String: JSONTree]) {
        r["id"] = .string(id)
        for (key, merge) in list.fieldMerges where merge == .agree && key != "id" && !JSONTree.isNone(r[key]) { r[key] = agreed[key] }
        r["draft"] = nil
    }

    /// Names once each (as the partner lookup folds them), without `besides`.
    static func distinctNames(_ names: [String], besides: String) -> [String] {
        var seen: Set<String> = [besides, ""], out: [String] = []
        for n in names where seen.insert(TextFolding.fold(n)).inserted { out.append(n) }
        return out
    }

    static func sameQuote(_ a: JSONTree, _ b: JSONTree, _ docs: [String: SourceDocument], _ first: String?) -> Bool {
        if a == b { return true }
        guard let x = locate(a, in: docs, first: first), let y = locate(b, in: docs, first: first) else { return false }
        return x.0 === y.0 && x.1 == y.1
    }

    // MARK: References

    /// Every record naming `old` of `list` names `new` instead (a list naming both,
    /// once; a deal with both parties keeps one: the kept one's role, else the other's).
    static func follow(_ old: String, to new: String, list: RecordList, in w: inout RecordRewrite) {
        let rename = { (ids: [String]) in ids.map { $0 == old ? new : $0 }.uniqued() }
        switch list {
        case .partners:
            // The deals naming the partner that goes, with every definition of each.
            let deals = w.records(.deals).map(\.record)
            let naming = Set(deals.filter { !roles(of: old, in: $0).isEmpty }.compactMap { $0["id"]?.string })
            let defs = Dictionary(grouping: deals.filter { naming.contains($0["id"]?.string ?? "") }) { $0["id"]!.string! }
            let roleIn = defs.mapValues { d in role(d.map { roles(of: new, in: $0) }, d.map { roles(of: old, in: $0) }) }
            w.updateAll(.deals) { deal in
                guard let id = deal["id"]?.string, let role = roleIn[id] else { return }
                setParty(new, role: role, in: &deal, replacing: old)
                deal.changeSharedBy(rename)
            }
            w.updateAll(.events) { $0[strings: "partners"] = rename($0[strings: "partners"]) }
        case .deals:
            w.updateAll(.events) { $0[strings: "deals"] = rename($0[strings: "deals"]) }
            w.updateAll(.deals) { if $0["amends"]?.string == old { $0["amends"] = .string(new) } }
        case .events:
            w.updateAll(.events) { event in
                guard case .object(var members)? = event["order"] else { return }
                for i in members.indices where members[i].value.string == old { members[i].value = .string(new) }
                event["order"] = .object(members)
            }
        }
    }

    /// The roles a definition of a deal gives a partner (none when it is no party).
    static func roles(of partner: String, in deal: JSONTree) -> [String?] {
        (deal["parties"]?.items ?? []).filter { $0["partner"]?.string == partner }.map { $0["role"]?.string }
    }

    /// The role the kept side gives, else the one the other side gives.
    static func role(_ kept: [[String?]], _ gone: [[String?]]) -> String? {
        kept.joined().compactMap { $0 }.first ?? gone.joined().compactMap { $0 }.first
    }

    /// `partner` and `replacing` named once among a deal's parties, with `role`, at
    /// the first one's place; a deal naming neither is left alone.
    static func setParty(_ partner: String, role: String?, in deal: inout JSONTree, replacing: String) {
        var party = JSONTree.object([.init("partner", .string(partner))])
        party["role"] = role.map(JSONTree.string)
        var items: [JSONTree] = [], placed = false
        for item in deal["parties"]?.items ?? [] {
            guard let id = item["partner"]?.string, id == partner || id == replacing else { items.append(item); continue }
            if !placed { items.append(party) }
            placed = true
        }
        if placed { deal["parties"] = .array(items) }
    }

    /// A deal amending itself or an event placed by itself, once the two are one, is
    /// refused here with what to do, rather than by the loader's word for a typo.
    static func checkNotSelfReferring(_ kept: RecordKey, in w: RecordRewrite) throws(EditRefusal) {
        for p in w.definitions(of: kept) {
            let r = w.record(p)
            if kept.list == .deals, r["amends"]?.string == kept.id {
                throw EditRefusal("one of the two deals amends the other: merged, \(kept) would amend itself; remove that \"amends\" first")
            }
            if kept.list == .events, case .object(let members)? = r["order"], members.contains(where: { $0.value.string == kept.id }) {
                throw EditRefusal("one of the two events is placed by the other: merged, \(kept) would be ordered against itself; change that \"order\" first")
            }
        }
    }

    /// "1 deal", "3 deals".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
