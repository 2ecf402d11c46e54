import DealModel

/// The stable JSON shape of each record; documented in the README.
extension Catalog {
    func json(partner i: Int) -> JSONOut {
        let p = partners[i]
        return .object([
            ("id", .string(p.id)),
            ("name", .string(p.name)),
            ("aliases", .array(p.aliases.map(JSONOut.string))),
            ("products", .array(p.products.map { .string($0.name) })),
            ("deals", .array(dealsOfPartner[i].map { .string(deals[$0].id) })),
            ("counterparties", .array(counterparties(of: i).map { .string(partners[$0].id) })),
            ("note", .optional(p.note)),
            ("evidence", evidenceJSON(p.evidence)),
        ])
    }

    func json(deal i: Int) -> JSONOut {
        let d = deals[i]
        return .object([
            ("id", .string(d.id)),
            ("title", .string(d.title)),
            ("kind", .string(d.kind.rawValue)),
            ("status", .string(d.status.rawValue)),
            ("parties", .array(d.parties.map { .object([("partner", .string($0.partner)), ("role", .optional($0.role))]) })),
            ("date", .optional(d.date?.iso)),
            ("dateApproximate", .bool(d.date?.approximate ?? false)),
            ("value", d.value.map(amountJSON) ?? .null),
            ("amends", .optional(d.amends)),
            ("products", .array(d.products.map(JSONOut.string))),
            ("events", .array(eventsOfDeal[i].map { .string(events[$0].id) })),
            ("note", .optional(d.note)),
            ("evidence", evidenceJSON(d.evidence)),
        ])
    }

    func json(event i: Int) -> JSONOut {
        let e = events[i]
        return .object([
            ("id", .string(e.id)),
            ("title", .string(e.title)),
            ("date", .optional(e.date?.iso)),
            ("dateApproximate", .bool(e.date?.approximate ?? false)),
            ("order", e.order.map { .object([("relation", .string($0.relation.rawValue)), ("anchor", .string($0.anchor))]) } ?? .null),
            ("position", .int(i + 1)),
            ("deals", .array(dealsOfEvent[i].map { .string(deals[$0].id) })),
            ("partners", .array(partnersOfEvent[i].map { .string(partners[$0].id) })),
            ("note", .optional(e.note)),
            ("evidence", evidenceJSON(e.evidence)),
        ])
    }

    func amountJSON(_ a: Amount) -> JSONOut {
        .object([
            ("amount", .number(a.amount)),
            ("currency", .string(a.currency)),
            ("approximate", .bool(a.approximate)),
            ("text", .optional(a.text)),
            ("sharedBy", .array(a.sharedBy.map(JSONOut.string))),
        ])
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

    /// The whole catalog, for `export --format json`.
    func exportJSON() -> JSONOut {
        .object([
            ("dealscope", .int(1)),
            ("title", .optional(title)),
            ("documents", .array(documents.map { d in
                .object([("id", .string(d.id)), ("path", .string(d.path)), ("title", .optional(d.title)), ("date", .optional(d.date?.iso))])
            })),
            ("partners", .array(partners.indices.map { json(partner: $0) })),
            ("deals", .array(deals.indices.map { json(deal: $0) })),
            ("events", .array(events.indices.map { json(event: $0) })),
        ])
    }
}
