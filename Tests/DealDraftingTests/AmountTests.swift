@testable import DealDrafting
import Testing

/// Every form of amount the issue lists, each kept faithfully in the data format's
/// amount fields, and figures that are not what a deal is worth left out of deals.
@Suite("Drafting: amounts")
struct AmountTests {
    struct Case: Sendable, CustomStringConvertible {
        let words: String
        let expected: DraftAmount
        var description: String { words }
    }

    static let cases: [Case] = [
        Case(words: "$4 billion", expected: DraftAmount(amount: 4e9, currency: "USD", text: "$4 billion")),
        Case(words: "$4bn", expected: DraftAmount(amount: 4e9, currency: "USD", text: "$4bn")),
        Case(words: "$4B", expected: DraftAmount(amount: 4e9, currency: "USD", text: "$4B")),
        Case(words: "$450m", expected: DraftAmount(amount: 450e6, currency: "USD", text: "$450m")),
        Case(words: "$1.2 trillion", expected: DraftAmount(amount: 1.2e12, currency: "USD", text: "$1.2 trillion")),
        Case(words: "US$1,500 million", expected: DraftAmount(amount: 1.5e9, currency: "USD", text: "US$1,500 million")),
        Case(words: "€15 million", expected: DraftAmount(amount: 15e6, currency: "EUR", text: "€15 million")),
        Case(words: "£2.1bn", expected: DraftAmount(amount: 2.1e9, currency: "GBP", text: "£2.1bn")),
        Case(words: "¥50 billion", expected: DraftAmount(amount: 50e9, currency: "JPY", text: "¥50 billion")),
        Case(words: "EUR 300 million", expected: DraftAmount(amount: 300e6, currency: "EUR", text: "EUR 300 million")),
        Case(words: "300 million euros", expected: DraftAmount(amount: 300e6, currency: "EUR", text: "300 million euros")),
        Case(words: "A$300m", expected: DraftAmount(amount: 300e6, currency: "AUD", text: "A$300m")),
        Case(words: "six billion dollars", expected: DraftAmount(amount: 6e9, currency: "USD", text: "six billion dollars")),
        Case(words: "one and a half billion dollars", expected: DraftAmount(amount: 1.5e9, currency: "USD", text: "one and a half billion dollars")),
        Case(words: "twenty-five million dollars", expected: DraftAmount(amount: 25e6, currency: "USD", text: "twenty-five million dollars")),
        Case(words: "roughly 110 billion dollars", expected: DraftAmount(amount: 110e9, currency: "USD", approximate: true, text: "roughly 110 billion dollars")),
        Case(words: "around $900 million", expected: DraftAmount(amount: 900e6, currency: "USD", approximate: true, text: "around $900 million")),
        Case(words: "nearly $2bn", expected: DraftAmount(amount: 2e9, currency: "USD", approximate: true, text: "nearly $2bn")),
        Case(words: "an estimated $500m", expected: DraftAmount(amount: 500e6, currency: "USD", approximate: true, text: "an estimated $500m")),
        Case(words: "up to $4 billion", expected: DraftAmount(amount: 4e9, currency: "USD", bound: .atMost, text: "up to $4 billion")),
        Case(words: "at least $1bn", expected: DraftAmount(amount: 1e9, currency: "USD", bound: .atLeast, text: "at least $1bn")),
        Case(words: "more than €2 billion", expected: DraftAmount(amount: 2e9, currency: "EUR", bound: .atLeast, text: "more than €2 billion")),
        Case(words: "between $2 billion and $3 billion", expected: DraftAmount(amount: 2e9, currency: "USD", maximum: 3e9, text: "between $2 billion and $3 billion")),
        Case(words: "between $2 and $3 billion", expected: DraftAmount(amount: 2e9, currency: "USD", maximum: 3e9, text: "between $2 and $3 billion")),
        Case(words: "$2-3 billion", expected: DraftAmount(amount: 2e9, currency: "USD", maximum: 3e9, text: "$2-3 billion")),
        Case(words: "$8 billion to $10 billion", expected: DraftAmount(amount: 8e9, currency: "USD", maximum: 10e9, text: "$8 billion to $10 billion")),
        Case(words: "$12bn (£9.5bn)", expected: DraftAmount(amount: 12e9, currency: "USD", equivalent: .init(amount: 9.5e9, currency: "GBP"), text: "$12bn (£9.5bn)")),
        Case(words: "$800 million a year", expected: DraftAmount(amount: 800e6, currency: "USD", per: .year, text: "$800 million a year")),
        Case(words: "£10m per month", expected: DraftAmount(amount: 10e6, currency: "GBP", per: .month, text: "£10m per month")),
    ]

