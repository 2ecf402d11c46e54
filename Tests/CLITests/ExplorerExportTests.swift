import DealModel
import ExplorerCore
import Foundation
import Testing

/// The explorer's `:export FILE.csv|md` writes the bytes `dealscope export --format`
/// writes for the same partner filter, by the file's extension, never over a file
/// unless `:export!`.
@Suite("Explorer export")
struct ExplorerExportTests {
    /// Types a `:` command and carries out the write it asks for, as the runner does.
    static func command(_ s: inout AppState, _ line: String) {
        var effects = Explorer.update(&s, .key(.char(":")))
        for c in line { effects += Explorer.update(&s, .key(.char(c))) }
        effects += Explorer.update(&s, .key(.enter))
        for case .write(let request) in effects { _ = Explorer.perform(request, &s) }
    }

    static func explorer(filter: [String]) throws -> AppState {
        var s = Explorer.start(catalog: try DatasetLoader.load(path: nil, saveSnapshot: false), partners: filter, width: 120, height: 40)
        s.journalCache = nil
        return s
    }

    @Test(arguments: [("csv", "csv"), ("md", "markdown")])
    func theExplorerWritesWhatTheCommandWritesForTheSameFilter(_ ext: String, _ format: String) throws {
        let dir = try ExportTests.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var s = try Self.explorer(filter: ["amazon", "openai"])
        let mine = dir + "/view." + ext, theirs = dir + "/cli." + ext
        Self.command(&s, "export \(mine)")
        let cli = try dealscope("export", "--format", format, "--partner", "amazon", "--partner", "openai", "--output", theirs, "--json")
        #expect(cli.status == 0, "\(cli)")
        let written = try #require(FileManager.default.contents(atPath: mine))
        #expect(written == FileManager.default.contents(atPath: theirs))
        // The message counts what the file holds, as the CLI's summary does.
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        #expect(s.message == "exported \(summary["deals"]!) deals, \(summary["partners"]!) partners, \(summary["events"]!) events to \(mine)")
        #expect((summary["deals"] as? Int ?? 0) > 0 && (summary["deals"] as? Int ?? 0) < 12, "a filtered view, not everything")
    }

    @Test func anExistingFileIsKeptUnlessTheCommandSaysReplace() throws {
        let dir = try ExportTests.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/mine.csv"
        try "my own notes\n".write(toFile: path, atomically: false, encoding: .utf8)
        var s = try Self.explorer(filter: ["amazon"])
        Self.command(&s, "export \(path)")
        #expect(s.message == "\(path) exists already: :export! \(path) replaces it")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my own notes\n")
        Self.command(&s, "export! \(path)")
        #expect(s.message?.hasPrefix("exported ") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(CSVExport.header.joined(separator: ",") + "\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["mine.csv"], "no temporary file left beside it")
    }

    @Test func anUnknownExtensionIsRefusedNamingTheThree() throws {
        let dir = try ExportTests.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var s = try Self.explorer(filter: [])
        Self.command(&s, "export \(dir)/notes.txt")
        #expect(s.message == "export writes by the file's extension: :export FILE.json (a dataset), FILE.csv or FILE.md")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
