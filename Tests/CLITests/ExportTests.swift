import Foundation
import Testing

/// `dealscope export --format json`: a dataset in the documented format that
/// `validate` accepts and `--data` loads to the same records, written atomically.
@Suite("Dataset export")
struct ExportTests {
    static func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func generate(_ arguments: [String], in dir: String) throws -> String {
        let exe = try #require(Paths.executable)
        let generator = (exe as NSString).deletingLastPathComponent + "/dealscope-gen"
        let gen = try run(generator, arguments + ["--out", dir + "/data"])
        #expect(gen.status == 0, "\(gen)")
        return dir + "/data/synthetic.dealscope.json"
    }

    /// The issue as filed: a new user exports and validates. Every listing reads the
    /// same from the export as from the data it came from.
    @Test func theExportValidatesAndLoadsToTheSameRecords() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/export/alliance.dealscope.json"
        try FileManager.default.createDirectory(atPath: dir + "/export", withIntermediateDirectories: true)
        let export = try dealscope("export", "--format", "json", "--output", out)
        #expect(export.status == 0 && export.stdout.isEmpty, "\(export)")
        let check = try dealscope("validate", out)
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.hasPrefix("ok: 8 partners, 12 deals, 10 events"))
        for command in [["partners", "--json"], ["deals", "--json"], ["timeline", "--json"], ["show", "openai-new-funding", "--json"]] {
            let original = try dealscope(command), back = try dealscope(command + ["--data", out])
            #expect(back.status == 0 && back.stdout == original.stdout, "\(command)")
        }
        // The documented format, not the listing's: no derived fields.
        let text = try String(contentsOfFile: out, encoding: .utf8)
        for derived in ["\"sentenceText\"", "\"position\"", "\"counterparties\"", "\"relation\"", "\"quote\""] { #expect(!text.contains(derived), "\(derived)") }
        #expect(!text.contains("\"path\": \"/") && text.contains("openai-microsoft-alliance.txt\""), "a path relative to the file")
        // Standard output holds the same dataset, its paths from the current directory.
        let stdout = try dealscope("export")
        #expect(stdout.stdout.contains("\"path\": \"Assets/openai-microsoft-alliance.txt\""))
    }

    /// Documents lie under their dataset's directory: an export elsewhere copies the
    /// document beside it (a file of that name with other words is left alone and the
    /// copy takes the next name; one with the same words is used), and loads.
    @Test func anExportElsewhereTakesACopyOfItsDocument() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "not the article".write(toFile: dir + "/openai-microsoft-alliance.txt", atomically: false, encoding: .utf8)
        let first = try dealscope("export", "--output", dir + "/a.json")
        #expect(first.status == 0 && first.stderr.contains("beside the export as openai-microsoft-alliance-2.txt"), "\(first)")
        #expect(try String(contentsOfFile: dir + "/openai-microsoft-alliance.txt", encoding: .utf8) == "not the article")
        #expect(try String(contentsOfFile: dir + "/a.json", encoding: .utf8).contains("\"path\": \"openai-microsoft-alliance-2.txt\""))
        #expect(try dealscope("validate", dir + "/a.json").status == 0)
        let second = try dealscope("export", "--output", dir + "/b.json")
        #expect(second.status == 0 && second.stderr.isEmpty, "\(second)")
        #expect(try String(contentsOfFile: dir + "/b.json", encoding: .utf8).contains("\"path\": \"openai-microsoft-alliance-2.txt\""))
    }

    /// Generated data with every later field: exported, validated, exported again
    /// from the export: the same bytes.
    @Test func generatedDataExportsTheSameTwice() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.generate(["--deals", "1500", "--extended"], in: dir)
        let first = try dealscope("export", "--data", data, "--output", dir + "/first.json")
        #expect(first.status == 0, "\(first)")
        #expect(try dealscope("validate", dir + "/first.json").status == 0)
        let second = try dealscope("export", "--data", dir + "/first.json", "--output", dir + "/second.json")
        #expect(second.status == 0, "\(second)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/first.json")) == Data(contentsOf: URL(fileURLWithPath: dir + "/second.json")))
        let deals = try dealscope("deals", "--json", "--data", data), back = try dealscope("deals", "--json", "--data", dir + "/first.json")
        #expect(deals.stdout == back.stdout && deals.stdout.count > 100_000)
    }

    /// The listing filters pick what is written; the result loads, with every party
    /// of a written deal.
    @Test func theListingFiltersChooseWhatIsWritten() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/amazon.json"
        let export = try dealscope("export", "--partner", "amazon", "--output", out)
        #expect(export.status == 0, "\(export)")
        #expect(try dealscope("validate", out).status == 0)
        let listed = try dealscope("deals", "--partner", "amazon", "--json"), back = try dealscope("deals", "--json", "--data", out)
        #expect(CLITests.ids(try back.json()) == CLITests.ids(try listed.json()))
        // The deals' parties, and the partners the written events name (Microsoft,
        // through the joint statement).
        let partners = CLITests.ids(try dealscope("partners", "--json", "--data", out).json())
        #expect(Set(partners) == ["openai", "amazon", "nvidia", "softbank", "microsoft"])
        // A kind, a date range, a search: each loads.
        for filter in [["--kind", "licence"], ["--from", "2026-H1"], ["--search", "azure"], ["--to", "2025-Q4"]] {
            let r = try dealscope(["export", "--output", dir + "/f.json"] + filter)
            #expect(r.status == 0, "\(r)")
            #expect(try dealscope("validate", dir + "/f.json").status == 0, "\(filter)")
        }
        // CSV and Markdown of a filtered view hold what the JSON export holds.
        let csv = try dealscope("export", "--format", "csv", "--partner", "amazon")
        #expect(csv.stdoutLines.filter { $0.hasPrefix("deal,") }.count == 2)
        #expect(csv.stdoutLines.filter { $0.hasPrefix("partner,") }.count == 5)
        #expect(try dealscope("export", "--kind", "lisence").status == 64)
    }

    @Test func anExportNeverReplacesTheDataItCameFrom() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.generate(["--deals", "50"], in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: data))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: data)
        for (target, format) in [(data, "json"), (dir + "/data/synthetic.txt", "json"), (dir + "/data/../data/synthetic.dealscope.json", "json"), (data, "csv"),
                                 (dir + "/link.json", "json")] {
            let r = try dealscope("export", "--data", data, "--format", format, "--output", target)
            #expect(r.status == 64, "\(r)")
            #expect(r.stderr.contains("is a file the data was loaded from"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before)
    }

    /// A read-only file, a missing directory, a full disk (a file size limit here):
    /// exit 73 with the reason and the fix; the old file intact, nothing left behind.
    @Test func aFileThatCannotBeWrittenIsReportedAndLeftAlone() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out.json"
        try "old".write(toFile: out, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: out)
        let locked = try dealscope("export", "--output", out)
        #expect(locked.status == 73, "\(locked)")
        #expect(locked.stderr == "dealscope: cannot write \(out): the file is read-only\n  fix: make it writable (chmod u+w), or write elsewhere\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: out)

        let missing = try dealscope("export", "--output", dir + "/gone/out.json")
        #expect(missing.status == 73 && missing.stderr.contains("the directory \(dir)/gone does not exist"), "\(missing)")

        // ulimit -f: writing past 4 KB fails (EFBIG), as a full disk does (ENOSPC).
        let exe = try #require(Paths.executable)
        let full = try run("/bin/sh", ["-c", "ulimit -f 8; exec \(shellQuoted(exe)) export --output \(shellQuoted(out))"])
        #expect(full.status == 73, "\(full)")
        #expect(full.stderr.contains("cannot write \(out): the file is larger than the system allows"), "\(full)")
        #expect(full.stderr.contains("the old file is unchanged"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
    }

    /// Killed at any moment while it writes, an export leaves the old file or the new
    /// one, whole: never a mix, never an empty file.
    @Test func aKillAtAnyMomentLeavesTheOldFileOrTheNewOne() throws {
        let exe = try #require(Paths.executable)
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.generate(["--deals", "20000"], in: dir)
        let out = dir + "/out.json"
        let old = Data("{ \"old\": true }\n".utf8)
        // The new file, and how long writing it takes.
        let started = Date()
        #expect(try dealscope("export", "--data", data, "--output", out).status == 0)
        let took = Date().timeIntervalSince(started)
        let new = try Data(contentsOf: URL(fileURLWithPath: out))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<12 {
            try old.write(to: URL(fileURLWithPath: out))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["export", "--data", data, "--output", out]
            p.environment = ["DEALSCOPE_CACHE": "off", "PATH": "/usr/bin:/bin"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(Double.random(in: 0...(took * 1.2), using: &rng) * 1e6))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(now == old || now == new, "\(now.count) bytes: neither the old file nor the new one")
        }
        // Temporary files a kill left behind are hidden, and never read as data.
        let visible = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }
        #expect(Set(visible) == ["data", "out.json"])
    }
}
