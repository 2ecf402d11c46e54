import DealModel
@testable import ExplorerCore
import TerminalText
import Testing

/// The mouse in the document view: press selects the word under it, a drag extends
/// the selection word by word to the word under the pointer (across a wrapped line,
/// and backwards), release keeps it for the keys; a double click selects the sentence.
@Suite struct DocumentMouseTests {
    /// The screen cell of the first character of `word` on the first row that has it
    /// after `row`, found on the rendered screen.
    static func cell(_ s: AppState, _ word: String, after row: Int = 0) throws -> (column: Int, row: Int) {
        let lines = screen(s).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for r in (row + 1)..<lines.count {
            if let hit = lines[r].range(of: word) { return (DisplayWidth.of(String(lines[r][..<hit.lowerBound])), r) }
        }
        throw Missing(word: word)
    }

    struct Missing: Error { let word: String }

    static func mouse(_ s: inout AppState, _ action: MouseEvent.Action, _ at: (column: Int, row: Int), plus: Int = 0) {
        _ = Explorer.update(&s, .mouse(MouseEvent(action, column: at.column + plus, row: at.row)))
    }

    static func selected(_ s: AppState) -> String? {
        guard let selection = s.documentSelection, let doc = DocumentView.document(s) else { return nil }
        return selection.text(in: doc)
    }

    /// The document view at the top of the bundled article, with two wrapped lines
    /// of one paragraph to drag across: (a word at the end of a line, the first word
    /// of the next line).
    static func documentView(_ width: Int = 100) throws -> AppState {
        var s = start(width, 30)
        press(&s, "v<Home>")
        return s
    }

    @Test func aPressSelectsTheWordUnderItAndReleaseKeepsIt() throws {
        var s = try Self.documentView()
        let at = try Self.cell(s, "Microsoft")
        Self.mouse(&s, .press, at, plus: 4)
        #expect(Self.selected(s) == "Microsoft")
        #expect(cells(s, .selection) == "Microsoft")
        Self.mouse(&s, .release, at, plus: 4)
        #expect(Self.selected(s) == "Microsoft")
        #expect(statusLine(s).contains("selected 1 word"))
        // The keys go on from the mouse's selection as from their own.
        press(&s, "w")
        #expect(Self.selected(s)?.hasPrefix("Microsoft ") == true)
        #expect(Self.selected(s)?.split(separator: " ").count == 2)
    }

    @Test func aDragSelectsWordByWordAcrossALineBreakAndBack() throws {
        var s = try Self.documentView()
        let lines = screen(s).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Two rows of text one after the other (one paragraph wrapped).
        let row = try #require((1..<(lines.count - 2)).first { r in
            [lines[r], lines[r + 1]].allSatisfy { $0.dropFirst(2).split(separator: " ").count > 4 && !$0.contains("━") }
        })
        func words(_ r: Int) -> [Substring] { lines[r].dropFirst(2).dropLast(1).split(separator: " ") }
        let last = words(row).dropLast().last!, nextFirst = words(row + 1)[1]
        let from = try Self.cell(s, " " + String(last) + " ", after: row - 1), to = try Self.cell(s, " " + String(nextFirst) + " ", after: row)
        #expect(from.row == row && to.row == row + 1)
        Self.mouse(&s, .press, from, plus: 1)
        Self.mouse(&s, .drag, (from.column + 3, from.row))
        #expect(Self.selected(s) == String(last), "still within the first word")
        Self.mouse(&s, .drag, to, plus: 2)
        Self.mouse(&s, .release, to, plus: 2)
        let forward = try #require(Self.selected(s))
        #expect(forward.hasPrefix(String(last) + " ") && forward.hasSuffix(" " + String(nextFirst)))
        #expect(forward.split(whereSeparator: \.isWhitespace).count == 4, "the word, the last on its line, the first and the second on the next")
        #expect(cells(s, .selection).split(separator: "|").count == 2, "drawn on two lines")

        // The same words dragged from the end back to the start.
        press(&s, "<Esc>")
        #expect(s.documentSelection == nil)
        Self.mouse(&s, .press, to, plus: 2)
        Self.mouse(&s, .drag, from, plus: 1)
        Self.mouse(&s, .release, from, plus: 1)
        #expect(Self.selected(s) == forward)
    }

    @Test func aDragRightOfALineEndsAtItsLastWord() throws {
        var s = try Self.documentView()
        let at = try Self.cell(s, "The partners pointed")
        Self.mouse(&s, .press, at, plus: 1)
        Self.mouse(&s, .drag, (s.width - 3, at.row))
        let lines = screen(s).split(separator: "\n", omittingEmptySubsequences: false)
        let shown = lines[at.row].dropFirst(2).dropLast(1).trimmingCharacters(in: " ")
        #expect(Self.selected(s) == shown)
    }

    @Test func aDoubleClickSelectsTheSentence() throws {
        var s = try Self.documentView()
        let at = try Self.cell(s, "primary infrastructure")
        Self.mouse(&s, .press, at)
        Self.mouse(&s, .release, at)
        Self.mouse(&s, .doubleClick, at)
        Self.mouse(&s, .release, at)
        let doc = try #require(DocumentView.document(s))
        let sentence = try #require(Self.selected(s))
        #expect(sentence.contains("primary infrastructure provider.") && sentence.hasSuffix("."))
        #expect(doc.text.contains(sentence))
        #expect(!sentence.hasPrefix(" ") && sentence.filter { $0 == "." }.count == 1, "one sentence, from its first word")
    }

    @Test func elsewhereADragChangesNothing() throws {
        var s = start(120, 40)
        press(&s, "<Down><Down>")
        let before = screen(s)
        _ = Explorer.update(&s, .mouse(MouseEvent(.drag, column: 10, row: 5)))
        _ = Explorer.update(&s, .mouse(MouseEvent(.release, column: 10, row: 5)))
        #expect(screen(s) == before)
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
