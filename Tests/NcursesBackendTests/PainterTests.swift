import CNcurses
import ExplorerCore
@testable import NcursesBackend
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real curses screen that draws nowhere (`newterm` on /dev/null), made once:
/// the painter writes to it and the tests read its cells back with `mvwin_wch`.
/// curses sends the terminal exactly what `stdscr` holds, so these cells are what
/// the terminal will show.
final class CursesScreen: @unchecked Sendable {
    static let shared = CursesScreen()
    let screen: OpaquePointer?

    private init() {
        setlocale(LC_CTYPE, "C.UTF-8")
        let output = fopen("/dev/null", "w"), input = fopen("/dev/null", "r")
        screen = newterm("xterm-256color", output, input)
        start_color()
        use_default_colors()
    }

    /// What a cell of `stdscr` holds.
    struct Shown: Equatable, CustomStringConvertible {
        var text: String
        var attributes: attr_t
        var pair: Int16
        var description: String { "\(text.debugDescription) attributes \(attributes) pair \(pair)" }
    }

    func cell(row: Int, column: Int) -> Shown {
        var cchar = cchar_t()
        _ = mvwin_wch(ds_stdscr(), Int32(row), Int32(column), &cchar)
        var characters = [wchar_t](repeating: 0, count: Int(ds_ccharw_max()) + 1)
        var attributes = attr_t(0)
        var pair: Int16 = 0
        _ = getcchar(&cchar, &characters, &attributes, &pair, nil)
        let text = String(String.UnicodeScalarView(characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        return Shown(text: text, attributes: attributes & ~ds_a_color(), pair: pair)
    }

    /// Fails the test (rather than crashing it) when there is no screen.
    func require() throws {
        try #require(screen != nil, "no curses screen: is the xterm-256color terminfo entry installed (ncurses-base)?")
    }

    func resize(width: Int, height: Int) throws {
        try require()
        resizeterm(Int32(height), Int32(width))
    }
}

@Suite(.serialized) struct PainterTests {
    let curses = CursesScreen.shared

    /// Cells where `stdscr` differs from the grid (text, attributes or colour pair).
    /// A blank whose style has neither reverse nor underline looks the same in any
    /// such style, so any such style will do for it.
    func differences(_ grid: Grid, _ styles: [CursesStyle]) -> [String] {
        let showsOnBlank = ds_a_reverse() | ds_a_underline()
        var found: [String] = []
        for r in 0..<grid.height {
            for c in 0..<grid.width where !grid[r, c].isContinuation {
                let cell = grid[r, c]
                let style = styles[Int(cell.role.rawValue)]
                let shown = curses.cell(row: r, column: c)
                let expected = CursesScreen.Shown(text: cell.text, attributes: style.attributes, pair: style.pair)
                if cell.text == " " && style.attributes & showsOnBlank == 0 && shown.text == " " && shown.attributes & showsOnBlank == 0 { continue }
                if shown != expected { found.append("(\(r),\(c)) shows \(shown), the grid has \(expected) (\(cell.role))") }
            }
        }
        return found
    }

    func painter(_ level: ColorLevel = .basic16) throws -> (Painter, [CursesStyle]) {
        try curses.require()
        let styles = RoleStyles.table(level: level)
        return (Painter(styles: styles, utf8: true), styles)
    }

    @Test func wideAndCombiningCharactersAndRolesReachTheScreen() throws {
        try curses.resize(width: 20, height: 3)
        let (painter, styles) = try painter()
        var grid = Grid(width: 20, height: 3)
        grid.put("日本 e\u{301}x", row: 0, column: 0, role: .quote)
        grid.put("🚀 OpenAI", row: 1, column: 2, role: .selectedFocused)
        grid.put("muted", row: 2, column: 15, role: .muted)
        grid.cursor = (1, 2)
        painter.paint(grid)
        // (Read first: reading cells moves curses' cursor.)
        #expect((getcury(ds_stdscr()), getcurx(ds_stdscr())) == (1, 2), "the cursor rests where the grid says")
        #expect(differences(grid, styles) == [])
        #expect(curses.cell(row: 0, column: 5).text == "e\u{301}", "the combining mark stays with its base")
        #expect(curses.cell(row: 0, column: 6).text == "x")
        #expect(curses.cell(row: 1, column: 5).text == "O", "the emoji takes two columns")
    }

    /// Blanks cost no style change: between words of one colour they keep it, at the
    /// end of coloured text they are plain, under reverse or underline they keep theirs.
    @Test func blanksAreWrittenInTheStyleAroundThem() throws {
        try curses.resize(width: 30, height: 1)
        let (painter, styles) = try painter()
        var grid = Grid(width: 30, height: 1)
        grid.put("one two", row: 0, column: 0, role: .muted)
        grid.put("   ", row: 0, column: 7, role: .related)
        grid.put("x", row: 0, column: 10, role: .quote)
        grid.put("  ", row: 0, column: 11, role: .selectedFocused)
        painter.paint(grid)
        let muted = styles[Int(Role.muted.rawValue)]
        #expect(curses.cell(row: 0, column: 3) == .init(text: " ", attributes: muted.attributes, pair: muted.pair))
        #expect(curses.cell(row: 0, column: 8) == .init(text: " ", attributes: 0, pair: 0))
        #expect(curses.cell(row: 0, column: 12).attributes == ds_a_reverse() | ds_a_bold())
        #expect(differences(grid, styles) == [])
    }

    @Test func attributesCarryTheRolesWithoutColour() throws {
        try curses.require()
        let styles = RoleStyles.table(level: .none)
        #expect(styles.allSatisfy { $0.pair == 0 })
        #expect(styles[Int(Role.selectedFocused.rawValue)].attributes == ds_a_reverse() | ds_a_bold())
        #expect(styles[Int(Role.titleFocused.rawValue)].attributes & ds_a_reverse() != 0)
        #expect(styles[Int(Role.selected.rawValue)].attributes == ds_a_underline())
        #expect(styles[Int(Role.muted.rawValue)].attributes == ds_a_dim())
        #expect(styles[Int(Role.match.rawValue)].attributes == ds_a_underline() | ds_a_bold())
    }

    @Test(arguments: [(ColorLevel.basic16, Role.label, Int16(12)), (.basic16, .muted, 8), (.basic8, .error, 1), (.basic16, .error, 9), (.basic8, .quote, 2)])
    func coloursArePalettePairsOnTheDefaultBackground(level: ColorLevel, role: Role, foreground: Int16) throws {
        try curses.require()
        let style = RoleStyles.table(level: level)[Int(role.rawValue)]
        var fg: Int16 = 0, bg: Int16 = 0
        #expect(style.pair > 0)
        #expect(pair_content(style.pair, &fg, &bg) == OK)
        #expect(fg == foreground && bg == -1)
        if role == .muted { #expect(style.attributes & ds_a_dim() == 0, "grey says muted; dim on grey is too faint") }
    }

    /// A theme of 256 colours (deep) gets them on a 256-colour terminal, and the
    /// palette colour of their hue with fewer; the default theme stays on the palette.
    @Test(arguments: [("deep", ColorLevel.indexed256, Role.quote, Int16(114)), ("deep", .basic16, .quote, 10), ("deep", .basic8, .quote, 2),
                      ("deep", .indexed256, .error, 203), ("deep", .basic16, .error, 9), ("default", .indexed256, .label, 12),
                      ("default", .indexed256, .muted, 8)])
    func themesColourTheRolesAtEveryLevel(theme: String, level: ColorLevel, role: Role, foreground: Int16) throws {
        try curses.require()
        let style = RoleStyles.table(level: level, theme: Theme.named(theme)!)[Int(role.rawValue)]
        var fg: Int16 = 0, bg: Int16 = 0
        #expect(pair_content(style.pair, &fg, &bg) == OK)
        #expect(fg == foreground && bg == -1)
    }

    @Test func theMonoThemeIsAttributesOnly() throws {
        try curses.require()
        let styles = RoleStyles.table(level: .indexed256, theme: Theme.named("mono")!)
        #expect(styles.allSatisfy { $0.pair == 0 })
        // NO_COLOR (no colour level) wins over a theme of colours.
        #expect(RoleStyles.table(level: .none, theme: Theme.named("deep")!).allSatisfy { $0.pair == 0 })
        #expect(styles[Int(Role.quote.rawValue)].attributes == ds_a_bold() | ds_a_underline())
    }

    @Test func osc52CarriesTheTextAsBase64() {
        #expect(Base64.encode(Array("openai-new-funding".utf8)) == "b3BlbmFpLW5ldy1mdW5kaW5n")
        #expect(Base64.encode([]) == "" && Base64.encode([0x61]) == "YQ==" && Base64.encode([0x61, 0x62]) == "YWI=")
        #expect(Base64.encode(Array("“quote” — é".utf8)) == "4oCccXVvdGXigJ0g4oCUIMOp")
    }

    @Test func onlyChangedCellsAreWrittenAndARepaintWritesAll() throws {
        try curses.resize(width: 30, height: 4)
        let (painter, styles) = try painter()
        var first = Grid(width: 30, height: 4)
        first.put("Partners", row: 0, column: 1, role: .title)
        painter.paint(first)
        // Something else writes to curses' screen behind the painter's back...
        mvwaddnstr(ds_stdscr(), 2, 0, "stray", 5)
        var second = first
        second.put("Deals", row: 1, column: 1, role: .selectedFocused)
        painter.paint(second)
        #expect(curses.cell(row: 1, column: 1).text == "D")
        #expect(curses.cell(row: 2, column: 0).text == "s", "an unchanged cell is not written again")
        // ...until a full repaint writes every cell.
        painter.invalidate()
        painter.paint(second)
        #expect(differences(second, styles) == [])
    }

    /// Random frames at sizes from 1×1 to 120×40, with resizes and full repaints:
    /// curses' screen always holds exactly the grid.
    @Test(arguments: [UInt64(1), 2, 3])
    func randomFramesLeaveExactlyTheGrid(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let (painter, styles) = try painter(seed == 2 ? .basic8 : .basic16)
        let sizes = [(1, 1), (7, 3), (40, 12), (120, 40), (61, 15)]
        var (w, h) = sizes[random.next(sizes.count)]
        try curses.resize(width: w, height: h)
        painter.invalidate()
        var grid = Grid(width: w, height: h)
        for frame in 0..<150 {
            switch random.next(12) {
            case 0:
                (w, h) = sizes[random.next(sizes.count)]
                try curses.resize(width: w, height: h)
                painter.invalidate()
                grid = Grid(width: w, height: h)
            case 1: painter.invalidate()
            default: break
            }
            scribble(&grid, &random)
            painter.paint(grid)
            let found = differences(grid, styles)
            #expect(found.isEmpty, "seed \(seed), frame \(frame) at \(w)×\(h): \(found.prefix(3))")
            if !found.isEmpty { return }
        }
    }

    static let words = ["deal", "OpenAI", "—", "…", "漢字", "e\u{301}", "≈110bn", "•", "┃━", "   ", "x", "Partner 12 Cloud", "😀"]

    func scribble(_ grid: inout Grid, _ random: inout SplitMix) {
        guard grid.width > 0, grid.height > 0 else { return }
        for _ in 0..<(1 + random.next(6)) {
            let role = Role.allCases[random.next(Role.allCases.count)]
            let row = random.next(grid.height), column = random.next(grid.width)
            if random.next(4) == 0 {
                grid.fill(row: row, column: column, width: 1 + random.next(grid.width), height: 1 + random.next(3), role: role)
            } else {
                grid.put(Self.words[random.next(Self.words.count)], row: row, column: column, role: role, limit: 1 + random.next(grid.width))
            }
        }
        grid.cursor = random.next(3) == 0 ? nil : (random.next(grid.height), random.next(grid.width))
    }

    struct SplitMix {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }
}
