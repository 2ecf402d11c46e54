import Foundation
import Testing

/// Issue 14, fixes 8 and 9: one name and one form for each thing; errors that name
/// what the user gave; JSON for scripts from `validate` and `export`.
@Suite("New-user fixes 8 and 9")
struct NewUserFixCLITests {
    /// One form of an amount: "≈110bn USD" (Σ in lists when several parties' total),
    /// in `deals`, `show` and the Markdown export alike (the explorer's screens hold the
    /// same strings: ExplorerCoreTests' snapshots and the end-to-end test).
    @Test func anAmountReadsTheSameEverywhere() throws {
        let deals = try dealscope("deals", "--brief", "--partner", "amazon")
        #expect(deals.stdout.contains("≈110bn USD Σ"), "\(deals)")
        let show = try dealscope("show", "openai-new-funding")
        #expect(show.stdout.contains("  value    ≈110bn USD (“roughly 110 billion dollars”)"), "\(show)")
        let markdown = try dealscope("export", "--format", "markdown")
        #expect(markdown.stdout.contains("- value: ≈110bn USD"), "\(markdown)")
        for run in [deals, show, markdown] { #expect(!run.stdout.contains("USD 110 bn")) }
    }

    /// One name: a partner's counterparties are "partners" in `partners`, `show` and Detail.
    @Test func aPartnersCounterpartiesAreCalledPartners() throws {
        let partners = try dealscope("partners")
        #expect(partners.stdoutLines.first?.hasSuffix("PARTNERS") == true, "\(partners)")
        #expect(!partners.stdout.contains("COUNTERPARTIES"))
        let show = try dealscope("show", "amazon")
        #expect(show.stdout.contains("  partners "), "\(show)")
    }

    /// `validate PATH` names the path it was given, not an option that was not used.
    @Test func validateOfAMissingPathNamesThePath() throws {
        let run = try dealscope("validate", "/nonexistent")
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("/nonexistent: cannot read the dataset: no such file or directory\n  fix: "), "\(run)")
        #expect(!run.stderr.contains("--data"), "\(run)")
        let article = try dealscope("validate", "Tests/Fixtures/draft/openai-amd-chips.txt")
        #expect(article.status == 65 && article.stderr.contains("is an article, not a dataset"), "\(article)")
        #expect(article.stderr.contains("fix: `dealscope draft Tests/Fixtures/draft/openai-amd-chips.txt`"), "\(article)")
    }

    /// An unknown partner with nothing close lists the partners there are.
    @Test func anUnknownPartnerWithNothingCloseListsTheKnownOnes() throws {
        let run = try dealscope("deals", "--partner", "qqqqqqqqqq")
        #expect(run.status == 64)
        #expect(run.stderr == "dealscope: unknown partner \"qqqqqqqqqq\"; the partners are Amazon, Anthropic, Apple, Microsoft, Nvidia, OpenAI, Oracle, SoftBank\n", "\(run)")
        // Many partners: the first twelve and how to see the rest.
        let many = try dealscope("timeline", "--data", Paths.fixture("draft/infrastructure-digest.txt"), "--partner", "qqqqqqqqqq")
        #expect(many.status == 64 && many.stderr.contains("; the partners are ") && many.stderr.contains(", … ("), "\(many)")
        #expect(many.stderr.contains("more: `dealscope partners` lists them)"), "\(many)")
    }

    /// `validate --json`: every problem with its place, record, message and fix.
    @Test func validateJSONListsTheProblems() throws {
        let bad = try dealscope("validate", "--json", Paths.fixture("errors/unknown-partner.json"))
        #expect(bad.status == 65, "\(bad)")
        let problems = try #require(try bad.json() as? [[String: Any]])
        #expect(problems.count == 1)
        let p = try #require(problems.first)
        #expect(p["file"] as? String == Paths.fixture("errors/unknown-partner.json"))
        #expect(p["line"] as? Int == 14 && p["column"] as? Int == 55)
        #expect(p["record"] as? String == "deal \"acme-globex-supply\"")
        #expect((p["message"] as? String)?.hasPrefix("unknown partner \"globx\"") == true)
        #expect(p["fix"] as? String == "use the id of a partner defined in the data, or define it")
        let good = try dealscope("validate", "--json")
        #expect(good.status == 0 && good.stdout == "[]\n", "\(good)")
    }

    /// `export --json --output FILE`: what was written, for scripts.
    @Test func exportJSONSummarisesWhatWasWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-fix9-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try dealscope("export", "--json", "--output", dir + "/amazon.json", "--partner", "amazon")
        #expect(run.status == 0, "\(run)")
        let summary = try #require(try run.json() as? [String: Any])
        #expect(summary["output"] as? String == dir + "/amazon.json" && summary["format"] as? String == "json")
        let check = try dealscope("validate", dir + "/amazon.json")
        let counts = "ok: \(summary["partners"] as? Int ?? -1) partners, \(summary["deals"] as? Int ?? -1) deals, \(summary["events"] as? Int ?? -1) events"
        #expect(check.stdout.hasPrefix(counts), "\(check) vs \(counts)")
        let noOutput = try dealscope("export", "--json")
        #expect(noOutput.status == 64 && noOutput.stderr.contains("export --json needs --output FILE"), "\(noOutput)")
    }
}
