@testable import DealModel
import Testing

/// The tree walk that orders the timeline gives the order the documented keys give
/// (each event: its anchor's key, then its relation and document position; each
/// document an anchor at its date), checked against a plain key sort on random events
/// with shared dates, shared positions, chains, every relation and precision, and
/// several documents, dated or not.
@Suite("Timeline order against its keys")
struct TimelineOrderRandomTests {
    struct Event {
        var id: String
        var date: PartialDate?
        var link: (EventOrder.Relation, Int?)?
        var position: Int
        var document = 0
    }

    /// The keys of docs/data-format.md, compared as written there: a dated document
    /// after the events of its date, undated ones after every dated event, documents
    /// at the same place in their order.
    static func reference(_ events: [Event], documentDates: [PartialDate?]) -> [Int] {
        let anchors: [[Int]] = documentDates.indices.map { d in documentDates[d].map { [0] + $0.sortKey + [Int.max, d] } ?? [1, d] }
        var memo = [[Int]?](repeating: nil, count: events.count)
        func key(_ i: Int) -> [Int] {
            if let k = memo[i] { return k }
            let e = events[i]
            let k: [Int]
            if let d = e.date {
                k = [0] + d.sortKey + [e.position]
            } else {
                let (relation, target) = e.link ?? (.before, nil)
                let rel = relation == .before ? -1 : relation == .with ? 1 : 2
                k = (target.map(key) ?? anchors[e.document]) + [rel, e.position]
            }
            memo[i] = k
            return k
        }
        let keys = events.indices.map { key($0) + [0] }
        return events.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            for i in 0..<min(ka.count, kb.count) where ka[i] != kb[i] { return ka[i] < kb[i] }
            if ka.count != kb.count { return ka.count < kb.count }
            return events[a].id < events[b].id
        }
    }

    @Test(arguments: Array(UInt64(1)...40))
    func randomEvents(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        let n = 5 + rng.below(60)
        // Every fifth seed: positions past 2³² and years out of the four digits, which
        // the packed keys cannot hold (compared as tuples instead).
        let wide = seed % 5 == 0
        var events: [Event] = []
        for i in 0..<n {
            var e = Event(id: "e\(rng.below(1000))-\(i)", date: nil, link: nil, position: rng.below(8) * (wide ? 1 << 31 : 1), document: rng.below(3))
            // Every fifth seed (another one): all events dated.
            switch seed % 5 == 3 ? 0 : rng.below(4) {
            case 0:
                let y = wide && rng.below(3) == 0 ? -1 - rng.below(2) : 2020 + rng.below(3)
                e.date = [PartialDate(year: y), PartialDate(year: y, month: 1 + rng.below(3)), PartialDate(year: y, month: 2, day: 1 + rng.below(3)),
                          PartialDate(year: y, half: 1 + rng.below(2)), PartialDate(year: y, quarter: 1 + rng.below(2))][rng.below(5)]
            case 1: e.link = nil
            default:
                // Only earlier events as anchors: no cycles.
                let relation = [EventOrder.Relation.before, .with, .after][rng.below(3)]
                e.link = (relation, i > 0 && rng.below(4) > 0 ? rng.below(i) : nil)
            }
            events.append(e)
        }
        let choices: [PartialDate?] = [nil, PartialDate(year: 2021, month: 6), PartialDate(year: 2021, quarter: 2), PartialDate(year: 2021), PartialDate(year: 2030)]
        let documentDates = (0..<3).map { _ in choices[rng.below(choices.count)] }
        let got = TimelineOrder.sortPositions(count: n, date: { events[$0].date }, link: { events[$0].link },
                                              documentPosition: { events[$0].position }, id: { events[$0].id },
                                              document: { events[$0].document }, documentDates: documentDates)
        #expect(got == Self.reference(events, documentDates: documentDates), "seed \(seed)")
    }
}
