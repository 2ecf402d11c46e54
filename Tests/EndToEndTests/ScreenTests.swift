import Foundation
import Testing

/// What the backend does with the screen: resizes, mouse, colour, how much it writes.
extension EndToEndTests {
    @Test func tooSmallAndBack() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let session = try TmuxSession(try recordingWrapper(in: directory))
        defer { session.kill() }
        try session.waitFor(texts: Self.paneTitles)

        try session.resize(width: 40, height: 10)
        let small = try session.waitFor(text: "terminal too small")
        #expect(!small.contains("Timeline"))

        try session.resize(width: 120, height: 40)
        try session.waitFor("the panes again") { screen in
            Self.paneTitles.allSatisfy(screen.contains) && !screen.contains("too small")
        }
        try session.resize(width: 90, height: 30)
        try session.waitFor("the panes at 90 × 30") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return Self.paneTitles.allSatisfy(screen.contains) && lines.allSatisfy { $0.count <= 90 }
        }
        try session.send("q")
        try session.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
    }

    /// A click selects the row under it, and the terminal cursor (where a screen
    /// reader reads) follows the selection.
    @Test func clickSelectsARowAndTheCursorFollows() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        let screen = try session.waitForSettled(texts: Self.loaded)
        let startRow = try session.format("#{cursor_y}")

        // The third row below the first partner, in the Partners column.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("Partners") }) + 2
        let target = first + 3
        #expect(startRow == "\(first)", "the cursor starts on the first partner")
        // SGR mouse report: button 0 press and release at (column 5, row target), 1-based.
        try session.type("\u{1B}[<0;5;\(target + 1)M\u{1B}[<0;5;\(target + 1)m")
        try session.waitFor(format: "#{cursor_y}", toBe: "\(target)")
    }

    /// `m` gives the mouse back to the terminal (its text selection works) and takes it again.
    @Test func mouseCaptureTurnsOffAndOn() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.paneTitles)
        try session.waitFor(format: "#{mouse_any_flag}", toBe: "1")
        try session.send("m")
        try session.waitFor(format: "#{mouse_any_flag} #{mouse_button_flag}", toBe: "0 0")
        try session.send("m")
        try session.waitFor(format: "#{mouse_any_flag} #{mouse_button_flag}", toBe: "1 1")
    }

    /// A drag in the document view (raw SGR reports, as a terminal sends them with
    /// button-motion tracking on) selects the words from the press to the release;
    /// the motion mode is off while Ctrl-Z has the shell in front, and after q.
    @Test func dragSelectsWordsInTheDocumentView() throws {
        let session = try TmuxSession.shell()
        defer { session.kill() }
        try session.type(try Binary.command())
        try session.send("Enter")
        try session.waitForSettled(texts: Self.loaded)
        try session.waitFor(format: "#{mouse_button_flag}", toBe: "1")
        try session.send("v")
        let screen = try session.waitForSettled(texts: ["Document openai-microsoft-alliance.txt", "The partners pointed back"])
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("The partners pointed back") })
        // From "partners" to the first word of the next line (1-based cells for SGR).
        let column = lines[row].distance(from: lines[row].startIndex, to: lines[row].range(of: "partners")!.lowerBound) + 1
        let next = lines[row + 1].dropFirst(2).split(separator: " ")[0]
        let words = lines[row].dropFirst(2).dropLast().split(separator: " ").drop { $0 != "partners" }.count + 1
        // One report at a time, as a hand makes them: curses reads reports that come
        // in one burst as one click.
        try session.type("\u{1B}[<0;\(column + 2);\(row + 1)M")
        try session.waitFor(text: "selected 1 word ")
        try session.type("\u{1B}[<32;4;\(row + 2)M")
        try session.waitFor(text: "selected \(words) words")
        try session.type("\u{1B}[<0;4;\(row + 2)m")
        // Released, the selection is the keys' as well: w adds a word.
        try session.send("w")
        try session.waitFor(text: "selected \(words + 1) words")
        #expect(!next.isEmpty)

        try session.send("C-z")
        try session.waitFor(text: "Stopped")
        try session.waitFor(format: "#{mouse_button_flag} #{mouse_any_flag}", toBe: "0 0")
        try session.type("fg")
        try session.send("Enter")
        try session.waitFor(format: "#{mouse_button_flag}", toBe: "1")
        try session.waitFor(text: "selected \(words + 1) words")
        #expect(try session.format("#{mouse_button_flag}") == "1", "drag reports on again after fg")
        // q drops the selection, closes the document, quits.
        try session.send("q")
        try session.waitFor(text: "quoted span")
        try session.send("q")
        try session.waitFor(texts: Self.paneTitles)
        try session.send("q")
        try session.waitFor("the prompt after q") { $0.split(separator: "\n").last?.hasPrefix("e2e$") == true }
        #expect(try session.format("#{mouse_button_flag} #{mouse_any_flag}") == "0 0")
    }

    @Test func coloursFollowNoColor() throws {
        func styledScreen(arguments: [String] = [], environment: [String] = []) throws -> String {
            let session = try TmuxSession(try Binary.command(arguments, environment: environment))
            defer { session.kill() }
            try session.waitForSettled(texts: Self.loaded)
            return session.screen(escapes: true)
        }
        let indexed = "\u{1B}[38;5;"
        let reverse = "\u{1B}[7m"
        // The terminal's own palette (its theme decides the hues), never fixed indexes.
        let palette = (0...7).flatMap { ["\u{1B}[3\($0)m", "\u{1B}[9\($0)m", "\u{1B}[4\($0)m"] }
        let coloured = try styledScreen()
        #expect(palette.contains(where: coloured.contains), "palette colours on xterm-256color")
        #expect(!coloured.contains(indexed), "no fixed 256-colour indexes")
        for plain in [try styledScreen(environment: ["NO_COLOR=1"]), try styledScreen(arguments: ["--no-color"])] {
            #expect(!plain.contains(indexed) && !palette.contains(where: plain.contains), "no colours")
            #expect(plain.contains(reverse), "attributes still mark the screen")
        }
    }

    /// Moving the cursor one row writes a fraction of what a full redraw writes:
    /// the painter sends only the cells that changed.
    @Test func aCursorMoveWritesOnlyWhatChanged() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitForSettled(texts: Self.loaded)
        let output = directory.file("output")
        try session.recordOutput(to: output)

        try session.send("j")
        let afterMove = session.settledSize(of: output)
        try session.send("C-l")  // the backend redraws everything on Ctrl-L
        let full = session.settledSize(of: output) - afterMove

        #expect(afterMove > 0, "the move was drawn")
        #expect(full > 0, "Ctrl-L redrew the screen")
        #expect(afterMove * 2 < full, "a move wrote \(afterMove) bytes, a full redraw \(full)")

        // A resize draws the new frame once: not the old one cut to the new size first.
        try session.resize(width: 100, height: 30)
        let resized = session.settledSize(of: output) - afterMove - full
        try session.send("C-l")
        let redrawn = session.settledSize(of: output) - afterMove - full - resized
        #expect(redrawn > 0 && resized * 4 < redrawn * 5, "a resize wrote \(resized) bytes, a full redraw at its size \(redrawn)")
    }
}
