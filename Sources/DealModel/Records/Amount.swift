/// A sum of money, or a stake, exactly as the document states it: a figure, a bound
/// ("up to"), a range, a rate ("a year"), the same sum in a second currency, a share
/// of a company.
public struct Amount: Hashable, Sendable {
    public enum Bound: String, Sendable, CaseIterable {
        case atMost = "at-most", atLeast = "at-least"
    }

    public enum Rate: String, Sendable, CaseIterable {
        case year, quarter, month
    }

    /// The same value in a second currency, as the document gives it.
    public struct Equivalent: Hashable, Sendable {
        public let amount: Double
        public let currency: String
        public let maximum: Double?

        public init(amount: Double, currency: String, maximum: Double? = nil) {
            self.amount = amount
            self.currency = currency
            self.maximum = maximum
        }
    }

    /// In units of the currency; nil for a stake alone.
    public var amount: Double? { hasFigure ? figure : nil }
    /// ISO 4217 code, such as "USD"; given with `amount`.
    public let currency: String?
    /// The document hedges it ("roughly", "about").
    public let approximate: Bool
    private let hasFigure: Bool
    private let figure: Double
    /// The words the document uses, such as "roughly 110 billion dollars".
    public let text: String?
    /// Partner ids whose amounts together make this total; empty when it is one party's.
    public let sharedBy: [String]
    /// What few amounts have, out of line: an amount is 64 bytes rather than 136, and
    /// a million deals store a third of a million amounts.
    private let details: Details?

    public var bound: Bound? { details?.bound }
    /// The top of a range ("between 2 and 3 billion").
    public var maximum: Double? { details?.maximum }
    public var per: Rate? { details?.per }
    public var equivalent: Equivalent? { details?.equivalent }
    /// A share of a company, in per cent.
    public var stake: Double? { details?.stake }

    private final class Details: Hashable, Sendable {
        let bound: Bound?
        let maximum: Double?
        let per: Rate?
        let equivalent: Equivalent?
        let stake: Double?

        init(bound: Bound?, maximum: Double?, per: Rate?, equivalent: Equivalent?, stake: Double?) {
            self.bound = bound
            self.maximum = maximum
            self.per = per
            self.equivalent = equivalent
            self.stake = stake
        }

        static func == (a: Details, b: Details) -> Bool {
            a.bound == b.bound && a.maximum == b.maximum && a.per == b.per && a.equivalent == b.equivalent && a.stake == b.stake
        }

        func hash(into h: inout Hasher) {
            h.combine(bound)
            h.combine(maximum)
            h.combine(per)
            h.combine(equivalent)
            h.combine(stake)
        }
    }

    public init(amount: Double?, currency: String?, approximate: Bool = false, bound: Bound? = nil, maximum: Double? = nil, per: Rate? = nil,
                equivalent: Equivalent? = nil, stake: Double? = nil, text: String? = nil, sharedBy: [String] = []) {
        hasFigure = amount != nil
        figure = amount ?? 0
        self.currency = currency
        self.approximate = approximate
        self.text = text
        self.sharedBy = sharedBy
        let plain = bound == nil && maximum == nil && per == nil && equivalent == nil && stake == nil
        details = plain ? nil : Details(bound: bound, maximum: maximum, per: per, equivalent: equivalent, stake: stake)
    }

    public var isShared: Bool { !sharedBy.isEmpty }

    /// "≈110bn USD", "≤10bn USD", "2–3bn USD", "10bn USD/yr", "12bn USD (9.5bn GBP)",
    /// "7% stake": the one form of an amount, in the explorer, the listings, `show`
    /// and the exports alike.
    public var compact: String {
        var parts: [String] = []
        if let amount, let currency {
            var s = bound == .atMost ? "≤" : bound == .atLeast ? "≥" : ""
            s += Self.figure(amount, maximum) + " " + currency
            if let per { s += "/" + (per == .year ? "yr" : per == .quarter ? "qtr" : "mo") }
            if let e = equivalent { s += " (" + Self.figure(e.amount, e.maximum) + " " + e.currency + ")" }
            parts.append(s)
        }
        if let stake { parts.append(Self.percent(stake) + " stake") }
        return (approximate ? "≈" : "") + parts.joined(separator: " · ")
    }

    /// `compact` with " Σ" when it is the total of several parties: a list's value cell.
    public var listed: String { compact + (isShared ? " Σ" : "") }

    /// "110bn", "2–3bn", "500m–2bn".
    private static func figure(_ low: Double, _ high: Double?) -> String {
        let (a, unitA) = scaled(low)
        guard let high else { return a + unitA }
        let (b, unitB) = scaled(high)
        if unitA == unitB { return a + "–" + b + unitB }
        return a + unitA + "–" + b + unitB
    }

