import CNcurses
import ExplorerCore

/// How many colours the terminal offers the explorer.
///
/// A 256-colour terminal gets the same 16 palette colours as a 16-colour one: the
/// user's theme then decides the exact hues (a light or Solarized background keeps
/// its contrast), and each colour change costs 5 bytes on the wire instead of the
/// 11 of an indexed colour, which matters over a slow SSH link.
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
/// optional foreground and background colour per colour level (-1 = the terminal's
/// default, so the user's background always shows).
struct RoleLook: Sendable {
    var attributes: Attributes
    /// (foreground, background) for 16 and 8 colours; nil = no colour pair.
    var colors16: (Int16, Int16)?
    var colors8: (Int16, Int16)?

    func colors(at level: ColorLevel) -> (Int16, Int16)? {
        switch level {
        case .none: nil
        case .basic8: colors8
        case .basic16: colors16
        }
    }

    /// The look of every role. Attributes alone keep each role distinguishable
    /// without colour; colours only add to them.
    static func of(_ role: Role) -> RoleLook {
        // 8/16-colour indices: 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 8 grey.
        switch role {
        case .normal: RoleLook(attributes: [])
        case .muted: RoleLook(attributes: [.dim], colors16: (8, -1))
        case .border: RoleLook(attributes: [])
        case .borderFocused: RoleLook(attributes: [.bold], colors16: (6, -1), colors8: (6, -1))
        case .title: RoleLook(attributes: [.bold])
        case .titleFocused: RoleLook(attributes: [.reverse, .bold], colors16: (6, -1), colors8: (6, -1))
        case .header: RoleLook(attributes: [.bold])
        case .selected: RoleLook(attributes: [.underline])
        case .selectedFocused: RoleLook(attributes: [.reverse, .bold])
        case .related: RoleLook(attributes: [.bold], colors16: (3, -1), colors8: (3, -1))
        case .match: RoleLook(attributes: [.underline, .bold], colors16: (5, -1), colors8: (5, -1))
        case .quote: RoleLook(attributes: [.bold, .underline], colors16: (2, -1), colors8: (2, -1))
        case .label: RoleLook(attributes: [], colors16: (12, -1))
        case .filtered: RoleLook(attributes: [.bold], colors16: (10, -1), colors8: (2, -1))
        case .statusBar: RoleLook(attributes: [.reverse])
        case .key: RoleLook(attributes: [.bold], colors16: (6, -1), colors8: (6, -1))
        case .error: RoleLook(attributes: [.bold], colors16: (9, -1), colors8: (1, -1))
        case .figure: RoleLook(attributes: [], colors16: (3, -1), colors8: (3, -1))
        }
    }

    init(attributes: Attributes, colors16: (Int16, Int16)? = nil, colors8: (Int16, Int16)? = nil) {
        self.attributes = attributes
        self.colors16 = colors16
        self.colors8 = colors8
    }
}

/// The style of every role at a colour level, indexed by `Role.rawValue`. With a
/// colour, dim is dropped: grey already says "muted", and dim on grey is too faint.
enum RoleStyles {
    static func table(level: ColorLevel) -> [CellStyle] {
        Role.allCases.map { role in
            let look = RoleLook.of(role)
            guard let (foreground, background) = look.colors(at: level) else {
                return CellStyle(attributes: look.attributes)
            }
            return CellStyle(attributes: look.attributes.subtracting(.dim), foreground: foreground, background: background)
        }
    }
}
