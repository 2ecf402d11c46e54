import DealModel
@testable import ExplorerCore
import Testing

@Suite struct Randomized {
    static let keys: [Key] = InputMode.allCases.flatMap(\.keys.keys) + [
        .char("a"), .char("z"), .char("é"), .char("日"), .char("2"), .char(":"), .char("/"), .char(" "),
        .backspace, .delete, .enter, .escape, .function(5), .ctrl("l"), .ctrl("a"),
    ]

    /// 100,000 random keys, clicks, wheel turns, idle turns (a search going on in
    /// slices) and resizes from 1×1 to 300×100: no
    /// crash, every cursor on a row that exists, every frame exactly the terminal's size.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomInputKeepsTheStateValid(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        var state = Explorer.start(catalog: bundled, width: 120, height: 40)
        // Even seeds search in tiny slices, so searches go on across other input.
        if seed % 2 == 0 { state.searchSlice = 4 }
        for step in 0..<25_000 {
            let event: InputEvent
            switch rng.next() % 100 {
            case 0..<75: event = .key(Self.keys[Int(rng.next() % UInt64(Self.keys.count))])
            case 75..<80: event = .idle
            case 80..<92:
                let actions: [MouseEvent.Action] = [.press, .doubleClick, .wheelUp, .wheelDown]
                event = .mouse(MouseEvent(actions[Int(rng.next() % 4)], column: Int(rng.next() % 310) - 5, row: Int(rng.next() % 110) - 5))
            default: event = .resize(width: Int(rng.next() % 300) + 1, height: Int(rng.next() % 100) + 1)
            }
            let effects = Explorer.update(&state, event)
            if effects.contains(.quit) { continue }  // a real backend would stop here; keep going
            for pane in PaneID.lists {
                let n = state.rowCount(pane)
                #expect(n == 0 ? state.lists[pane].cursor == 0 : (0..<n).contains(state.lists[pane].cursor),
                        "seed \(seed), step \(step): \(pane) cursor \(state.lists[pane].cursor) of \(n)")
                #expect(state.lists[pane].scroll >= 0)
            }
            // The catalog of the session: edits remove records and (from the document view) add them.
            #expect(state.visibleDeals.allSatisfy { state.catalog.deals.indices.contains($0) })
            if step % 10 == 0 {
                let grid = Explorer.render(state)
                #expect(grid.width == state.width && grid.height == state.height)
                #expect(grid.cells.count == state.width * state.height)
                if let c = grid.cursor { #expect(c.row < grid.height && c.column < grid.width, "cursor outside the grid") }
            }
        }
    }
}
