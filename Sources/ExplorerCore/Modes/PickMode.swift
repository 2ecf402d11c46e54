/// Picking the second record of a link or a merge (`L`, `M`): the panes move as
/// when browsing, Enter takes the record under the cursor, Esc gives up.
enum PickMode {
    static let group = "Picking the second record (after L or M)"

    static let keys = KeyTable(
        [
            KeyBinding([.enter], .accept, "take the selected record: link or unlink it, or merge into it (asked first)", group: group),
            KeyBinding([.escape, .char("q")], .cancel, "give up: nothing changes (Ctrl-C quits)", group: group),
            KeyBinding([.tab, .char("l"), .right], .focusNext, "next pane", group: group),
            KeyBinding([.backTab, .char("h"), .left], .focusPrevious, "previous pane", group: group),
        ] + [PaneID.partners, .deals, .timeline, .detail].map { KeyBinding([.char(Character(String($0.number)))], .focus($0), $0.title, group: group) }
          + KeyTable.scrolling(group: group, down: "down", up: "up", top: "first row", bottom: "last row")
          + NormalMode.timelineSteps.map { KeyBinding($0.keys, $0.command, $0.help, group: group) } + [
            KeyBinding([.char("/")], .search, "search (Enter keeps the pick going)", group: group),
            KeyBinding([.char("n")], .nextMatch, "next match", group: group),
            KeyBinding([.char("N")], .previousMatch, "previous match", group: group),
            KeyBinding([.char(" ")], .toggleFilter, "toggle the partner in the filter", group: group),
            KeyBinding(NormalMode.clearFilter.keys, .clearFilter, NormalMode.clearFilter.help, group: group),
            KeyBinding([.char("?")], .help, "help", group: group),
            KeyBinding([.ctrl("c")], .quit, "quit", group: group),
            KeyTable.redraw,
        ],
        notes: ["A link ties a deal to an event, or a partner to a deal or an event; Enter on two records already linked unlinks them."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .accept: state.finishPick()
        case .cancel:
            state.pick = nil
            state.message = "nothing changed"
        default: return NormalMode.run(command, &state)
        }
        return []
    }
}
