import Foundation
import Testing

/// The `dealscope` command line, run as a process: stdout, stderr and exit status.
@Suite("dealscope command line")
struct CLITests {
    static let timeline = [
        "relationship-expanded-2023", "framework-agreed-2025", "october-2025-update",
        "funding-disclosed", "displacement-questions", "apple-ties-deepened",
        "rumours-microsoft-dumping-openai", "joint-statement", "microsoft-confirms-licence-and-ip",
        "claude-added-to-azure",
    ]

    /// The ids in the first column of a table, header left out.
    static func firstColumn(_ r: Run, skipNotes: Bool = true) -> [String] {
        r.stdoutLines.dropFirst().filter { !$0.hasPrefix("    ") }.map { String($0.split(separator: " ").first ?? "") }
    }

    static func ids(_ json: Any) -> [String] {
        (json as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func executableIsFound() throws {
        let exe = try #require(Paths.executable, "dealscope must be built next to the tests")
        #expect(exe.hasSuffix("/dealscope"))
    }

    // MARK: Listing

    @Test func partners() throws {
        let r = try dealscope("partners")
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdoutLines.first?.hasPrefix("ID") == true)
        #expect(Self.firstColumn(r) == ["amazon", "anthropic", "apple", "microsoft", "nvidia", "openai", "oracle", "softbank"])
        let microsoft = try #require(r.stdoutLines.first { $0.hasPrefix("microsoft ") })
        #expect(microsoft.contains("Azure, Azure AI"))
        #expect(microsoft.contains("Anthropic, OpenAI"))
    }

    @Test func dealsOfAmazonWithEvidence() throws {
        let r = try dealscope("deals", "--partner", "amazon")
        #expect(r.status == 0, "\(r)")
        #expect(Self.firstColumn(r) == ["openai-new-funding", "openai-amazon-arrangement"])
        // Each deal is followed by the sentence holding its first quote.
        let notes = r.stdoutLines.filter { $0.hasPrefix("    ") }
        #expect(notes.count == 2)
        #expect(notes[0].contains("“OpenAI disclosed roughly 110 billion dollars in new funding and partnerships from Amazon, Nvidia and SoftBank, alongside a massive Oracle cloud agreement.”"))
        #expect(notes[1].contains("collaborations such as the OpenAI-Amazon arrangement fit within the framework agreed in 2025."))
        // The partner option takes a name, in any case, too.
        let byName = try dealscope("deals", "--partner", "AMAZON")
        #expect(byName.stdout == r.stdout)
    }

    @Test func dealsBetweenMicrosoftAndOpenAI() throws {
        let r = try dealscope("deals", "--partner", "Microsoft", "--partner", "OpenAI", "--brief")
        #expect(r.status == 0, "\(r)")
        #expect(Self.firstColumn(r) == [
            "msft-openai-partnership", "framework-2025", "october-2025-update", "msft-openai-licence",
            "azure-openai-cloud", "azure-stateless-api-hosting", "msft-openai-ip",
        ])
        // --any widens to deals involving either.
        let any = try dealscope("deals", "--partner", "amazon", "--partner", "apple", "--any", "--brief")
        #expect(Self.firstColumn(any) == ["openai-new-funding", "openai-apple-chatgpt", "openai-amazon-arrangement"])
        // A product names its owner.
        let azure = try dealscope("deals", "--partner", "Azure", "--brief")
        #expect(Self.firstColumn(azure).count == 8)
    }

    @Test func dealsOfAKind() throws {
        let r = try dealscope("deals", "--kind", "licence")
        #expect(r.status == 0, "\(r)")
        #expect(Self.firstColumn(r) == ["msft-openai-licence"])
        let bad = try dealscope("deals", "--kind", "lisence")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown kind \"lisence\" (did you mean licence?)"))
    }

    @Test func timelineOrder() throws {
        let r = try dealscope("timeline", "--brief")
        #expect(r.status == 0, "\(r)")
        let rows = r.stdoutLines.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.map { $0.first ?? "" } == (1...10).map(String.init))
        #expect(rows.map { row in row.first { Self.timeline.contains($0) } ?? "" } == Self.timeline)
        let json = try dealscope("timeline", "--json")
        #expect(Self.ids(try json.json()) == Self.timeline)
    }

    @Test func timelineFromADate() throws {
        // "2025" may be any day of 2025 and overlaps; the statement is after Oct 2025.
        let r = try dealscope("timeline", "--from", "2025-10", "--json")
        #expect(r.status == 0, "\(r)")
        #expect(Self.ids(try r.json()) == ["framework-agreed-2025", "october-2025-update", "joint-statement", "microsoft-confirms-licence-and-ip"])
        let to = try dealscope("timeline", "--to", "2024", "--json")
        #expect(Self.ids(try to.json()) == ["relationship-expanded-2023"])
    }

    // MARK: JSON

    @Test func partnersJSONFieldNames() throws {
        let r = try dealscope("partners", "--json")
        #expect(r.status == 0, "\(r)")
        let list = try #require(try r.json() as? [[String: Any]])
        #expect(list.count == 8)
        let microsoft = try #require(list.first { $0["id"] as? String == "microsoft" })
        #expect(microsoft["name"] as? String == "Microsoft")
        #expect(microsoft["products"] as? [String] == ["Azure", "Azure AI"])
        #expect(microsoft["counterparties"] as? [String] == ["anthropic", "openai"])
        let evidence = try #require((microsoft["evidence"] as? [[String: Any]])?.first)
        for key in ["quote", "document", "paragraph", "sentence", "start", "end", "sentenceText"] {
            #expect(evidence[key] != nil, "evidence.\(key)")
        }
    }

    @Test func dealsJSONFieldNames() throws {
        let r = try dealscope("deals", "--json")
        #expect(r.status == 0, "\(r)")
        let list = try #require(try r.json() as? [[String: Any]])
        #expect(list.count == 12)
        let licence = try #require(list.first { $0["id"] as? String == "msft-openai-licence" })
        #expect(licence["title"] is String)
        #expect(licence["kind"] as? String == "licence")
        let parties = try #require(licence["parties"] as? [[String: Any]])
        #expect(parties.compactMap { $0["partner"] as? String } == ["openai", "microsoft"])
        #expect(parties.compactMap { $0["role"] as? String } == ["licensor", "exclusive licensee"])
        #expect(licence["date"] is NSNull)
        let update = try #require(list.first { $0["id"] as? String == "october-2025-update" })
        #expect(update["date"] as? String == "2025-10")
        let funding = try #require(list.first { $0["id"] as? String == "openai-new-funding" })
        let value = try #require(funding["value"] as? [String: Any])
        #expect(value["amount"] as? Int == 110_000_000_000)
        #expect(value["currency"] as? String == "USD")
        #expect(value["sharedBy"] as? [String] == ["amazon", "nvidia", "softbank"])
    }

    @Test func eventsJSONKeepDatePrecision() throws {
        let r = try dealscope("timeline", "--json")
        let list = try #require(try r.json() as? [[String: Any]])
        func event(_ id: String) -> [String: Any]? { list.first { $0["id"] as? String == id } }
        #expect(event("relationship-expanded-2023")?["date"] as? String == "2023")
        #expect(event("october-2025-update")?["date"] as? String == "2025-10")
        #expect(event("joint-statement")?["date"] is NSNull)
        #expect(event("joint-statement")?["title"] is String)
        let order = try #require(event("joint-statement")?["order"] as? [String: Any])
        #expect(order["relation"] as? String == "after")
        #expect(order["anchor"] as? String == "october-2025-update")
    }

    // MARK: Export

    @Test func exportJSON() throws {
        let r = try dealscope("export", "--format", "json")
        #expect(r.status == 0, "\(r)")
        let top = try #require(try r.json() as? [String: Any])
        #expect(top["dealscope"] as? Int == 1)
        #expect((top["partners"] as? [Any])?.count == 8)
        #expect((top["deals"] as? [Any])?.count == 12)
        // Records in the order they were loaded (as the dataset writes them), not the
        // timeline's: an edit that moves an event leaves the others' lines in place.
        #expect(Set(Self.ids(top["events"] as Any)) == Set(Self.timeline))
        #expect(Self.ids(top["events"] as Any).prefix(4) == ["relationship-expanded-2023", "framework-agreed-2025", "october-2025-update", "rumours-microsoft-dumping-openai"])
        #expect((top["documents"] as? [[String: Any]])?.first?["id"] as? String == "article")
        // JSON is the default format.
        #expect(try dealscope("export").stdout == r.stdout)
    }

    @Test func exportCSV() throws {
        let r = try dealscope("export", "--format", "csv")
        #expect(r.status == 0, "\(r)")
        let lines = r.stdoutLines
        #expect(lines.first == "type,id,name,kind,status,date,partners,amount,currency,approximate,shared_by,evidence")
        #expect(lines.count == 1 + 8 + 12 + 10, "one line per record")
        #expect(lines.filter { $0.hasPrefix("partner,") }.count == 8)
        #expect(lines.filter { $0.hasPrefix("deal,") }.count == 12)
        #expect(lines.filter { $0.hasPrefix("event,") }.map { $0.split(separator: ",")[1] }.map(String.init) == Self.timeline)
        let funding = try #require(lines.first { $0.hasPrefix("deal,openai-new-funding,") })
        #expect(funding.contains(",openai;amazon;nvidia;softbank,110000000000,USD,true,amazon;nvidia;softbank,"))
        #expect(lines.contains { $0.hasPrefix("event,relationship-expanded-2023,") && $0.contains(",2023,") })
    }

    @Test func exportMarkdown() throws {
        let r = try dealscope("export", "--format", "markdown")
        #expect(r.status == 0, "\(r)")
        let lines = r.stdoutLines
        #expect(lines.first == "# OpenAI and Microsoft reaffirm their alliance")
        for heading in ["## Partners", "## Deals", "## Timeline"] { #expect(lines.contains(heading), "\(heading)") }
        #expect(lines.contains("| microsoft | Microsoft | Azure, Azure AI | 8 |"))
        #expect(lines.filter { $0.hasPrefix("### ") }.count == 12)
        #expect(lines.contains("| 1 | 2023 | The OpenAI-Microsoft relationship is first expanded |"))
        #expect(lines.filter { $0.range(of: #"^\| \d+ \| "#, options: .regularExpression) != nil }.count == 10)
        let bad = try dealscope("export", "--format", "pdf")
        #expect(bad.status == 64)
    }

    // MARK: show

    @Test func showADealWithItsEvidence() throws {
        let r = try dealscope("show", "msft-openai-licence")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdoutLines.first?.hasPrefix("deal msft-openai-licence:") == true)
        #expect(r.stdout.contains("  parties  OpenAI (licensor), Microsoft (exclusive licensee)\n"))
        // The quote is marked inside its sentence.
        #expect(r.stdout.contains("«Microsoft confirmed it still holds an exclusive license to OpenAI’s models and products for wide commercial use», preserving a key pillar of the relationship first expanded in 2023."))
        #expect(r.stdout.contains("paragraph 4"))
        let json = try dealscope("show", "msft-openai-licence", "--json")
        #expect((try json.json() as? [String: Any])?["id"] as? String == "msft-openai-licence")
        // A product shows its owner.
        let azure = try dealscope("show", "Azure")
        #expect(azure.stdoutLines.first?.hasPrefix("partner microsoft: Microsoft") == true)
    }

    @Test func showAnUnknownID() throws {
        let r = try dealscope("show", "nonexistent")
        #expect(r.status == 64, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.contains("no partner, deal or event has the id \"nonexistent\""))
        #expect(r.stderr.contains("dealscope partners"), "says where the ids are listed")
        let typo = try dealscope("show", "msft-openai-licnce")
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("(did you mean msft-openai-licence?)"))
    }

    // MARK: Usage errors

    @Test func unknownPartnerSuggestsTheClosest() throws {
        let r = try dealscope("deals", "--partner", "amazn")
        #expect(r.status == 64, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("did you mean Amazon?"))
        let t = try dealscope("timeline", "--partner", "Microsfot")
        #expect(t.status == 64)
        #expect(t.stderr.contains("did you mean Microsoft?"))
    }

    @Test(arguments: [["timeline", "--from", "2025-13"], ["deals", "--to", "Oct 2025"], ["timeline", "--from", "2025-02-30"]])
    func badDateIsAUsageError(_ args: [String]) throws {
        let r = try dealscope(args)
        #expect(r.status == 64, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("dealscope: --"))
        #expect(r.stderrLines.count == 1)
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try dealscope("deals", "--partnr", "amazon")
        #expect(r.status == 64, "\(r)")
    }

    // MARK: Data errors

    @Test func dataErrorsExit65WithThePlace() throws {
        let file = Paths.fixture("errors/malformed-json.json")
        for command in ["partners", "deals", "timeline", "export"] {
            let r = try dealscope(command, "--data", file)
            #expect(r.status == 65, "\(r)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("dealscope: \(file):4:3: malformed JSON: expected ',' or '}' after an object member"), "\(r)")
            #expect(r.stderr.contains("fix: "))
            for crash in ["Fatal error", "Backtrac", "crashed", "Stack dump", "Thread 0"] {
                #expect(!r.stderr.contains(crash), "no stack trace: \(r)")
            }
        }
    }

    @Test func aCycleIsADataErrorNotACrash() throws {
        let r = try dealscope("timeline", "--data", Paths.fixture("errors/order-cycle.json"))
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("order-cycle.json:5:5:"))
        #expect(r.stderr.contains("form a cycle"))
        #expect(!r.stderr.contains("crashed"))
    }

    /// A command that prints one problem stops at the first it finds (issue 15, item
    /// 2): here decoding finds an invalid date, and the records are not joined (which
    /// would find the unknown partner on the line before).
    @Test func loadingStopsAtTheFirstProblemFound() throws {
        let file = Paths.fixture("errors/many-problems.json")
        let r = try dealscope("deals", "--data", file)
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasPrefix("dealscope: \(file):15:15: deal \"acme-globex-supply\": invalid date in \"date\""), "\(r)")
        #expect(r.stderr.contains("(there may be more problems: `dealscope validate \(file)` lists them all)"))
        #expect(r.stderrLines.count == 3)
    }

    @Test func validateGoodData() throws {
        let r = try dealscope("validate")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasPrefix("ok: 8 partners, 12 deals, 10 events;"))
        #expect(r.stderr.isEmpty)
        let fixture = try dealscope("validate", Paths.fixture("good/valid.dealscope.json"))
        #expect(fixture.status == 0, "\(fixture)")
        #expect(fixture.stdout == "ok: 3 partners, 2 deals, 3 events; 11 quotes each found once in 1 document\n")
        let directory = try dealscope("validate", Paths.fixture("merge"))
        #expect(directory.status == 0, "\(directory)")
        #expect(directory.stdout.contains("in 2 documents"))
    }

    @Test func validateListsEveryProblem() throws {
        let file = Paths.fixture("errors/many-problems.json")
        let r = try dealscope("validate", file)
        #expect(r.status == 65, "\(r)")
        #expect(r.stdout.isEmpty)
        let places = r.stderrLines.filter { $0.hasPrefix(file + ":") }
        #expect(places.map { String($0.dropFirst(file.count + 1).prefix { $0 != ":" }) } == ["14", "15", "16", "17"])
        #expect(r.stderr.contains("unknown partner \"globx\" (the closest known partner is \"globex\")"))
        #expect(r.stderr.contains("\"2024-02-30\" has no such day in that month"))
        #expect(r.stderr.contains("the quote \"signed a supply contract\" is not in"))
        #expect(r.stderr.contains("unknown key \"notes\""))
        #expect(r.stderr.contains("fix: did you mean \"note\"?"))
        #expect(r.stderrLines.filter { $0.hasPrefix("  fix: ") }.count == 4)
        #expect(r.stderrLines.last == "4 problems found")
        // --data works for validate as well.
        let viaOption = try dealscope("validate", "--data", file)
        #expect(viaOption.status == 65)
        #expect(viaOption.stderr == r.stderr)
    }

    // MARK: Help, version, completion

    @Test func version() throws {
        let r = try dealscope("--version")
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(r)")
    }

    @Test func help() throws {
        let r = try dealscope("--help")
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: dealscope"))
        for sub in ["partners", "deals", "timeline", "show", "validate", "export"] { #expect(r.stdout.contains(sub)) }
        #expect(r.stdout.contains("64 usage error"))
        let deals = try dealscope("help", "deals")
        #expect(deals.status == 0)
        #expect(deals.stdout.contains("--partner"))
    }

    @Test func completionScript() throws {
        let r = try dealscope("--generate-completion-script", "bash")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasPrefix("#!/bin/bash"))
        #expect(r.stdout.contains("dealscope"))
        #expect(r.stdout.contains("timeline"))
    }

    // MARK: Terminal

    @Test func theExplorerNeedsATerminal() throws {
        let r = try dealscope([])
        #expect(r.status == 69, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1, "one line")
        #expect(r.stderr.contains("needs a terminal"))
        #expect(r.stderr.contains("dealscope partners"), "points to the subcommands")
        #expect(r.stderr.contains("show ID"))
        let explicit = try dealscope("explore")
        #expect(explicit.status == 69)
    }

    @Test func noEscapeBytesWhenNotATerminal() throws {
        for args in [["partners"], ["deals"], ["timeline"], ["show", "openai"], ["validate"]] {
            let r = try dealscope(args)
            #expect(r.status == 0)
            #expect(!r.stdoutBytes.contains(0x1B), "\(args)")
            #expect(!r.stderrBytes.contains(0x1B), "\(args)")
        }
    }

    @Test(.enabled(if: scriptCommand != nil, "needs `script` (util-linux) for a pseudo-terminal"))
    func colourOnlyOnATerminalWithoutNO_COLOR() throws {
        // On a terminal, headings are bold: the check below is real.
        let tty = try dealscopeOnATerminal(["partners"], removing: ["NO_COLOR"])
        #expect(tty.status == 0, "\(tty)")
        #expect(tty.stdoutBytes.contains(0x1B), "bold headings on a terminal")
        let noColor = try dealscopeOnATerminal(["partners"], environment: ["NO_COLOR": "1"])
        #expect(noColor.status == 0, "\(noColor)")
        #expect(!noColor.stdoutBytes.contains(0x1B), "NO_COLOR: \(noColor)")
        #expect(noColor.stdout.contains("microsoft"))
        let flag = try dealscopeOnATerminal(["show", "openai", "--no-color"], removing: ["NO_COLOR"])
        #expect(flag.status == 0, "\(flag)")
        #expect(!flag.stdoutBytes.contains(0x1B), "--no-color: \(flag)")
    }
}

