import DealModel
import Synchronization

/// How the timeline chart is zoomed and panned. Its cursor is the Timeline pane's.
public struct ChartState: Equatable, Sendable {
    /// 0 fits every dated event in the width; each step doubles the scale.
    public internal(set) var zoom = 0
    /// The first month shown, counted from the first year of the axis.
    var left = 0.0
    /// The Timeline row the pan last followed: when the cursor moves, the chart pans
    /// to keep it in view; a pan by hand holds until it moves again.
    var followed: Int?
    var scroll = 0
}

/// What the chart needs of the rows under the filter, found once per filter (every
/// frame and key asks): the years of the dated events, and the place of each
/// undated event among the undated ones.
struct ChartData: Sendable {
    let years: ClosedRange<Int>?
    /// For each Timeline row, its place among the undated rows (-1: dated).
    let undatedRank: [Int32]
    let undatedCount: Int

    private static let last = Mutex<(catalog: ObjectIdentifier, filter: [String], data: ChartData)?>(nil)

    static func of(_ state: AppState) -> ChartData {
        let id = ObjectIdentifier(state.catalog)
        if let hit = last.withLock({ $0.flatMap { $0.catalog == id && $0.filter == state.filter ? $0.data : nil } }) { return hit }
        var lo = Int.max, hi = Int.min
        var rank = [Int32](repeating: -1, count: state.visibleEvents.count)
        var undated: Int32 = 0
        for (row, e) in state.visibleEvents.enumerated() {
            guard let d = state.catalog.events.date(e) else { rank[row] = undated; undated += 1; continue }
            lo = min(lo, d.earliestDay / 10000)
            hi = max(hi, d.latestDay / 10000)
        }
        let data = ChartData(years: lo <= hi ? lo...hi : nil, undatedRank: rank, undatedCount: Int(undated))
        last.withLock { $0 = (id, state.filter, data) }
        return data
    }
}

/// The chart's time axis for a state: the whole years that hold the dated events
/// under the filter, and the scale and window for a width. Positions are in months
/// from January of the first year, with days as fractions of their month.
struct ChartAxis: Sendable {
    /// The first and the last year shown (whole years).
    let firstYear: Int
    let lastYear: Int
    /// Cells per month and the first month in view.
    let scale: Double
    let left: Double
    /// Cells of the axis.
    let width: Int

    var months: Double { Double((lastYear - firstYear + 1) * 12) }
    /// Months in view.
    var window: Double { Double(width) / scale }

    /// Zoom steps: up to four cells a day at most.
    static let maximumScale = 16.0

    init(firstYear: Int, lastYear: Int, width: Int, zoom: Int, left: Double) {
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.width = max(1, width)
        let fit = Double(self.width) / Double((lastYear - firstYear + 1) * 12)
        scale = min(max(fit, fit * Double(1 << min(max(0, zoom), 20))), max(fit, Self.maximumScale))
        let most = max(0, Double((lastYear - firstYear + 1) * 12) - Double(self.width) / scale)
        self.left = min(max(0, left), most)
    }

    /// The axis of a state at an axis width (nil: no dated event).
    static func of(_ state: AppState, width: Int) -> ChartAxis? {
        guard let years = ChartData.of(state).years else { return nil }
        return ChartAxis(firstYear: years.lowerBound, lastYear: years.upperBound, width: width, zoom: state.chart.zoom, left: state.chart.left)
    }

    /// Whether another zoom step would show more.
    var canZoomIn: Bool { scale < Self.maximumScale }

    /// The month position of the start of a day (yyyymmdd).
    func month(ofDay day: Int) -> Double {
        let y = day / 10000, m = day / 100 % 100, d = day % 100
        return Double((y - firstYear) * 12 + (m - 1)) + Double(d - 1) / Double(Self.daysIn(month: m, year: y))
    }

    /// The cells a date covers, from its first day to the end of its last, clipped to
    /// nothing when outside: (first, last) inclusive, in axis cells.
    func cells(from first: Int, to last: Int) -> (Int, Int) {
        let start = (month(ofDay: first) - left) * scale
        let end = (month(ofDay: last) + 1 / Double(Self.daysIn(month: last / 100 % 100, year: last / 10000)) - left) * scale
        let a = Int(start.rounded(.down))
        return (a, max(a, Int((end - 0.001).rounded(.down))))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The labels of the axis row: each year at its January, then the months
    /// where they have room (when zoomed in enough); a month first in view says its
    /// year when no January is near.
    func labels() -> [(x: Int, text: String)] {
        var placed: [(x: Int, text: String)] = []
        func fits(_ x: Int, _ text: String) -> Bool {
            x >= 0 && x + text.count <= width && placed.allSatisfy { x + text.count < $0.x || x > $0.x + $0.text.count }
        }
        func column(_ y: Int, _ m: Int) -> Int { Int(((Double((y - firstYear) * 12 + m - 1)) - left) * scale) }
        for y in firstYear...lastYear where fits(column(y, 1), String(y)) { placed.append((column(y, 1), String(y))) }
        guard scale >= 4 else { return placed }
        var months: [(x: Int, text: String)] = []
        for y in firstYear...lastYear {
            for m in 2...12 {
                var text = Self.monthNames[m - 1]
                let x = column(y, m)
                if months.isEmpty && x >= 0 && !placed.contains(where: { $0.x < x + 16 }) { text += " " + String(y) }
                if fits(x, text) { months.append((x, text)); placed.append((x, text)) }
            }
        }
        return placed.sorted { $0.x < $1.x }
    }

}
