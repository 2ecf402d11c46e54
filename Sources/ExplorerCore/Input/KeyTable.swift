/// Keys bound to a command, with what the help screen says of them.
public struct KeyBinding: Equatable, Sendable {
    public let keys: [Key]
    public let command: Command
    public let help: String
    /// A heading the help screen groups bindings under ("Move", "Filter").
    public let group: String

    public init(_ keys: [Key], _ command: Command, _ help: String, group: String = "") {
        self.keys = keys
        self.command = command
        self.help = help
        self.group = group
    }

    /// The keys as the help shows them: "PgDn C-f".
    public var label: String { keys.map(KeyName.label).joined(separator: " ") }
}

/// The keys of one mode: `update` looks a key up here and nowhere else, and the
/// help screen is made from the same table, so every key it shows works and every
/// key that works is shown. A key not in the table does nothing, except that a
/// typing mode inserts printable characters (and its help says so).
public struct KeyTable: Equatable, Sendable {
    public let bindings: [KeyBinding]
    /// Printable characters are typed into the mode's line.
    public let typesText: Bool
    /// What the help adds below the keys (the mouse, the command line's commands).
    public let notes: [String]
    private let lookup: [Key: Command]

    public init(_ bindings: [KeyBinding], typesText: Bool = false, notes: [String] = []) {
        self.bindings = bindings
        self.typesText = typesText
        self.notes = notes
        var lookup: [Key: Command] = [:]
        for b in bindings { for k in b.keys where lookup[k] == nil { lookup[k] = b.command } }
        self.lookup = lookup
    }

    public func command(for key: Key) -> Command? { lookup[key] }

    /// The label of the first key bound to a command, for hints ("? help").
    public func firstKey(_ command: Command) -> String? {
        bindings.first { $0.command == command && !$0.keys.isEmpty }.map { KeyName.label($0.keys[0]) }
    }

    /// The keys of a command in this table (empty when it has none, or is not here).
    public func keys(of command: Command) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    /// The same table with `command` on other keys (none: it is unbound, and the help
    /// leaves it out).
    public func rebinding(_ command: Command, to keys: [Key]) -> KeyTable {
        KeyTable(bindings.map { $0.command == command ? KeyBinding(keys, command, $0.help, group: $0.group) : $0 },
                 typesText: typesText, notes: notes)
    }

    /// Every key bound in the table.
    public var keys: [Key] { bindings.flatMap(\.keys) }

    /// The keys that scroll a list or an overlay, the same in every mode that scrolls.
    static func scrolling(group: String = "", down: String = "scroll down", up: String = "scroll up",
                          top: String = "to the top", bottom: String = "to the end", space: Bool = false) -> [KeyBinding] {
        [
            KeyBinding([.char("j"), .down], .moveDown, down, group: group),
            KeyBinding([.char("k"), .up], .moveUp, up, group: group),
            KeyBinding([.pageDown, .ctrl("f")] + (space ? [.char(" ")] : []), .pageDown, "page down", group: group),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp, "page up", group: group),
            KeyBinding([.ctrl("d")], .halfPageDown, "half page down", group: group),
            KeyBinding([.ctrl("u")], .halfPageUp, "half page up", group: group),
            KeyBinding([.char("g"), .home], .top, top, group: group),
            KeyBinding([.char("G"), .end], .bottom, bottom, group: group),
        ]
    }

    /// Ctrl-L, in every mode.
    static let redraw = KeyBinding([.ctrl("l")], .redraw, "redraw the screen")
}
