import Foundation
import Testing

/// The document view in a real terminal: `v`, a search typed as in less, `n`, and
/// Enter on a span several records quote, with the choice it offers.
extension EndToEndTests {
    @Test func theDocumentViewSearchesAndOffersAChoiceOfRecords() throws {
        let session = try TmuxSession(try Binary.command())
        defer { session.kill() }
        try session.waitFor(texts: Self.loaded)
        try session.send("v")
        try session.waitFor(texts: ["Document openai-microsoft-alliance.txt", "58 quoted spans, 71 quotes"])
        try session.send("g", "/")
        try session.type("azu")
        try session.waitFor(text: "/azu  match 1 of 5 (n/N)")
        try session.type("re")
        try session.send("Enter")
        try session.waitFor(text: "/azure: match 1 of 5 (n/N) · quoted span")
        try session.send("n")
        try session.waitFor(text: "/azure: match 2 of 5")
        // ] goes from quoted span to quoted span, search or not, up to one that
        // Amazon, Nvidia and SoftBank all quote: Enter offers the three.
        var found = false
        for _ in 0..<60 {
            let screen = session.screen()
            if screen.contains("quoted by 3: Enter chooses") { found = true; break }
            let before = screen.split(separator: "\n").last.map(String.init) ?? ""
            try session.send("]")
            try session.waitFor("the next quoted span") { $0.split(separator: "\n").last.map(String.init) != before }
        }
        #expect(found)
        try session.send("Enter")
        try session.waitFor(texts: ["Quoted by 3 records: choose one", "Amazon  (partner)", "Nvidia  (partner)", "Enter opens · Esc back"])
        try session.send("j", "Enter")
        let screen = try session.waitFor(texts: ["▶ 4 Detail", "Nvidia", "Evidence "])
        #expect(!screen.contains("Quoted by 3 records"), "the picker is gone")
    }
}
