@testable import DealDrafting
import Testing

/// Dates with the precision the article gives, and relative dates resolved against the
/// publication date (kept undated, with a note, when there is none).
@Suite("Drafting: dates")
struct DateTests {
    /// The date of the one deal of "Fabrikam Inc. signed a supply agreement with Contoso Ltd <when>."
    static func date(_ when: String, published: String? = "2024-06-12") -> String? {
        let d = draft("Fabrikam Inc. signed a supply agreement with Contoso Ltd \(when).", published: published)
        return d.events.first?.date?.formatted
    }

    @Test(arguments: [
        ("on March 3, 2024", "2024-03-03"),
        ("on 3 March 2024", "2024-03-03"),
        ("on Mar. 3, 2024", "2024-03-03"),
        ("on 2024-03-05", "2024-03-05"),
        ("in March 2024", "2024-03"),
        ("in 2023", "2023"),
        ("in early 2023", "2023"),
        ("in mid-2023", "2023"),
        ("in fiscal 2026", "2026"),
        ("in Q3 2024", "2024-Q3"),
        ("in the third quarter of 2024", "2024-Q3"),
        ("in the fourth quarter", "2023-Q4"),
        ("in H2 2024", "2024-H2"),
        ("in the second half of 2024", "2024-H2"),
        ("in the second half of last year", "2023-H2"),
        ("last year", "2023"),
        ("earlier this month", "2024-06"),
        ("yesterday", "2024-06-11"),
        ("on Tuesday", "2024-06-11"),
        ("on Wednesday", "2024-06-12"),
        ("in December", "2023-12"),
        ("in May", "2024-05"),
        ("around March 2024", "~2024-03"),
    ])
    func datesKeepTheirPrecision(when: String, expected: String) {
        #expect(Self.date(when) == expected)
    }

    @Test func aMonthInTheFutureIsTheNextOne() {
        let d = draft("Fabrikam Inc. expects to sign a supply agreement with Contoso Ltd in December.", published: "2024-06-12")
        #expect(d.eventDates == ["2024-12"])
        #expect(d.deals.first?.date == nil)  // a plan is not the deal's date
    }

    @Test func mayAsAVerbAndBareNumbersAreNotDates() {
        #expect(Self.date("") == nil)
        let d = draft("Fabrikam Inc. may sign a supply agreement with Contoso Ltd. Fabrikam Inc. sold 2024 robots to Contoso Ltd.", published: "2024-06-12")
        #expect(d.eventDates.isEmpty)
        #expect(draft("Contoso Ltd's 2023 partnership with Fabrikam Inc. remains in place.").eventDates == ["2023"])
    }

    @Test func withoutAPublicationDateRelativeDatesStayUndatedWithANote() {
        let d = draft("Fabrikam Inc. signed a supply agreement with Contoso Ltd last year.")
        #expect(d.events.count == 1)
        #expect(d.events[0].date == nil)
        #expect(d.events[0].order == DraftOrder(relation: .before, anchor: DraftOrder.document))
        #expect(d.events[0].note?.contains("\"last year\"") == true)
        #expect(d.notes.contains { $0.kind == .unresolvedDate && $0.message.contains("\"last year\"") })
        // Absolute dates need no publication date.
        #expect(Self.date("in March 2024", published: nil) == "2024-03")
    }

    @Test func aHeadersPublishedDateResolvesAndGivenDateOverrides() {
        let text = "Published: October 7, 2025\n\nOpenAI has agreed to buy AI chips from AMD, the companies announced on Monday."
        #expect(drafter.draft(article: Article(text: text)).eventDates == ["2025-10-06"])
        #expect(drafter.draft(article: Article(text: text, published: DraftDate.parse("2025-10-15"))).eventDates == ["2025-10-13"])
        #expect(drafter.draft(article: Article(text: text)).document.date == DraftDate(year: 2025, month: 10, day: 7))
    }

    @Test func offsetsFromTheDateBeforeThem() {
        let d = draft("Microsoft signed a capacity agreement with CoreWeave in 2023 and a larger one a year later.")
        #expect(d.eventDates == ["2023", "2024"])
        let e = draft("OpenAI signed a supply agreement with AMD on Monday. The agreement follows OpenAI's pact with Nvidia, which Nvidia announced two weeks earlier.",
                      published: "2025-10-07")
        #expect(e.eventDates.contains("2025-09-22"))
    }

    @Test func draftDateFormsAndOrder() {
        #expect(DraftDate.parse("2024-H2")?.precision == .half)
        #expect(DraftDate.parse("2024-Q3")?.precision == .quarter)
        #expect(DraftDate.parse("~2024-03")?.approximate == true)
        #expect(DraftDate.parse("2024-02-30") == nil && DraftDate.parse("2024-Q5") == nil && DraftDate.parse("24") == nil)
        let order = ["2024", "2024-H1", "2024-Q1", "2024-01", "2024-01-31", "2024-02", "2024-Q2", "2024-H2", "2024-Q3", "2025"].map { DraftDate.parse($0)! }
        #expect(order == order.sorted())
        #expect(DraftDate(year: 2024, month: 3, day: 31).adding(months: -1).iso == "2024-02-29")
        #expect(DraftDate(year: 2025, month: 10, day: 6).weekday == 0)
    }
}
