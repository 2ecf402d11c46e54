import CNcurses
import ExplorerCore

/// How many colours the terminal offers the explorer.
///
/// A 256-colour terminal gets the same 16 palette colours as a 16-colour one: the
/// user's theme then decides the exact hues (a light or Solarized background keeps
/// its contrast), and each colour change costs 5 bytes on the wire instead of the
/// 11 of an indexed colour.
enum ColorLevel: Sendable {
    /// No colour: NO_COLOR, --no-color, or a monochrome terminal. Attributes only.
    case none
    case basic8
    case basic16

    init(colors: Int) {
        self = colors >= 16 ? .basic16 : colors >= 8 ? .basic8 : .none
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

/// One role's look: attributes that carry the meaning on any terminal, and an
/// optional foreground colour per colour level, always on the terminal's default
/// background (so the user's background shows).
struct RoleLook: Sendable {
    var attributes: Attributes
    /// The foreground for 16 and 8 colours; nil = no colour.
    var color16: Int16?
    var color8: Int16?

    func color(at level: ColorLevel) -> Int16? {
        switch level {
        case .none: nil
        case .basic8: color8
        case .basic16: color16
        }
    }

    /// The look of every role. Attributes alone keep each role distinguishable
    /// without colour; colours only add to them.
    static func of(_ role: Role) -> RoleLook {
        // 8/16-colour indices: 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 8 grey.
        switch role {
        case .normal: RoleLook(attributes: [])
        case .muted: RoleLook(attributes: [.dim], color16: 8)
        case .border: RoleLook(attributes: [])
        case .borderFocused: RoleLook(attributes: [.bold], color16: 6, color8: 6)
        case .title: RoleLook(attributes: [.bold])
        case .titleFocused: RoleLook(attributes: [.reverse, .bold], color16: 6, color8: 6)
        case .header: RoleLook(attributes: [.bold])
        case .selected: RoleLook(attributes: [.underline])
        case .selectedFocused: RoleLook(attributes: [.reverse, .bold])
        case .related: RoleLook(attributes: [.bold], color16: 3, color8: 3)
        case .match: RoleLook(attributes: [.underline, .bold], color16: 5, color8: 5)
        case .quote: RoleLook(attributes: [.bold, .underline], color16: 2, color8: 2)
        case .label: RoleLook(attributes: [], color16: 12)
        case .filtered: RoleLook(attributes: [.bold], color16: 10, color8: 2)
        case .statusBar: RoleLook(attributes: [.reverse])
        case .key: RoleLook(attributes: [.bold], color16: 6, color8: 6)
        case .error: RoleLook(attributes: [.bold], color16: 9, color8: 1)
        case .figure: RoleLook(attributes: [], color16: 3, color8: 3)
        }
    }

    init(attributes: Attributes, color16: Int16? = nil, color8: Int16? = nil) {
        self.attributes = attributes
        self.color16 = color16
        self.color8 = color8
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
    static func table(level: ColorLevel) -> [CursesStyle] {
        var pairs: [Int16: Int16] = [:]
        let limit = level == .none ? 0 : Int(ds_color_pairs())
        return Role.allCases.map { role in
            let look = RoleLook.of(role)
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
