import DealModel
@testable import ExplorerCore
import Testing

@Suite struct Copy {
    @Test func yCopiesTheIdCTheQuoteWithItsPlaceYTheRow() {
        var s = start()
        press(&s, "2")
        #expect(press(&s, "y") == [.copy("msft-openai-partnership")])
        #expect(screen(s).contains("copied the id: msft-openai-partnership"))
        let quote = press(&s, "c")
        #expect(quote == [.copy("“OpenAI and Microsoft are publicly doubling down on their alliance” — openai-microsoft-alliance.txt, paragraph 1, sentence 1")])
        #expect(press(&s, "Y") == [.copy("—  partnership  OpenAI·Microsoft  OpenAI-Microsoft core partnership")])
    }

    @Test func anEdgeCopiesTheIdsOfItsDeals() {
        var s = networkOnOpenAI()
        press(&s, "h")
        guard case .copy(let text)? = press(&s, "y").first else { Issue.record("nothing copied"); return }
        #expect(text.split(separator: " ").count == 7 && text.contains("msft-openai-licence"))
    }

    @Test func copiedTextPassesTheSanitizer() {
        let hostile = fixtureCatalog("hostile")
        var s = Explorer.start(catalog: hostile, width: 120, height: 40)
        let row = hostile.partners.firstIndex { $0.name.contains("\u{1B}") }!
        s.lists[.partners].cursor = row
        guard case .copy(let text)? = press(&s, "Y").first else { Issue.record("nothing copied"); return }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x80...0x9F).contains($0.value) }, "\(text.debugDescription)")
        #expect(text.contains("␛"))
    }
}

@Suite struct Configs {
    static func read(_ text: String) -> Result<Config, Config.Problems> { Config.read(text, file: "config.toml") }

    static func problems(_ text: String) -> [String] {
        guard case .failure(let p) = read(text) else { return [] }
        return p.list.map(\.description)
    }

    @Test func theDefaultFileChangesNothing() throws {
        let config = try Self.read(Config.defaultText).get()
        for mode in InputMode.allCases { #expect(config.keymap[mode] == mode.keys, "\(mode)") }
        #expect(config.theme == .standard && config.themeName == "default")
        // Its colour lines, set, are the default theme's.
        let uncommented = Config.defaultText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("# ") && $0.contains(" = \"") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n")
        #expect(try Self.read(uncommented).get().theme == .standard)
        // Every command of every mode is in it.
        for mode in InputMode.allCases { for b in mode.keys.bindings { #expect(Config.defaultText.contains("\(b.command.name) = "), "\(b.command.name)") } }
    }

    @Test func aRebindingWorksAndTheHelpShowsIt() throws {
        let config = try Self.read("[keys.normal]\nmoveDown = [\"C-n\", \"Down\"]\n").get()
        var s = Explorer.start(catalog: bundled, width: 120, height: 40, keymap: config.keymap)
        press(&s, "<C-n>")
        #expect(s.selectedPartnerName == "Anthropic")
        press(&s, "j")
        #expect(s.selectedPartnerName == "Anthropic", "j is no longer bound")
        press(&s, "?")
        let lines = HelpOverlay.page(s).columns.flatMap { $0 }.map { $0.map(\.text).joined() }
        #expect(lines.contains { $0.contains("C-n ↓") && $0.contains("down (scrolls Detail)") })
        #expect(!lines.contains { $0.contains("j ↓") && $0.contains("down (scrolls Detail)") })
    }

    @Test func problemsNameTheLineAndTheFix() {
        #expect(Self.problems("[keys.normal]\n\nmoveDwn = [\"j\"]\n") == [
            "config.toml:3: unknown command \"moveDwn\" (did you mean moveDown?)\n  fix: the commands of [keys.normal] are listed under it by `dealscope config --default`"])
        #expect(Self.problems("[keys.normal]\nmoveDown = [\"C-f\"]\n") == [
            "config.toml:2: key C-f bound twice in [keys.normal]: moveDown (line 2) and pageDown (built in)\n  fix: take it from one of them, such as pageDown = [\"PgDn\"]"])
        #expect(Self.problems("[colors]\nquote = \"gren\"\n").first?.hasPrefix("config.toml:2: bad colour \"gren\" for quote (did you mean green?)") == true)
        #expect(Self.problems("theme = \"deap\"").first?.hasPrefix("config.toml:1: unknown theme \"deap\" (did you mean deep?)") == true)
        #expect(Self.problems("[keys.searchTyping]\ncancel = [\"q\"]\n").first?.contains("\"q\" would no longer type") == true)
        #expect(Self.problems("[keys.normal]\nquit = []\n").first?.hasPrefix("config.toml:2: quit has no key left in [keys.normal]") == true)
        #expect(Self.problems("[keys.normal]\nnextQuote = [\"z\"]\n").first == "config.toml:2: nextQuote does nothing in [keys.normal]\n  fix: bind it in [keys.document]")
        #expect(Self.problems("[keys.normall]\n").first?.hasPrefix("config.toml:1: unknown table [keys.normall] (did you mean keys.normal?)") == true)
        #expect(Self.problems("[keys.normal]\nmoveDown = [\"Ctrl-n\"]\n").first?.hasPrefix("config.toml:2: \"Ctrl-n\" names no key") == true)
        #expect(Self.problems("theme = \"deep\"\ntheme = \"mono\"\n").first?.hasPrefix("config.toml:2: \"theme\" is given twice") == true)
        #expect(Self.problems("[colors]\nquote = \"green\n").first?.hasPrefix("config.toml:2: the string is not closed") == true)
        #expect(Self.problems("theme = 1.5\n").first?.contains("column") == true)
    }

    @Test func themesFallBackToFewerColours() throws {
        let deep = try Self.read("theme = \"deep\"\n[colors]\nkey = \"#ff8700\"\nmuted = 8\nlabel = \"none\"\n").get()
        #expect(deep.theme[.quote] == RoleColour(c256: 114, c16: 10, c8: 2))
        #expect(deep.theme[.key]?.c256 == 208 && deep.theme[.key]?.c16 != nil)
        #expect(deep.theme[.muted] == RoleColour(c256: 8, c16: 8, c8: nil))
        #expect(deep.theme[.label] == nil)
        #expect(try Self.read("theme = \"mono\"").get().theme.colours.isEmpty)
    }
}

