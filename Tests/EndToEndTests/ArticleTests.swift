import Foundation
import Testing

/// Opening an article rather than a dataset: drafted in memory, the screen saying it
/// is a draft not saved; an article that cannot be drafted is refused before the
/// terminal is taken.
extension EndToEndTests {
    static let amdArticle = fixtures + "/draft/openai-amd-chips.txt"

    @Test func anArticleOpensAsADraftNotSaved() throws {
        let session = try TmuxSession(try Binary.command([Self.amdArticle]))
        defer { session.kill() }
        // The status line gives the title the room the review count leaves it; the
        // terminal's title (below) holds it whole.
        let screen = try session.waitFor(texts: Self.paneTitles + ["draft of openai-amd-chips.txt", "17 to review", "AMD", "OpenAI"])
        #expect(!screen.contains("malformed JSON"))
        // Detail says where the quoted document came from: the article's header.
        try session.waitFor(texts: ["from “ChatGPT maker OpenAI signs chip pact with AMD”, Circuit Times,", "7 Oct 2025, https://circuit.example/openai-amd"])
        try session.waitFor(format: "#{pane_title}", toBe: "dealscope: draft of openai-amd-chips.txt — not saved")
        try session.send("q")
    }

    @Test func dataOfAnArticleOpensItToo() throws {
        let session = try TmuxSession(try Binary.command(["--data", Self.amdArticle]))
        defer { session.kill() }
        try session.waitFor(texts: Self.paneTitles + ["draft of openai-amd-chips.txt", "to review"])
        try session.send("q")
    }

    /// A Latin-1 file: the reason and the fix on a sane shell, never a half-drawn screen.
    @Test func anArticleInAnotherEncodingIsRefusedBeforeTheScreen() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("latin1.txt")
        try Data(Array("Soci".utf8) + [0xE9, 0x74, 0xE9] + Array(" invests\n".utf8)).write(to: URL(fileURLWithPath: path))
        let session = try TmuxSession.shell()
        defer { session.kill() }
        try session.type(try Binary.command([path]) + "; echo status=$?")
        try session.send("Enter")
        let screen = try session.waitFor(texts: ["the text is not UTF-8", "fix: convert it to UTF-8", "status=65"])
        #expect(!screen.contains("1 Partners"))
    }
}

extension EndToEndTests {
    /// Issue 14, fix 8: the explorer and the command line print an amount the same way.
    @Test func theExplorerAndTheCommandLinePrintTheSameAmount() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let out = directory.file("deals.txt")
        let status = try spawnAndWait(try Binary.require(), ["deals", "--brief", "--partner", "amazon"], environment: ["LANG": "C.UTF-8", "DEALSCOPE_CACHE": "off"], stdoutPath: out)
        #expect(status == 0)
        let listed = directory.read("deals.txt") ?? ""
        #expect(listed.contains("≈110bn USD Σ"))
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        try session.send("Enter")  // Amazon: its deals, the funding first
        try session.waitFor(texts: ["≈110bn USD Σ", "Filter: Amazon"])
        try session.send("q")
    }
}

extension EndToEndTests {
    /// From an article to a reviewed dataset without leaving dealscope: opened as a
    /// draft, one record accepted, `:w` writes ARTICLE.dealscope.json beside it, and
    /// that file opens with the review kept.
    @Test func aDraftOpenedFromAnArticleIsReviewedAndSaved() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let article = directory.file("openai-amd-chips.txt")
        try FileManager.default.copyItem(atPath: Self.amdArticle, toPath: article)
        let environment = ["DEALSCOPE_CACHE=", "DEALSCOPE_CACHE_DIR=" + directory.file("cache")]
        let first = try TmuxSession(try recordingWrapper(in: directory, arguments: [article], environment: environment))
        defer { first.kill() }
        try first.waitFor(texts: ["17 to review"])
        try first.send("a")
        try first.waitFor(text: ":w writes ")
        try saveAndQuit(first, directory)
        let saved = directory.file("openai-amd-chips.dealscope.json")
        #expect(FileManager.default.fileExists(atPath: saved))

        let second = try TmuxSession(try recordingWrapper(in: directory, arguments: ["--data", saved], environment: environment))
        defer { second.kill() }
        try second.waitFor(texts: ["16 to review", "draft of openai-amd-chips.txt"])
        try second.send("q")
        try second.waitFor(text: "DS-DONE")
    }
}
