import CNcurses
import ExplorerCore

/// How many colours the terminal offers the explorer.
///
/// With the default theme a 256-colour terminal gets the same 16 palette colours as
/// a 16-colour one: the user's terminal theme then decides the exact hues (a light
/// or Solarized background keeps its contrast), and each colour change costs 5
/// bytes on the wire instead of the 11 of an indexed colour. A theme that names
/// 256-colour values (deep, paper, or a config file's) gets them there, and the
/// palette colour of their hue elsewhere.
enum ColorLevel: Sendable {
    /// No colour: NO_COLOR, --no-color, or a monochrome terminal. Attributes only.
    case none
    case basic8
    case basic16
    case indexed256

    init(colors: Int) {
        self = colors >= 256 ? .indexed256 : colors >= 16 ? .basic16 : colors >= 8 ? .basic8 : .none
    }
}

/// Attribute bits, independent of curses, so the table below reads plainly.
struct Attributes: OptionSet, Sendable {
    let rawValue: UInt8
    static let bold = Attributes(rawValue: 1)
    static let reverse = Attributes(rawValue: 2)
    static let underline = Attributes(rawValue: 4)
    static let dim = Attributes(rawValue: 8)
}

/// One role's look: attributes that carry the meaning on any terminal, and the
/// theme's foreground colour for the terminal's level, always on the terminal's
/// default background (so the user's background shows).
struct RoleLook: Sendable {
    var attributes: Attributes
    var colour: RoleColour?

    func color(at level: ColorLevel) -> Int16? {
        let index: Int? = switch level {
        case .none: nil
        case .basic8: colour?.c8
        case .basic16: colour?.c16
        case .indexed256: colour?.c256 ?? colour?.c16
        }
        return index.map(Int16.init)
    }

    /// The look of a role in a theme. Attributes alone keep each role
    /// distinguishable without colour; colours only add to them.
    static func of(_ role: Role, theme: Theme = .standard) -> RoleLook {
        RoleLook(attributes: attributes(role), colour: theme[role])
    }

    static func attributes(_ role: Role) -> Attributes {
        switch role {
        case .normal, .border, .label, .figure: []
        case .muted: [.dim]
        case .borderFocused, .title, .header, .related, .filtered, .key, .error, .draft: [.bold]
        case .titleFocused, .selectedFocused: [.reverse, .bold]
        case .selected, .link: [.underline]
        case .match, .quote: [.underline, .bold]
        case .statusBar: [.reverse]
        case .selection: [.reverse, .underline]
        }
    }
}

/// The curses attributes and colour pair of a role.
struct CursesStyle: Equatable, Sendable {
    var attributes: attr_t
    var pair: Int16
}

/// The curses style of every role at a colour level, indexed by `Role.rawValue`.
/// With a colour, dim is dropped: grey already says "muted", and dim on grey is
/// too faint.
enum RoleStyles {
    /// Makes the table, initialising one colour pair per foreground used (pair
    /// numbers from 1, on the terminal's default background). Call after
    /// `start_color` and `use_default_colors`.
    static func table(level: ColorLevel, theme: Theme = .standard) -> [CursesStyle] {
        var pairs: [Int16: Int16] = [:]
        let limit = level == .none ? 0 : Int(ds_color_pairs())
        return Role.allCases.map { role in
            let look = RoleLook.of(role, theme: theme)
            guard let color = look.color(at: level) else { return CursesStyle(attributes: attributes(look.attributes), pair: 0) }
            if pairs[color] == nil, pairs.count + 1 < limit, init_pair(Int16(pairs.count + 1), color, -1) == OK {
                pairs[color] = Int16(pairs.count + 1)
            }
            guard let pair = pairs[color] else { return CursesStyle(attributes: attributes(look.attributes), pair: 0) }
            return CursesStyle(attributes: attributes(look.attributes.subtracting(.dim)), pair: pair)
        }
    }

    static func attributes(_ a: Attributes) -> attr_t {
        var value = attr_t(0)
        if a.contains(.bold) { value |= ds_a_bold() }
        if a.contains(.reverse) { value |= ds_a_reverse() }
        if a.contains(.underline) { value |= ds_a_underline() }
        if a.contains(.dim) { value |= ds_a_dim() }
        return value
    }
}
