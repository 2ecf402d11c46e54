import Foundation
import Testing

/// The pictures, copying, the terminal's title and a config file, in the real binary.
extension EndToEndTests {
    @Test func theNetworkAndTheChartOpenAndClose() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        try session.send("w")  // about Amazon, the first partner
        var screen = try session.waitFor(texts: ["▶ 5 Network", "┃ Amazon ┃", "◆ New funding"])
        #expect(!screen.contains("1 Partners"), "the network takes the top row's place")
        try session.send("G")  // the last row: OpenAI, selected in every pane
        try session.waitFor(texts: ["OpenAI", "partner · 11 deals"])
        try session.send("h")  // its edge: the deal between them in Detail
        try session.waitFor(text: "deal · strategic-partnership · stated")
        try session.send("t")
        screen = try session.waitFor(texts: ["▶ 6 Chart", "│undated", "2023"])
        #expect(screen.contains("├"), "a year drawn as a span")
        try session.send("Escape")
        try session.waitFor(texts: Self.paneTitles)
        try session.send("q")
    }

    @Test func yCopiesTheIdThroughTheTerminalsClipboard() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        // tmux keeps what a program sets with OSC 52 as a paste buffer.
        try session.tmux("set-option", "-s", "set-clipboard", "on")
        try session.waitFor(texts: Self.loaded)
        try session.send("2", "y")
        try session.waitFor(text: "copied the id: msft-openai-partnership")
        let clock = ContinuousClock(), deadline = clock.now + .seconds(5)
        var buffer = ""
        while clock.now < deadline {
            buffer = (try? session.tmux("show-buffer").output) ?? ""
            if buffer == "msft-openai-partnership" { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(buffer == "msft-openai-partnership")
        try session.send("q")
    }

    @Test func theDatasetTitleIsTheTerminalsTitle() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        try session.waitFor(format: "#{pane_title}", toBe: "dealscope: OpenAI and Microsoft reaffirm their alliance")
        try session.send("q")
    }

    @Test func aConfigFileRebindsKeysAndTheHelpShowsThem() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("config.toml", "theme = \"deep\"\n[keys.normal]\nmoveDown = [\"C-n\", \"Down\"]\n")
        let session = try TmuxSession(try Binary.command(["--config", directory.file("config.toml")]))
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        try session.send("C-n")
        try session.waitFor(texts: ["Anthropic", "partner · 1 deal"])
        try session.send("?")
        let help = try session.waitFor(text: "C-n ↓")
        #expect(help.contains("down (scrolls Detail)"))
        // The 256-colour theme reaches the terminal: quote green is colour 114.
        try session.send("Escape", "4")
        let colours = try session.waitFor("a 256-colour escape") { _ in session.screen(escapes: true).contains("38;5;") }
        #expect(!colours.isEmpty)
        try session.send("q")
    }
}
