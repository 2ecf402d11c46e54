import TerminalText

/// Draws the whole screen for a state: every pane the layout places, then an
/// overlay, then the status line.
enum Screen {
    static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        let layout = Layout(state)
        if layout.tooSmall && state.mode != .help {
            tooSmall(state, into: &grid)
            return grid
        }
        let relations = Relations(state)
        for pane in layout.panes {
            let rect = layout.rect(pane)
            let focused = state.focus == pane
            Frame.draw(rect, title: pane.title, number: pane.number, info: pane.spec.info(state), focused: focused, into: &grid)
            let list = state.lists[pane]
            switch pane.spec.content {
            case .list(let content):
                let row = ListView.draw(content, state, relations: relations, in: rect, cursor: list.cursor, scroll: list.scroll, focused: focused,
                                        sort: state.sorts[pane], into: &grid)
                // The terminal cursor rests on the selected row, where a screen reader looks.
                if focused, let row { grid.cursor = (row, rect.inner.x) }
            case .text(let content):
                TextView.draw(content.lines(state, rect.inner.width), scroll: list.scroll, in: rect, into: &grid)
                if focused { grid.cursor = (rect.inner.y, rect.inner.x) }
            case .picture(let content):
                let at = content.draw(state, rect, focused, &grid)
                if focused, let at { grid.cursor = at }
            }
        }
        switch state.mode {
        case .help: HelpOverlay.draw(state, into: &grid)
        case .document: DocumentView.draw(state, into: &grid)
        default: break
        }
        if let form = state.form, state.mode != .help { FormView.draw(state, form, into: &grid) }
        StatusLine.draw(state, row: state.height - 1, into: &grid)
        return grid
    }

    static func tooSmall(_ state: AppState, into grid: inout Grid) {
        let message = ["terminal too small", "(need \(Explorer.minimumWidth)×\(Explorer.minimumHeight), have \(state.width)×\(state.height))", "enlarge it, or press q"]
        let lines = message.flatMap { DisplayWidth.wrap($0, width: max(1, state.width)) }
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < state.height {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            grid.put(line, row: top + i, column: x, role: .error)
        }
    }
}
