/// The stable layout of a saved dataset, the one `export --format json` writes: keys
/// in the order of the field declarations (a record's, a party's, an amount's, a
/// quote's…), two-space indentation, each record on lines of its own. Records keep
/// the order of their file, so one changed field changes only its record's lines.
enum DatasetLayout {
    /// Where a value stands, which says the order of its object's keys.
    enum Order {
        case asGiven, dataset, document, partner, product, deal, party, amount, equivalent, event, quote, draft

        var keys: [String] {
            switch self {
            case .asGiven: []
            case .dataset: DatasetField.allCases.map(\.rawValue)
            case .document: DocumentField.keys
            case .partner: PartnerField.keys
            case .product: ProductField.keys
            case .deal: DealField.keys
            case .party: PartyField.allCases.map(\.rawValue)
            case .amount: AmountField.allCases.map(\.rawValue)
            case .equivalent: EquivalentField.allCases.map(\.rawValue)
            case .event: EventField.keys
            case .quote: QuoteField.allCases.map(\.rawValue)
            case .draft: DraftField.allCases.map(\.rawValue)
            }
        }

        /// The order of the value under `key`.
        func inside(_ key: String) -> Order {
            switch (self, key) {
            case (.dataset, "documents"): .document
            case (.dataset, "partners"): .partner
            case (.dataset, "deals"): .deal
            case (.dataset, "events"): .event
            case (.partner, "products"): .product
            case (.deal, "parties"): .party
            case (.deal, "value"): .amount
            case (.amount, "equivalent"): .equivalent
            case (.partner, "evidence"), (.product, "evidence"), (.deal, "evidence"), (.event, "evidence"): .quote
            case (.partner, "draft"), (.product, "draft"), (.deal, "draft"), (.event, "draft"): .draft
            default: .asGiven
            }
        }

        /// Members by their key's place in the declaration (unknown keys last, as given).
        func sorted(_ members: [JSONTree.Member]) -> [JSONTree.Member] {
            let keys = self.keys
            guard !keys.isEmpty else { return members }
            let rank = { (k: String) in keys.firstIndex(of: k) ?? keys.count }
            return members.enumerated().sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }.map(\.element)
        }
    }

    /// A whole dataset file's text.
    static func text(_ root: JSONTree) -> [UInt8] {
        text(root.out(.dataset))
    }

    static func text(_ root: JSONOut) -> [UInt8] {
        var out: [UInt8] = []
        root.write(into: &out, indent: 0, pretty: true)
        out.append(0x0A)
        return out
    }

    /// A record's lines as they stand in its list in a dataset file (indented two
    /// levels): written once and kept until an edit changes the record.
    static func record(_ record: JSONTree, _ list: RecordList) -> [UInt8] {
        var out: [UInt8] = []
        record.out(list.order).write(into: &out, indent: 2, pretty: true)
        return out
    }
}
