/// A date as precise as the document gives it: a year, a month or a day, possibly
/// approximate. "2023" stays a year: it is never widened to 1 January.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?
    public let approximate: Bool

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    public init(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.approximate = approximate
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns nil and a reason otherwise.
    public static func parse(_ text: String, approximate: Bool = false) -> Result<PartialDate, DateError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isASCIIDigit)
        else { return .failure(.malformed(text)) }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let m = Int(parts[1]) else { return .failure(.malformed(text)) }
            guard (1...12).contains(m) else { return .failure(.monthOutOfRange(text)) }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, parts[2].allSatisfy(\.isASCIIDigit), let d = Int(parts[2]) else { return .failure(.malformed(text)) }
            guard (1...Self.daysIn(month: month!, year: year)).contains(d) else { return .failure(.dayOutOfRange(text)) }
            day = d
        }
        return .success(PartialDate(year: year, month: month, day: day, approximate: approximate))
    }

    public enum DateError: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String), monthOutOfRange(String), dayOutOfRange(String)
        public var description: String {
            switch self {
            case .malformed(let t): "\"\(t)\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
            case .monthOutOfRange(let t): "\"\(t)\" has no such month: months run from 01 to 12"
            case .dayOutOfRange(let t): "\"\(t)\" has no such day in that month"
            }
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The precision-keeping ISO form: "2023", "2025-10", "2025-10-03".
    public var iso: String {
        var s = String(year)
        if let month { s += "-" + Self.twoDigits(month) }
        if let day { s += "-" + Self.twoDigits(day) }
        return s
    }

    /// Human form: "2023", "Oct 2025", "3 Oct 2025"; approximate dates start with "~".
    public var display: String {
        var s: String
        switch (month, day) {
        case let (m?, d?): s = "\(d) \(Self.monthNames[m - 1]) \(year)"
        case let (m?, nil): s = "\(Self.monthNames[m - 1]) \(year)"
        default: s = String(year)
        }
        if approximate { s = "~" + s }
        return s
    }

    public var description: String { display }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Sort key that puts a coarser date before the finer dates inside it:
    /// 2025 < 2025-01 < 2025-01-01 < 2025-02.
    public var sortKey: [Int] { [year, month ?? 0, day ?? 0] }

    /// The first and last day this date may stand for, as comparable day numbers
    /// (year*10000 + month*100 + day). Used for range filters that respect precision.
    public var earliestDay: Int { year * 10000 + (month ?? 1) * 100 + (day ?? 1) }
    public var latestDay: Int {
        let m = month ?? 12
        return year * 10000 + m * 100 + (day ?? Self.daysIn(month: m, year: year))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
