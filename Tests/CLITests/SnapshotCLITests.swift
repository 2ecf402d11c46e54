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
        let saved = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")
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
}
