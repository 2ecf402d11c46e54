import Foundation
import Testing

/// What a person does first: filter to a partner, walk the timeline, and open data
/// that tries to attack the terminal.
extension EndToEndTests {
    static let fixtures: String = {
        var path = #filePath
        for _ in 0..<2 { path = (path as NSString).deletingLastPathComponent }
        return path + "/Fixtures"
    }()

    @Test func filterByAmazonShowsOnlyItsDeals() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.paneTitles + ["OpenAI-Microsoft core partnership"])
        try session.send("Enter")  // Amazon is the first partner
        let screen = try session.waitFor(text: "Filter: Amazon · 2 of 12 deals")
        #expect(screen.contains("OpenAI-Amazon arrangement"))
        #expect(screen.contains("New funding and partnerships from Amazon"))
        #expect(!screen.contains("OpenAI-Microsoft core partnership"), "deals without Amazon are gone")
        #expect(!screen.contains("Anthropic's Claude in"))
        try session.send("x")
        try session.waitFor(text: "All partners · 12 of 12 deals")
    }

    @Test func bracketWalksTheTimelineInOrder() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        // Detail names the event and its place: "event N of 10".
        let firstYears = ["2023", "2025", "Oct 2025"]
        for n in 1...10 {
            try session.send("]")
            let screen = try session.waitFor(text: "event \(n) of 10")
            if n <= firstYears.count {
                #expect(screen.contains("Date      \(firstYears[n - 1])"), "event \(n) is dated \(firstYears[n - 1])")
            }
        }
        let last = try session.waitFor(text: "event 10 of 10")
        #expect(last.contains("Microsoft adds Anthropic's Claude to Azure AI"))
        try session.send("[")
        try session.waitFor(text: "event 9 of 10")
    }

    /// Escape sequences, C1 controls and bidi overrides in every field: the panes stay
    /// whole, the window title is the dataset's with its controls as placeholders, and
    /// the text is shown as placeholders.
    @Test func hostileDataChangesNothingOutsideThePanes() throws {
        let data = Self.fixtures + "/hostile/hostile.dealscope.json"
        let session = try TmuxSession(try Binary.command(["--data", data]))
        defer { session.kill() }
        let screen = try session.waitForSettled(texts: Self.paneTitles + ["Evil␛]0;pwned␇ Corp"])
        // Walk every pane so each hostile string is drawn.
        try session.type("jjj2jj3jj4jjj/evil")
        try session.send("Enter")
        let after = try session.waitForSettled(texts: ["/evil"])
        for s in [screen, after] {
            var text = s
            while text.hasSuffix("\n") { text.removeLast() }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 40, "no line was added or scrolled away")
            #expect(lines.allSatisfy { $0.count <= 120 }, "no line runs past the window")
            #expect(lines.first?.hasPrefix("┏") == true || lines.first?.hasPrefix("┌") == true, "the top border is in place")
            #expect(lines.last?.contains("? help") == true, "the status line is in place")
            #expect(!s.contains("\u{1B}") && !s.contains("\u{202E}"))
        }
        #expect(try session.format("#{pane_title}") == "dealscope: Hostile ␛[2J title", "the title's escape is a placeholder")
        #expect(try session.format("#{alternate_on}") == "1")
    }
}

/// The explorer stays usable on the terminals people have: 256, 16 and 8 colours,
/// none, and a C locale.
extension EndToEndTests {
    @Test(arguments: [
        ["TERM=xterm-256color"], ["TERM=screen-256color"], ["TERM=linux"], ["TERM=vt100"], ["TERM=xterm", "LANG=C", "LC_ALL=C"],
    ])
    func usableOnEveryTerminal(environment: [String]) throws {
        let session = try TmuxSession(try Binary.command(environment: environment))
        defer { session.kill() }
        try session.waitFor(texts: Self.paneTitles + ["All partners · 12 of 12 deals"])
        try session.send("2")
        let screen = try session.waitFor(text: "▶ 2 Deals")
        #expect(screen.contains("OpenAI-Microsoft core partnership"))
        try session.send("]")
        try session.waitFor(text: "event 1 of 10")
    }
}

/// Large data: the explorer opens at once, shows the load's progress, and q works
/// before the load is done.
extension EndToEndTests {
    @Test func aLargeDatasetShowsProgressAndQuitsDuringTheLoad() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let data = try largeDataset(in: directory)
        let session = try TmuxSession(try recordingWrapper(in: directory, arguments: ["--data", data]))
        defer { session.kill() }
        // (Waited for together: a capture can fall between two parts of one frame.)
        let screen = try session.waitFor(texts: ["Loading synthetic.dealscope.json", "q quits"] + Self.paneTitles)
        #expect(!screen.contains("of 20000 deals"), "still loading")
        try session.send("q")
        try session.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
    }
}

extension EndToEndTests {
    /// Growing the terminal while the explorer runs, then quitting, leaves the
    /// shell's screen as it was: no rows of the last frame behind.
    @Test func quittingAfterTheTerminalGrewLeavesNoFrameBehind() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let session = try TmuxSession(try recordingWrapper(in: directory), width: 60, height: 15)
        defer { session.kill() }
        try session.waitFor(texts: Self.paneTitles)
        try session.resize(width: 120, height: 40)
        try session.waitFor(text: "All partners · 12 of 12 deals")
        try session.send("q")
        let screen = try session.waitFor(text: "DS-DONE")
        for word in Self.paneTitles + ["undated", "Evidence", "│", "┃"] {
            #expect(!screen.contains(word), "\(word) is left on the shell's screen")
        }
    }
}
