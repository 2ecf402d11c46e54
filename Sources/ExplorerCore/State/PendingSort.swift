import DealModel

/// How a list pane is sorted: the sort name of a column and a direction.
public struct PaneSort: Equatable, Sendable {
    public let column: String
    public let descending: Bool

    public init(column: String, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// A sort too long for one keystroke (a million deals by title): a merge sort that
/// goes on in slices while no key waits, as the search does, so keys never wait for
/// it. Ties go by record index (the pane's own order), so the result depends on the
/// column alone, not on the order the rows were in; records without a value go last,
/// in their own order.
struct PendingSort: Sendable {
    let pane: PaneID
    /// nil: back to the pane's own order.
    let sort: PaneSort?
    private let less: @Sendable (Int32, Int32) -> Bool
    private var a: [Int32]
    private var b: [Int32]
    /// Runs of this width are sorted; `lo` is the pair being merged, `i`, `j` and `k`
    /// where the merge is.
    private var width = 0
    private var lo = 0, i = 0, j = 0, k = 0
    private var passes = 0
    private let totalPasses: Int

    /// Runs first sorted by insertion (shorter with tiny slices, so that tests of
    /// slices see merges).
    private let firstRun: Int

    init(pane: PaneID, sort: PaneSort?, rows: [Int], order: RecordOrder, slice: Int = Int.max) {
        firstRun = min(32, max(2, slice))
        self.pane = pane
        self.sort = sort
        let order = order.less(descending: sort?.descending ?? false)
        less = { x, y in order(Int(x), Int(y)) }
        a = rows.map { Int32($0) }
        b = a
        var passes = 1
        var w = firstRun
        while w < rows.count { w *= 2; passes += 1 }
        totalPasses = passes
    }

    var done: Bool { width >= a.count && width > 0 }
    var fraction: Double { Double(passes) / Double(totalPasses) }
    var rows: [Int] { a.map(Int.init) }

    /// Does at most about `limit` comparisons, stopping early at `deadline`.
    mutating func step(limit: Int, until deadline: ContinuousClock.Instant?) {
        let clock = ContinuousClock()
        var work = 0, checked = 0
        // The clock is read every 128 comparisons or so: a slice overruns its time
        // by a few microseconds, not by a thousand comparisons of long titles.
        func late() -> Bool {
            guard let deadline, work - checked >= 128 else { return false }
            checked = work
            return clock.now >= deadline
        }
        let n = a.count
        while !done && work < limit {
            if late() { return }
            if width == 0 {
                // Runs of 32 by insertion, one run per turn of the loop.
                let end = min(n, lo + firstRun)
                for x in (lo + 1)..<max(lo + 1, end) {
                    let v = a[x]
                    var y = x - 1
                    while y >= lo && less(v, a[y]) { a[y + 1] = a[y]; y -= 1; work += 1 }
                    a[y + 1] = v
                    work += 1
                }
                lo = end
                if lo >= n { nextPass(width: firstRun) }
                continue
            }
            // Merge a[lo..<mid] and a[mid..<hi] into b, resumable at (i, j, k).
            let mid = min(n, lo + width), hi = min(n, lo + 2 * width)
            while k < hi && work < limit {
                if j >= hi || (i < mid && !less(a[j], a[i])) { b[k] = a[i]; i += 1 } else { b[k] = a[j]; j += 1 }
                k += 1
                work += 1
                if late() { return }
            }
            guard k >= hi else { return }
            lo = hi
            if lo >= n {
                swap(&a, &b)
                nextPass(width: width * 2)
            } else {
                i = lo; j = min(n, lo + width); k = lo
            }
        }
    }

    private mutating func nextPass(width w: Int) {
        width = w
        passes += 1
        lo = 0; i = 0; j = min(a.count, w); k = 0
    }
}
