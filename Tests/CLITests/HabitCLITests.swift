import Foundation
import Testing

/// `--sort` on the listings, `dealscope config`, and the narrow table of issue 14.
@Suite struct SortingListings {
    @Test func dealsByValueLargestFirstUndatedLast() throws {
        let r = try dealscope("deals", "--sort", "value:desc", "--brief")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines[1].hasPrefix("openai-new-funding"), "the only amount first")
        let byDate = try dealscope("deals", "--sort", "date", "--json")
        let dates = (try byDate.json() as! [[String: Any]]).map { $0["date"] as? String }
        #expect(Array(dates.prefix(2)) == ["2025", "2025-10"] && dates.dropFirst(2).allSatisfy { $0 == nil })
        let back = try dealscope("deals", "--sort", "date:desc", "--json")
        #expect((try back.json() as! [[String: Any]]).prefix(2).map { $0["date"] as? String } == ["2025-10", "2025"])
    }

    @Test func partnersAndTimeline() throws {
        let partners = try dealscope("partners", "--sort", "deals:desc")
        #expect(partners.stdoutLines.dropFirst().prefix(2).map { String($0.prefix(9)) } == ["openai   ", "microsoft"])
        let timeline = try dealscope("timeline", "--sort", "date:desc", "--brief")
        #expect(timeline.stdoutLines[1].contains("claude-added-to-azure"))
        #expect(timeline.stdoutLines.last?.contains("relationship-expanded-2023") == true)
    }

    @Test func anUnknownColumnIsAUsageErrorNamingTheClosest() throws {
        let r = try dealscope("deals", "--sort", "vlaue")
        #expect(r.status == 64)
        #expect(r.stderr == "dealscope: --sort: unknown column \"vlaue\" (did you mean value?); columns: date, kind, parties, value, title, status, id\n")
        let direction = try dealscope("partners", "--sort", "deals:down")
        #expect(direction.status == 64 && direction.stderr.contains("write deals:asc or deals:desc"))
    }
}

@Suite struct ConfigCommandTests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-config-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theDefaultSavedAsTheConfigChangesNothing() throws {
        let printed = try dealscope("config", "--default")
        #expect(printed.status == 0 && printed.stdout.contains("[keys.normal]") && printed.stdout.contains("theme = \"default\""))
        let path = try Self.file(printed.stdout)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try dealscope("config", "--config", path)
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.hasSuffix(": ok; theme default; the built-in keys\n"), "\(check)")
    }

    @Test func problemsNameTheFileTheLineAndTheFixAndExit78() throws {
        let path = try Self.file("theme = \"deep\"\n[keys.normal]\nmoveDwn = [\"C-n\"]\nmoveDown = [\"C-f\"]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for args in [["config", "--config", path], ["--config", path]] {
            let r = try dealscope(args, environment: ["TERM": "xterm-256color"])
            #expect(r.status == 78, "\(r)")
            #expect(r.stderr == """
                dealscope: \(path):3: unknown command "moveDwn" (did you mean moveDown?)
                  fix: the commands of [keys.normal] are listed under it by `dealscope config --default`
                dealscope: \(path):4: key C-f bound twice in [keys.normal]: moveDown (line 4) and pageDown (built in)
                  fix: take it from one of them, such as pageDown = ["PgDn"]

                """, "\(args)")
        }
    }

    @Test func aNamedFileMustExistTheDefaultOneNeedNot() throws {
        let missing = try dealscope("config", environment: ["DEALSCOPE_CONFIG": "/nonexistent/dealscope.toml"])
        #expect(missing.status == 78 && missing.stderr.contains("/nonexistent/dealscope.toml: no such file"), "\(missing)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-home-\(UUID().uuidString)").path
        let none = try dealscope(["config"], environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/config"], removing: ["DEALSCOPE_CONFIG"])
        #expect(none.status == 0 && none.stdout.contains("no such file; the built-in keys and colours are used"), "\(none)")
    }
}

@Suite struct NarrowTables {
    /// At 80 columns the reader keeps the value and the title, and every word of the
    /// evidence (issue 14, fix 6).
    @Test(.enabled(if: scriptCommand != nil, "needs `script` (util-linux) for a pseudo-terminal"))
    func amazonsDealsAt80Columns() throws {
        guard let exe = Paths.executable, let script = scriptCommand else { throw MissingExecutable() }
        let r = try run(script, ["-qec", "stty cols 80; " + shellQuoted(exe) + " deals --partner amazon --no-color", "/dev/null"],
                        environment: ["TERM": "xterm-256color"])
        let lines = r.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
        #expect(lines[0].contains("VALUE") && lines[0].contains("TITLE") && lines[0].contains("PARTIES"), "\(lines[0])")
        #expect(!lines[0].contains("ID") && !lines[0].contains("DATE"), "a column of dashes and the id go first: \(lines[0])")
        #expect(lines.contains { $0.contains("≈110bn USD Σ") })
        #expect(lines.allSatisfy { $0.count <= 80 })
        let evidence = lines.filter { $0.hasPrefix("    ") }.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(evidence.contains("“OpenAI disclosed roughly 110 billion dollars in new funding and partnerships from Amazon, Nvidia and SoftBank, alongside a massive Oracle cloud agreement.”"), "\(evidence)")
    }

    @Test func anEventWithoutOrderIsPlacedInWords() throws {
        let r = try dealscope("timeline", "--brief")
        let claude = r.stdoutLines.first { $0.contains("claude-added-to-azure") } ?? ""
        #expect(claude.contains("[the document does not say what it came before or after: it is placed after the dated events, where the document itself stands]"))
        #expect(!r.stdout.contains("before the document (no order given)"))
    }
}
