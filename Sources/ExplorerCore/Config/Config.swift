import DealModel

/// What a config file changes: the keys of any mode and the colours of any role.
/// `Config.read` takes the file's text and gives every problem with its line and
/// the fix; `Config.defaultText` is a complete file that changes nothing.
public struct Config: Equatable, Sendable {
    public var keymap = Keymap.standard
    public var theme = Theme.standard
    /// The theme's name, as the file gave it.
    public var themeName = "default"

    public init() {}

    public struct Problem: Error, Equatable, CustomStringConvertible, Sendable {
        public let file: String
        public let line: Int
        public let message: String
        public let fix: String

        public var description: String { "\(file):\(line): \(message)\n  fix: \(fix)" }
    }

    /// The tables a file may have: `[colors]` and `[keys.MODE]`.
    static let colorTables = ["colors", "colours"]
    static func keysTable(_ mode: InputMode) -> String { "keys." + mode.rawValue }

    /// Every problem of a file, in the order of its lines.
    public struct Problems: Error, CustomStringConvertible, Sendable {
        public let list: [Problem]
        public var description: String { list.map(\.description).joined(separator: "\n") }
    }

    /// Reads a config file's text (`file` names it in problems).
    public static func read(_ text: String, file: String) -> Result<Config, Problems> {
        let parsed: ConfigText
        do {
            parsed = try ConfigText(text)
        } catch {
            return .failure(Problems(list: [Problem(file: file, line: error.line, message: error.message + " (column \(error.column))",
                                                    fix: "correct the line; `dealscope config --default` prints a file to start from")]))
        }
        var reader = ConfigReader(file: file)
        reader.read(parsed)
        let sorted = reader.problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return sorted.isEmpty ? .success(reader.config) : .failure(Problems(list: sorted))
    }
}

/// Turns the entries of a file into a config, collecting problems.
private struct ConfigReader {
    let file: String
    var config = Config()
    var problems: [Config.Problem] = []

    init(file: String) { self.file = file }

    mutating func problem(_ line: Int, _ message: String, _ fix: String) {
        problems.append(Config.Problem(file: file, line: line, message: message, fix: fix))
    }

    static func near(_ word: String, _ among: [String]) -> String {
        Suggest.closest(to: word, among: among).map { " (did you mean \($0)?)" } ?? ""
    }

    mutating func read(_ text: ConfigText) {
        let known = Config.colorTables + InputMode.allCases.map(Config.keysTable)
        for (name, line) in text.tables where !known.contains(name) {
            let fix = name == "keys" ? "put keys under the mode they work in, such as [keys.normal]" : "use [colors] or [keys.MODE], MODE one of " + InputMode.allCases.map(\.rawValue).joined(separator: ", ")
            problem(line, "unknown table [\(name)]" + Self.near(name, known), fix)
        }
        // The theme first: colours set one by one go over it.
        for entry in text.entries where entry.table.isEmpty {
            guard entry.key == "theme" else {
                problem(entry.line, "unknown setting \"\(entry.key)\"" + Self.near(entry.key, ["theme"]), "at the top of the file only theme = \"NAME\" is read; keys and colours go in their tables")
                continue
            }
            let names = Theme.named.map(\.name)
            guard case .string(let name) = entry.value, let theme = Theme.named(name) else {
                problem(entry.line, "unknown theme \(Self.show(entry.value))" + Self.near(Self.text(entry.value), names), "theme is one of " + names.joined(separator: ", "))
                continue
            }
            config.theme = theme
            config.themeName = name
        }
        for entry in text.entries where Config.colorTables.contains(entry.table) { colour(entry) }
        for mode in InputMode.allCases { keys(mode, text.entries.filter { $0.table == Config.keysTable(mode) }) }
    }

    static func text(_ v: ConfigText.Value) -> String {
        switch v {
        case .string(let s): s
        case .integer(let n): String(n)
        case .array: "[…]"
        }
    }

    static func show(_ v: ConfigText.Value) -> String {
        if case .string(let s) = v { return "\"\(s)\"" }
        return text(v)
    }

