/// A `PartialDate?` in 4 bytes: 0 is no date; otherwise 1 + yyyymmdd (month and day
/// 0 when the date does not give them), plus the top bit when approximate.
enum PackedDate {
    static func pack(_ d: PartialDate?) -> UInt32 {
        guard let d, (0...9999).contains(d.year) else { return 0 }
        let v = UInt32(1 + d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0))
        return d.approximate ? v | 0x8000_0000 : v
    }

    static func unpack(_ v: UInt32) -> PartialDate? {
        guard v != 0 else { return nil }
        let n = Int(v & 0x7FFF_FFFF) - 1
        let month = n / 100 % 100, day = n % 100
        return PartialDate(year: n / 10000, month: month == 0 ? nil : month, day: day == 0 ? nil : day, approximate: v & 0x8000_0000 != 0)
    }
}
