import DealModel
import TerminalText

/// The choice among the records that quote one span: a box over the document view,
/// a row per record (what it is, its title), the cursor's row reversed.
enum QuotePickerView {
    static func row(_ record: RecordRef, _ c: Catalog) -> String {
        let kind = switch record {
        case .partner: "partner"
        case .deal(let d): "deal · " + c.deals.deal(d, partyLimit: 0).kind.rawValue
        case .event: "event"
        }
        return DocumentView.title(record, c) + "  (" + kind + ")"
    }

    static func draw(_ state: AppState, _ picker: QuotePicker, into grid: inout Grid) {
        let rows = picker.owners.map { row($0, state.catalog) }
        let title = "Quoted by \(rows.count) records: choose one"
        let widest = max(DisplayWidth.of(title) + 6, rows.map { DisplayWidth.of($0) + 4 }.max() ?? 0)
        let width = min(grid.width - 4, max(30, widest))
        let shown = min(rows.count, max(1, grid.height - 7))
        let rect = Rect(x: (grid.width - width) / 2, y: max(1, (grid.height - 1 - shown - 2) / 3), width: width, height: shown + 2)
        grid.fill(row: rect.y, column: rect.x, width: rect.width, height: rect.height, role: .normal)
        Frame.draw(rect, title: title, number: nil, info: "", focused: true, into: &grid)
        let top = max(0, min(picker.cursor - shown + 1, rows.count - shown))
        for (i, text) in rows.enumerated().dropFirst(top).prefix(shown) {
            let y = rect.y + 1 + i - top
            let role: Role = i == picker.cursor ? .selectedFocused : .normal
            grid.fill(row: y, column: rect.x + 1, width: rect.width - 2, height: 1, role: role)
            grid.put(" " + text, row: y, column: rect.x + 1, role: role, limit: rect.width - 2)
            if i == picker.cursor { grid.cursor = (y, rect.x + 2) }
        }
        Frame.footer(Frame.position(top: top, shown: shown, of: rows.count).isEmpty ? "Enter opens · Esc back"
                     : Frame.position(top: top, shown: shown, of: rows.count), in: rect, into: &grid)
    }
}