/// A dataset whose names, titles, notes and document carry escape sequences, C1 controls,
/// DEL and a bidi override: none may reach a terminal raw.
@Suite("Hostile data")
struct HostileDataTests {
    static let data = Paths.fixture("hostile")

    static let commands: [[String]] = [
        ["partners"], ["partners", "--search", "evil"], ["deals"], ["deals", "--partner", "evil"], ["timeline"],
        ["show", "evil"], ["show", "mallory"], ["show", "evil-buys-mallory"], ["show", "takeover-agreed"], ["show", "screen-cleared"],
        ["export", "--format", "csv"], ["export", "--format", "markdown"], ["validate"],
    ]

    @Test(arguments: commands)
    func noRawControlReachesTheOutput(_ args: [String]) throws {
        let r = try dealscope(args + (args == ["validate"] ? [Self.data] : ["--data", Self.data]))
        #expect(r.status == 0, "\(r)")
        #expect(terminalHazards(r.stdoutBytes) == [], "stdout of \(args)")
        #expect(terminalHazards(r.stderrBytes) == [], "stderr of \(args)")
    }

    @Test func placeholdersAreShown() throws {
        let partners = try dealscope("partners", "--data", Self.data)
        #expect(partners.stdout.contains("Evil␛]0;pwned␇ Corp"))
        #expect(partners.stdout.contains("Mallory⟨RLO⟩gnp.exe Ltd"))
        let show = try dealscope("show", "evil", "--data", Self.data)
        #expect(show.stdout.contains("DEL␡ and bidi ⟨RLO⟩evil⟨PDF⟩ and C1 ⟨C1 9B⟩31m"))
        #expect(show.stdout.contains("clear␛[2J the screen"))
        let deals = try dealscope("deals", "--data", Self.data)
        #expect(deals.stdout.contains("Takeover ␛[2J␛]0;pwned␇ of ⟨RLO⟩Mallory"))
    }

