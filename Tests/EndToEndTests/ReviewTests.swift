import Foundation
import Testing

/// Reviewing a draft dataset in the real terminal: accept and reject, save, quit,
/// start again and see the result; edits left unsaved by a `kill -9` offered back
/// at the next start.
extension EndToEndTests {
    /// A copy of the review fixture (a draft dataset and its article) and a cache of
    /// its own for the journal.
    static func reviewCopy(_ directory: ScratchDirectory) throws -> (data: String, arguments: [String], environment: [String]) {
        let fixtures = Binary.packageRoot + "/Tests/Fixtures/review"
        for f in ["review.dealscope.json", "article.txt"] {
            try FileManager.default.copyItem(atPath: fixtures + "/" + f, toPath: directory.file(f))
        }
        let data = directory.file("review.dealscope.json")
        return (data, ["--data", data], ["DEALSCOPE_CACHE=", "DEALSCOPE_CACHE_DIR=" + directory.file("cache")])
    }

    /// `:w`, saved, `q`: the explorer ends with status 0 and the terminal as it was.
    func saveAndQuit(_ session: TmuxSession, _ directory: ScratchDirectory) throws {
        try session.type(":w")
        try session.send("Enter")
        try session.waitFor(text: "saved ")
        try session.send("q")
        try session.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
        try expectTerminalRestored(session, directory)
    }

    /// The explorer on that copy, its exit status recorded in `directory`.
    static func reviewSession(_ directory: ScratchDirectory, _ copy: (data: String, arguments: [String], environment: [String])) throws -> TmuxSession {
        try TmuxSession(try recordingWrapper(in: directory, arguments: copy.arguments, environment: copy.environment))
    }

    @Test func reviewADraftSaveQuitAndStartAgain() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let copy = try Self.reviewCopy(directory)
        let first = try Self.reviewSession(directory, copy)
        defer { first.kill() }
        try first.waitFor(texts: ["6 to review", "?Contoso"])
        // Accept Contoso (the first partner), then the next draft (Northwind).
        try first.send("a")
        try first.waitFor(text: "accept partner \"contoso\" (u undoes)")
        try first.send(">")
        try first.waitFor(text: "5 to review: a accepts, r rejects, > next")
        try first.send("a")
        try first.waitFor(text: "accept partner \"northwind\"")
        // Reject the last event, which only names Contoso.
        try first.send("3", "G", "r")
        try first.waitFor(text: "reject event \"contoso-may-join\"")
        try first.send("C-l")
        try first.waitFor(text: "3 to review · [+] unsaved")
        // q asks first; Esc stays; :w saves; then q quits at once.
        try first.send("q")
        try first.waitFor(text: "Quit? y save · d discard · Esc back")
        try first.send("Escape")
        try first.type(":w")
        try first.send("Enter")
        try first.waitFor(text: "saved ")
        try first.send("q")
        try first.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
        try expectTerminalRestored(first, directory)
        let saved = try String(contentsOfFile: copy.data, encoding: .utf8)
        #expect(!saved.contains("org.subject") && !saved.contains("org.said") && !saved.contains("contoso-may-join"))
        #expect(saved.contains("org.with"), "the drafts not reviewed keep their marks")