    private static func scaled(_ amount: Double) -> (String, String) {
        let (scaled, unit): (Double, String) =
            amount >= 1e12 ? (amount / 1e12, "tn")
            : amount >= 1e9 ? (amount / 1e9, "bn")
            : amount >= 1e6 ? (amount / 1e6, "m")
            : (amount, "")
        return (number(scaled, decimals: 1), unit)
    }

    private static func percent(_ p: Double) -> String { number(p, decimals: 2) + "%" }

    /// A whole number as such, otherwise rounded to `decimals` places.
    private static func number(_ v: Double, decimals: Int) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        let f = decimals == 1 ? 10.0 : 100.0
        let r = (v * f).rounded() / f
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }
}

/// The fields of an amount, in the order a dataset writes them.
public enum AmountField: String, CaseIterable, Sendable {
    case amount, currency, approximate, bound, maximum, per, equivalent, stake, text, sharedBy
}

/// The fields of an amount's `equivalent`.
public enum EquivalentField: String, CaseIterable, Sendable {
    case amount, currency, maximum
}

extension Amount {
    /// Something wrong with an amount's values (its JSON types are the reader's to
    /// check), with the field it is about (nil: the amount as a whole).
    struct Problem: Equatable {
        let field: AmountField?
        let message: String
        let fix: String
    }

    /// The rules every amount obeys, whichever way it was read (dataset, snapshot).
    var problems: [Problem] {
        // Nearly every amount: a figure in a currency, nothing more (checked at once).
        if details == nil, hasFigure, Self.isFigure(figure), let currency, Self.isCurrency(currency) { return [] }
        var out: [Problem] = []
        func add(_ f: AmountField?, _ m: String, _ fix: String) { out.append(Problem(field: f, message: m, fix: fix)) }
        func needsAmount(_ f: AmountField) { add(f, "\"\(f.rawValue)\" needs an \"amount\"", "give the figure the document states, or remove \"\(f.rawValue)\"") }
        let figureFix = "write the figure in units of the currency: 110 billion is 110000000000"
        if let amount {
            if !Self.isFigure(amount) { add(.amount, "\"amount\" must be a non-negative number, found \(Self.describe(amount))", figureFix) }
            if currency == nil { add(.currency, "the field \"currency\" is missing", "add the ISO 4217 code, such as \"currency\": \"USD\"") }
        } else if stake == nil {
            add(nil, "the field \"amount\" is missing", "give the figure the document states (or \"stake\" for a share), or set \"value\": null when it states none")
        }
        if let currency {
            if !Self.isCurrency(currency) { add(.currency, "\"\(currency)\" is not an ISO 4217 currency code", "use three capital letters, such as USD or EUR") }
            if amount == nil { needsAmount(.currency) }
        }
        if bound != nil && amount == nil { needsAmount(.bound) }
        if let maximum {
            if !Self.isFigure(maximum) { add(.maximum, "\"maximum\" must be a non-negative number, found \(Self.describe(maximum))", figureFix) }
            if let amount, maximum < amount {
                add(.maximum, "\"maximum\" (\(Self.describe(maximum))) is below \"amount\" (\(Self.describe(amount)))", "a range is written from its low end in \"amount\" to its high end in \"maximum\"")
            }
            if amount == nil { needsAmount(.maximum) }
            if bound != nil {
                add(.maximum, "an amount cannot be both a range (\"maximum\") and a bound (\"bound\")", "keep \"maximum\" for \"between … and …\", or \"bound\" for \"up to\" and \"at least\"")
            }
        }
        if per != nil && amount == nil { needsAmount(.per) }
        if let e = equivalent {
            if amount == nil { needsAmount(.equivalent) }
            if !Self.isFigure(e.amount) { add(.equivalent, "the equivalent's \"amount\" must be a non-negative number, found \(Self.describe(e.amount))", figureFix) }
            if !Self.isCurrency(e.currency) { add(.equivalent, "\"\(e.currency)\" is not an ISO 4217 currency code", "use three capital letters, such as USD or EUR") }
            if (e.maximum == nil) != (maximum == nil) {
                add(.equivalent, maximum == nil ? "the equivalent is a range but the amount is not" : "the amount is a range but its equivalent has no \"maximum\"",
                    "give both the amount and its equivalent as ranges, or neither")
            }
            if let m = e.maximum, !(Self.isFigure(m) && m >= e.amount) {
                add(.equivalent, "the equivalent's \"maximum\" (\(Self.describe(m))) is below its \"amount\" (\(Self.describe(e.amount)))", "a range is written from its low end to its high end")
            }
        }
        if let stake, !(stake.isFinite && stake > 0 && stake <= 100) {
            add(.stake, "\"stake\" must be a percentage above 0 and at most 100, found \(Self.describe(stake))", "write a 7% stake as \"stake\": 7")
        }
        return out
    }

    private static func isFigure(_ v: Double) -> Bool { v.isFinite && v >= 0 }

    static func isCurrency(_ s: String) -> Bool { s.utf8.count == 3 && s.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } }

    static func describe(_ n: Double) -> String { n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n) }
}
