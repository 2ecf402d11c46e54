@testable import DealDrafting
import Testing

/// Which names become partners: organisations (known or found from the words around
/// them), with their other names and their products; never people, places, products,
/// laws, months or publications.
@Suite("Drafting: partners")
struct PartnerTests {
    @Test func knownOrganisationsAreFoundByNameAndAlias() {
        let d = draft("Amazon Web Services signed a cloud agreement with OpenAI. AWS will host the models.")
        #expect(d.partnerNames == ["Amazon", "OpenAI"])
        #expect(d.partner("Amazon")?.aliases == ["Amazon Web Services", "AWS"])
        #expect(d.partner("Amazon")?.draft.rule == "organisation.gazetteer")
    }

    @Test(arguments: [
        ("Fabrikam Robotics Inc. and Contoso Ltd announced a partnership.", "Fabrikam Robotics", "organisation.suffix"),
        ("Aster Labs, a Paris-based startup, raised $100 million from Northwind Capital.", "Aster Labs", "organisation.suffix"),
        ("French AI lab Aster raised $100 million from Northwind Capital.", "Aster", "organisation.described"),
        ("Morgan Ellis, Contoso's chief operating officer, said Contoso would partner with Microsoft.", "Contoso", "organisation.possessive"),
        ("Aster raised $100 million from Northwind Capital, Tailspin Ventures and Woodgrove.", "Woodgrove", "organisation.listed"),
        ("Halvard agreed to buy Relecloud for $650 million.", "Relecloud", "organisation.party"),
    ])
    func unknownOrganisationsAreFoundByTheirCues(text: String, name: String, rule: String) {
        let d = draft(text)
        #expect(d.partner(name)?.draft.rule == rule, "\(d.partners.map { ($0.name, $0.draft.rule) })")
    }

    @Test func legalSuffixesAndShortFormsAreAliasesOfOnePartner() {
        let d = draft("Fabrikam Robotics Inc. and Contoso Ltd announced a joint venture. Contoso will license its software to Fabrikam.")
        let fabrikam = d.partner("Fabrikam Robotics")
        #expect(fabrikam?.id == "fabrikam-robotics")
        #expect(Set(fabrikam?.aliases ?? []) == ["Fabrikam Robotics Inc.", "Fabrikam"])
        #expect(d.partner("Contoso")?.aliases == ["Contoso Ltd"])
        #expect(d.partners.count == 2)
    }

    @Test func anAcronymInBracketsAndAUnitOfAnOrganisationAreItsAliases() {
        let d = draft("""
            The Federal Office of Markets (FOM) said it would move to block Microsoft's acquisition of Relecloud Inc. The FOM gave no reason.
            Adatum Silicon, a unit of Adatum Corp, signed a supply agreement with Contoso Ltd.
            """, published: "2024-06-01")
        #expect(d.partner("Federal Office of Markets")?.aliases == ["FOM"])
        let adatum = d.partner("Adatum")
        #expect(Set(adatum?.aliases ?? []) == ["Adatum Silicon", "Adatum Corp"])
        #expect(adatum?.draft.rule == "organisation.unit")
    }

    @Test func peopleAreNotPartnersEvenWhenTheirNamesLookLikeCompanies() {
        let d = draft("""
            Morgan Ellis, Contoso's chief operating officer, said Contoso would partner with Fabrikam Inc.
            "It is a big step," said Jordan Banks, an analyst at Woodgrove Bank. Dr. Banks added that Woodgrove Bank may invest in Contoso.
            Analyst: Sterling Hayes
            """)
        for person in ["Morgan Ellis", "Ellis", "Jordan Banks", "Banks", "Sterling Hayes", "Morgan"] {
            #expect(d.partner(person) == nil, "\(person) is a person")
        }
        #expect(d.partner("Contoso") != nil && d.partner("Fabrikam") != nil)
    }

