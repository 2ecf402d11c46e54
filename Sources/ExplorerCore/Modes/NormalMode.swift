/// Browsing the panes: the keys of the explorer's main screen. The pictures' tables
/// (`NetworkMode`, `ChartMode`) share its groups of keys but for moving.
enum NormalMode {
    static let keys = KeyTable(
        [
            KeyBinding([.tab, .char("l"), .right], .focusNext, "next pane", group: "Panes"),
            KeyBinding([.backTab, .char("h"), .left], .focusPrevious, "previous pane", group: "Panes"),
        ] + numberKeys
          + KeyTable.scrolling(group: "Move", down: "down (scrolls Detail)", up: "up", top: "first row", bottom: "last row")
          + [
            KeyBinding([.enter], .activate, "partner: toggle filter; deal: its first event; event: Detail; Detail: open the marked link or quote", group: "Filter"),
            KeyBinding([.char(" ")], .toggleFilter, "toggle the partner in the filter", group: "Filter"),
            clearFilter,
            KeyBinding([.char("s")], .sortNext, "sort Deals or Partners by the next column (then their own order)", group: "Sort"),
            KeyBinding([.char("S")], .sortReverse, "sort the other way (▲ ascending, ▼ descending)", group: "Sort"),
          ] + timelineSteps + [
            KeyBinding([.char("/")], .search, "search names, products, titles, quotes", group: "Search"),
            KeyBinding([.char("n")], .nextMatch, "next match", group: "Search"),
            KeyBinding([.char("N")], .previousMatch, "previous match", group: "Search"),
            KeyBinding([.escape], .cancel, "end the search (its marks go)", group: "Search"),
          ] + pictures + copying + links + ReviewKeys.bindings + other,
        notes: ["Mouse: a click focuses a pane and selects a row; a double click is Enter; the wheel scrolls the pane under it."])

    static let numberKeys = PaneID.allCases.map { KeyBinding([.char(Character(String($0.number)))], .focus($0), $0.title, group: "Panes") }

    /// The pane keys of the pictures, which use h, l and the arrows to move.
    static let pictureFocus = [
        KeyBinding([.tab], .focusNext, "next pane", group: "Panes"),
        KeyBinding([.backTab], .focusPrevious, "previous pane", group: "Panes"),
    ] + numberKeys

    static let clearFilter = KeyBinding([.char("x")], .clearFilter, "clear the filter", group: "Filter")

    static let timelineSteps = [
        KeyBinding([.char("]")], .nextEvent, "next event on the timeline", group: "Timeline"),
        KeyBinding([.char("[")], .previousEvent, "previous event", group: "Timeline"),
        KeyBinding([.char("}")], .nextYear, "first event of the next year", group: "Timeline"),
        KeyBinding([.char("{")], .previousYear, "first event of the previous year", group: "Timeline"),
    ]

    static let pictures = [
        KeyBinding([.char("w")], .toggleNetwork, "network of partners: who is tied to whom", group: "Pictures"),
        KeyBinding([.char("t")], .toggleChart, "timeline chart: events on a time axis", group: "Pictures"),
    ]

    static let copying = [
        KeyBinding([.char("y")], .copyID, "copy the selected record's id", group: "Copy (to the terminal's clipboard)"),
        KeyBinding([.char("c")], .copyQuote, "copy its first quote, with document, paragraph, sentence", group: "Copy (to the terminal's clipboard)"),
        KeyBinding([.char("Y")], .copyRow, "copy the current row", group: "Copy (to the terminal's clipboard)"),
    ]

    /// Enter on a link in Detail opens its record with Detail still focused, so that
    /// Enter, Enter… walks from record to record; these come back.
    static let links = [
        KeyBinding([.backspace, .ctrl("o"), .char("H")], .jumpBack, "back to where Enter opened a link in Detail (Detail stays focused: Enter walks on)", group: "Links in Detail"),
        KeyBinding([.ctrl("p")], .jumpForward, "forward again, after going back", group: "Links in Detail"),
    ]

    static let other = [
        KeyBinding([.char(":")], .commandLine, "command line: goto 2025-10, filter NAME, unfilter NAME, sort COLUMN, clear, w, wq, e, saveas FILE, export FILE.json|csv|md, help, quit", group: "Other"),
        KeyBinding([.char("v")], .viewDocument, "whole document, every quote marked", group: "Other"),
        KeyBinding([.char("?")], .help, "this help", group: "Other"),
        KeyBinding([.char("m")], .toggleMouse, "mouse capture on/off (off: terminal selection)", group: "Other"),
        KeyBinding([.ctrl("l")], .redraw, "redraw the screen", group: "Other"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, "quit", group: "Other"),
    ]

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let layout = Layout(state)
        let pane = state.focus
        let page = layout.listRows(pane)
        switch command {
        case .cancel:
            // (A search still being counted after Enter would come back when done.)
            state.pendingSearch = nil
            state.confirmSearch("")
        case .moveDown: state.move(by: 1)
        case .moveUp: state.move(by: -1)
        case .pageDown: state.move(by: page)
        case .pageUp: state.move(by: -page)
        case .halfPageDown: state.move(by: max(1, page / 2))
        case .halfPageUp: state.move(by: -max(1, page / 2))
        case .top: state.move(to: 0)
        case .bottom: state.move(to: Int.max)
        case .activate:
            if pane == .detail { DetailPane.enter(&state) } else { pane.list?.activate(&state) }
        case .jumpBack, .jumpForward: state.jump(back: command == .jumpBack)
        case .toggleFilter:
            if pane == .partners { state.toggleFilter() }
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
        case .sortNext: Sorting.next(&state)
        case .sortReverse: Sorting.reverse(&state)
        case .acceptDraft, .rejectDraft, .nextDraft, .editRecord, .undo, .redo, .save, .reload, .removeQuote, .nextEvidence, .previousEvidence,
             .linkRecords, .mergeRecords, .splitDeal:
            return ReviewKeys.run(command, &state)
        default: return shared(command, &state)
        }
        return []
    }

    /// What the commands the pictures share with browsing do.
    static func shared(_ command: Command, _ state: inout AppState) -> [Effect] {
        let panes = Layout(state).panes
        let at = panes.firstIndex(of: state.focus) ?? 0
        switch command {
        case .focus(let target): state.setFocus(target)
        case .focusNext: state.setFocus(panes[(at + 1) % panes.count])
        case .focusPrevious: state.setFocus(panes[(at + panes.count - 1) % panes.count])
        case .clearFilter:
            state.filter = []
            state.applyFilter()
        case .nextEvent: state.stepEvent(forward: true)
        case .previousEvent: state.stepEvent(forward: false)
        case .nextYear: state.stepYear(forward: true)
        case .previousYear: state.stepYear(forward: false)
        case .commandLine: state.mode = .command("")
        case .viewDocument:
            state.documentQuotes = DocumentView.collectQuotes(state)
            state.mode = .document(quote: DocumentView.startQuote(state))
            state.documentTop = nil
        case .toggleNetwork: state.togglePicture(.network)
        case .toggleChart: state.togglePicture(.chart)
        case .copyID, .copyQuote, .copyRow: return Copying.copy(command, &state)
        default: break
        }
        return []
    }
}
