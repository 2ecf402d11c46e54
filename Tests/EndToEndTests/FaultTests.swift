import Foundation
import Testing

/// Faults at awkward moments: signals during a large load and during a search,
/// Ctrl-Z in the middle of a load, and a burst of resizes.
extension EndToEndTests {
    /// Writes a synthetic dataset big enough that loading it takes a while.
    func largeDataset(in directory: ScratchDirectory, deals: Int = 20_000) throws -> String {
        let generator = (try Binary.require() as NSString).deletingLastPathComponent + "/dealscope-gen"
        try #require(FileManager.default.isExecutableFile(atPath: generator), "dealscope-gen is built by `swift build`")
        let status = try spawnAndWait(generator, ["--deals", String(deals), "--out", directory.path], environment: [:], stdoutPath: nil)
        try #require(status == 0)
        return directory.file("synthetic.dealscope.json")
    }

    @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP), ("INT", SIGINT)])
    func signalDuringALargeLoad(name: String, signal: Int32) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let data = try largeDataset(in: directory)
        let session = try TmuxSession(try recordingWrapper(in: directory, arguments: ["--data", data]))
        defer { session.kill() }
        try session.waitFor(text: "Loading synthetic.dealscope.json")
        try endBySignal(signal, name: name, session, directory)
    }

    @Test func sigtermDuringASearch() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let session = try TmuxSession(try recordingWrapper(in: directory))
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        try session.type("/microso")
        try session.waitFor(text: "/microso")
        try endBySignal(SIGTERM, name: "TERM", session, directory)
    }

    @Test func ctrlZAndFgInTheMiddleOfALoad() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let data = try largeDataset(in: directory)
        let session = try TmuxSession.shell()
        defer { session.kill() }
        try session.type(try Binary.command(["--data", data]))
        try session.send("Enter")
        try session.waitFor(text: "Loading synthetic.dealscope.json")
        try session.send("C-z")
        try session.waitFor(text: "Stopped")
        try session.type("fg")
        try session.send("Enter")
        // The load goes on after fg and the full explorer appears.
        try session.waitFor("the loaded explorer", timeout: .seconds(60)) { $0.contains("All partners · 20000 of 20000 deals") }
        try session.send("q")
        try session.waitFor("the prompt after quitting") { $0.split(separator: "\n").last?.hasPrefix("e2e$") == true }
    }

    /// Rewriting the dataset while the explorer read it killed it with SIGBUS (exit
    /// 135): now the explorer ends with "the file changed while it was read" after
    /// the terminal is restored, as for any data error (issue 15, item 1).
    @Test func aDatasetCutShortWhileItLoadsIsADataError() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let data = try largeDataset(in: directory, deals: 200_000)
        let session = try TmuxSession(try recordingWrapper(in: directory, arguments: ["--data", data]))
        defer { session.kill() }
        // The records are being decoded from the mapped file.
        try session.waitFor(text: "reading and parsing", timeout: .seconds(30))
        #expect(truncate(data, 100_000) == 0)
        let screen = try session.waitFor(text: "DS-DONE", timeout: .seconds(120))
        #expect(directory.read("status") == "65", "\(screen)")
        // (Long lines wrap at the pane's edge.)
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("cannot read the dataset: the file changed while it was read"), "\(screen)")
        #expect(!screen.contains("Loading"), "the message is on the shell's screen, not in the explorer's")
        try expectTerminalRestored(session, directory)
    }

    /// Forty resizes in a burst, from tiny to wide, settle to the same frame a fresh
    /// start at the final size draws.
    @Test func fortyRapidResizesSettleToACorrectFrame() throws {
        let fresh: String
        do {
            let session = try TmuxSession(try Binary.command())
            defer { session.kill() }
            fresh = try session.waitForSettled(texts: Self.loaded)
        }
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            try session.resize(width: Int.random(in: 10...200, using: &rng), height: Int.random(in: 3...60, using: &rng))
        }
        try session.resize(width: 120, height: 40)
        try session.waitFor("the frame of a fresh start") { $0 == fresh }
    }
}