    @Test(arguments: cases)
    func everyFormOfAmount(_ c: Case) {
        let v = value("Contoso Ltd invested \(c.words) in Fabrikam Inc.")
        #expect(v == c.expected)
    }

    @Test func stakesWithAndWithoutAFigure() {
        #expect(value("Nvidia took a 7% stake in CoreWeave.") == DraftAmount(stake: 7, text: "7% stake"))
        #expect(value("Meta agreed to take a 49 per cent stake in Scale AI.") == DraftAmount(stake: 49, text: "49 per cent stake"))
        #expect(value("Nvidia took a 7% stake in CoreWeave for about $100 million.")
                == DraftAmount(amount: 100e6, currency: "USD", approximate: true, stake: 7, text: "7% stake in CoreWeave for about $100 million"))
        #expect(value("AMD granted OpenAI a warrant for shares, roughly a 10% stake.")?.stake == 10)
        #expect(value("AMD granted OpenAI a warrant for shares, roughly a 10% stake.")?.approximate == true)
    }

    @Test(arguments: [
        "Analysts expect Contoso Ltd's revenue to reach $300 million in 2025, after it bought Fabrikam Inc.",
        "Contoso Ltd bought Fabrikam Inc.; Contoso Ltd forecasts revenue of £3 billion for its next fiscal year.",
        "Contoso Ltd bought Fabrikam Inc. at a $62 billion valuation.",
        "Contoso Ltd bought Fabrikam Inc. and paid it a $1 billion termination fee.",
        "Contoso Ltd bought Fabrikam Inc., bringing its total to $8 billion.",
    ])
    func figuresThatAreNotADealsValue(_ text: String) {
        let d = draft(text)
        #expect(d.deals.count == 1)
        #expect(d.deals.first?.value == nil, "\(String(describing: d.deals.first?.value))")
        #expect(d.notProposed.contains { $0.contains("a valuation, revenue, forecast or fee") })
    }

    @Test func aDealNounBeforeAFigureMakesItTheDealsValue() {
        let d = draft("Contoso Ltd agreed to buy Fabrikam Inc. The deal is valued at approximately $45 million.")
        #expect(d.deals.first?.value == DraftAmount(amount: 45e6, currency: "USD", approximate: true, text: "approximately $45 million"))
    }

    @Test func vagueAmountsAreNotFigures() {
        let d = draft("Contoso Ltd signed multibillion-dollar arrangements with Fabrikam Inc.")
        #expect(d.values.isEmpty)
    }

    @Test func aDealWithNoStatedAmountHasNone() {
        #expect(draft("Contoso Ltd agreed to buy Fabrikam Inc.").deals.first?.value == nil)
    }

    @Test func anAmountBeforeAndAfterTheDealWordsGoesToTheNearer() {
        let d = draft("Contoso Ltd invested $10 million in Fabrikam Inc. and Fabrikam Inc. invested $5 million in Tailspin Inc.")
        #expect(d.deal(.investment, "Contoso", "Fabrikam")?.value?.amount == 10e6)
        #expect(d.deal(.investment, "Fabrikam", "Tailspin")?.value?.amount == 5e6)
    }
}
