/// The help screen: it scrolls like a list and closes back to where it was opened.
enum HelpMode {
    static let keys = KeyTable(KeyTable.scrolling(space: true) + [
        KeyBinding([.escape, .char("q"), .char("?"), .enter], .close, "close the help"),
        KeyBinding([.ctrl("c")], .quit, "quit"),
        KeyTable.redraw,
    ])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let page = max(1, HelpOverlay.visibleRows(state))
        switch command {
        case .moveDown: scroll(&state, by: 1)
        case .moveUp: scroll(&state, by: -1)
        case .pageDown: scroll(&state, by: page)
        case .pageUp: scroll(&state, by: -page)
        case .halfPageDown: scroll(&state, by: max(1, page / 2))
        case .halfPageUp: scroll(&state, by: -max(1, page / 2))
        case .top: state.overlayScroll = 0
        case .bottom: scroll(&state, by: Int.max / 2)
        case .close: state.mode = state.helpReturn
        default: break
        }
        return []
    }

    /// Scrolls by `lines`, from the top to the last page at most.
    static func scroll(_ state: inout AppState, by lines: Int) {
        state.overlayScroll = max(0, min(state.overlayScroll + lines, HelpOverlay.scrollLimit(state)))
    }
}
