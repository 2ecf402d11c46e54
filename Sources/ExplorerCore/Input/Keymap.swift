/// The key table of every mode: the built-in tables (`InputMode.keys`), with the
/// rebindings of a config file. The state carries one; `update`, the help screen
/// and the status line's hints read it, so they show the keys as bound.
public struct Keymap: Equatable, Sendable {
    private var tables: [InputMode: KeyTable] = [:]

    public init() {}

    /// The built-in keys.
    public static let standard = Keymap()

    public subscript(mode: InputMode) -> KeyTable {
        get { tables[mode] ?? mode.keys }
        set { tables[mode] = newValue }
    }
}
