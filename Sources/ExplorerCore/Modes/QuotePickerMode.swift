import DealModel

/// The records that quote one span, to choose from: Enter on a span quoted by several
/// records offers them, and Enter on one opens it at that quote.
struct QuotePicker: Sendable, Equatable {
    let owners: [RecordRef]
    let span: Range<Int>
    var cursor = 0
}

enum QuotePickerMode {
    static let keys = KeyTable([
        KeyBinding([.char("j"), .down], .moveDown, "next record"),
        KeyBinding([.char("k"), .up], .moveUp, "previous record"),
        KeyBinding([.char("g"), .home], .top, "first record"),
        KeyBinding([.char("G"), .end], .bottom, "last record"),
        KeyBinding([.enter], .openQuote, "open this record, Detail at this quote"),
        KeyBinding([.escape, .char("q")], .close, "back to the document"),
        KeyBinding([.char("?")], .help, "help"),
        KeyBinding([.ctrl("c")], .quit, "quit"),
        KeyTable.redraw,
    ])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var picker = state.quotePicker else { return [] }
        let last = picker.owners.count - 1
        switch command {
        case .moveDown: picker.cursor = min(last, picker.cursor + 1)
        case .moveUp: picker.cursor = max(0, picker.cursor - 1)
        case .top: picker.cursor = 0
        case .bottom: picker.cursor = last
        case .openQuote:
            DocumentMode.open(picker.owners[picker.cursor], at: picker.span, &state)
            return []
        case .close:
            state.quotePicker = nil
            return []
        default: return []
        }
        state.quotePicker = picker
        return []
    }
}