    @Test func errorMessagesQuotingHostileTextAreSanitized() throws {
        let file = Paths.fixture("errors/hostile-errors.json")
        let validate = try dealscope("validate", file)
        #expect(validate.status == 65, "\(validate)")
        #expect(terminalHazards(validate.stderrBytes) == [])
        #expect(validate.stderr.contains("\"evil␛[2J\" is not a valid id"))
        #expect(validate.stderr.contains("unknown key \"␛[2Jkey␡\""))
        #expect(validate.stderr.contains("Globex⟨C1 9B⟩31m called ␛]0;pwned␇"))
        let load = try dealscope("partners", "--data", file)
        #expect(load.status == 65)
        #expect(terminalHazards(load.stderrBytes) == [])
        // Arguments echoed in messages are sanitized too.
        for args in [["deals", "--partner", "\u{1B}[2Jx"], ["deals", "--kind", "\u{1B}[2Jx"], ["show", "\u{1B}]0;x\u{07}"],
                     ["timeline", "--from", "\u{1B}[2J"]] {
            let r = try dealscope(args)
            #expect(r.status == 64, "\(r)")
            #expect(terminalHazards(r.stderrBytes) == [], "\(args)")
            #expect(r.stderr.contains("␛"), "\(args)")
        }
    }

    @Test func jsonEscapesControlsAndKeepsTheData() throws {
        for args in [["partners", "--json"], ["deals", "--json"], ["timeline", "--json"], ["show", "evil", "--json"], ["export", "--format", "json"]] {
            let r = try dealscope(args + ["--data", Self.data])
            #expect(r.status == 0, "\(r)")
            #expect(terminalHazards(r.stdoutBytes) == [], "\(args)")
            _ = try r.json()
        }
        let r = try dealscope("partners", "--json", "--data", Self.data)
        #expect(r.stdout.contains(#""name": "Evil\u001b]0;pwned\u0007 Corp""#))
        #expect(r.stdout.contains(#"\u202e"#))
        #expect(r.stdout.contains(#"\u009b"#))
        #expect(r.stdout.contains(#"\u007f"#))
        // Parsed back, the data is the raw text.
        let list = try #require(try r.json() as? [[String: Any]])
        let evil = try #require(list.first { $0["id"] as? String == "evil" })
        #expect(evil["name"] as? String == "Evil\u{1B}]0;pwned\u{07} Corp")
        #expect(evil["note"] as? String == "DEL\u{7F} and bidi \u{202E}evil\u{202C} and C1 \u{9B}31m")
        let mallory = try #require(list.first { $0["id"] as? String == "mallory" })
        #expect(mallory["name"] as? String == "Mallory\u{202E}gnp.exe Ltd")
    }
}
