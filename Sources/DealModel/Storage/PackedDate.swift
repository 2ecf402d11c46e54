/// A `PartialDate?` in 4 bytes: 0 is no date; otherwise 1 + year × 10000 + period ×
/// 100 + day, plus the top bit when approximate. The period is 0 for a year, the
/// month (1–12), 13–14 for a half, 15–18 for a quarter; the day is 0 when not given.
enum PackedDate {
    static func pack(_ d: PartialDate?) -> UInt32 {
        guard let d, (0...9999).contains(d.year) else { return 0 }
        let period = d.month ?? d.half.map { 12 + $0 } ?? d.quarter.map { 14 + $0 } ?? 0
        let v = UInt32(1 + d.year * 10000 + period * 100 + (d.day ?? 0))
        return d.approximate ? v | 0x8000_0000 : v
    }

    static func unpack(_ v: UInt32) -> PartialDate? {
        guard v != 0 else { return nil }
        let n = Int(v & 0x7FFF_FFFF) - 1
        let period = n / 100 % 100, day = n % 100, year = n / 10000, approximate = v & 0x8000_0000 != 0
        switch period {
        case 13...14: return PartialDate(year: year, half: period - 12, approximate: approximate)
        case 15...18: return PartialDate(year: year, quarter: period - 14, approximate: approximate)
        default: return PartialDate(year: year, month: period == 0 ? nil : period, day: day == 0 ? nil : day, approximate: approximate)
        }
    }

    /// Whether a stored value is a date the JSON loader could have read (or none).
    static func isValid(_ v: UInt32) -> Bool {
        guard v != 0 else { return true }
        guard let d = unpack(v), d.isValid else { return false }
        return pack(d) == v
    }
}
