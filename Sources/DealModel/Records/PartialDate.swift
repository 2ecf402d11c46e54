/// A date as precise as the document gives it: a year, a half, a quarter, a month or a
/// day, possibly approximate. "2023" stays a year: it is never widened to 1 January.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, half, quarter, month, day
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?
    /// 1 or 2 for a half year ("2024-H2"); quarters 1 to 4 ("2024-Q3").
    public let half: Int?
    public let quarter: Int?
    public let approximate: Bool

    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : quarter != nil ? .quarter : half != nil ? .half : .year
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        self.init(year: year, half: nil, quarter: nil, month: month, day: day, approximate: approximate)
    }

    public init(year: Int, half: Int, approximate: Bool = false) {
        self.init(year: year, half: half, quarter: nil, month: nil, day: nil, approximate: approximate)
    }

    public init(year: Int, quarter: Int, approximate: Bool = false) {
        self.init(year: year, half: nil, quarter: quarter, month: nil, day: nil, approximate: approximate)
    }

    private init(year: Int, half: Int?, quarter: Int?, month: Int?, day: Int?, approximate: Bool) {
        self.year = year
        self.half = half
        self.quarter = quarter
        self.month = month
        self.day = day
        self.approximate = approximate
    }

    /// Parses `YYYY`, `YYYY-HN`, `YYYY-QN`, `YYYY-MM` or `YYYY-MM-DD` (a leading `~`
    /// is the caller's to read); returns a reason otherwise.
    public static func parse(_ text: String, approximate: Bool = false) -> Result<PartialDate, DateError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isASCIIDigit)
        else { return .failure(.malformed(text)) }
        if parts.count == 2, let letter = parts[1].first, letter == "H" || letter == "Q" {
            let n = parts[1].dropFirst()
            guard n.count == 1, let v = Int(n), n.allSatisfy(\.isASCIIDigit) else { return .failure(.malformed(text)) }
            if letter == "H" {
                guard (1...2).contains(v) else { return .failure(.halfOutOfRange(text)) }
                return .success(PartialDate(year: year, half: v, approximate: approximate))
            }
            guard (1...4).contains(v) else { return .failure(.quarterOutOfRange(text)) }
            return .success(PartialDate(year: year, quarter: v, approximate: approximate))
        }
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

    /// Parses a date as a dataset writes it: the forms above, maybe after `~`.
    static func parse(written text: String, approximate: Bool = false) -> Result<PartialDate, DateError> {
        text.hasPrefix("~") ? parse(String(text.dropFirst()), approximate: true) : parse(text, approximate: approximate)
    }

    /// The form a dataset writes: "2025-10", "~2023".
    public var written: String { (approximate ? "~" : "") + iso }

    public enum DateError: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String), monthOutOfRange(String), dayOutOfRange(String), halfOutOfRange(String), quarterOutOfRange(String)
        public var description: String {
            switch self {
            case .malformed(let t): "\"\(t)\" is not a date: write YYYY, YYYY-HN, YYYY-QN, YYYY-MM or YYYY-MM-DD"
            case .monthOutOfRange(let t): "\"\(t)\" has no such month: months run from 01 to 12"
            case .dayOutOfRange(let t): "\"\(t)\" has no such day in that month"
            case .halfOutOfRange(let t): "\"\(t)\" has no such half: a year has H1 and H2"
            case .quarterOutOfRange(let t): "\"\(t)\" has no such quarter: quarters run from Q1 to Q4"
            }
        }
    }

    /// Whether the fields make a date that `parse` could have given (a snapshot's
    /// dates are checked so).
    var isValid: Bool {
        guard (0...9999).contains(year) else { return false }
        switch (half, quarter, month, day) {
        case (nil, nil, nil, nil): return true
        case (let h?, nil, nil, nil): return (1...2).contains(h)
        case (nil, let q?, nil, nil): return (1...4).contains(q)
        case (nil, nil, let m?, nil): return (1...12).contains(m)
        case (nil, nil, let m?, let d?): return (1...12).contains(m) && (1...Self.daysIn(month: m, year: year)).contains(d)
        default: return false
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The precision-keeping ISO form: "2023", "2024-H2", "2024-Q3", "2025-10", "2025-10-03".
    public var iso: String {
        var s = String(year)
        if let half { s += "-H\(half)" }
        if let quarter { s += "-Q\(quarter)" }
        if let month { s += "-" + Self.twoDigits(month) }
        if let day { s += "-" + Self.twoDigits(day) }
        return s
    }

    /// Human form: "2023", "H2 2024", "Q3 2024", "Oct 2025", "3 Oct 2025"; approximate
    /// dates start with "~".
    public var display: String {
        var s: String
        switch (month, day) {
        case let (m?, d?): s = "\(d) \(Self.monthNames[m - 1]) \(year)"
        case let (m?, nil): s = "\(Self.monthNames[m - 1]) \(year)"
        default:
            if let half { s = "H\(half) \(year)" } else if let quarter { s = "Q\(quarter) \(year)" } else { s = String(year) }
        }
        if approximate { s = "~" + s }
        return s
    }

    public var description: String { display }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// The first and last month the date covers.
    var firstMonth: Int { month ?? half.map { 6 * $0 - 5 } ?? quarter.map { 3 * $0 - 2 } ?? 1 }
    var lastMonth: Int { month ?? half.map { 6 * $0 } ?? quarter.map { 3 * $0 } ?? 12 }

    /// Orders the dates of one year, a coarser date before the finer dates inside it:
    /// 2024 < H1 < Q1 < Jan < 1 Jan < 2 Jan < Feb < Mar < Q2 < Apr … < H2 < Q3 < Jul.
    /// Below 100, so that a day fits beside it (`orderKey`).
    var periodKey: Int {
        switch precision {
        case .year: 0
        case .half: firstMonth * 4 + 1
        case .quarter: firstMonth * 4 + 2
        case .month, .day: firstMonth * 4 + 3
        }
    }

    /// Sort key that puts a coarser date before the finer dates inside it:
    /// 2025 < 2025-H1 < 2025-Q1 < 2025-01 < 2025-01-01 < 2025-02.
    public var sortKey: [Int] { [year, periodKey, day ?? 0] }

    /// The same key as one number, year × 10000 + period × 100 + day.
    var orderKey: Int { year * 10000 + periodKey * 100 + (day ?? 0) }

    /// The first and last day this date may stand for, as comparable day numbers
    /// (year*10000 + month*100 + day). Used for range filters that respect precision.
    public var earliestDay: Int { year * 10000 + firstMonth * 100 + (day ?? 1) }
    public var latestDay: Int {
        let m = lastMonth
        return year * 10000 + m * 100 + (day ?? Self.daysIn(month: m, year: year))
    }
}

/// The fields of a date written as an object.
enum DateField: String, CaseIterable {
    case value, approximate
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
