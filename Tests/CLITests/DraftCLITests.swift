import Foundation
import Testing

/// `dealscope draft` and opening an article with `--data`: datasets that validate and
/// load, every record marked as a draft, files never replaced without --force, and a
/// clear error for every file that is not an article.
@Suite("Draft command")
struct DraftCLITests {
    static let articles = ["ai-deals-briefing", "aster-funding-baytech", "aster-funding-ledger", "chip-energy-roundup", "cloud-compute-note",
                           "european-telecom-deal", "fabrikam-contoso-venture", "halcyon-brightwater-cma", "infrastructure-digest",
                           "northwind-tailspin-licence", "openai-amd-chips", "proseware-adatum-talks", "startup-funding-brief"]
    static let bundled = Paths.packageRoot + "/Assets/openai-microsoft-alliance.txt"

    static func article(_ name: String) -> String { Paths.fixture("draft/\(name).txt") }

    static func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-draft-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Every record of a dataset (parsed JSON): partners, their products, deals, events.
    static func records(_ dataset: [String: Any]) -> [[String: Any]] {
        let partners = dataset["partners"] as? [[String: Any]] ?? []
        let products = partners.flatMap { $0["products"] as? [[String: Any]] ?? [] }
        return partners + products + (dataset["deals"] as? [[String: Any]] ?? []) + (dataset["events"] as? [[String: Any]] ?? [])
    }

