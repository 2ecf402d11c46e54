import ExplorerCore
import Testing

@Suite struct GridText {
    @Test func wideCharactersTakeTwoCellsAndAlign() {
        var g = Grid(width: 10, height: 2)
        let used = g.put("日本a", row: 0, column: 0, role: .normal)
        #expect(used == 5)
        #expect(g[0, 0].text == "日" && g[0, 0].width == 2)
        #expect(g[0, 1].isContinuation)
        #expect(g[0, 4].text == "a")
        g.put("abcde", row: 1, column: 0, role: .normal)
        #expect(g.text == "日本a\nabcde")
    }

    @Test func aWideCharacterNeverStraddlesTheEdge() {
        var g = Grid(width: 4, height: 1)
        g.put("ab日", row: 0, column: 1, role: .normal)
        #expect(g.text == " ab…", "cut text ends with an ellipsis")
        #expect(!g[0, 3].isContinuation)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var g = Grid(width: 6, height: 1)
        g.put("e\u{301}x", row: 0, column: 0, role: .normal)
        #expect(g[0, 0].text == "e\u{301}")
        #expect(g[0, 1].text == "x")
    }

    @Test func emojiIsWide() {
        var g = Grid(width: 6, height: 1)
        #expect(g.put("🚀x", row: 0, column: 0, role: .normal) == 3)
    }

    @Test func controlAndBidiCharactersAreMadeVisible() {
        var g = Grid(width: 40, height: 1)
        g.put("A\u{1B}[2J\u{9B}\u{202E}B", row: 0, column: 0, role: .normal)
        let t = g.text
        #expect(!t.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E })
        #expect(t.contains("␛[2J"))
        #expect(t.contains("RLO"))
    }

    @Test func writesOutsideTheGridAreClipped() {
        var g = Grid(width: 3, height: 1)
        g.put("abcdef", row: 0, column: 1, role: .normal)
        g.put("zzz", row: 5, column: 0, role: .normal)
        g.put("yy", row: -1, column: 0, role: .normal)
        g.fill(row: -2, column: -2, width: 10, height: 1, role: .muted)
        #expect(g.text == " a…")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 4, height: 1)
        g.put("日", row: 0, column: 0, role: .normal)
        g.put("x", row: 0, column: 1, role: .normal)
        #expect(g.text == " x")
    }
}
