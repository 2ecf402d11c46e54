import DealModel
@testable import ExplorerCore
import Testing

@Suite struct KeyNames {
    /// Every key the tables bind, and more: letters, digits, punctuation, non-ASCII,
    /// every Ctrl letter, function keys.
    static let keys: [Key] = {
        var keys = InputMode.allCases.flatMap(\.keys.keys)
        keys += "aAzZ09!~<>-\" é日".map(Key.char)
        keys += "abcdefghijklmnopqrstuvwxyz".map(Key.ctrl)
        keys += [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace, .delete]
        keys += [1, 5, 12, 63].map(Key.function)
        return keys
    }()

    @Test func namesAndLabelsReadBackAsTheSameKey() {
        for key in Self.keys {
            #expect(KeyName.parse(KeyName.name(key)) == key, "\(KeyName.name(key))")
            #expect(KeyName.parse(KeyName.label(key)) == key, "\(KeyName.label(key))")
        }
    }

    @Test func theNamesAConfigFileWouldUse() {
        let expected: [String: Key] = [
            "C-f": .ctrl("f"), "PgDn": .pageDown, "S-Tab": .backTab, "Enter": .enter, "Esc": .escape, "F5": .function(5),
            "Space": .char(" "), "g": .char("g"), "G": .char("G"), "Down": .down, "↓": .down, "pgup": .pageUp, "c-F": .ctrl("f"),
        ]
        for (name, key) in expected { #expect(KeyName.parse(name) == key, "\(name)") }
        #expect(KeyName.name(.ctrl("d")) == "C-d")
        #expect(KeyName.name(.char(" ")) == "Space")
        #expect(KeyName.label(.up) == "↑" && KeyName.name(.up) == "Up")
        for bad in ["", "C-", "C-1", "F0", "F64", "F05", "Ctrl", "foo", "\u{1B}", "gg"] {
            #expect(KeyName.parse(bad) == nil, "\(bad.debugDescription) names no key")
        }
    }

    @Test func commandsHaveStableUniqueNames() {
        let names = Command.all.map(\.name)
        #expect(Set(names).count == names.count)
        for command in Command.all { #expect(Command(name: command.name) == command) }
        #expect(Command.focus(.deals).name == "focusDeals")
        #expect(Command.moveDown.name == "moveDown")
        for mode in InputMode.allCases {
            for b in mode.keys.bindings { #expect(Command.all.contains(b.command), "\(b.command.name) of \(mode) is not in Command.all") }
        }
    }
}

@Suite struct KeyTablesAndHelp {
    /// A state in each mode.
    static func state(in mode: InputMode) -> AppState {
        switch mode {
        case .loading: return Explorer.loading("data", width: 120, height: 40)
        case .tooSmall: return start(40, 10)
        case .quotePicker: return sharedQuote(120, 40, then: "<Enter>")
        default:
            var s = start(120, 40)
            press(&s, ["normal": "", "network": "w", "chart": "t", "help": "?", "document": "2v", "documentSearch": "2v/azu", "commandLine": ":go", "searchTyping": "/cl", "confirm": "3Grq", "form": "2e", "pick": "2L"][mode.rawValue]!)
            #expect(s.inputMode == mode)
            return s
        }
    }

    /// What a key can change: the screen, and (when the terminal is too small) the
    /// screen at full size, which the message hides.
    static func look(_ s: AppState) -> [String] {
        guard s.isTooSmall else { return [screen(s)] }
        var big = s
        big.width = 120
        big.height = 40
        return [screen(s), screen(big)]
    }

    @Test(arguments: InputMode.allCases)
    func everyKeyBoundWorksAndNoOtherKeyActs(mode: InputMode) {
        let table = mode.keys
        for b in table.bindings {
            for key in b.keys { #expect(table.command(for: key) == b.command, "\(KeyName.name(key)) in \(mode) is bound twice") }
        }
        let start = Self.state(in: mode)
        let before = Self.look(start)
        for key in KeyNames.keys where table.command(for: key) == nil && !(table.typesText && key.printable != nil) {
            var s = start
            let effects = Explorer.update(&s, .key(key))
            #expect(effects.isEmpty && Self.look(s) == before, "\(KeyName.name(key)) is not in the \(mode) table but acts")
        }
    }

    /// Every mode where `?` opens the help (the typing modes type it).
    @Test(arguments: InputMode.allCases.filter { $0 == .help || $0.keys.command(for: .char("?")) == .help })
    func theHelpShowsTheTableOfItsModeFirstThenTheOthers(mode: InputMode) {
        var s = Self.state(in: mode)
        if mode != .help { press(&s, "?") }
        #expect(s.mode == .help)
        #expect(s.modeBeneathHelp == (mode == .help ? .normal : mode))
        let lines = HelpOverlay.page(s).columns.flatMap { $0 }.map { $0.map(\.text).joined() }
        #expect(lines.first == s.modeBeneathHelp.title)
        // As one line with single spaces, so that wrapping does not matter.
        let all = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        for other in InputMode.allCases {
            #expect(all.contains(other.title))
            for b in other.keys.bindings {
                #expect(all.contains(b.label + " " + b.help), "the help lacks \(b.label) \(b.help) of \(other)")
            }
            for note in other.keys.notes { #expect(all.contains(note.split(separator: " ").joined(separator: " "))) }
        }
    }

    @Test(arguments: InputMode.allCases)
    func ctrlLRedrawsInEveryMode(mode: InputMode) {
        var s = Self.state(in: mode)
        #expect(press(&s, "<C-l>") == [.repaintAll])
    }

    @Test func aTooSmallTerminalOnlyQuitsHelpsAndRedraws() {
        var s = start(40, 10)
        press(&s, "jjj2G]<Enter>x")
        _ = Explorer.update(&s, .resize(width: 120, height: 40))
        #expect(s.focus == .partners && s.cursors == start().cursors && s.filter.isEmpty, "nothing moved behind the message")
        _ = Explorer.update(&s, .resize(width: 40, height: 10))
        press(&s, "?")
        #expect(screen(s).contains("Terminal too small"), "the help opens, with the keys that work first")
        press(&s, "<Esc>")
        #expect(screen(s).contains("(need 60×15, have 40×10)"))
        #expect(press(&s, "q") == [.quit])
    }

    @Test func theStatusLineHintComesFromTheTable() {
        var s = start()
        #expect(screen(s).split(separator: "\n").last?.hasSuffix("? help  q quit") == true)
        press(&s, "?")
        #expect(screen(s).split(separator: "\n").last?.hasSuffix("Esc close") == true)
    }
}
