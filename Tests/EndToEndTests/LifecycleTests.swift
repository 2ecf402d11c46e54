import Foundation
import Testing

/// Start, quit, signals and job control: whatever way the explorer ends, the
/// terminal is as it was (same stty modes, normal screen, cursor shown, mouse and
/// keypad modes off).
extension EndToEndTests {
    @Test func startsWithFourPanesAndQuitsWithQ() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let session = try TmuxSession(try recordingWrapper(in: directory))
        defer { session.kill() }

        try session.waitFor(texts: Self.paneTitles)
        #expect(try session.format("#{alternate_on}") == "1")
        try session.send("q")
        let screen = try session.waitFor(text: "DS-DONE")

        #expect(directory.read("status") == "0")
        try expectTerminalRestored(session, directory)
        #expect(!screen.contains("Partners"), "the shell's screen is back")
    }

    @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP), ("INT", SIGINT)])
    func signalRestoresTheTerminal(name: String, signal: Int32) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let session = try TmuxSession(try recordingWrapper(in: directory))
        defer { session.kill() }

        try session.waitFor(texts: Self.paneTitles)
        try endBySignal(signal, name: name, session, directory)
    }

    /// Sends a signal to the explorer (SIGINT as Ctrl-C, through the terminal to the
    /// whole foreground group), then checks it ended as that signal would and left
    /// the terminal as it found it.
    func endBySignal(_ signal: Int32, name: String, _ session: TmuxSession, _ directory: ScratchDirectory,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        if signal == SIGINT {
            try session.send("C-c")
        } else {
            let pid = try #require(descendant(of: try session.panePID(), named: "dealscope"))
            #expect(kill(pid, signal) == 0)
        }
        try session.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "\(128 + signal)", "SIG\(name) ends it as the signal would", sourceLocation: sourceLocation)
        try expectTerminalRestored(session, directory, sourceLocation: sourceLocation)
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let session = try TmuxSession.shell()
        defer { session.kill() }
        try session.type(try Binary.command())
        try session.send("Enter")
        let before = try session.waitForSettled(texts: Self.loaded)

        try session.send("C-z")
        try session.waitFor(format: "#{alternate_on}", toBe: "0")
        let stopped = try session.waitFor(text: "Stopped")
        #expect(!stopped.contains("Timeline"))
        #expect(try session.format("#{cursor_flag}") == "1")

        try session.type("fg")
        try session.send("Enter")
        try session.waitFor(format: "#{alternate_on}", toBe: "1")
        // The alternate screen starts blank, so the same frame means a full redraw.
        try session.waitFor("the frame from before Ctrl-Z") { $0 == before }
        #expect(try session.format("#{cursor_flag}") == "0")

        try session.send("q")
        try session.waitFor(format: "#{alternate_on}", toBe: "0")
        try session.waitFor("the prompt after fg") { $0.split(separator: "\n").last?.hasPrefix("e2e$") == true }
    }

    /// A stop from outside (`kill -STOP`, which the explorer cannot catch) lets the
    /// shell take the terminal back in its own modes. Continued in the background,
    /// the explorer must not draw over the shell; brought back with `fg`, it puts
    /// its modes back, so q quits at once (not after Enter), and redraws.
    @Test func stopFromOutsideThenContinueAndFg() throws {
        let session = try TmuxSession.shell()
        defer { session.kill() }
        try session.type(try Binary.command())
        try session.send("Enter")
        let before = try session.waitForSettled(texts: Self.loaded)
        let pid = try #require(descendant(of: try session.panePID(), named: "dealscope"))

        #expect(kill(pid, SIGSTOP) == 0)
        try session.waitFor(text: "Stopped")
        try session.type("clear")
        try session.send("Enter")
        try session.waitFor("a clear shell screen") { !$0.contains("Partners") && $0.contains("e2e$") }

        // In the background now: nothing may be drawn over the shell.
        #expect(kill(pid, SIGCONT) == 0)
        try session.type("echo shell-$((6*7))")
        try session.send("Enter")
        try session.waitFor(text: "shell-42")
        let drawn = try? session.waitFor("no frame over the shell", timeout: .milliseconds(500)) { Self.paneTitles.contains(where: $0.contains) }
        #expect(drawn == nil, "the explorer drew over the shell from the background")

        try session.type("fg")
        try session.send("Enter")
        try session.waitFor("the frame from before the stop") { $0 == before }
        try session.send("q")
        try session.waitFor("the prompt after q, without Enter") { $0.split(separator: "\n").last?.hasPrefix("e2e$") == true }
    }

    /// What the user would notice after the explorer ends.
    func expectTerminalRestored(_ session: TmuxSession, _ directory: ScratchDirectory,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = directory.read("before"), after = directory.read("after")
        #expect(before != nil && before == after, "stty modes restored", sourceLocation: sourceLocation)
        let flags = try session.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_button_flag} #{keypad_cursor_flag}")
        #expect(flags == "0 1 0 0 0", "normal screen, cursor shown, mouse (also drag) and keypad modes off (\(flags))", sourceLocation: sourceLocation)
    }
}
