import Foundation
import Testing

/// Following a link in Detail in a real terminal: a deal's event opened with
/// Enter, and Backspace back to the deal.
extension EndToEndTests {
    @Test func enterOnAnEventLinkOpensItAndBackspaceReturns() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        // The last deal (its one quote, then its parties Microsoft and Anthropic, then its event).
        try session.send("2", "G", "4")
        try session.waitFor(texts: ["▶ 4 Detail", "Anthropic's Claude in Microsoft's Azure AI offering", "Microsoft adds Anthropic's Claude to Azure AI"])
        try session.send("J", "J", "J", "Enter")
        let event = try session.waitFor(texts: ["event 10 of 10 on the timeline", "BS goes back"])
        #expect(event.contains("▶ 4 Detail"), "Detail stays focused")
        try session.send("BSpace")
        let back = try session.waitFor(texts: ["Anthropic's Claude in Microsoft's Azure AI offering", "Parties   Microsoft"])
        #expect(!back.contains("event 10 of 10"))
    }
}