/// What a new user tripped on (issue 14), each with the test that failed before.
@Suite struct NewUserFixes {
    @Test func theDatasetTitleIsOnTheStatusLine() {
        let wide = screen(start(160, 50)).split(separator: "\n").last!
        #expect(wide.hasPrefix(" OpenAI and Microsoft reaffirm their alliance · All partners · 12 of 12 deals"), "\(wide)")
        // Narrower, the title gives way to the counts.
        let medium = screen(start(120, 40)).split(separator: "\n").last!
        #expect(medium.hasPrefix(" OpenAI and Microsoft reaffirm") && medium.contains("… · All partners · 12 of 12 deals"), "\(medium)")
    }

    @Test func theDateColumnHoldsTheWidestDate() {
        var s = Explorer.start(catalog: datesCatalog, width: 120, height: 40)
        press(&s, "2")
        let text = screen(s)
        #expect(text.contains("~30 Sep 2025") && text.contains("~May 2025"), "\(text)")
        #expect(!text.contains("~30 Sep 20…"))
    }

    @Test func anEventWithoutOrderSaysWhereItIsPlacedInWords() {
        var s = start(120, 40)
        press(&s, "3G")
        #expect(s.selectedEventID == "claude-added-to-azure")
        let text = screen(s)
        #expect(!text.contains("before the document"))
        #expect(text.contains("the document does not say what it came before or") && text.contains("placed after the dated events"))
    }

    @Test func theTimelineKeepsRoomForItsEventsAt60x15() {
        let s = start(60, 15)
        let rect = Layout(s).rect(.timeline)
        let columns = PaneID.timeline.list!.columns(s, width: rect.inner.width)
        let event = rect.inner.width - 2 - columns.compactMap(\.column.width).reduce(0, +) - (columns.count - 1)
        #expect(event >= 14, "the event text has \(event) columns")
        #expect(screen(s).contains("The OpenAI-Micr"))
    }

    @Test func filterAddsAndUnfilterTakesOut() {
        var s = start()
        press(&s, ":filter openai<Enter>")
        #expect(s.filter == ["openai"])
        press(&s, ":filter openai<Enter>")
        #expect(s.filter == ["openai"], "a second :filter keeps it")
        #expect(s.message == "OpenAI is already in the filter")
        press(&s, ":filter amazon<Enter>:unfilter openai<Enter>")
        #expect(s.filter == ["amazon"])
        press(&s, ":unf<Tab>")
        #expect(s.mode == .command("unfilter "))
        press(&s, "am<Tab>")
        #expect(s.mode == .command("unfilter Amazon"), "unfilter completes the partners in the filter")
    }
}
