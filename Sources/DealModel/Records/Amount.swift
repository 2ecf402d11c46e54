/// A sum of money exactly as the document states it.
public struct Amount: Hashable, Sendable {
    public let amount: Double
    /// ISO 4217 code, such as "USD".
    public let currency: String
    /// The document hedges it ("roughly", "about").
    public let approximate: Bool
    /// The words the document uses, such as "roughly 110 billion dollars".
    public let text: String?
    /// Partner ids whose amounts together make this total; empty when it is one party's.
    public let sharedBy: [String]

    public init(amount: Double, currency: String, approximate: Bool = false, text: String? = nil, sharedBy: [String] = []) {
        self.amount = amount
        self.currency = currency
        self.approximate = approximate
        self.text = text
        self.sharedBy = sharedBy
    }

    public var isShared: Bool { !sharedBy.isEmpty }

    /// "≈ USD 110 bn": short, keeps the hedge.
    public var display: String {
        let (number, unit) = scaled
        return (approximate ? "≈ " : "") + currency + " " + number + (unit.isEmpty ? "" : " " + unit)
    }

    /// "≈110bn USD": for narrow columns.
    public var compact: String {
        let (number, unit) = scaled
        return (approximate ? "≈" : "") + number + unit + " " + currency
    }

    private var scaled: (String, String) {
        let (scaled, unit): (Double, String) =
            amount >= 1e12 ? (amount / 1e12, "tn")
            : amount >= 1e9 ? (amount / 1e9, "bn")
            : amount >= 1e6 ? (amount / 1e6, "m")
            : (amount, "")
        let number = scaled == scaled.rounded() && abs(scaled) < 1e15 ? String(Int(scaled)) : String((scaled * 10).rounded() / 10)
        return (number, unit)
    }
}
