@testable import DealModel
import Testing

@Suite("PartialDate")
struct PartialDateTests {
    @Test func parsesTheThreePrecisions() throws {
        let y = try PartialDate.parse("2023").get()
        #expect(y == PartialDate(year: 2023))
        #expect(y.precision == .year)
        let m = try PartialDate.parse("2025-10").get()
        #expect(m == PartialDate(year: 2025, month: 10))
        #expect(m.precision == .month)
        let d = try PartialDate.parse("2025-10-03").get()
        #expect(d == PartialDate(year: 2025, month: 10, day: 3))
        #expect(d.precision == .day)
        #expect(try PartialDate.parse("2024-02-29").get().day == 29)
        #expect(try PartialDate.parse("2025-10", approximate: true).get().approximate)
    }

    @Test(arguments: ["", "23", "20235", "2023-1", "2023-001", "2023-10-3", "2023-10-03-01", "2023/10", "abcd", "+202",
                      "2023-", "-2023", "２０２３", " 2023", "2023-1a"])
    func refusesMalformedText(_ text: String) {
        #expect(PartialDate.parse(text) == .failure(.malformed(text)))
    }

    @Test func refusesDaysAndMonthsThatDoNotExist() {
        #expect(PartialDate.parse("2025-13") == .failure(.monthOutOfRange("2025-13")))
        #expect(PartialDate.parse("2025-00") == .failure(.monthOutOfRange("2025-00")))
        #expect(PartialDate.parse("2025-02-29") == .failure(.dayOutOfRange("2025-02-29")))
        #expect(PartialDate.parse("1900-02-29") == .failure(.dayOutOfRange("1900-02-29")))
        #expect(PartialDate.parse("2000-02-29").map(\.day) == .success(29))
        #expect(PartialDate.parse("2025-04-31") == .failure(.dayOutOfRange("2025-04-31")))
        #expect(PartialDate.parse("2025-10-00") == .failure(.dayOutOfRange("2025-10-00")))
        #expect(PartialDateTests.message("2025-13").contains("months run from 01 to 12"))
        #expect(PartialDateTests.message("2025-1").contains("YYYY, YYYY-HN, YYYY-QN, YYYY-MM or YYYY-MM-DD"))
    }

    static func message(_ text: String) -> String {
        if case .failure(let e) = PartialDate.parse(text) { return e.description }
        return ""
    }

    @Test func displayKeepsThePrecision() {
        #expect(PartialDate(year: 2023).display == "2023")
        #expect(PartialDate(year: 2025, month: 10).display == "Oct 2025")
        #expect(PartialDate(year: 2025, month: 10, day: 3).display == "3 Oct 2025")
        #expect(PartialDate(year: 2025, month: 1, day: 31).display == "31 Jan 2025")
        #expect(PartialDate(year: 2025, month: 10, approximate: true).display == "~Oct 2025")
        #expect(PartialDate(year: 2023, approximate: true).description == "~2023")
        #expect(PartialDate(year: 2025, month: 3, day: 7).iso == "2025-03-07")
        #expect(PartialDate(year: 2023).iso == "2023")
    }

    @Test func aYearIsNeverFirstOfJanuary() {
        let year = PartialDate(year: 2023)
        #expect(year != PartialDate(year: 2023, month: 1, day: 1))
        #expect(year.earliestDay == 2023_01_01)
        #expect(year.latestDay == 2023_12_31)
        #expect(PartialDate(year: 2024, month: 2).latestDay == 2024_02_29)
        #expect(PartialDate(year: 2025, month: 2).latestDay == 2025_02_28)
        #expect(PartialDate(year: 2025, month: 10, day: 3).earliestDay == 2025_10_03)
        #expect(PartialDate(year: 2025, month: 10, day: 3).latestDay == 2025_10_03)
    }

    @Test func coarserDatesSortBeforeTheFinerDatesInside() {
        let texts = ["2025-02", "2025-01-01", "2024-12-31", "2025", "2025-01", "2025-10-03", "2025-10", "2026", "2023"]
        let sorted = texts.map { try! PartialDate.parse($0).get() }
            .sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
            .map(\.iso)
        #expect(sorted == ["2023", "2024-12-31", "2025", "2025-01", "2025-01-01", "2025-02", "2025-10", "2025-10-03", "2026"])
    }

