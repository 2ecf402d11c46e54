/// A role's colour on each kind of terminal: a palette index for 256 colours, and
/// the 16- and 8-colour ones to fall back on (nil: no colour there, the role's
/// bold, reverse or underline carry it alone). Always on the default background.
public struct RoleColour: Equatable, Sendable {
    public let c256: Int?
    public let c16: Int?
    public let c8: Int?

    public init(c256: Int?, c16: Int?, c8: Int?) {
        self.c256 = c256
        self.c16 = c16
        self.c8 = c8
    }

    /// One of the 16 palette colours, the same on 256-colour terminals (the user's
    /// palette decides its hue); bright ones fall back to their plain colour on 8.
    static func palette(_ i: Int) -> RoleColour {
        RoleColour(c256: i, c16: i, c8: i == 8 ? nil : i % 8)
    }

    /// Any of 256: on 16 or 8 colours, the palette colour of its hue.
    static func indexed(_ i: Int) -> RoleColour {
        guard i >= 16 else { return palette(i) }
        let near = Xterm.paletteHue(Xterm.rgb(i))
        return RoleColour(c256: i, c16: near, c8: near == 8 ? nil : near % 8)
    }
}

/// Colours per semantic role: a named theme, then what a config file sets. Roles
/// not in it have no colour. `NO_COLOR` and `--no-color` win over any theme.
public struct Theme: Equatable, Sendable {
    public private(set) var colours: [Role: RoleColour]

    public subscript(role: Role) -> RoleColour? {
        get { colours[role] }
        set { colours[role] = newValue }
    }

    /// The terminal's own 16 colours (what the explorer always had).
    public static let standard = Theme(colours: [
        .muted: .palette(8), .borderFocused: .palette(6), .titleFocused: .palette(6), .related: .palette(3),
        .match: .palette(5), .quote: .palette(2), .label: .palette(12), .filtered: .palette(10),
        .key: .palette(6), .error: .palette(9), .figure: .palette(3), .draft: .palette(11),
        .link: .palette(4),
    ])

    /// The named themes, in the order the default config lists them.
    public static let named: [(name: String, theme: Theme, about: String)] = [
        ("default", standard, "the terminal's own 16 colours"),
        ("mono", Theme(colours: [:]), "no colour: bold, reverse and underline only"),
        ("deep", Theme(indexed: [.muted: 244, .borderFocused: 39, .titleFocused: 39, .related: 178, .match: 170, .quote: 114,
                                 .label: 75, .filtered: 120, .key: 45, .error: 203, .figure: 179, .draft: 220, .link: 111]),
         "256 colours for a dark background"),
        ("paper", Theme(indexed: [.muted: 245, .borderFocused: 25, .titleFocused: 25, .related: 130, .match: 127, .quote: 28,
                                  .label: 24, .filtered: 22, .key: 30, .error: 160, .figure: 94, .draft: 166, .link: 26]),
         "256 colours for a light background"),
    ]

    init(colours: [Role: RoleColour]) { self.colours = colours }

    init(indexed: [Role: Int]) { colours = indexed.mapValues(RoleColour.indexed) }

    public static func named(_ name: String) -> Theme? { named.first { $0.name == name }?.theme }
}

/// Colours as a config file writes them: a name ("cyan", "bright-blue", "grey"),
/// a palette index 0–255, "#rrggbb" (the nearest of the 256), or "none".
enum ColourName {
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parse(_ text: String) -> RoleColour?? {
        let t = text.lowercased()
        if t == "none" { return .some(nil) }
        if t == "grey" || t == "gray" { return .palette(8) }
        if let i = names.firstIndex(of: t) { return .palette(i) }
        if t.hasPrefix("bright-"), let i = names.firstIndex(of: String(t.dropFirst(7))) { return .palette(i + 8) }
        if let n = Int(t), (0...255).contains(n) { return .indexed(n) }
        if t.hasPrefix("#"), t.count == 7, let v = Int(t.dropFirst(), radix: 16) {
            return .indexed(Xterm.nearest(rgb: (v >> 16 & 255, v >> 8 & 255, v & 255), among: 16..<256))
        }
        return nil
    }

    /// The name a default config writes for a colour.
    static func name(_ c: RoleColour?) -> String {
        guard let i = c?.c256 else { return "none" }
        if i == 8 { return "grey" }
        if i < 8 { return names[i] }
        if i < 16 { return "bright-" + names[i - 8] }
        return String(i)
    }

    /// Every name `parse` takes, for suggestions.
    static var all: [String] { names + names.map { "bright-" + $0 } + ["grey", "none"] }
}

/// xterm's 256 colours as red, green and blue, for the nearest-colour fallbacks.
enum Xterm {
    static let base16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgb(_ i: Int) -> (Int, Int, Int) {
        if i < 16 { return base16[i] }
        if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
        let k = i - 16, steps = [0, 95, 135, 175, 215, 255]
        return (steps[k / 36], steps[k / 6 % 6], steps[k % 6])
    }

    /// The palette colour (0–15) of a colour's hue: its distance to the palette's
    /// own xterm values would make every soft colour grey. Greys stay grey, black or
    /// white; bright colours take the bright half.
    static func paletteHue(_ c: (Int, Int, Int)) -> Int {
        let top = max(c.0, c.1, c.2), low = min(c.0, c.1, c.2)
        if top - low < 40 { return top < 60 ? 0 : top < 170 ? 8 : top < 235 ? 7 : 15 }
        let d = Double(top - low)
        var hue: Double
        if top == c.0 { hue = 60 * Double(c.1 - c.2) / d } else if top == c.1 { hue = 120 + 60 * Double(c.2 - c.0) / d } else { hue = 240 + 60 * Double(c.0 - c.1) / d }
        if hue < 0 { hue += 360 }
        // Red, yellow, green, cyan, blue, magenta: 60° apart, from 0°.
        let hues = [1, 3, 2, 6, 4, 5]
        let k = Int((hue / 60).rounded()) % 6
        return hues[k] + (top > 200 ? 8 : 0)
    }

    static func nearest(rgb c: (Int, Int, Int), among range: Range<Int>) -> Int {
        range.min { a, b in distance(rgb(a), c) < distance(rgb(b), c) }!
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (r, g, b2) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return 2 * r * r + 4 * g * g + 3 * b2 * b2
    }
}
