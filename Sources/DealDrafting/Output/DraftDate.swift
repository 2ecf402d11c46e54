/// A date as precise as the article gives it: a year, a half, a quarter, a month or a
/// day, possibly approximate. "2023" stays a year; "H2 2024" stays a half.
public struct DraftDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, half, quarter, month, day
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    /// 1 or 2, for a half.
    public let half: Int?
    /// 1 to 4, for a quarter.
    public let quarter: Int?
    public let month: Int?
    public let day: Int?
    public let approximate: Bool

    public init(year: Int, half: Int? = nil, quarter: Int? = nil, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        self.year = year
        self.half = half
        self.quarter = quarter
        self.month = month
        self.day = month == nil ? nil : day
        self.approximate = approximate
    }

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        if quarter != nil { return .quarter }
        if half != nil { return .half }
        return .year
    }

    /// The data format's form: "2024", "2024-H2", "2024-Q3", "2024-10", "2024-10-03"
    /// (without the "~" of an approximate date, which `approximate` says).
    public var iso: String {
        var s = String(year)
        if let month {
            s += "-" + Self.two(month)
            if let day { s += "-" + Self.two(day) }
        } else if let quarter {
            s += "-Q\(quarter)"
        } else if let half {
            s += "-H\(half)"
        }
        return s
    }

    /// The value a dataset writes: `iso`, with a leading "~" when approximate.
    public var formatted: String { (approximate ? "~" : "") + iso }
    public var description: String { formatted }

    /// Parses the data format's forms (`YYYY`, `YYYY-HN`, `YYYY-QN`, `YYYY-MM`,
    /// `YYYY-MM-DD`, with an optional leading `~`); nil otherwise.
    public static func parse(_ text: String) -> DraftDate? {
        var t = Substring(text)
        let approximate = t.hasPrefix("~")
        if approximate { t = t.dropFirst() }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts[0].allSatisfy(\.isASCII), let year = Int(parts[0]) else { return nil }
        if parts.count == 1 { return DraftDate(year: year, approximate: approximate) }
        let second = parts[1]
        if parts.count == 2, second.count == 2, let n = Int(second.dropFirst()) {
            if second.first == "H", (1...2).contains(n) { return DraftDate(year: year, half: n, approximate: approximate) }
            if second.first == "Q", (1...4).contains(n) { return DraftDate(year: year, quarter: n, approximate: approximate) }
        }
        guard second.count == 2, second.allSatisfy(\.isASCII), let month = Int(second), (1...12).contains(month) else { return nil }
        if parts.count == 2 { return DraftDate(year: year, month: month, approximate: approximate) }
        guard parts[2].count == 2, parts[2].allSatisfy(\.isASCII), let day = Int(parts[2]),
              (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return DraftDate(year: year, month: month, day: day, approximate: approximate)
    }

    /// Earlier dates first; a coarser date before the finer dates inside it.
    public static func < (a: Self, b: Self) -> Bool { a.sortKey.lexicographicallyPrecedes(b.sortKey) }

    var sortKey: [Int] {
        let m = month ?? 0
        let q = quarter ?? month.map { ($0 - 1) / 3 + 1 } ?? 0
        let h = half ?? (q > 0 ? (q + 1) / 2 : 0)
        return [year, h, q, m, day ?? 0]
    }

    /// The same date moved by whole years, months or days, keeping its precision.
    func adding(years: Int = 0, months: Int = 0, days: Int = 0) -> DraftDate {
        var y = year + years
        guard let m0 = month else {
            return DraftDate(year: y, half: half, quarter: quarter, approximate: approximate)
        }
        var m = m0 + months
        while m > 12 { m -= 12; y += 1 }
        while m < 1 { m += 12; y -= 1 }
        guard var d = day else { return DraftDate(year: y, month: m, approximate: approximate) }
        d = min(d, Self.daysIn(month: m, year: y)) + days
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += Self.daysIn(month: m, year: y)
        }
        while d > Self.daysIn(month: m, year: y) {
            d -= Self.daysIn(month: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return DraftDate(year: y, month: m, day: d, approximate: approximate)
    }

    /// 0 for Monday … 6 for Sunday (day precision only).
    var weekday: Int? {
        guard let month, let day else { return nil }
        // Sakamoto's method gives 0 for Sunday.
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
        return (sunday0 + 6) % 7
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
