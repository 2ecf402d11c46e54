import ArgumentParser
import DealModel
#if canImport(Glibc)
import Glibc
#endif

/// `dealscope save-loop` (hidden): edits and saves a dataset in a loop, for the test
/// that kills it at random moments and checks the file and the journal afterwards.
/// Each round sets the first deal's note to "round N" (journalled), says so, and
/// every second round saves and says so.
struct SaveLoop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "save-loop", shouldDisplay: false)

    @Option(name: .long) var data: String
    @Option(name: .long) var cache: String
    @Option(name: .long) var rounds = Int.max

    func run() throws {
        var session = try EditSession.open(path: data, cache: cache)
        // A run killed earlier left its edits in the journal: they are the base.
        _ = try session.restoreJournal()
        guard session.catalog.deals.count > 0 else { throw ExitCode(Exit.data) }
        let key = RecordKey(.deals, session.catalog.deals.id(0))
        var round = 0
        while round < rounds {
            round += 1
            if let warning = try session.apply(session.set(key, field: "note", to: .string("round \(round)"))) {
                say("journal failed: \(warning)")
            }
            say("journalled \(round)")
            if round % 2 == 0 {
                try session.save()
                say("saved \(round)")
            }
        }
    }

    /// Unbuffered, so that what was said is what was done when the process is killed.
    private func say(_ s: String) {
        let bytes = Array((s + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(1, $0.baseAddress!, $0.count) }
    }
}
