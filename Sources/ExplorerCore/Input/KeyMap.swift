/// The one key map: input is decoded through it and the help screen is made from it.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let label: String
    public let help: String
    public let group: String
}

public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.tab, .char("l"), .right], command: .focusNext, label: "Tab l →", help: "next pane", group: "Panes"),
        KeyBinding(keys: [.backTab, .char("h"), .left], command: .focusPrevious, label: "S-Tab h ←", help: "previous pane", group: "Panes"),
        KeyBinding(keys: [.char("1")], command: .focusPartners, label: "1", help: "Partners", group: "Panes"),
        KeyBinding(keys: [.char("2")], command: .focusDeals, label: "2", help: "Deals", group: "Panes"),
        KeyBinding(keys: [.char("3")], command: .focusTimeline, label: "3", help: "Timeline", group: "Panes"),
        KeyBinding(keys: [.char("4")], command: .focusDetail, label: "4", help: "Detail", group: "Panes"),
        KeyBinding(keys: [.char("j"), .down], command: .moveDown, label: "j ↓", help: "down (scrolls Detail)", group: "Move"),
        KeyBinding(keys: [.char("k"), .up], command: .moveUp, label: "k ↑", help: "up", group: "Move"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], command: .pageDown, label: "PgDn C-f", help: "page down", group: "Move"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], command: .pageUp, label: "PgUp C-b", help: "page up", group: "Move"),
        KeyBinding(keys: [.ctrl("d")], command: .halfPageDown, label: "C-d", help: "half page down", group: "Move"),
        KeyBinding(keys: [.ctrl("u")], command: .halfPageUp, label: "C-u", help: "half page up", group: "Move"),
        KeyBinding(keys: [.char("g"), .home], command: .top, label: "g Home", help: "first row", group: "Move"),
        KeyBinding(keys: [.char("G"), .end], command: .bottom, label: "G End", help: "last row", group: "Move"),
        KeyBinding(keys: [.enter], command: .activate, label: "Enter", help: "partner: toggle filter; deal: its first event; event: Detail", group: "Filter"),
        KeyBinding(keys: [.char(" ")], command: .toggleFilter, label: "Space", help: "toggle the partner in the filter", group: "Filter"),
        KeyBinding(keys: [.char("x")], command: .clearFilter, label: "x", help: "clear the filter", group: "Filter"),
        KeyBinding(keys: [.char("]")], command: .nextEvent, label: "]", help: "next event on the timeline", group: "Timeline"),
        KeyBinding(keys: [.char("[")], command: .previousEvent, label: "[", help: "previous event", group: "Timeline"),
        KeyBinding(keys: [.char("}")], command: .nextYear, label: "}", help: "first event of the next year", group: "Timeline"),
        KeyBinding(keys: [.char("{")], command: .previousYear, label: "{", help: "first event of the previous year", group: "Timeline"),
        KeyBinding(keys: [.char(":")], command: .commandLine, label: ":", help: "command line: goto 2025-10, filter NAME, clear, help, quit", group: "Timeline"),
        KeyBinding(keys: [.char("/")], command: .search, label: "/", help: "search names, products, titles, quotes", group: "Search"),
        KeyBinding(keys: [.char("n")], command: .nextMatch, label: "n", help: "next match (next quote in the document)", group: "Search"),
        KeyBinding(keys: [.char("N")], command: .previousMatch, label: "N", help: "previous match", group: "Search"),
        KeyBinding(keys: [.char("v")], command: .viewDocument, label: "v", help: "whole document, every quote marked", group: "Other"),
        KeyBinding(keys: [.char("?")], command: .help, label: "?", help: "this help", group: "Other"),
        KeyBinding(keys: [.char("m")], command: .toggleMouse, label: "m", help: "mouse capture on/off (off: terminal selection)", group: "Other"),
        KeyBinding(keys: [.escape], command: .cancel, label: "Esc", help: "close overlay, end search", group: "Other"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], command: .quit, label: "q", help: "quit", group: "Other"),
    ]

    static let table: [Key: Command] = {
        var t: [Key: Command] = [:]
        for b in bindings { for k in b.keys where t[k] == nil { t[k] = b.command } }
        return t
    }()

    public static func command(for key: Key) -> Command? { table[key] }
}
