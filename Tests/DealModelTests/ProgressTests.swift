@testable import DealModel
import Foundation
import Synchronization
import Testing

/// The load's progress moves while it runs (issue 15, item 18: the loading line
/// stood at "0% · 0.0 s" and "50% · 3.1 s" for seconds at a time).
@Suite struct ProgressTests {
    final class Told: Sendable {
        let reports = Mutex<[LoadProgress]>([])
        var all: [LoadProgress] { reports.withLock { $0 } }
        var handler: ProgressHandler { { p in self.reports.withLock { $0.append(p) } } }

        /// Waits (polling, at most 10 s) until `condition` holds of the reports.
        func wait(until condition: ([LoadProgress]) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if reports.withLock({ condition($0) }) { return true }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return false
        }
    }

    @Test func theMeterAdvancesWithinAPhaseAndRepeatsItselfWhenIdle() {
        let told = Told()
        let meter = ProgressMeter(told.handler, step: .zero, heartbeat: .milliseconds(40))
        meter.phase("decoding", 0, until: 0.4)
        meter.advance(1, of: 4)
        meter.advance(2, of: 4)
        meter.advance(1, of: 4)  // not forward: not told
        #expect(told.all == [LoadProgress(phase: "decoding", fraction: 0), LoadProgress(phase: "decoding", fraction: 0.1),
                             LoadProgress(phase: "decoding", fraction: 0.2)])
        // Nothing new: the last report comes again, so that the time shown moves.
        #expect(told.wait { $0.count >= 5 })
        #expect(told.all.dropFirst(3).allSatisfy { $0 == LoadProgress(phase: "decoding", fraction: 0.2) })
        meter.finish()
        let count = told.all.count
        #expect(told.all.last == LoadProgress(phase: "done", fraction: 1))
        Thread.sleep(forTimeInterval: 0.2)
        #expect(told.all.count == count, "nothing after the end")
    }

    @Test func withoutAHandlerNothingRuns() {
        let meter = ProgressMeter(nil)
        meter.phase("x", 0.5)
        meter.advance(1, of: 2)
        meter.finish()
    }

    /// A dataset of about 12 MB and a document of 3 MB: decoding is told as bytes are
    /// read (every 4 MB), the quote search as blocks of the document are scanned.
    @Test func aLoadTellsItsProgressThroughItsLongPhases() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-progress-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let n = 60_000
        var document = "Alpha signed with Beta.\n", deals: [String] = []
        for d in 0..<n {
            document += "Deal number \(d) was agreed between Alpha and Beta, as the parties said in a statement.\n"
            deals.append(#"{"id":"d\#(d)","title":"Deal \#(d) between Alpha and Beta","kind":"licence","status":"stated","parties":[{"partner":"alpha","role":"licensor"},{"partner":"beta","role":"licensee"}],"evidence":["Deal number \#(d) was agreed"]}"#)
        }
        try document.write(toFile: dir + "/doc.txt", atomically: false, encoding: .utf8)
        let json = #"{"dealscope":1,"documents":[{"id":"doc","path":"doc.txt"}],"partners":[{"id":"alpha","name":"Alpha","evidence":["Alpha signed"]},{"id":"beta","name":"Beta","evidence":["with Beta"]}],"deals":[\#n"# + deals.joined(separator: ",\n") + "]}"
        try json.write(toFile: dir + "/data.json", atomically: false, encoding: .utf8)

        let told = Told()
        let meter = ProgressMeter(told.handler, step: .zero, heartbeat: .seconds(60))
        let catalog = try FastLoad.attempt(file: dir + "/data.json", progress: meter)
        meter.finish()
        #expect(catalog.deals.count == n)
        let reports = told.all
        let fractions = reports.map(\.fraction)
        #expect(fractions == fractions.sorted(), "never backwards")
        let decoding = reports.filter { $0.phase == "reading and parsing" && $0.fraction > 0 && $0.fraction < 0.4 }
        #expect(decoding.count >= 2, "\(reports)")
        let locating = reports.filter { $0.phase == "locating quotes" && $0.fraction > 0.5 && $0.fraction <= 0.7 }
        #expect(locating.count >= 2, "\(reports)")
        #expect(reports.last == LoadProgress(phase: "done", fraction: 1))
    }
}
