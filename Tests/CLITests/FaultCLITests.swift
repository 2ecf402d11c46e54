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