    /// Each test article and the bundled one, drafted alone: the dataset validates,
    /// loads with --data, and every record says it is a draft, with its rule and words.
    @Test(arguments: articles.map(article) + [bundled])
    func eachArticleDraftsToADatasetThatValidatesAndLoads(_ path: String) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/draft.json"
        let draft = try dealscope("draft", path, "--out", out)
        #expect(draft.status == 0 && draft.stdout.isEmpty, "\(draft)")
        #expect(draft.stderr.contains("→ \(out): "), "\(draft)")
        let check = try dealscope("validate", out)
        #expect(check.status == 0 && check.stdout.hasPrefix("ok: "), "\(check)")
        let dataset = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let records = Self.records(dataset)
        #expect(!records.isEmpty)
        for r in records {
            let mark = r["draft"] as? [String: String]
            #expect(mark?["rule"]?.isEmpty == false && mark?["matched"]?.isEmpty == false, "\(r)")
        }
        let deals = try dealscope("deals", "--data", out, "--json")
        #expect(deals.status == 0, "\(deals)")
        let listed = try #require(try deals.json() as? [[String: Any]])
        #expect(listed.count == (dataset["deals"] as? [Any])?.count)
        #expect(listed.allSatisfy { ($0["draft"] as? [String: Any])?["rule"] != nil })
    }

    /// One article without --out: its dataset on standard output, the document named
    /// relative to the current directory, the header's title, publisher and date kept.
    @Test func oneArticleWithoutOutPrintsItsDataset() throws {
        let run = try dealscope("draft", "Tests/Fixtures/draft/aster-funding-ledger.txt")
        #expect(run.status == 0, "\(run)")
        let dataset = try #require(try run.json() as? [String: Any])
        #expect(dataset["dealscope"] as? Int == 1)
        #expect(dataset["title"] as? String == "draft of aster-funding-ledger.txt")
        let document = try #require((dataset["documents"] as? [[String: Any]])?.first)
        #expect(document["id"] as? String == "aster-funding-ledger")
        #expect(document["path"] as? String == "Tests/Fixtures/draft/aster-funding-ledger.txt")
        #expect(document["publisher"] as? String == "The Ledger")
        #expect(document["date"] as? String == "2024-06-12")
        #expect((document["title"] as? String)?.hasPrefix("Aster Labs raises") == true)
        // The reviewer's notes go to standard error, never into the dataset.
        #expect(run.stderr.contains("dealscope: note: Tests/Fixtures/draft/aster-funding-ledger.txt: not-proposed: "), "\(run.stderr)")
        // The same bytes when drafted again.
        #expect(try dealscope("draft", "Tests/Fixtures/draft/aster-funding-ledger.txt").stdout == run.stdout)
    }

    @Test func publishedOverridesTheHeaderAndABadDateIsAUsageError() throws {
        let run = try dealscope("draft", Self.article("aster-funding-ledger"), "--published", "2024-07")
        let document = try #require(((try run.json() as? [String: Any])?["documents"] as? [[String: Any]])?.first)
        #expect(document["date"] as? String == "2024-07")
        for bad in ["June", "2024-13", "2024-Q3"] {
            let r = try dealscope("draft", Self.article("aster-funding-ledger"), "--published", bad)
            #expect(r.status == 64 && r.stdout.isEmpty, "\(r)")
            #expect(r.stderr.contains("--published \(bad) is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"), "\(r)")
        }
    }

    /// Many articles, one picture: drafted together into a directory, they load with
    /// --data DIR as one set of partners, and the deal two articles report is one deal
    /// with evidence from both.
    @Test func manyArticlesToADirectoryLoadAsOnePicture() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/drafts"
        let run = try dealscope(["draft"] + Self.articles.map(Self.article) + [Self.bundled, "--out", out, "--json"])
        #expect(run.status == 0, "\(run)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        // Each draft, and a copy of its article: a dataset's documents lie under its directory.
        #expect(written == (Self.articles + ["openai-microsoft-alliance"]).flatMap { [$0 + ".dealscope.json", $0 + ".txt"] }.sorted())
        let summary = try #require(try run.json() as? [[String: Any]])
        #expect(summary.count == Self.articles.count + 1)
        #expect(summary.first?["output"] as? String == out + "/ai-deals-briefing.dealscope.json")
        let check = try dealscope("validate", out)
        #expect(check.status == 0 && check.stdout.contains("in 14 documents"), "\(check)")
        // One partner for a company several articles name.
        let partners = try #require(try dealscope("partners", "--data", out, "--json").json() as? [[String: Any]])
        #expect(partners.filter { $0["name"] as? String == "Microsoft" }.count == 1)
        // Microsoft's investment in Aster Labs, reported by The Ledger and by Baytech: one deal, both documents.
        let show = try dealscope("show", "microsoft-aster-labs-investment", "--data", out, "--json")
        #expect(show.status == 0, "\(show)")
        let deal = try #require(try show.json() as? [String: Any])
        let documents = Set((deal["evidence"] as? [[String: Any]] ?? []).compactMap { $0["document"] as? String })
        #expect(documents.isSuperset(of: ["aster-funding-ledger", "aster-funding-baytech"]), "\(documents)")
        // Each document says where it came from (the article's header).
        let sheet = try dealscope("show", "microsoft-aster-labs-investment", "--data", out)
        #expect(sheet.stdout.contains("from “Aster Labs raises roughly $1.2 billion as Nvidia and Salesforce Ventures join”, The Ledger, 12 Jun 2024"), "\(sheet)")
        #expect(sheet.stdout.contains("  draft    proposed by rule "), "\(sheet)")
        // One timeline, each document its own anchor.
        let timeline = try dealscope("timeline", "--data", out, "--json")
        #expect(timeline.status == 0, "\(timeline)")
    }

    /// Several articles without --out: each dataset next to its article, named from it.
    @Test func severalArticlesWithoutOutAreWrittenNextToEachArticle() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["aster-funding-ledger", "aster-funding-baytech"] {
            try FileManager.default.copyItem(atPath: Self.article(name), toPath: dir + "/\(name).txt")
        }
        let run = try dealscope("draft", dir + "/aster-funding-ledger.txt", dir + "/aster-funding-baytech.txt")
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run)")
        for name in ["aster-funding-ledger", "aster-funding-baytech"] {
            let dataset = try String(contentsOfFile: dir + "/\(name).dealscope.json", encoding: .utf8)
            #expect(dataset.contains("\"path\": \"\(name).txt\""))
        }
        let check = try dealscope("validate", dir)
        #expect(check.status == 0, "\(check)")
    }

    /// An existing file is never replaced without --force (exit 73, the fix named, the
    /// file unchanged); with --force it is, atomically.
    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/mine.json"
        try Self.write(Array("precious\n".utf8), to: out)
        let refused = try dealscope("draft", Self.article("openai-amd-chips"), "--out", out)
        #expect(refused.status == 73, "\(refused)")
        #expect(refused.stderr.contains("\(out) exists; pass --force to replace it, or choose another --out"), "\(refused)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "precious\n")
        // In a directory too: nothing is written when one of the files exists.
        let other = dir + "/drafts"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try Self.write(Array("mine\n".utf8), to: other + "/openai-amd-chips.dealscope.json")
        let many = try dealscope("draft", Self.article("cloud-compute-note"), Self.article("openai-amd-chips"), "--out", other)
        #expect(many.status == 73, "\(many)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["openai-amd-chips.dealscope.json"])
        let forced = try dealscope("draft", Self.article("openai-amd-chips"), "--out", out, "--force")
        #expect(forced.status == 0, "\(forced)")
        #expect(try dealscope("validate", out).status == 0)
    }

    /// --with DATASET: the drafter knows the dataset's partners, aliases and products.
    @Test func withADatasetTheDrafterUsesItsPartners() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write(Array("Contoso Group makes Nimbus.\n".utf8), to: dir + "/known.txt")
        try Self.write(Array("""
            {"dealscope": 1, "documents": [{"id": "known", "path": "known.txt"}],
             "partners": [{"id": "ctso", "name": "Contoso", "aliases": ["Contoso Group"],
                           "products": [{"name": "Nimbus", "evidence": ["makes Nimbus"]}], "evidence": ["Contoso Group makes Nimbus."]}]}
            """.utf8), to: dir + "/known.json")
        try Self.write(Array("Contoso Group invested $5 million in Fabrikam Robotics.\n".utf8), to: dir + "/news.txt")
        let without = try dealscope("draft", dir + "/news.txt")
        #expect(without.status == 0 && without.stdout.contains("\"id\": \"contoso-group\""), "\(without)")
        let with = try dealscope("draft", dir + "/news.txt", "--with", dir + "/known.json")
        #expect(with.status == 0, "\(with)")
        #expect(with.stdout.contains("\"id\": \"ctso\"") && with.stdout.contains("\"id\": \"ctso-fabrikam-robotics-investment\""), "\(with)")
        let bad = try dealscope("draft", dir + "/news.txt", "--with", dir + "/missing.json")
        #expect(bad.status == 65 && bad.stderr.hasPrefix("dealscope: --with: \(dir)/missing.json"), "\(bad)")
    }

    /// Files that are not articles: a clear message naming the file and the fix, exit 65,
    /// nothing on standard output; from `draft` and from `--data` alike.
    static let notArticles: [(String, [UInt8]?, String)] = {
        let utf16: [UInt8] = "Amazon invests".utf8.flatMap { [$0, 0] }
        let latin1: [UInt8] = Array("Soci".utf8) + [0xE9, 0x74, 0xE9] + Array(" invests\n".utf8)
        return [
            ("missing.txt", nil, "cannot read the article: no such file"),
            ("folder.txt", [], "cannot read the article: it is a directory, not a file"),
            ("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00], "this is a binary file, not text"),
            ("empty.txt", Array(" \n\n".utf8), "the article is empty"),
            ("latin1.txt", latin1, "the text is not UTF-8 (byte 0xE9 at offset 4)"),
            ("utf16.txt", [0xFF, 0xFE] + utf16, "the article is UTF-16 text, not UTF-8"),
            ("utf16le.txt", utf16, "the article looks like UTF-16 text (LE, without a byte order mark)"),
        ]
    }()

    @Test(arguments: notArticles)
    func filesThatAreNotArticlesAreRefusedClearly(name: String, bytes: [UInt8]?, message: String) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + name
        if let bytes {
            if name == "folder.txt" { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } else { try Self.write(bytes, to: path) }
        }
        for arguments in [["draft", path], ["deals", "--data", path]] {
            let run = try dealscope(arguments)
            #expect(run.status == 65 && run.stdout.isEmpty, "\(run)")
            #expect(run.stderr.hasPrefix("dealscope: \(path): "), "\(run)")
            #expect(run.stderr.contains(message) && run.stderr.contains("\n  fix: "), "\(run)")
            #expect(!run.stderr.contains("malformed JSON"), "\(run)")
        }
    }

    @Test func draftWithoutAnArticleIsAUsageError() throws {
        let run = try dealscope("draft")
        #expect(run.status == 64 && run.stderr.contains("draft needs at least one article file"), "\(run)")
    }

    /// `--data ARTICLE.txt`: drafted in memory, listed as drafts, and said so.
    @Test func dataOfAnArticleListsItsDrafts() throws {
        let path = Self.article("openai-amd-chips")
        let run = try dealscope("deals", "--data", path, "--json")
        #expect(run.status == 0, "\(run)")
        let deals = try #require(try run.json() as? [[String: Any]])
        #expect(!deals.isEmpty && deals.allSatisfy { $0["draft"] is [String: Any] })
        #expect(run.stderr.contains("\(path) is an article, not a dataset: drafted in memory, not saved; every record is a draft"), "\(run)")
        // The same records as the dataset `draft` writes.
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try dealscope("draft", path, "--out", dir + "/d.json").status == 0)
        #expect(try dealscope("deals", "--data", dir + "/d.json", "--json").stdout == run.stdout)
        // A text file without the extension is recognised by its first character.
        try FileManager.default.copyItem(atPath: path, toPath: dir + "/article")
        let plain = try dealscope("partners", "--data", dir + "/article")
        #expect(plain.status == 0 && plain.stdout.contains("AMD"), "\(plain)")
    }

    /// A progress bar on standard error when it is a terminal (here from the first
    /// step: DEALSCOPE_PROGRESS_AFTER_MS=0), the per-article lines above it, and the
    /// bar cleared at the end; none when standard error is a file.
    @Test func aProgressBarOnlyOnATerminal() throws {
        guard scriptCommand != nil else { return }
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let articles = [Self.article("openai-amd-chips"), Self.article("cloud-compute-note")]
        let tty = try dealscopeOnATerminal(["draft"] + articles + ["--out", dir + "/tty"], environment: ["DEALSCOPE_PROGRESS_AFTER_MS": "0"])
        #expect(tty.status == 0, "\(tty)")
        #expect(tty.stdout.contains("drafting ▕") && tty.stdout.contains("▏ 100% · 4/4"), "\(tty)")
        // Each line said while the bar shows clears it first; the bar is cleared last.
        #expect(tty.stdout.contains("\r\u{1B}[Kdealscope: \(articles[0]) → "), "\(tty)")
        #expect(tty.stdout.hasSuffix("\r\u{1B}[K"), "\(tty)")
        let file = try dealscope(["draft"] + articles + ["--out", dir + "/file"], environment: ["DEALSCOPE_PROGRESS_AFTER_MS": "0"])
        #expect(file.status == 0 && !file.stderr.contains("drafting ▕") && !file.stderr.contains("\u{1B}"), "\(file)")
    }

    /// `dealscope PATH` takes a file; a word that is no file is most likely a misspelt
    /// subcommand, said before anything about terminals.
    @Test func aPathThatIsNoFileIsAUsageErrorNamingTheSubcommand() throws {
        let run = try dealscope("partner")
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr == "dealscope: partner: no such file or subcommand (did you mean `dealscope partners`?)\n", "\(run)")
        let both = try dealscope(Self.article("openai-amd-chips"), "--data", Self.bundled)
        #expect(both.status == 64 && both.stderr.contains("give the data once"), "\(both)")
    }
}
