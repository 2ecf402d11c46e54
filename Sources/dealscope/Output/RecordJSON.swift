import DealModel

/// The stable JSON shape of each record in the listings (`--json`), documented in
/// the README: the fields of the record's declaration in their order, each in its
/// listing form, with what the listings add (a partner's deals and counterparties, a
/// deal's events, an event's position and its deals' and partners' links, each
/// quote's place and sentence).
extension Catalog {
    func json(partner i: Int) -> JSONOut {
        let p = partners[i]
        return listing(p.value, after: [.products: [
            ("deals", .array(dealsOfPartner[i].map { .string(deals.id($0)) })),
            ("counterparties", .array(counterparties(of: i).map { .string(partners[$0].id) })),
        ]])
    }

    func json(deal i: Int) -> JSONOut {
        let d = deals[i]
        return listing(d.value, after: [.products: [("events", .array(eventsOfDeal[i].map { .string(events.id($0)) }))]])
    }

    func json(event i: Int) -> JSONOut {
        let e = events[i]
        return listing(e.value, instead: [
            .deals: [("deals", .array(dealsOfEvent[i].map { .string(deals.id($0)) }))],
            .partners: [("partners", .array(partnersOfEvent[i].map { .string(partners[$0].id) }))],
        ], after: [.order: [("position", .int(i + 1))]])
    }

    /// A record's fields in declaration order; `instead` replaces a field's members
    /// with derived ones, `after` adds members after a field.
    private func listing<F: FieldList>(_ value: (F) -> FieldValue?, instead: [F: [(String, JSONOut)]] = [:],
                                       after: [F: [(String, JSONOut)]] = [:]) -> JSONOut {
        var members: [(String, JSONOut)] = []
        for f in F.allCases {
            members += instead[f] ?? listing(f.key, value(f), kind: f.kind)
            members += after[f] ?? []
        }
        return .object(members)
    }

    /// One field in its listing form; an absent one is null, or an empty list.
    private func listing(_ key: String, _ v: FieldValue?, kind: FieldKind) -> [(String, JSONOut)] {
        switch v {
        case .text(let s)?: return [(key, .string(s))]
        case .texts(let list)?: return [(key, .array(list.map(JSONOut.string)))]
        case .date(let d)?: return [(key, .string(d.iso)), (key + "Approximate", .bool(d.approximate))]
        case .amount(let a)?: return [(key, amountJSON(a))]
        case .parties(let parties)?:
            return [(key, .array(parties.map { .object([(PartyField.partner.rawValue, .string($0.partner)), (PartyField.role.rawValue, .optional($0.role))]) }))]
        case .order(let o)?: return [(key, .object([("relation", .string(o.relation.rawValue)), ("anchor", .string(o.anchor))]))]
        case .products(let products)?: return [(key, .array(products.map { .string($0.name) }))]
        case .evidence(let evidence)?: return [(key, evidenceJSON(evidence))]
        case .draft(let d)?: return [(key, .object([(DraftField.rule.rawValue, .string(d.rule)), (DraftField.matched.rawValue, .string(d.matched))]))]
        case nil:
            switch kind {
            case .texts, .references, .products, .parties, .evidence: return [(key, .array([]))]
            case .date: return [(key, .null), (key + "Approximate", .bool(false))]
            default: return [(key, .null)]
            }
        }
    }

    /// Every field of the amount, absent ones as null.
    func amountJSON(_ a: Amount) -> JSONOut {
        .object(AmountField.allCases.map { f in
            let v: JSONOut
            switch f {
            case .amount: v = a.amount.map(JSONOut.number) ?? .null
            case .currency: v = .optional(a.currency)
            case .approximate: v = .bool(a.approximate)
            case .bound: v = .optional(a.bound?.rawValue)
            case .maximum: v = a.maximum.map(JSONOut.number) ?? .null
            case .per: v = .optional(a.per?.rawValue)
            case .equivalent:
                v = a.equivalent.map { e in
                    .object(EquivalentField.allCases.map { g in
                        switch g {
                        case .amount: (g.rawValue, .number(e.amount))
                        case .currency: (g.rawValue, .string(e.currency))
                        case .maximum: (g.rawValue, e.maximum.map(JSONOut.number) ?? .null)
                        }
                    })
                } ?? .null
            case .stake: v = a.stake.map(JSONOut.number) ?? .null
            case .text: v = .optional(a.text)
            case .sharedBy: v = .array(a.sharedBy.map(JSONOut.string))
            }
            return (f.rawValue, v)
        })
    }

    func evidenceJSON(_ evidence: [Evidence]) -> JSONOut {
        .array(evidence.map { e in
            let chars = e.characterRange
            return .object([
                ("quote", .string(String(e.matchedText))),
                ("document", .string(e.document.id)),
                ("paragraph", .int(e.paragraph + 1)),
                ("sentence", .int(e.sentenceInParagraph + 1)),
                ("start", .int(chars.lowerBound)),
                ("end", .int(chars.upperBound)),
                ("sentenceText", .string(String(e.sentenceText))),
            ])
        })
    }
}
