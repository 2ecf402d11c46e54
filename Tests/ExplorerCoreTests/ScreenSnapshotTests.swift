import ExplorerCore
import Foundation
import Testing

/// Rendered screens compared with files in Snapshots/, so a review can read what
/// each screen looks like: the text, then the same rows with one letter per cell
/// naming its role (`ScreenSnapshots.letters`), so a change of emphasis, selection or
/// colour fails as surely as a change of text. To re-record after a deliberate change:
///     DEALSCOPE_RECORD=1 swift test --filter ScreenSnapshots
@Suite struct ScreenSnapshots {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// One letter per role; "." is normal.
    static let letters: [Role: Character] = [
        .normal: ".", .muted: "m", .border: "b", .borderFocused: "B", .title: "t", .titleFocused: "T", .header: "h",
        .selected: "s", .selectedFocused: "S", .related: "r", .match: "M", .quote: "q", .label: "l", .filtered: "f",
        .statusBar: "z", .key: "k", .error: "e", .figure: "n", .draft: "d", .selection: "v", .link: "a",
    ]

    /// The roles layer: a legend of the letters used, then a row of letters per
    /// screen row (a wide character's two cells both carry its letter), with
    /// trailing normal cells left out.
    static func roles(_ grid: Grid) -> String {
        let used = Role.allCases.filter { role in grid.cells.contains { $0.role == role } }
        let legend = "roles: " + used.map { "\(letters[$0]!)=\($0)" }.joined(separator: " ")
        let rows = (0..<grid.height).map { r in
            var row = String((0..<grid.width).map { letters[grid[r, $0].role]! })
            while row.hasSuffix(".") { row.removeLast() }
            return row
        }
        return ([legend] + rows).joined(separator: "\n")
    }

    func check(_ name: String, _ state: AppState) {
        let grid = Explorer.render(state)
        let text = grid.text + "\n" + Self.roles(grid) + "\n"
        let file = Self.directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["DEALSCOPE_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("no snapshot \(name).txt: recorded it; check it and run again") }
            return
        }
        #expect(text == expected, "screen \(name) differs from Snapshots/\(name).txt")
    }

    @Test func startAt120x40() { check("start-120x40", start(120, 40)) }
    @Test func startAt80x24() { check("start-80x24", start(80, 24)) }
    @Test func tooSmallAt40x10() { check("too-small-40x10", start(40, 10)) }

    @Test func amazonFilterAt120x40() {
        var s = start(120, 40)
        press(&s, "<Enter>2")
        check("filter-amazon-120x40", s)
    }

    @Test func dealDetailAt80x24() {
        var s = start(80, 24)
        press(&s, "2jjjj")
        check("deal-detail-80x24", s)
    }

    @Test func jointStatementAt120x40() {
        var s = start(120, 40)
        press(&s, "3")
        let row = s.visibleEvents.firstIndex(of: bundled.eventIndex(id: "joint-statement")!)!
        press(&s, String(repeating: "j", count: row))
        check("joint-statement-120x40", s)
    }

    @Test func helpAt80x24() {
        var s = start(80, 24)
        press(&s, "?")
        check("help-80x24", s)
    }

    @Test func helpAt120x40() {
        var s = start(120, 40)
        press(&s, "?")
        check("help-120x40", s)
    }

    @Test func helpWhenTooSmallAt40x10() {
        var s = start(40, 10)
        press(&s, "?")
        check("help-too-small-40x10", s)
    }

    @Test func documentAt80x24() {
        var s = start(80, 24)
        press(&s, "2jv")
        check("document-80x24", s)
    }

    @Test func documentSearchAt120x40() {
        var s = start(120, 40)
        press(&s, "v<Home>/azure<Enter>n")
        check("document-search-azure-120x40", s)
    }

    @Test func documentSearchTypedAt60x15() {
        var s = start(60, 15)
        press(&s, "v/stateless")
        check("document-search-typed-60x15", s)
    }

    @Test func quotePickerAt80x24() { check("quote-picker-80x24", sharedQuote(80, 24, then: "<Enter>j")) }

    @Test func quotePickerAt60x15() { check("quote-picker-60x15", sharedQuote(60, 15, then: "<Enter>")) }

    /// The edit form of the first deal, its date typed wrong: the loader's message under it.
    static func dealForm(_ width: Int, _ height: Int) -> AppState {
        var s = start(width, height)
        press(&s, "2e<Tab><Tab><Tab><Tab><C-u>2025-13")
        return s
    }

    @Test func editFormAt120x40() { check("edit-form-120x40", Self.dealForm(120, 40)) }

    @Test func editFormAt80x24() { check("edit-form-80x24", Self.dealForm(80, 24)) }

    @Test func editFormAt60x15() { check("edit-form-60x15", Self.dealForm(60, 15)) }

    @Test func searchPromptAt120x40() {
        var s = start(120, 40)
        press(&s, "/azure")
        check("search-azure-120x40", s)
    }

    @Test func networkAt120x40() {
        var s = networkOnOpenAI(120, 40)
        press(&s, "+")
        check("network-openai-120x40", s)
    }

    @Test func networkAt80x24() { check("network-openai-80x24", networkOnOpenAI(80, 24)) }

    @Test func networkAsAListAt60x15() {
        var s = networkOnOpenAI(60, 15)
        press(&s, "jj")
        check("network-list-60x15", s)
    }

    @Test func chartAt120x40() {
        var s = start(120, 40)
        press(&s, "tjj")
        check("chart-120x40", s)
    }

    @Test func chartZoomedAt80x24() {
        var s = Explorer.start(catalog: datesCatalog, width: 80, height: 24)
        press(&s, "t+jjj")
        check("chart-dates-zoomed-80x24", s)
    }

    @Test func chartAt60x15() {
        var s = start(60, 15)
        press(&s, "t")
        check("chart-60x15", s)
    }

    @Test func dealsByValueAt120x40() {
        var s = start(120, 40)
        press(&s, "2:sort value<Enter>")
        check("deals-by-value-120x40", s)
    }
}
