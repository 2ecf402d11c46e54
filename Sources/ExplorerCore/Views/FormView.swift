import TerminalText

/// The edit form: a box over the panes, a row per field (label, text; the cursor's
/// field reversed), the loader's message under a field that does not read, and why
/// the last Enter did not save. Scrolled to keep the cursor's field in view.
enum FormView {
    struct Line {
        var label = ""
        var text: String
        var role: Role
        var field: Int?
    }

    static func lines(_ form: RecordForm, width: Int) -> [Line] {
        var out: [Line] = []
        for (i, f) in form.fields.enumerated() {
            out.append(Line(label: f.label, text: Sanitizer.line(f.text), role: i == form.cursor ? .selectedFocused : .normal, field: i))
            if let e = f.error {
                out += DisplayWidth.wrap("✗ " + e, width: width).prefix(2).map { Line(text: $0, role: .error, field: i) }
            }
        }
        if let r = form.refusal { out += DisplayWidth.wrap(Sanitizer.line(r), width: width).prefix(2).map { Line(text: $0, role: .error, field: nil) } }
        return out
    }

    static func draw(_ state: AppState, _ form: RecordForm, into grid: inout Grid) {
        let labelWidth = (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        let width = min(grid.width - 2, 80)
        let room = width - 4 - labelWidth
        guard room >= 8, grid.height >= 6 else { return }
        let all = lines(form, width: room)
        let shown = min(all.count, grid.height - 3)
        let rect = Rect(x: (grid.width - width) / 2, y: max(0, (grid.height - 1 - shown - 2) / 2), width: width, height: shown + 2)
        // The cursor's field and its message in view.
        let first = all.firstIndex { $0.field == form.cursor } ?? 0
        let last = all.lastIndex { $0.field == form.cursor } ?? first
        let top = max(0, min(first, max(last - shown + 1, all.count - shown)))
        grid.fill(row: rect.y, column: rect.x, width: rect.width, height: rect.height, role: .normal)
        Frame.draw(rect, title: "Edit " + Sanitizer.line(form.record.description), number: nil, info: "", focused: true, into: &grid)
        for (k, line) in all.enumerated().dropFirst(top).prefix(shown) {
            let y = rect.y + 1 + k - top
            if line.label.isEmpty {
                grid.put(line.text, row: y, column: rect.x + 2 + labelWidth, role: line.role, limit: width - 4 - labelWidth)
                continue
            }
            grid.put(line.label, row: y, column: rect.x + 2, role: .label)
            // The cursor's field shows the end of a long text, where typing goes on.
            let text = line.field == form.cursor ? tail(line.text, room - 1) : line.text
            grid.fill(row: y, column: rect.x + 2 + labelWidth, width: room, height: 1, role: line.role)
            let used = grid.put(text, row: y, column: rect.x + 2 + labelWidth, role: line.role, limit: room)
            if line.field == form.cursor { grid.cursor = (y, rect.x + 2 + labelWidth + used) }
        }
        Frame.footer(form.isValid ? "Enter saves · Esc cancels" : "fix the ✗ fields · Esc cancels", in: rect, into: &grid)
    }

    static func tail(_ text: String, _ width: Int) -> String {
        var s = Substring(text)
        while DisplayWidth.of(s) > width { s = s.dropFirst() }
        return String(s)
    }
}
