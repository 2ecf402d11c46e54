import Foundation
import Testing

/// A large dataset is saved as a snapshot on first use and read from it afterwards,
/// with the same output; `validate` always reads the dataset itself.
@Suite("Snapshots from the command line")
struct SnapshotCLITests {
    @Test func theSecondRunReadsTheSnapshotAndPrintsTheSame() throws {
        let exe = try #require(Paths.executable)
        let generator = (exe as NSString).deletingLastPathComponent + "/dealscope-gen"
        try #require(FileManager.default.isExecutableFile(atPath: generator), "dealscope-gen is built by `swift build`")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-snapcli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gen = try run(generator, ["--deals", "4000", "--out", dir + "/data"])
        #expect(gen.status == 0, "\(gen)")
        let data = dir + "/data/synthetic.dealscope.json"
        let env = ["DEALSCOPE_CACHE": "", "DEALSCOPE_CACHE_DIR": dir + "/cache", "DEALSCOPE_TRACE_LOAD": "1"]

        let first = try dealscope(["deals", "--data", data, "--json"], environment: env)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("snapshot not used: no snapshot"), "\(first)")
        let saved = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache").filter { $0 != "key" }
        #expect(saved.count == 1 && saved[0].hasSuffix(".snapshot"), "one snapshot, no temporary file: \(saved)")

        let second = try dealscope(["deals", "--data", data, "--json"], environment: env)
        #expect(second.status == 0)
        #expect(!second.stderr.contains("snapshot not used"), "\(second)")
        #expect(second.stdout == first.stdout && first.stdout.count > 100_000)

        // validate reads the dataset, whatever the snapshot says.
        let check = try dealscope(["validate", data], environment: env)
        #expect(check.status == 0, "\(check)")

        // Touch the dataset: the snapshot no longer holds and is not used.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: data)
        let third = try dealscope(["deals", "--data", data, "--json"], environment: env)
        #expect(third.stderr.contains("snapshot not used: the dataset changed"), "\(third)")
        #expect(third.stdout == first.stdout)
    }

    /// A generated 4,000-deal dataset (about 2 MB: large enough to be snapshotted).
    static func generated(in dir: String) throws -> String {
        let exe = try #require(Paths.executable)
        let generator = (exe as NSString).deletingLastPathComponent + "/dealscope-gen"
        let gen = try run(generator, ["--deals", "4000", "--out", dir + "/data"])
        #expect(gen.status == 0, "\(gen)")
        return dir + "/data/synthetic.dealscope.json"
    }

    @Test func aFileSizeLimitNeverFailsTheCommand() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-fsize-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.generated(in: dir)
        let exe = try #require(Paths.executable)
        let env = ["DEALSCOPE_CACHE": "", "DEALSCOPE_CACHE_DIR": dir + "/cache"]
        // The snapshot (1.3 MB) cannot be written under `ulimit -f 1000` (the output,
        // 150 KB, can): the command must still succeed (it died of SIGXFSZ, exit 153).
        // The signal is reset to its default first: a test runner may ignore it, and
        // its children inherit that.
        let limited = try run("/usr/bin/env", ["--default-signal=XFSZ", "/bin/sh", "-c", "ulimit -f 1000; exec \(shellQuoted(exe)) partners --data \(shellQuoted(data))"], environment: env)
        #expect(limited.status == 0, "\(limited)")
        let plain = try dealscope(["partners", "--data", data])
        #expect(limited.stdout == plain.stdout && plain.stdout.count > 1000)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/cache")) ?? []
        #expect(!left.contains { $0.hasSuffix(".snapshot") || $0.hasSuffix(".tmp") }, "\(left)")
    }

    @Test func cacheListShowsEachSnapshotAndClearRemovesThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-cachecmd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.generated(in: dir)
        let env = ["DEALSCOPE_CACHE": "", "DEALSCOPE_CACHE_DIR": dir + "/cache"]
        #expect(try dealscope(["partners", "--data", data], environment: env).status == 0)

        let list = try dealscope(["cache", "list"], environment: env)
        #expect(list.status == 0, "\(list)")
        #expect(list.stdoutLines.first?.hasPrefix("LAST USED") == true)
        #expect(list.stdout.contains("current") && list.stdout.contains("synthetic.dealscope.json"), "\(list)")
        #expect(list.stderr.contains("1 snapshot,") && list.stderr.contains("limits: 8 snapshots, 2.0 GB"), "\(list)")
        let json = try #require(try dealscope(["cache", "list", "--json"], environment: env).json() as? [[String: Any]])
        #expect(json.count == 1 && json[0]["state"] as? String == "current" && (json[0]["dataset"] as? String)?.hasSuffix("synthetic.dealscope.json") == true)

        // The dataset changes: the snapshot is stale, and `clear --unused` removes it.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: data)
        #expect(try dealscope(["cache", "list"], environment: env).stdout.contains("stale"))
        let cleared = try dealscope(["cache", "clear", "--unused"], environment: env)
        #expect(cleared.status == 0 && cleared.stdout.hasPrefix("removed 1 snapshot"), "\(cleared)")
        #expect(try dealscope(["cache", "list", "--json"], environment: env).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}
