import DealModel
import Testing
import TerminalText

@Suite("Sanitizer")
struct SanitizerTests {
    @Test func escapeSequencesAreMadeVisible() {
        #expect(Sanitizer.line("a\u{1B}[2Jb") == "a␛[2Jb")
        #expect(Sanitizer.line("\u{1B}]0;pwned\u{07}") == "␛]0;pwned␇")
        #expect(Sanitizer.line("nul\u{0}") == "nul␀")
        #expect(Sanitizer.line("tab\there") == "tab␉here")
    }

    @Test func c1ControlsDELAndBidiOverridesAreMadeVisible() {
        #expect(Sanitizer.line("x\u{9B}31m") == "x⟨C1 9B⟩31m")
        #expect(Sanitizer.line("x\u{85}") == "x⟨C1 85⟩")
        #expect(Sanitizer.line("del\u{7F}") == "del␡")
        #expect(Sanitizer.line("abc\u{202E}fed") == "abc⟨RLO⟩fed")
        #expect(Sanitizer.line("\u{2066}x\u{2069}") == "⟨LRI⟩x⟨PDI⟩")
        #expect(Sanitizer.line("\u{200F}") == "⟨RLM⟩")
    }

    /// Text hidden in tag characters, and names that zero-width characters make look
    /// alike or blank, are shown (issue 15, item 17).
    @Test func invisibleCharactersAreMadeVisible() {
        #expect(Sanitizer.line("Micro\u{200B}soft") == "Micro⟨ZWSP⟩soft")
        #expect(Sanitizer.line("a\u{200C}b\u{200D}c\u{2060}d\u{FEFF}e\u{00AD}f") == "a⟨ZWNJ⟩b⟨ZWJ⟩c⟨WJ⟩d⟨ZWNBSP⟩e⟨SHY⟩f")
        #expect(Sanitizer.line("ok\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}\u{E007F}") == "ok⟨TAG i⟩⟨TAG g⟩⟨TAG n⟩⟨TAG o⟩⟨TAG r⟩⟨TAG e⟩⟨U+E007F⟩")
        #expect(Sanitizer.line("\u{3164}\u{115F}") == "⟨U+3164⟩⟨U+115F⟩", "Hangul fillers make a name look blank")
        #expect(Sanitizer.line("x\u{2062}y\u{FFF9}z") == "x⟨U+2062⟩y⟨U+FFF9⟩z")
        for s in ["a\u{200B}", "\u{E0041}", "\u{00AD}"] { #expect(Sanitizer.needsCleaning(s), "\(s.unicodeScalars.map(\.value))") }
    }

    @Test func emojiSequencesKeepTheirJoinersAndSelectors() {
        for s in ["👩\u{200D}💻", "👨\u{200D}👩\u{200D}👧", "👍🏽\u{200D}❤️", "❤️", "⛹\u{FE0F}\u{200D}♀\u{FE0F}", "葛\u{E0100}"] {
            #expect(Sanitizer.line(s) == s, "\(s.unicodeScalars.map(\.value))")
            #expect(!Sanitizer.needsCleaning(s))
        }
        // A joiner that joins no emoji is shown.
        #expect(Sanitizer.line("a\u{200D}👩") == "a⟨ZWJ⟩👩")
        #expect(Sanitizer.line("👩\u{200D}") == "👩⟨ZWJ⟩")
    }

    @Test func lineBreaksDependOnTheForm() {
        #expect(Sanitizer.line("one\ntwo") == "one␤two")
        #expect(Sanitizer.block("one\ntwo\u{1B}") == "one\ntwo␛")
        #expect(Sanitizer.line("one\u{2028}two") == "one␤two")
        #expect(Sanitizer.block("cr\r") == "cr␍")
    }

    @Test func harmlessTextIsUnchanged() {
        for s in ["plain ASCII", "Zürich “quoted” — 漢字 😀", "é\u{301}", "multibillion\u{2011}dollar", ""] {
            #expect(Sanitizer.line(s) == s)
            #expect(!Sanitizer.needsCleaning(s))
        }
        #expect(Sanitizer.needsCleaning("a\u{1B}"))
        #expect(Sanitizer.needsCleaning("a\u{202E}"))
    }

    @Test func noControlSurvives() {
        var all = ""
        for v in Array(0x00...0x9F) + [0x061C, 0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x2028, 0x2029]
            + [0xAD, 0x34F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFEFF, 0xFFA0] + Array(0x180B...0x180F) + Array(0x200B...0x200D)
            + Array(0x2060...0x206F) + Array(0xFFF0...0xFFFB) + Array(0x1BCA0...0x1BCA3) + Array(0x1D173...0x1D17A) + Array(0xE0000...0xE00FF) {
            guard Unicode.Scalar(UInt32(v)) != nil else { continue }
            all.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
        }
        let clean = Sanitizer.line(all)
        for s in clean.unicodeScalars {
            #expect(Sanitizer.placeholder(for: s) == nil, "U+\(String(s.value, radix: 16)) survived")
        }
    }

    @Test func theModelKeepsTheRawText() throws {
        // The hostile fixture loads; its text keeps the control characters (the sanitizer
        // only works on the way to the terminal).
        let catalog = try DatasetLoader.load(path: Paths.fixture("hostile"))
        let evil = try #require(catalog.partner(id: "evil"))
        #expect(evil.name == "Evil\u{1B}]0;pwned\u{07} Corp")
        #expect(evil.note?.contains("\u{202E}") == true)
        #expect(evil.note?.contains("\u{9B}") == true)
        #expect(evil.note?.contains("\u{7F}") == true)
        #expect(Sanitizer.line(evil.name) == "Evil␛]0;pwned␇ Corp")
        #expect(evil.name == "Evil\u{1B}]0;pwned\u{07} Corp", "sanitizing does not touch the model")
        // Quotes containing control characters are located in a document containing them.
        #expect(evil.evidence.first?.matchedText == "Evil\u{1B}]0;pwned\u{07} Corp agreed")
    }
}

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ｶﾅ") == 2, "half-width katakana are narrow")
        #expect(DisplayWidth.of("ＡＢ") == 4, "full-width letters are wide")
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining mark takes no column")
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("❤️") == 2, "emoji presentation selector")
        #expect(DisplayWidth.of("a\u{200B}b") == 2, "zero width space")
        #expect(DisplayWidth.of("—…“”") == 4)
    }

    @Test func truncateEndsWithAnEllipsis() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abcd", to: 4) == "abcd")
        #expect(DisplayWidth.truncate("abcd", to: 1) == "…")
        #expect(DisplayWidth.truncate("abcd", to: 0) == "")
        #expect(DisplayWidth.truncate("", to: 3) == "")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        // 漢 and 字 take two columns each: with 4 columns, "漢" and "…" fit (3), "字" would not.
        #expect(DisplayWidth.truncate("漢字漢字", to: 4) == "漢…")
        #expect(DisplayWidth.truncate("a漢字", to: 4) == "a漢…")
        #expect(DisplayWidth.truncate("漢字", to: 2) == "…")
        #expect(DisplayWidth.truncate("😀😀😀", to: 5) == "😀😀…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…", "a combining mark stays with its letter")
        for width in 0...12 {
            for s in ["漢字漢字漢字", "a漢b字c漢", "😀x😀y😀", "plain words here"] {
                let t = DisplayWidth.truncate(s, to: width)
                #expect(DisplayWidth.of(t) <= width, "\(s) to \(width): \(t)")
                if t != s && width > 0 { #expect(t.hasSuffix("…"), "\(s) to \(width): \(t)") }
            }
        }
    }

    @Test func fitPadsToTheWidth() {
        #expect(DisplayWidth.fit("漢", to: 4) == "漢  ")
        #expect(DisplayWidth.fit("7", to: 3, alignRight: true) == "  7")
        #expect(DisplayWidth.of(DisplayWidth.fit("漢字漢字", to: 5)) == 5)
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(DisplayWidth.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(DisplayWidth.wrap("漢字漢字漢字", width: 4) == ["漢字", "漢字", "漢字"])
        for line in DisplayWidth.wrap("a 漢字漢字漢 b", width: 3) { #expect(DisplayWidth.of(line) <= 3) }
    }
}