        // Started again: the reviewed records as saved.
        let second = try Self.reviewSession(directory, copy)
        defer { second.kill() }
        let screen = try second.waitFor(texts: ["3 to review", "1 of 1 events"])
        #expect(screen.contains(" Contoso") && !screen.contains("?Contoso") && !screen.contains("Contoso may join"))
        try second.send("q")
        try second.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
    }

    /// A quote attached from the document view, saved with :w: the file has the words
    /// exactly, with their occurrence.
    @Test func attachAQuoteFromTheDocumentViewAndSave() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let copy = try Self.reviewCopy(directory)
        let session = try Self.reviewSession(directory, copy)
        defer { session.kill() }
        try session.waitFor(texts: ["6 to review", "?Contoso"])
        // Contoso's quote is current: select its first word, attach it.
        try session.send("v")
        try session.waitFor(text: "Document article.txt")
        try session.send("s")
        try session.waitFor(text: "selected 1 word · a quotes it in Contoso")
        try session.send("a")
        try session.waitFor(text: "add a quote to partner \"contoso\" (u undoes)")
        try session.send("Escape")
        try session.type(":w")
        try session.send("Enter")
        try session.waitFor(text: "saved ")
        try session.send("q")
        try session.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
        try expectTerminalRestored(session, directory)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: copy.data))) as? [String: Any]
        let contoso = (json?["partners"] as? [[String: Any]])?.first { $0["id"] as? String == "contoso" }
        let quotes = contoso?["evidence"] as? [Any] ?? []
        #expect(quotes.count == 2)
        let added = quotes.last as? [String: Any]
        #expect(added?["text"] as? String == "Contoso" && added?["occurrence"] as? Int == 2, "\(quotes)")
    }

    @Test func editsLeftUnsavedByAKillAreOfferedBack() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let copy = try Self.reviewCopy(directory)
        let first = try Self.reviewSession(directory, copy)
        defer { first.kill() }
        try first.waitFor(text: "6 to review")
        try first.send("a")
        try first.waitFor(text: "accept partner \"contoso\"")
        let pid = try #require(descendant(of: try first.panePID(), named: "dealscope"))
        #expect(kill(pid, SIGKILL) == 0)
        try first.waitFor(text: "DS-DONE")
        #expect(try String(contentsOfFile: copy.data, encoding: .utf8).contains("org.subject"), "nothing was saved")

        let second = try Self.reviewSession(directory, copy)
        defer { second.kill() }
        try second.waitFor(text: "Restore 1 unsaved edit of an earlier session? y yes · d discard · Esc later")
        try second.send("y")
        try second.waitFor(text: "1 edit restored")
        try second.send("C-l")
        try second.waitFor(text: "5 to review · [+] unsaved")
        // Quitting without saving, as asked: the file keeps its drafts.
        try second.send("q")
        try second.waitFor(text: "Quit? y save")
        try second.send("d")
        try second.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
        #expect(try String(contentsOfFile: copy.data, encoding: .utf8).contains("org.subject"))
    }
}

extension EndToEndTests {
    /// The edit form in the real terminal: a deal's date typed wrong is refused with
    /// the loader's message, typed right is saved with :w into the file.
    @Test func editADealsDateInTheFormAndSave() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let copy = try Self.reviewCopy(directory)
        let session = try Self.reviewSession(directory, copy)
        defer { session.kill() }
        try session.waitFor(texts: ["6 to review", "?Contoso"])
        try session.send("2", "e")
        try session.waitFor(text: "Edit deal \"northwind-tailspin-cloud\"")
        // To the date (the fifth field), typed wrong: the message, and Enter refused.
        try session.send("Tab", "Tab", "Tab", "Tab")
        try session.type("2025-13")
        try session.waitFor(text: "has no such month")
        try session.send("Enter")
        try session.waitFor(text: "not saved: Date does not read")
        try session.send("BSpace", "BSpace")
        try session.type("03")
        try session.send("C-Space")
        try session.waitFor(text: "Date has no words to complete")
        try session.send("Enter")
        try session.waitFor(text: "edit deal \"northwind-tailspin-cloud\" (u undoes)")
        try saveAndQuit(session, directory)
        let saved = try String(contentsOfFile: copy.data, encoding: .utf8)
        #expect(saved.contains("\"date\": \"2025-03\""))
        #expect(!saved.contains("\"date\": null,\n      \"value\""), "the deal's date is no longer null")
    }
}

extension EndToEndTests {
    /// The form's file in the copy's cache, once it holds `text`.
    static func waitForFormDraft(_ directory: ScratchDirectory, holding text: String) throws {
        let journal = directory.file("cache/journal")
        let clock = ContinuousClock(), deadline = clock.now + .seconds(10)
        while clock.now < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []
            if names.contains(where: { $0.hasSuffix(".form.json") && (directory.read("cache/journal/" + $0)?.contains(text) ?? false) }) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw EndToEndError("no form file holding \(text) in \(journal)")
    }

