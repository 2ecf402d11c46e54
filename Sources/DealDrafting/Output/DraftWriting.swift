import DealModel

/// Drafts as datasets of the data format: each `ArticleDraft` becomes the JSON of one
/// dataset (its document and records, field by field from the model's declarations),
/// and that JSON is loaded by DealModel's own loader, so that a draft is checked as any
/// dataset is and becomes a `Catalog` that the explorer opens and `DatasetWriter`
/// writes in its stable layout.
public enum DraftDataset {
    /// The dataset of `draft`; its document's path is written relative to `directory`
    /// (where the dataset goes, or whence it is loaded).
    public static func json(_ draft: ArticleDraft, title: String? = nil, directory: String) -> JSONOut {
        var top: [(String, JSONOut)] = []
        for f in DatasetField.allCases {
            switch f {
            case .dealscope: top.append((f.rawValue, .int(1)))
            case .title: if let title { top.append((f.rawValue, .string(title))) }
            case .documents: top.append((f.rawValue, .array([document(draft.document, directory: directory)])))
            case .partners: top.append((f.rawValue, .array(draft.partners.map(partner))))
            case .deals: top.append((f.rawValue, .array(draft.deals.map(deal))))
            case .events: top.append((f.rawValue, .array(draft.events.map(event))))
            case .schema: break
            }
        }
        return .object(top)
    }

    /// The draft loaded as a dataset read from `directory` (where its article is): the
    /// catalog, or the loader's problems, which would be the drafter's mistakes. The
    /// catalog's file is named "ARTICLE (draft)": it is no file on disk.
    public static func catalog(_ draft: ArticleDraft, title: String? = nil, directory: String) -> (Catalog?, [DataProblem]) {
        let text = json(draft, title: title, directory: directory).render()
        let file = (draft.document.path ?? draft.document.id) + Catalog.unsavedSuffix
        return DatasetLoader.check(json: Array(text.utf8), file: file, directory: directory)
    }

    /// The document ids of articles drafted together, in order: each file's name
    /// without `.txt`, as a slug, made unique ("deal", "deal-2"). Known before
    /// drafting, so that a caller can check where the datasets will go.
    public static func documentIDs(paths: [String?]) -> [String] {
        var ids = IDAllocator()
        return paths.map { path in
            let base = path.map { Files.baseName($0) }.map { name in
                name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
            } ?? "article"
            return ids.take(Slug.of(base))
        }
    }

    private static func document(_ d: DraftDocument, directory: String) -> JSONOut {
        record(DocumentField.self) { f in
            switch f {
            case .id: .string(d.id)
            case .path: .string(FilePaths.relative(d.path ?? d.id + ".txt", from: directory))
            case .title: d.title.map(JSONOut.string)
            case .publisher: d.publisher.map(JSONOut.string)
            case .url: d.url.map(JSONOut.string)
            case .date: d.date.map { .string($0.formatted) }
            }
        }
    }

    private static func partner(_ p: DraftPartner) -> JSONOut {
        record(PartnerField.self) { f in
            switch f {
            case .id: .string(p.id)
            case .name: .string(p.name)
            case .aliases: texts(p.aliases)
            case .products: p.products.isEmpty ? nil : .array(p.products.map(product))
            case .note: p.note.map(JSONOut.string)
            case .evidence: quotes(p.evidence)
            case .draft: mark(p.draft)
            }
        }
    }

    private static func product(_ p: DraftProduct) -> JSONOut {
        record(ProductField.self) { f in
            switch f {
            case .name: .string(p.name)
            case .evidence: quotes(p.evidence)
            case .draft: mark(p.draft)
            }
        }
    }

    private static func deal(_ d: DraftDeal) -> JSONOut {
        record(DealField.self) { f in
            switch f {
            case .id: .string(d.id)
            case .title: .string(d.title)
            case .kind: .string(d.kind.rawValue)
            case .status: .string(d.status.rawValue)
            case .parties: .array(d.parties.map { p in .object([(PartyField.partner.rawValue, .string(p.partner)), (PartyField.role.rawValue, .string(p.role))]) })
            case .date: d.date.map { .string($0.formatted) }
            case .value: d.value.map(amount)
            case .amends: d.amends.map(JSONOut.string)
            case .products: texts(d.products)
            case .note: d.note.map(JSONOut.string)
            case .evidence: quotes(d.evidence)
            case .draft: mark(d.draft)
            }
        }
    }

    private static func event(_ e: DraftEvent) -> JSONOut {
        record(EventField.self) { f in
            switch f {
            case .id: .string(e.id)
            case .title: .string(e.title)
            case .date: e.date.map { .string($0.formatted) }
            case .order: e.order.map { .object([($0.relation.rawValue, .string($0.anchor))]) }
            case .deals: texts(e.deals)
            case .partners: texts(e.partners)
            case .note: e.note.map(JSONOut.string)
            case .evidence: quotes(e.evidence)
            case .draft: mark(e.draft)
            }
        }
    }

    private static func amount(_ a: DraftAmount) -> JSONOut {
        record(AmountField.self) { f in
            switch f {
            case .amount: a.amount.map(JSONOut.number)
            case .currency: a.currency.map(JSONOut.string)
            case .approximate: a.approximate ? .bool(true) : nil
            case .bound: a.bound.map { .string($0.rawValue) }
            case .maximum: a.maximum.map(JSONOut.number)
            case .per: a.per.map { .string($0.rawValue) }
            case .equivalent:
                a.equivalent.map { e in
                    record(EquivalentField.self) { g in
                        switch g {
                        case .amount: .number(e.amount)
                        case .currency: .string(e.currency)
                        case .maximum: e.maximum.map(JSONOut.number)
                        }
                    }
                }
            case .stake: a.stake.map(JSONOut.number)
            case .text: a.text.map(JSONOut.string)
            case .sharedBy: texts(a.sharedBy)
            }
        }
    }

    private static func quotes(_ q: [DraftQuote]) -> JSONOut {
        .array(q.map { q in
            .object([(QuoteField.text.rawValue, .string(q.text)), (QuoteField.document.rawValue, .string(q.document))]
                    + (q.occurrence.map { [(QuoteField.occurrence.rawValue, JSONOut.int($0))] } ?? []))
        })
    }

    private static func mark(_ m: DraftMark) -> JSONOut {
        .object([(DraftField.rule.rawValue, .string(m.rule)), (DraftField.matched.rawValue, .string(m.matched))])
    }

    private static func texts(_ list: [String]) -> JSONOut? { list.isEmpty ? nil : .array(list.map(JSONOut.string)) }

    /// One record: the fields of its declaration that have a value, in order.
    private static func record<F: CaseIterable>(_: F.Type, _ value: (F) -> JSONOut?) -> JSONOut where F: RawRepresentable<String> {
        .object(F.allCases.compactMap { f in value(f).map { (f.rawValue, $0) } })
    }
}