    @Test func placesNationalitiesAndHeadlinesAreNotPartners() {
        let d = draft("""
            OpenAI Mega Deals With New Partners
            A Paris-based startup, Aster Labs, raised $100 million from Northwind Capital, Britain's largest fund, near Three Mile Island.
            """)
        #expect(d.partnerNames == ["Aster Labs", "Northwind Capital"])
        for place in ["Britain", "Paris", "Three Mile Island", "Mega Deals", "New Partners"] { #expect(d.partner(place) == nil) }
    }

    @Test func productsAreListedUnderTheirOwnersNotAsPartners() {
        let d = draft("""
            ChatGPT maker OpenAI signed a deal with Apple to bring ChatGPT into iOS.
            Nimbus, Contoso's computer-vision platform, will be integrated into Charts, the record system from Litware.
            Tailspin Technologies licensed its Scribe clinical documentation model to Northwind Health.
            """)
        #expect(d.partner("ChatGPT") == nil && d.partner("iOS") == nil && d.partner("Nimbus") == nil && d.partner("Charts") == nil)
        #expect(d.partner("OpenAI")?.products.map(\.name) == ["ChatGPT"])
        #expect(d.partner("Apple")?.products.map(\.name) == ["iOS"])
        #expect(d.partner("Contoso")?.products.first?.name == "Nimbus")
        #expect(d.partner("Contoso")?.products.first?.draft.rule == "product.apposition")
        #expect(d.partner("Litware")?.products.first?.name == "Charts")
        #expect(d.partner("Tailspin Technologies")?.products.first?.name == "Scribe")
        #expect(d.partner("Tailspin Technologies")?.products.first?.draft.rule == "product.owned")
    }

    @Test func aProductWhoseOwnerIsNotNamedIsNotedNotPartnered() {
        let d = draft("Northwind Health will deploy ChatGPT in its hospitals under a licensing agreement with Tailspin Technologies.")
        #expect(d.partner("OpenAI") == nil)
        #expect(d.notProposed.contains { $0.hasPrefix("ChatGPT (a product; its owner is not named") })
    }

    @Test func lawsMonthsAndPublicationsAreNotPartners() {
        let d = draft("""
            The deal follows the EU AI Act, according to Reuters. In May, Microsoft and OpenAI expanded their partnership, The Information reported.
            """, published: "2024-06-01")
        #expect(d.partnerNames == ["Microsoft", "OpenAI"])
        #expect(d.notProposed.contains("Reuters: a publication (a source, not a party)"))
        #expect(!d.notProposed.contains { $0.hasPrefix("Act") || $0.hasPrefix("May") })
    }

    @Test func theArticlesOwnPublisherIsASourceNotAPartner() {
        let article = Article(text: "Publisher: Halvorsen Research\n\nHalvorsen Research expects Microsoft to invest in OpenAI. Microsoft invested $1 billion in OpenAI.")
        let d = drafter.draft(article: article)
        #expect(d.partnerNames == ["Microsoft", "OpenAI"])
    }

    @Test func organisationsNamedOnlyAsRivalsOrInPassingAreNotedNotProposed() {
        let d = draft("Aster Labs raised $100 million from Northwind Capital. Its models compete with those of OpenAI and Anthropic.")
        #expect(d.partnerNames == ["Aster Labs", "Northwind Capital"])
        #expect(d.notProposed.contains("OpenAI: an organisation the article names, but in no deal or event the rules found"))
    }

    @Test func anOrganisationInADealsSentenceIsAPartner() {
        let d = draft("Halcyon Interactive agreed to buy Brightwater Games. Halcyon, which is advised by Morgan Stanley, said it remained committed to the deal.")
        #expect(d.partner("Morgan Stanley")?.draft.rule == "organisation.gazetteer")
        #expect(d.deals.count == 1)
    }

    @Test func aNameWithAPossessiveInsideIsOneName() {
        let d = draft("Lucerne Publishing closed a $35 million round led by Trey Research, with participation from existing backers Wide World Importers and Margie's Travel.")
        #expect(d.partner("Margie's Travel") != nil)
        #expect(d.partner("Margie") == nil)
        #expect(d.deals.first?.parties.count == 4)
        // An owner's product is not joined to its owner's name.
        #expect(draft("Tailspin Technologies licensed Tailspin's Scribe clinical model to Northwind Health.").partner("Tailspin Technologies")?.products.map(\.name) == ["Scribe"])
    }
}