    @Test func dayBoundsOverlapRespectsPrecision() {
        let year = DayBounds.of(PartialDate(year: 2025))
        #expect(year.overlaps(from: PartialDate(year: 2025, month: 6), to: nil))
        #expect(year.overlaps(from: nil, to: PartialDate(year: 2025, month: 1, day: 1)))
        #expect(!year.overlaps(from: PartialDate(year: 2026), to: nil))
        #expect(!year.overlaps(from: nil, to: PartialDate(year: 2024, month: 12)))
        let unbounded = DayBounds()
        #expect(unbounded.overlaps(from: nil, to: nil))
        #expect(!unbounded.overlaps(from: PartialDate(year: 2025), to: nil))
        let after = DayBounds(earliest: 2025_10_01, latest: nil)
        #expect(after.overlaps(from: PartialDate(year: 2030), to: nil))
        #expect(!after.overlaps(from: nil, to: PartialDate(year: 2025, month: 9)))
    }

    @Test func halvesAndQuartersKeepTheirPrecision() throws {
        let h2 = try PartialDate.parse("2024-H2").get(), q3 = try PartialDate.parse("2024-Q3").get()
        #expect(h2 == PartialDate(year: 2024, half: 2) && h2.precision == .half)
        #expect(q3 == PartialDate(year: 2024, quarter: 3) && q3.precision == .quarter)
        #expect(h2.display == "H2 2024" && q3.display == "Q3 2024")
        #expect(h2.iso == "2024-H2" && q3.iso == "2024-Q3")
        #expect(PartialDate.parse(written: "~2024-Q3").map(\.display) == .success("~Q3 2024"))
        #expect(PartialDate(year: 2024, quarter: 3, approximate: true).written == "~2024-Q3")
        // A half or a quarter is its months, never its first day.
        #expect(h2.earliestDay == 2024_07_01 && h2.latestDay == 2024_12_31)
        #expect(q3.earliestDay == 2024_07_01 && q3.latestDay == 2024_09_30)
        #expect(PartialDate(year: 2024, quarter: 1).latestDay == 2024_03_31)
        #expect(PartialDate.parse("2024-H3") == .failure(.halfOutOfRange("2024-H3")))
        #expect(PartialDate.parse("2024-Q0") == .failure(.quarterOutOfRange("2024-Q0")))
        #expect(PartialDate.parse("2024-Q") == .failure(.malformed("2024-Q")))
        #expect(PartialDate.parse("2024-q3") == .failure(.malformed("2024-q3")))
        #expect(PartialDateTests.message("2024-Q5").contains("quarters run from Q1 to Q4"))
    }

    @Test func halvesAndQuartersSortBeforeTheMonthsInside() {
        let texts = ["2025-07", "2025-Q3", "2025-H2", "2025-Q2", "2025-04", "2025-03-31", "2025-H1", "2025", "2025-Q1", "2025-01"]
        let sorted = texts.map { try! PartialDate.parse($0).get() }
            .sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
            .map(\.iso)
        #expect(sorted == ["2025", "2025-H1", "2025-Q1", "2025-01", "2025-03-31", "2025-Q2", "2025-04", "2025-H2", "2025-Q3", "2025-07"])
    }

    /// The packed form (columns, snapshots) gives back every precision, and tells a
    /// stored value the JSON loader could not have read.
    @Test func packedDatesRoundTripAndRefuseImpossibleOnes() throws {
        for text in ["2023", "~2024-H1", "2024-H2", "2024-Q1", "~2024-Q4", "2025-10", "2025-10-03", "~2000-02-29"] {
            let d = try PartialDate.parse(written: text).get()
            #expect(PackedDate.unpack(PackedDate.pack(d)) == d, "\(text)")
            #expect(PackedDate.isValid(PackedDate.pack(d)), "\(text)")
        }
        #expect(PackedDate.unpack(PackedDate.pack(nil)) == nil && PackedDate.isValid(0))
        for bad: UInt32 in [1 + 2025_13_05, 1 + 2025_99_00, 1 + 2025_02_30, 1 + 2025_00_05, 1 + 2025_16_03, 1 + 2025_19_00, 1 + 2025_20_00, 0x8000_0000] {
            #expect(!PackedDate.isValid(bad), "\(bad)")
        }
    }
}