    /// Text typed into the form, then `kill -9` (or SIGTERM at once, before the next
    /// timed write): the next start offers the form back with the text, still checked.
    @Test(arguments: [SIGKILL, SIGTERM])
    func typedFormTextSurvivesAKill(_ signal: Int32) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let copy = try Self.reviewCopy(directory)
        let first = try Self.reviewSession(directory, copy)
        defer { first.kill() }
        try first.waitFor(texts: ["6 to review", "?Contoso"])
        try first.send("2", "e")
        try first.waitFor(text: "Edit deal \"northwind-tailspin-cloud\"")
        try first.send("Tab", "Tab", "Tab", "Tab")
        try first.type("2025-1")
        try first.waitFor(text: "is not a date")
        if signal == SIGKILL { try Self.waitForFormDraft(directory, holding: "2025-1") }
        let pid = try #require(descendant(of: try first.panePID(), named: "dealscope"))
        #expect(kill(pid, signal) == 0)
        try first.waitFor(text: "DS-DONE")
        try Self.waitForFormDraft(directory, holding: "2025-1")

        let second = try Self.reviewSession(directory, copy)
        defer { second.kill() }
        try second.waitFor(text: "Restore the form you were typing in? y yes · d discard · Esc later (deal “Northwind")
        try second.send("y")
        try second.waitFor(texts: ["Edit deal \"northwind-tailspin-cloud\"", "2025-1", "is not a date"])
        try second.type("0")
        try second.send("Enter")
        try second.waitFor(text: "edit deal \"northwind-tailspin-cloud\" (u undoes)")
        try second.send("q")
        try second.waitFor(text: "Quit? y save")
        try second.send("y")
        try second.waitFor(text: "DS-DONE")
        #expect(try String(contentsOfFile: copy.data, encoding: .utf8).contains("\"date\": \"2025-10\""))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.file("cache/journal"))
        #expect(!left.contains { $0.hasSuffix(".form.json") }, "the form's file goes with the form")
    }
}

extension EndToEndTests {
    /// Links and merges in the real terminal: a partner linked to the deal, two
    /// partners merged (asked first), saved, and started again.
    @Test func linkAndMergeThenSaveAndStartAgain() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let copy = try Self.reviewCopy(directory)
        let first = try Self.reviewSession(directory, copy)
        defer { first.kill() }
        try first.waitFor(texts: ["6 to review", "?Contoso"])
        // Contoso (first partner) linked to the deal: pick it in Deals, Enter.
        try first.send("L")
        try first.waitFor(text: "Link partner “Contoso” with: move to a deal or an event")
        try first.send("2")
        try first.waitFor(text: "Enter links")
        try first.send("Enter")
        try first.waitFor(text: "(u undoes)")
        // Tailspin merged into Northwind Traders: asked first, then done.
        try first.send("1", "G", "M", "k")
        try first.waitFor(text: "Merge partner “Tailspin Toys” into partner “Northwind Traders”? Enter asks")
        try first.send("Enter")
        try first.waitFor(text: "Merge? y merge · Esc back")
        try first.send("y")
        try first.waitFor(text: "(u undoes)")
        try first.type(":wq")
        try first.send("Enter")
        try first.waitFor(text: "DS-DONE")
        #expect(directory.read("status") == "0")
        try expectTerminalRestored(first, directory)
        let saved = try String(contentsOfFile: copy.data, encoding: .utf8)
        #expect(!saved.contains("\"id\": \"tailspin\"") && saved.contains("\"Tailspin Toys\""), "Tailspin's name is an alias of Northwind")
        #expect(saved.contains("\"partner\": \"contoso\""))

        let second = try Self.reviewSession(directory, copy)
        defer { second.kill() }
        let screen = try second.waitFor(texts: ["Northwind Traders", "Contoso"])
        #expect(!screen.contains("Tailspin Toys  "), "no partner row for Tailspin")
        try second.send("q")
        try second.waitFor(text: "DS-DONE")
    }
}
