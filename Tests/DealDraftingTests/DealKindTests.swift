@testable import DealDrafting
import DealModel
import Testing

/// Each deal kind, from the ways articles say it, with the parties in their roles.
@Suite("Drafting: deal kinds")
struct DealKindTests {
    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let kind: DealKind
        /// Party name: role.
        let roles: [String: String]
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Amazon invested $4 billion in Anthropic.", kind: .investment, roles: ["Amazon": "investor", "Anthropic": "investee"]),
        Case(text: "In 2022 Fabrikam Robotics received $85 million from Northwind Capital.", kind: .investment,
             roles: ["Northwind Capital": "investor", "Fabrikam Robotics": "investee"]),
        Case(text: "Aster Labs has raised $1.2 billion in a funding round led by General Catalyst.", kind: .investment,
             roles: ["General Catalyst": "investor", "Aster Labs": "investee"]),
        Case(text: "Nvidia took a 7% stake in CoreWeave.", kind: .investment, roles: ["Nvidia": "investor", "CoreWeave": "investee"]),
        Case(text: "Microsoft agreed to buy Activision Blizzard.", kind: .acquisition, roles: ["Microsoft": "acquirer", "Activision Blizzard": "target"]),
        Case(text: "Regulators reviewed the sale of Relecloud Inc. to Proseware Inc.", kind: .acquisition, roles: ["Proseware": "acquirer", "Relecloud": "target"]),
        Case(text: "Adatum Corp is in talks to sell its chip unit to Proseware Inc.", kind: .acquisition, roles: ["Proseware": "acquirer", "Adatum": "seller"]),
        Case(text: "Halcyon Interactive's proposed acquisition of Brightwater Games drew scrutiny.", kind: .acquisition,
             roles: ["Halcyon Interactive": "acquirer", "Brightwater Games": "target"]),
        Case(text: "Ironclad Studios and Pinecrest Media abandoned their planned merger.", kind: .merger, roles: ["Ironclad Studios": "party", "Pinecrest Media": "party"]),
        Case(text: "Fabrikam Robotics Inc. and Contoso Ltd agreed to form Lakeshore Automation, a joint venture.", kind: .jointVenture,
             roles: ["Fabrikam Robotics": "partner", "Contoso": "partner", "Lakeshore Automation": "joint venture"]),
        Case(text: "Contoso Ltd will license its vision software to Fabrikam Inc.", kind: .licence, roles: ["Contoso": "licensor", "Fabrikam": "licensee"]),
        Case(text: "Microsoft still holds an exclusive license to OpenAI's models.", kind: .licence, roles: ["OpenAI": "licensor", "Microsoft": "licensee"]),
        Case(text: "Anthropic named AWS its primary cloud provider.", kind: .cloud, roles: ["Amazon": "cloud provider", "Anthropic": "cloud customer"]),
        Case(text: "OpenAI agreed to rent capacity from Oracle Cloud Infrastructure.", kind: .cloud, roles: ["Oracle": "cloud provider", "OpenAI": "cloud customer"]),
        Case(text: "Microsoft will offer Aster Labs's models on its Azure cloud.", kind: .modelHosting, roles: ["Microsoft": "host", "Aster Labs": "model provider"]),
        Case(text: "OpenAI is bringing ChatGPT into Apple's iOS.", kind: .productIntegration, roles: ["OpenAI": "provider", "Apple": "platform"]),
        Case(text: "OpenAI has agreed to buy AI chips from AMD.", kind: .supply, roles: ["AMD": "supplier", "OpenAI": "customer"]),
        Case(text: "Microsoft and Constellation Energy signed a power purchase agreement.", kind: .supply, roles: ["Microsoft": "party", "Constellation Energy": "party"]),
        Case(text: "OpenAI deepened ties with Apple.", kind: .strategicPartnership, roles: ["OpenAI": "partner", "Apple": "partner"]),
        Case(text: "IBM and the Linux Foundation are collaborating on open models.", kind: .strategicPartnership, roles: ["IBM": "partner", "Linux Foundation": "partner"]),
        Case(text: "Microsoft and OpenAI renegotiated their partnership terms.", kind: .amendment, roles: ["Microsoft": "party", "OpenAI": "party"]),
        Case(text: "Microsoft says its intellectual property relationship with OpenAI is unchanged.", kind: .intellectualProperty,
             roles: ["Microsoft": "party", "OpenAI": "party"]),
    ]

    @Test(arguments: cases)
    func eachKindIsReadWithItsPartiesAndRoles(_ c: Case) {
        let d = draft(c.text)
        guard let deal = d.deals.first(where: { $0.kind == c.kind }) else {
            Issue.record("no \(c.kind.rawValue) deal: \(d.deals.map { ($0.kind.rawValue, $0.parties) })")
            return
        }
        var roles: [String: String] = [:]
        for p in deal.parties { roles[d.name(of: p.partner)] = p.role }
        #expect(roles == c.roles)
        #expect(deal.draft.rule.hasPrefix(c.kind.rawValue + "."))
        #expect(c.text.contains(deal.draft.matched))
    }

    @Test func investorsNamedInTheNextSentenceJoinTheRound() {
        let d = draft("Aster Labs has raised $1.2 billion in a round led by General Catalyst. Investors including Nvidia, Salesforce Ventures and Bpifrance also took part.")
        #expect(d.deals.count == 1)
        let round = d.deals[0]
        #expect(Set(round.parties.map { d.name(of: $0.partner) }) == ["Aster Labs", "General Catalyst", "Nvidia", "Salesforce Ventures", "Bpifrance"])
        // The round's total comes from its investors together: shared, never split.
        #expect(round.value?.amount == 1.2e9)
        #expect(round.value?.sharedBy == ["general-catalyst", "nvidia", "salesforce-ventures", "bpifrance"])
        #expect(round.evidence.count == 2)
    }

    @Test func aTotalFromSeveralInvestorsIsSharedNotSplit() {
        let d = draft("OpenAI disclosed roughly 110 billion dollars in new funding from Amazon, Nvidia and SoftBank.")
        let deal = d.deal(.investment, "OpenAI", "Amazon", "Nvidia", "SoftBank")
        #expect(deal?.value?.amount == 110e9)
        #expect(deal?.value?.sharedBy == ["amazon", "nvidia", "softbank"])
        #expect(deal?.title == "Amazon, Nvidia and SoftBank investment in OpenAI")
    }

    @Test func partnershipsWithSeveralAreOneEach() {
        let d = draft("OpenAI's new partnerships with Apple, Amazon and Oracle fit that trend.")
        #expect(d.deals.count == 3)
        #expect(d.deals.allSatisfy { $0.kind == .strategicPartnership && $0.parties.count == 2 })
    }

    @Test func theSameOrganisationOnBothSidesIsNoDeal() {
        #expect(draft("Microsoft said Microsoft would invest in Microsoft.").deals.isEmpty)
    }

    @Test func aDealIdComesFromItsPartiesAndKind() {
        let d = draft("Amazon invested $4 billion in Anthropic. Ironclad Studios and Pinecrest Media abandoned their planned merger.")
        #expect(d.deals.map(\.id) == ["amazon-anthropic-investment", "ironclad-studios-pinecrest-media-merger"])
    }
}
