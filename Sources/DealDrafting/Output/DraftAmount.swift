import DealModel

/// An amount exactly as the article states it, field for field the data format's
/// amount: a figure, a bound, a range, a rate, a second currency, a stake.
public struct DraftAmount: Hashable, Sendable {
    // The model's own words and shapes: one declaration of each.
    public typealias Bound = Amount.Bound
    public typealias Per = Amount.Rate
    public typealias Equivalent = Amount.Equivalent

    /// In units of the currency; nil for a stake alone.
    public var amount: Double?
    /// ISO 4217 code, with `amount`.
    public var currency: String?
    public var approximate: Bool
    public var bound: Bound?
    /// The top of a range ("between $2 billion and $3 billion").
    public var maximum: Double?
    public var per: Per?
    public var equivalent: Equivalent?
    /// Per cent of a company, 0 < stake ≤ 100.
    public var stake: Double?
    /// The words of the article.
    public var text: String?
    /// Partner ids whose amounts together make this total.
    public var sharedBy: [String]

    public init(amount: Double? = nil, currency: String? = nil, approximate: Bool = false, bound: Bound? = nil, maximum: Double? = nil,
                per: Per? = nil, equivalent: Equivalent? = nil, stake: Double? = nil, text: String? = nil, sharedBy: [String] = []) {
        self.amount = amount
        self.currency = currency
        self.approximate = approximate
        self.bound = bound
        self.maximum = maximum
        self.per = per
        self.equivalent = equivalent
        self.stake = stake
        self.text = text
        self.sharedBy = sharedBy
    }

    /// The same figure whatever its words and sharing: what two articles must agree on.
    func sameFigure(as other: DraftAmount) -> Bool {
        amount == other.amount && currency == other.currency && approximate == other.approximate && bound == other.bound
            && maximum == other.maximum && per == other.per && stake == other.stake
    }
}
