import DealModel

/// The update function: an event in, a changed state and effects out.
enum Update {
    static func apply(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
        state.message = nil
        var effects: [Effect] = []
        switch event {
        case .resize(let w, let h):
            state.width = max(0, w)
            state.height = max(0, h)
        case .key(let key) where state.loading != nil:
            // While loading only quitting and the mouse toggle make sense.
            if key == .char("q") || key == .ctrl("c") { return [.quit] }
            if key == .char("m") { effects = run(.toggleMouse, &state) }
        case .key(let key):
            effects = handleKey(key, &state)
        case .mouse(let m):
            mouse(m, &state)
        case .idle:
            effects = Search.step(&state)
        }
        state.keepCursorsInView()
        return effects
    }

    // MARK: Keys

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .search(let text):
            return typing(key, text: text, state: &state, isSearch: true)
        case .command(let text):
            return typing(key, text: text, state: &state, isSearch: false)
        case .help:
            switch key {
            case .escape, .char("q"), .char("?"), .enter: state.mode = .normal
            case .char("j"), .down: state.overlayScroll += 1
            case .char("k"), .up: state.overlayScroll = max(0, state.overlayScroll - 1)
            case .pageDown, .ctrl("f"), .char(" "): state.overlayScroll += max(1, state.height - 3)
            case .pageUp, .ctrl("b"): state.overlayScroll = max(0, state.overlayScroll - max(1, state.height - 3))
            case .char("g"), .home: state.overlayScroll = 0
            case .ctrl("c"): return [.quit]
            default: break
            }
            return []
        case .document(let quote):
            let count = state.documentQuotes?.count ?? 0
            let page = max(1, state.height - 4)
            switch key {
            case .escape, .char("q"), .char("v"):
                state.mode = .normal
                state.documentQuotes = nil
            case .enter:
                if let all = state.documentQuotes, quote >= 0, quote < all.count, let record = all.owners(quote).first {
                    state.mode = .normal
                    state.documentQuotes = nil
                    state.select(record)
                }
            case .char("n"), .char("]"), .tab:
                if count > 0 { state.mode = .document(quote: (quote + 1) % count); state.documentTop = nil }
            case .char("N"), .char("["), .backTab:
                if count > 0 { state.mode = .document(quote: (quote - 1 + count) % count); state.documentTop = nil }
            case .char("j"), .down: state.documentTop = DocumentView.scrolled(state, quote: quote, by: 1)
            case .char("k"), .up: state.documentTop = DocumentView.scrolled(state, quote: quote, by: -1)
            case .pageDown, .ctrl("f"), .char(" "): state.documentTop = DocumentView.scrolled(state, quote: quote, by: page)
            case .pageUp, .ctrl("b"): state.documentTop = DocumentView.scrolled(state, quote: quote, by: -page)
            case .char("g"), .home: state.documentTop = DocumentView.Position(paragraph: 0, line: 0)
            case .ctrl("c"): return [.quit]
            default: break
            }
            return []
        case .normal:
            guard let command = KeyMap.command(for: key) else { return [] }
            return run(command, &state)
        }
    }

    static func typing(_ key: Key, text: String, state: inout AppState, isSearch: Bool) -> [Effect] {
        var text = text
        switch key {
        case .escape:
            state.mode = .normal
            if isSearch {
                state.pendingSearch = nil
                state.search = ""
                if let o = state.searchOrigin {
                    state.focus = o.focus
                    state.detailSource = o.detailSource
                    state.cursor = o.cursor
                    state.scroll = o.scroll
                }
            }
            state.searchOrigin = nil
            state.historyIndex = nil
            return []
        case .up where !isSearch, .down where !isSearch:
            // Command history, as in a shell.
            let history = state.commandHistory
            guard !history.isEmpty else { return [] }
            var i = state.historyIndex ?? history.count
            i = key == .up ? max(0, i - 1) : min(history.count, i + 1)
            state.historyIndex = i
            state.mode = .command(i < history.count ? history[i] : "")
            return []
        case .tab where !isSearch:
            state.mode = .command(CommandLine.complete(text, state.catalog))
            return []
        case .enter:
            state.mode = .normal
            state.searchOrigin = nil
            state.historyIndex = nil
            if !isSearch && !text.isEmpty && state.commandHistory.last != text { state.commandHistory.append(text) }
            if isSearch {
                if state.pendingSearch?.text == text {
                    // Still searching: it becomes the confirmed search when done.
                    state.pendingSearch?.confirm = true
                    return []
                }
                state.pendingSearch = nil
                state.search = text
                if !text.isEmpty && state.searchHits.isEmpty { state.message = "no match for “\(text)”" }
            } else {
                return CommandLine.execute(text, &state)
            }
            return []
        case .backspace, .delete, .ctrl("h"):
            if text.isEmpty {
                state.mode = .normal
                return []
            }
            text.removeLast()
        case .ctrl("c"):
            return [.quit]
        case .ctrl("u"):
            text = ""
        case .char(let c):
            text.append(c)
        default:
            return []
        }
        if isSearch {
            state.mode = .search(text)
            // Incremental: jump to the first match from the cursor on, as in less.
            if !text.isEmpty {
                return Search.startTyped(&state, text: text)
            }
            state.pendingSearch = nil
        } else {
            state.mode = .command(text)
        }
        return []
    }

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let layout = Layout(width: state.width, height: state.height)
        let pane = state.focus
        let page = layout.listRows(pane)
        switch command {
        case .quit: return [.quit]
        case .cancel:
            if !state.search.isEmpty { state.search = "" }
        case .focusNext: state.setFocus(Pane(rawValue: (pane.rawValue + 1) % 4)!)
        case .focusPrevious: state.setFocus(Pane(rawValue: (pane.rawValue + 3) % 4)!)
        case .focusPartners: state.setFocus(.partners)
        case .focusDeals: state.setFocus(.deals)
        case .focusTimeline: state.setFocus(.timeline)
        case .focusDetail: state.setFocus(.detail)
        case .moveDown: state.move(by: 1)
        case .moveUp: state.move(by: -1)
        case .pageDown: state.move(by: page)
        case .pageUp: state.move(by: -page)
        case .halfPageDown: state.move(by: max(1, page / 2))
        case .halfPageUp: state.move(by: -max(1, page / 2))
        case .top: state.move(to: 0)
        case .bottom: state.move(to: Int.max)
        case .activate:
            switch pane {
            case .partners: state.toggleFilter()
            case .deals: state.jumpToFirstEvent()
            case .timeline: state.setFocus(.detail)
            case .detail: break
            }
        case .toggleFilter:
            if pane == .partners { state.toggleFilter() }
        case .clearFilter:
            state.filter = []
            state.applyFilter()
        case .nextEvent: state.stepEvent(forward: true)
        case .previousEvent: state.stepEvent(forward: false)
        case .nextYear: state.stepYear(forward: true)
        case .previousYear: state.stepYear(forward: false)
        case .commandLine: state.mode = .command("")
        case .search:
            state.typedSearch = nil
            state.searchOrigin = AppState.Place(focus: state.focus, detailSource: state.detailSource, cursor: state.cursor, scroll: state.scroll)
            state.mode = .search("")
        case .nextMatch, .previousMatch:
            let text = state.search
            if text.isEmpty {
                state.message = "no search: press / to search"
            } else if !Search.jump(&state, text: text, forward: command == .nextMatch, includeCurrent: false) {
                state.message = "no match for “\(text)”"
            }
        case .viewDocument:
            state.documentQuotes = DocumentView.collectQuotes(state)
            state.mode = .document(quote: DocumentView.startQuote(state))
            state.documentTop = nil
        case .help:
            state.mode = .help
            state.overlayScroll = 0
        case .toggleMouse:
            state.mouseCapture.toggle()
            state.message = state.mouseCapture ? "mouse captured (m: give it back to the terminal)" : "mouse released: the terminal selects text (m: capture)"
            return [.mouseCapture(state.mouseCapture)]
        }
        return []
    }

    // MARK: Mouse

    static func mouse(_ m: MouseEvent, _ state: inout AppState) {
        guard state.mode == .normal else {
            if case .help = state.mode, m.action == .wheelDown { state.overlayScroll += 3 }
            if case .help = state.mode, m.action == .wheelUp { state.overlayScroll = max(0, state.overlayScroll - 3) }
            return
        }
        let layout = Layout(width: state.width, height: state.height)
        guard !layout.tooSmall, let pane = Pane.allCases.first(where: { layout.rect($0).contains(column: m.column, row: m.row) }) else { return }
        switch m.action {
        case .wheelUp, .wheelDown:
            let delta = m.action == .wheelDown ? 3 : -3
            let saved = state.focus
            state.focus = pane
            state.move(by: delta)
            state.focus = saved
            if pane != .detail { state.detailSource = pane }
        case .press, .doubleClick:
            state.setFocus(pane)
            guard pane != .detail else { return }
            let row = m.row - layout.listTop(pane)
            guard row >= 0 else { return }
            let target = state.scroll[pane.rawValue] + row
            if target < state.rowCount(pane) {
                state.move(to: target)
                if m.action == .doubleClick { _ = run(.activate, &state) }
            }
        }
    }
}
