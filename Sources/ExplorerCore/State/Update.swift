import DealModel
import TerminalText

/// The update function: an event in, a changed state and effects out. Keys go
/// through the key table of the current mode and nowhere else.
enum Update {
    static func apply(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
        var effects: [Effect] = []
        let journalled = state.editing?.journalPending ?? 0
        let typed = state.form?.draft
        switch event {
        case .key(let key):
            state.message = nil
            effects = handle(key, &state)
        case .mouse(let m):
            state.message = nil
            mouse(m, &state)
        case .resize(let w, let h):
            state.message = nil
            state.width = max(0, w)
            state.height = max(0, h)
            if state.mode == .help { HelpMode.scroll(&state, by: 0) }
            effects = [.repaintAll]
        case .idle:
            state.message = nil
            if state.pendingSearch != nil {
                Search.step(&state)
            } else if state.documentSearch.map({ !$0.isDone }) == true {
                DocumentSearch.step(&state)
            } else {
                Sorting.step(&state)
            }
        case .loadProgress(let progress, let seconds):
            state.loading?.progress = progress
            state.loading?.seconds = seconds
        case .loaded(let catalog, let partners):
            effects = loaded(&state, catalog: catalog, partners: partners)
        case .loadFailed:
            return [.quitWithLoadError]
        case .continued:
            return [.repaintAll]
        case .terminate(let signal):
            return [.quitBySignal(signal)]
        }
        state.settlePicture()
        state.keepCursorsInView()
        // Edits made, undone or discarded go to the journal before the next key, and
        // before anything else the runner does (a quit among them).
        if (state.editing?.journalPending ?? 0) > journalled && !effects.contains(.write(.journal)) { effects.insert(.write(.journal), at: 0) }
        // Text typed into the form, or the form closed: kept or removed by the runner.
        if state.form?.draft != typed { effects.append(.write(.formDraft)) }
        return effects
    }

    /// Looks the key up in the current mode's table only; a typing mode inserts
    /// printable characters it does not bind.
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let mode = state.inputMode
        let table = state.keys(mode)
        if let command = table.command(for: key) { return mode.run(command, &state) }
        if table.typesText, let c = key.printable { mode.type(c, &state) }
        return []
    }

    /// The loaded data replaces the loading screen; the size, the keys, the mouse
    /// mode and an open help screen carry over.
    static func loaded(_ state: inout AppState, catalog: Catalog, partners: [String]) -> [Effect] {
        var next = AppState(catalog: catalog, filter: partners, width: state.width, height: state.height, keymap: state.keymap)
        next.mouseCapture = state.mouseCapture
        if state.mode == .help {
            next.mode = .help
            next.overlayScroll = state.overlayScroll
            HelpMode.scroll(&next, by: 0)
        }
        state = next
        // The dataset's title, as the terminal's title too.
        let name = catalog.title ?? catalog.files.first.map { String($0.split(separator: "/").last ?? "") } ?? "data"
        return [.setTitle(Sanitizer.line("dealscope: " + name))]
    }

    // MARK: Mouse

    static func mouse(_ m: MouseEvent, _ state: inout AppState) {
        if state.inputMode == .document { return DocumentMouse.handle(m, &state) }
        // A drag selects only in the document view.
        if m.action == .drag || m.action == .release { return }
        guard [.normal, .network, .chart].contains(state.inputMode) else {
            // The wheel scrolls the help.
            if state.inputMode == .help, m.action == .wheelDown || m.action == .wheelUp {
                HelpMode.scroll(&state, by: m.action == .wheelDown ? 3 : -3)
            }
            return
        }
        let layout = Layout(state)
        guard let pane = layout.pane(atColumn: m.column, row: m.row) else { return }
        if let picture = pane.picture {
            // A click puts the cursor on the row; the wheel moves it by three.
            state.setFocus(pane)
            let mode = state.inputMode
            switch m.action {
            case .wheelUp, .wheelDown:
                for _ in 0..<3 { _ = mode.run(m.action == .wheelDown ? .moveDown : .moveUp, &state) }
            case .drag, .release: break
            case .press, .doubleClick:
                let row = m.row - layout.rect(pane).inner.y
                if row >= 0 { picture.click(&state, row, layout.rect(pane).inner) }
                if m.action == .doubleClick { _ = mode.run(.activate, &state) }
            }
            return
        }
        switch m.action {
        case .wheelUp, .wheelDown:
            let delta = m.action == .wheelDown ? 3 : -3
            let saved = state.focus
            state.focus = pane
            state.move(by: delta)
            state.focus = saved
            if pane.isList { state.detailSource = pane }
        case .drag, .release: break
        case .press, .doubleClick:
            state.setFocus(pane)
            if pane == .detail {
                let line = state.lists[.detail].scroll + m.row - layout.rect(pane).inner.y
                DetailPane.click(&state, line: line, open: m.action == .doubleClick)
            }
            guard pane.isList else { return }
            let row = m.row - layout.listTop(pane)
            guard row >= 0 else { return }
            let target = state.lists[pane].scroll + row
            if target < state.rowCount(pane) {
                state.move(to: target)
                if m.action == .doubleClick { _ = NormalMode.run(.activate, &state) }
            }
        }
    }
}
