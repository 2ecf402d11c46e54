import Foundation
import Testing
@testable import DealModel

/// Saves survive `kill -9`: `dealscope save-loop` edits (journalled) and saves a copy
/// of the review fixture in a loop and is killed at random moments; each time the
/// file must load as the last saved version or the one being saved, and the journal
/// must bring back every edit the process had made.
@Suite("Crash safety of saves")
struct SaveKillTests {
    /// `dealscope`, built beside these tests (`swift build` runs before `swift test`).
    static let executable: String? = {
        var dirs: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var url = URL(fileURLWithPath: exe)
            while url.path != "/" {
                url.deleteLastPathComponent()
                dirs.append(url.path)
                if url.lastPathComponent == "debug" || url.lastPathComponent == "release" { break }
            }
        }
        dirs.append(Paths.packageRoot + "/.build/debug")
        return dirs.map { $0 + "/dealscope" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The number in the last line of `output` that starts with `word`, 0 for none.
    static func last(_ word: String, in output: String) -> Int {
        output.split(separator: "\n").last { $0.hasPrefix(word + " ") }.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
    }

    static func round(_ note: String?) -> Int? { note.flatMap { Int($0.dropFirst("round ".count)) } }

    @Test func killedAtRandomMomentsTheFileIsOldOrNewAndTheJournalRestores() throws {
        let exe = try #require(Self.executable, "dealscope is not built: run swift build first")
        let runs = ProcessInfo.processInfo.environment["DEALSCOPE_KILL_RUNS"].flatMap(Int.init) ?? 1000
        let root = try temporaryDirectory("dealscope-kill")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var rng = SplitMix64(state: 13)
        var killedAfterASave = 0, restoredUnsaved = 0
        for run in 0..<runs {
            let dir = root + "/\(run)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for f in ["review.dealscope.json", "article.txt"] {
                try FileManager.default.copyItem(atPath: Paths.fixture("review/" + f), toPath: dir + "/" + f)
            }
            let data = dir + "/review.dealscope.json", cache = dir + "/cache", out = dir + "/out"
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["save-loop", "--data", data, "--cache", cache]
            p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            p.standardError = FileHandle.nullDevice
            try p.run()
            // One run in ten is killed while it starts; the others once their first
            // edit is journalled (however busy the machine), within a few rounds.
            if run % 10 == 0 {
                usleep(UInt32(rng.next() % 30_000))
            } else {
                let deadline = Date().addingTimeInterval(20)
                while p.isRunning, Date() < deadline, !((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").contains("journalled") {
                    usleep(1_000)
                }
                usleep(UInt32(rng.next() % 60_000))
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let said = try String(contentsOfFile: out, encoding: .utf8)
            let journalled = Self.last("journalled", in: said), saved = Self.last("saved", in: said)

            // The file: a whole, valid dataset, the last saved version or the next.
            let (catalog, problems) = DatasetLoader.check(path: data, snapshots: false)
            let onDisk = try #require(catalog, "run \(run): the file does not load: \(problems.first.map(\.description) ?? "")")
            let diskRound = Self.round(onDisk.deals[0].note) ?? 0
            #expect(diskRound == saved || diskRound == saved + 2, "run \(run): on disk round \(diskRound), saved \(saved)")
            if saved > 0 { killedAfterASave += 1 }

            // The journal: every edit the process said it made, and perhaps the next.
            var session = try EditSession.open(path: data, cache: cache)
            let restored: Int
            do { restored = try session.restoreJournal() } catch {
                let journal = (try? String(contentsOfFile: session.journal?.path ?? "", encoding: .utf8)) ?? ""
                Issue.record("run \(run): \(error.message)\nsaid:\n\(said)\njournal:\n\(journal.prefix(4000))")
                return
            }
            let round = Self.round(session.catalog.deals[0].note) ?? 0
            #expect(round == journalled || round == journalled + 1, "run \(run): restored round \(round), journalled \(journalled)")
            if restored > 0 { restoredUnsaved += 1 }
            try? FileManager.default.removeItem(atPath: dir)
        }
        // The kills fell both after saves and between them.
        if runs >= 100 {
            #expect(killedAfterASave > runs / 4)
            #expect(restoredUnsaved > runs / 4)
        }
        print("save-loop killed \(runs) times: \(killedAfterASave) after a save, \(restoredUnsaved) with unsaved edits restored")
    }
}
