/// Browsing the panes: the keys of the explorer's main screen.
enum NormalMode {
    static let keys = KeyTable(
        [
            KeyBinding([.tab, .char("l"), .right], .focusNext, "next pane", group: "Panes"),
            KeyBinding([.backTab, .char("h"), .left], .focusPrevious, "previous pane", group: "Panes"),
        ] + PaneID.allCases.map { KeyBinding([.char(Character(String($0.number)))], .focus($0), $0.title, group: "Panes") }
          + KeyTable.scrolling(group: "Move", down: "down (scrolls Detail)", up: "up", top: "first row", bottom: "last row")
          + [
            KeyBinding([.enter], .activate, "partner: toggle filter; deal: its first event; event: Detail", group: "Filter"),
            KeyBinding([.char(" ")], .toggleFilter, "toggle the partner in the filter", group: "Filter"),
            KeyBinding([.char("x")], .clearFilter, "clear the filter", group: "Filter"),
            KeyBinding([.char("]")], .nextEvent, "next event on the timeline", group: "Timeline"),
            KeyBinding([.char("[")], .previousEvent, "previous event", group: "Timeline"),
            KeyBinding([.char("}")], .nextYear, "first event of the next year", group: "Timeline"),
            KeyBinding([.char("{")], .previousYear, "first event of the previous year", group: "Timeline"),
            KeyBinding([.char(":")], .commandLine, "command line: goto 2025-10, filter NAME, clear, help, quit", group: "Timeline"),
            KeyBinding([.char("/")], .search, "search names, products, titles, quotes", group: "Search"),
            KeyBinding([.char("n")], .nextMatch, "next match", group: "Search"),
            KeyBinding([.char("N")], .previousMatch, "previous match", group: "Search"),
            KeyBinding([.escape], .cancel, "end the search (its marks go)", group: "Search"),
            KeyBinding([.char("v")], .viewDocument, "whole document, every quote marked", group: "Other"),
            KeyBinding([.char("?")], .help, "this help", group: "Other"),
            KeyBinding([.char("m")], .toggleMouse, "mouse capture on/off (off: terminal selection)", group: "Other"),
            KeyBinding([.ctrl("l")], .redraw, "redraw the screen", group: "Other"),
            KeyBinding([.char("q"), .ctrl("c")], .quit, "quit", group: "Other"),
        ],
        notes: ["Mouse: a click focuses a pane and selects a row; a double click is Enter; the wheel scrolls the pane under it."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let layout = Layout(width: state.width, height: state.height)
        let pane = state.focus
        let page = layout.listRows(pane)
        let panes = PaneID.allCases
        switch command {
        case .cancel:
            // (A search still being counted after Enter would come back when done.)
            state.pendingSearch = nil
            state.confirmSearch("")
        case .focus(let target): state.setFocus(target)
        case .focusNext: state.setFocus(panes[(pane.rawValue + 1) % panes.count])
        case .focusPrevious: state.setFocus(panes[(pane.rawValue + panes.count - 1) % panes.count])
        case .moveDown: state.move(by: 1)
        case .moveUp: state.move(by: -1)
        case .pageDown: state.move(by: page)
        case .pageUp: state.move(by: -page)
        case .halfPageDown: state.move(by: max(1, page / 2))
        case .halfPageUp: state.move(by: -max(1, page / 2))
        case .top: state.move(to: 0)
        case .bottom: state.move(to: Int.max)
        case .activate:
            pane.list?.activate(&state)
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
            state.searchOrigin = AppState.Place(focus: state.focus, detailSource: state.detailSource, lists: state.lists)
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
        default: break
        }
        return []
    }
}
