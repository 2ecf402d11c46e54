import ExplorerCore
@testable import NcursesBackend
import Testing

/// The frame encoder replayed on an emulated terminal: whatever the frames, the
/// screen ends up showing the grid, and the bytes spent are few.
@Suite struct FrameEncoderTests {
    let styles = RoleStyles.table(level: .basic16)

    func encoder(_ codes: TerminalCodes = .ansi()) -> FrameEncoder {
        FrameEncoder(codes: codes, styles: styles, utf8: true, measure: ScreenEmulator.measure)
    }

    /// Cells where the emulated screen differs from the grid.
    func differences(_ screen: ScreenEmulator, _ grid: Grid, skipLastCell: Bool = false) -> [String] {
        var found: [String] = []
        for r in 0..<grid.height {
            for c in 0..<grid.width {
                let cell = grid[r, c]
                if cell.isContinuation || (skipLastCell && r == grid.height - 1 && c + Int(cell.width) >= grid.width) { continue }
                let style = styles[Int(cell.role.rawValue)]
                let shown = screen[r, c]
                if shown.text != cell.text { found.append("(\(r),\(c)) shows \(shown.text.debugDescription), grid has \(cell.text.debugDescription)") }
                if (cell.text != " " || style.showsOnBlank) && shown.style != style {
                    found.append("(\(r),\(c)) \(cell.text.debugDescription) in \(shown.style), grid has \(style) (\(cell.role))")
                }
            }
        }
        return found
    }

    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let words = ["deal", "OpenAI", "—", "…", "漢字", "e\u{301}", "≈110bn", "•", "┃━", "   ", "x", "Partner 12 Cloud", "😀"]

    func scribble(_ grid: inout Grid, _ random: inout Random) {
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

    func replay(codes: TerminalCodes, seed: UInt64, frames: Int) {
        var random = Random(state: seed)
        let sizes = [(1, 1), (7, 3), (40, 12), (120, 40), (61, 15)]
        var encoder = encoder(codes)
        var (w, h) = sizes[random.next(sizes.count)]
        var grid = Grid(width: w, height: h)
        var screen = ScreenEmulator(width: w, height: h)
        screen.scrollsAtLastCell = !codes.writesLastCell
        for frame in 0..<frames {
            if random.next(25) == 0 {
                (w, h) = sizes[random.next(sizes.count)]
                grid = Grid(width: w, height: h)
                screen = ScreenEmulator(width: w, height: h)
                screen.scrollsAtLastCell = !codes.writesLastCell
            }
            if random.next(40) == 0 { encoder.invalidate() }
            scribble(&grid, &random)
            screen.apply(encoder.encode(grid))
            let wrong = differences(screen, grid, skipLastCell: !codes.writesLastCell)
            #expect(screen.problems.isEmpty, "seed \(seed) frame \(frame): \(screen.problems.prefix(3))")
            #expect(screen.style == .plain, "seed \(seed) frame \(frame): the frame left the terminal in \(screen.style)")
            #expect(wrong.isEmpty, "seed \(seed) frame \(frame) \(w)x\(h): \(wrong.prefix(3))")
            if let cursor = grid.cursor {
                #expect(screen.row == cursor.row && screen.column == cursor.column, "seed \(seed) frame \(frame): cursor")
            }
            if !screen.problems.isEmpty || !wrong.isEmpty { return }
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomFramesAlwaysLeaveTheGridOnScreen(seed: UInt64) {
        replay(codes: .ansi(), seed: seed, frames: 300)
    }

    @Test func aTerminalWithoutCombinedSequencesOrLineFeedMovesToo() {
        var codes = TerminalCodes.ansi(colors: 8)
        codes.reset = Array("\u{1B}[m\u{1B}(B".utf8)  // not one SGR: each code goes out alone
        codes.lineFeed = nil
        codes.eraseCharacters = nil
        codes.writesLastCell = false
        replay(codes: codes, seed: 9, frames: 200)
    }

    @Test func aTerminalWhoseDefaultColoursAreNotSGR39GetsEachCodeAlone() {
        var codes = TerminalCodes.ansi()
        #expect(SGRParameters(codes) != nil)
        codes.defaultColors = Array("\u{1B}[37;40m".utf8)
        #expect(SGRParameters(codes) == nil, "39/49 would not restore this terminal's colours")
        replay(codes: codes, seed: 11, frames: 100)
    }

    @Test func anUnchangedFrameWritesNothingAndOneCellAFewBytes() {
        var encoder = encoder()
        var grid = Grid(width: 120, height: 40)
        grid.put("OpenAI-Microsoft core partnership", row: 10, column: 30, role: .normal)
        _ = encoder.encode(grid)
        #expect(encoder.encode(grid).isEmpty)
        grid.put("X", row: 10, column: 35, role: .normal)
        let one = encoder.encode(grid)
        #expect(one.count <= 8, "one changed cell took \(one.count) bytes: \(String(decoding: one, as: UTF8.self).debugDescription)")
    }

    @Test func blanksOfAColouredColumnCostNoColourChange() {
        var encoder = encoder()
        var grid = Grid(width: 40, height: 3)
        grid.put("IP", row: 1, column: 0, role: .normal)
        grid.put("      ", row: 1, column: 3, role: .figure)  // an empty VALUE cell
        grid.put("Title", row: 1, column: 10, role: .normal)
        let text = String(decoding: encoder.encode(grid), as: UTF8.self)
        let yellow = "\u{1B}[33m"
        #expect(!text.contains(yellow), "an empty figure cell sent a colour: \(text.debugDescription)")
    }

    @Test func theSpacesOfAColouredLineKeepItsColour() {
        var encoder = encoder()
        var grid = Grid(width: 40, height: 3)
        grid.put("Evidence 1 of 2", row: 1, column: 2, role: .label)
        let text = String(decoding: encoder.encode(grid), as: UTF8.self)
        // One style change for the whole line, and back to plain at the end of the frame.
        #expect(text.contains("\u{1B}[94mEvidence 1 of 2\u{1B}[m"), "\(text.debugDescription)")
    }

    @Test func aStyleChangeIsOneSequence() {
        var encoder = encoder()
        var grid = Grid(width: 40, height: 3)
        grid.put("row", row: 0, column: 0, role: .selectedFocused)
        grid.put("quote", row: 0, column: 3, role: .quote)
        let text = String(decoding: encoder.encode(grid), as: UTF8.self)
        #expect(text.contains("\u{1B}[1;7mrow\u{1B}[0;1;4;32mquote"), "\(text.debugDescription)")
    }

    @Test func terminfoPaddingIsRemoved() {
        #expect(TerminalCodes.withPadding(Array("\u{1B}[1m$<2>".utf8)) == Array("\u{1B}[1m".utf8))
        #expect(TerminalCodes.withPadding(Array("\u{1B}[H\u{1B}[J$<50/>".utf8)) == Array("\u{1B}[H\u{1B}[J".utf8))
        #expect(TerminalCodes.withPadding(Array("a$b".utf8)) == Array("a$b".utf8))
    }
}
