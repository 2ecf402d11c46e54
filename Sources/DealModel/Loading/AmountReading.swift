/// A deal's `value`: each field's JSON type checked here, the rules between the
/// fields (a range's order, what needs an amount) by `Amount.problems`, which the
/// fast loader and the snapshot apply too.
extension DatasetDecoder {
    func amount(_ node: JSONNode, record: String?) -> AmountDraft? {
        if case .null = node.value { return nil }
        guard let r = ObjectReader(node, lines: lines, log: log, record: record, what: "an amount") else { return nil }
        r.checkKeys(allowed: AmountField.allCases.map(\.rawValue))
        var typesHold = true
        func number(_ key: String, in r: ObjectReader) -> Double? {
            guard let v = r.value(key) else { return nil }
            if case .number(let n) = v.value { return n }
            if case .null = v.value { return nil }
            r.problem(v, "\"\(key)\" must be a number, found \(Self.describe(v))", fix: "write the figure in units of the currency: 110 billion is 110000000000")
            typesHold = false
            return nil
        }
        func word<W: RawRepresentable<String> & CaseIterable>(_ f: AmountField, _: W.Type) -> W? {
            guard let v = r.value(f.rawValue), !v.isNull else { return nil }
            guard let s = r.string(f.rawValue), let w = Self.word(s, of: W.allCases.map(\.rawValue), field: f.rawValue, at: v, reader: r) else {
                typesHold = false
                return nil
            }
            return W(rawValue: w)
        }
        func string(_ key: String, in r: ObjectReader, required: Bool = false) -> String? {
            let s = r.string(key, required: required)
            if s == nil, let v = r.value(key), !v.isNull { typesHold = false }
            return s
        }
        let amount = number(AmountField.amount.rawValue, in: r)
        let currency = string(AmountField.currency.rawValue, in: r)
        let approximate = r.bool(AmountField.approximate.rawValue) ?? false
        let bound = word(.bound, Amount.Bound.self)
        let maximum = number(AmountField.maximum.rawValue, in: r)
        let per = word(.per, Amount.Rate.self)
        var equivalent: Amount.Equivalent?
        if let e = r.value(AmountField.equivalent.rawValue), !e.isNull {
            if let er = ObjectReader(e, lines: lines, log: log, record: record, what: "an equivalent amount") {
                er.checkKeys(allowed: EquivalentField.allCases.map(\.rawValue))
                let a = number(EquivalentField.amount.rawValue, in: er), c = string(EquivalentField.currency.rawValue, in: er, required: true)
                if a == nil && er.value(EquivalentField.amount.rawValue)?.isNull ?? true {
                    er.problem(e, "the field \"amount\" is missing", fix: "give the figure in the second currency, as the document states it")
                }
                if let a, let c { equivalent = Amount.Equivalent(amount: a, currency: c, maximum: number(EquivalentField.maximum.rawValue, in: er)) }
            }
            if equivalent == nil { typesHold = false }
        }
        let stake = number(AmountField.stake.rawValue, in: r)
        let text = r.string(AmountField.text.rawValue)
        let shared = r.references(AmountField.sharedBy.rawValue)
        guard typesHold else { return nil }
        let value = Amount(amount: amount, currency: currency, approximate: approximate, bound: bound, maximum: maximum, per: per,
                           equivalent: equivalent, stake: stake, text: text, sharedBy: shared.map(\.id))
        let problems = value.problems
        for p in problems { r.problem(p.field.flatMap { r.value($0.rawValue) } ?? node, p.message, fix: p.fix) }
        return problems.isEmpty ? AmountDraft(amount: value, sharedBy: shared) : nil
    }
}

extension JSONNode {
    var isNull: Bool { if case .null = value { true } else { false } }
}