    mutating func colour(_ entry: ConfigText.Entry) {
        let roles = Role.allCases.map { String(describing: $0) }
        guard let role = Role.allCases.first(where: { String(describing: $0) == entry.key }) else {
            problem(entry.line, "unknown role \"\(entry.key)\" in [colors]" + Self.near(entry.key, roles), "roles are " + roles.joined(separator: ", "))
            return
        }
        let spec: String
        switch entry.value {
        case .string(let s): spec = s
        case .integer(let n): spec = String(n)
        case .array: spec = ""
        }
        guard let colour = ColourName.parse(spec) else {
            problem(entry.line, "bad colour \(Self.show(entry.value)) for \(entry.key)" + Self.near(spec, ColourName.all),
                    "write a colour name (red, bright-blue, grey…), a number from 0 to 255, \"#rrggbb\", or \"none\"")
            return
        }
        config.theme[role] = colour
    }

    /// One mode's rebindings, checked: known commands of that mode, key names that
    /// parse, no key bound twice, typing modes keep their printable keys, and the
    /// way out of each mode keeps a key.
    mutating func keys(_ mode: InputMode, _ entries: [ConfigText.Entry]) {
        let section = "[\(Config.keysTable(mode))]"
        let builtIn = mode.keys
        var table = builtIn
        var lineOf: [Command: Int] = [:]
        let here = builtIn.bindings.map(\.command.name)
        for entry in entries {
            guard let command = Command(name: entry.key) else {
                problem(entry.line, "unknown command \"\(entry.key)\"" + Self.near(entry.key, Command.all.map(\.name)),
                        "the commands of \(section) are listed under it by `dealscope config --default`")
                continue
            }
            guard here.contains(entry.key) else {
                let homes = InputMode.allCases.filter { $0.keys.bindings.contains { $0.command == command } }.map { "[\(Config.keysTable($0))]" }
                problem(entry.line, "\(entry.key) does nothing in \(section)", homes.isEmpty ? "leave it out" : "bind it in " + homes.joined(separator: " or "))
                continue
            }
            var names: [ConfigText.Value]
            switch entry.value {
            case .array(let items): names = items
            case .string: names = [entry.value]
            case .integer: names = [.string(Self.text(entry.value))]
            }
            var keys: [Key] = []
            var ok = true
            for name in names {
                guard case .string(let text) = name, let key = KeyName.parse(text) else {
                    problem(entry.line, "\(Self.show(name)) names no key (for \(entry.key))",
                            "write keys as one character, C-f (Ctrl), Up Down Left Right PgUp PgDn Home End Enter Tab S-Tab Esc BS Del Space or F1–F63")
                    ok = false
                    continue
                }
                if builtIn.typesText, key.printable != nil {
                    problem(entry.line, "\"\(text)\" would no longer type in \(section) (for \(entry.key))",
                            "a mode that types text binds only keys that do not type: Enter, Esc, Tab, arrows, C-…, F…")
                    ok = false
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            guard ok else { continue }
            table = table.rebinding(command, to: keys)
            lineOf[command] = entry.line
        }
        // A key bound to two commands: said once, at the line that caused it.
        var reported = Set<Key>()
        for b in table.bindings {
            for key in b.keys where !reported.contains(key) {
                let others = table.bindings.filter { $0.command != b.command && $0.keys.contains(key) }
                guard let other = others.first, let line = lineOf[b.command] ?? lineOf[other.command] else { continue }
                reported.insert(key)
                func origin(_ c: Command) -> String { lineOf[c].map { "line \($0)" } ?? "built in" }
                let keep = other.keys.filter { $0 != key }.map { "\"\(KeyName.name($0))\"" }
                problem(line, "key \(KeyName.name(key)) bound twice in \(section): \(b.command.name) (\(origin(b.command))) and \(other.command.name) (\(origin(other.command)))",
                        "take it from one of them, such as \(other.command.name) = [\(keep.joined(separator: ", "))]")
            }
        }
        // Every mode keeps its way out.
        for command in [Command.quit, .close, .cancel] where !builtIn.keys(of: command).isEmpty && table.keys(of: command).isEmpty {
            problem(lineOf[command] ?? 1, "\(command.name) has no key left in \(section): there would be no way out",
                    "give it one, such as \(command.name) = [\"\(KeyName.name(builtIn.keys(of: command)[0]))\"]")
        }
        if table != builtIn { config.keymap[mode] = table }
    }
}
