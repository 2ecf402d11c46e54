import CNcurses
import ExplorerCore

/// How many colours the terminal offers the explorer.
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

/// One role's look: attributes that carry the meaning on any terminal, and an
/// optional foreground and background colour per colour level (-1 = the terminal's
/// default, so the user's background always shows).
struct RoleLook: Sendable {
    var attributes: Attributes
    /// (foreground, background) for 256, 16 and 8 colours; nil = no colour pair.
    var colors256: (Int16, Int16)?
    var colors16: (Int16, Int16)?
    var colors8: (Int16, Int16)?

    func colors(at level: ColorLevel) -> (Int16, Int16)? {
        switch level {
        case .none: nil
        case .basic8: colors8
        case .basic16: colors16
        case .indexed256: colors256
        }
    }

    /// The look of every role. Attributes alone keep each role distinguishable
    /// without colour; colours only add to them.
    static func of(_ role: Role) -> RoleLook {
        // 8/16-colour indices: 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 8 grey.
        switch role {
        case .normal: RoleLook(attributes: [])
        case .muted: RoleLook(attributes: [.dim], colors256: (245, -1), colors16: (8, -1))
        case .border: RoleLook(attributes: [], colors256: (241, -1))
        case .borderFocused: RoleLook(attributes: [.bold], colors256: (39, -1), colors16: (6, -1), colors8: (6, -1))
        case .title: RoleLook(attributes: [.bold])
        case .titleFocused: RoleLook(attributes: [.reverse, .bold], colors256: (39, -1), colors16: (6, -1), colors8: (6, -1))
        case .header: RoleLook(attributes: [.bold], colors256: (110, -1))
        case .selected: RoleLook(attributes: [.underline], colors256: (-1, 237))
        case .selectedFocused: RoleLook(attributes: [.reverse, .bold])
        case .related: RoleLook(attributes: [.bold], colors256: (179, -1), colors16: (3, -1), colors8: (3, -1))
        case .match: RoleLook(attributes: [.underline, .bold], colors256: (213, -1), colors16: (5, -1), colors8: (5, -1))
        case .quote: RoleLook(attributes: [.bold, .underline], colors256: (114, -1), colors16: (2, -1), colors8: (2, -1))
        case .label: RoleLook(attributes: [], colors256: (110, -1), colors16: (12, -1))
        case .filtered: RoleLook(attributes: [.bold], colors256: (78, -1), colors16: (10, -1), colors8: (2, -1))
        case .statusBar: RoleLook(attributes: [.reverse])
        case .key: RoleLook(attributes: [.bold], colors256: (39, -1), colors16: (6, -1), colors8: (6, -1))
        case .error: RoleLook(attributes: [.bold], colors256: (203, -1), colors16: (9, -1), colors8: (1, -1))
        case .figure: RoleLook(attributes: [], colors256: (180, -1))
        }
    }

    init(attributes: Attributes, colors256: (Int16, Int16)? = nil, colors16: (Int16, Int16)? = nil, colors8: (Int16, Int16)? = nil) {
        self.attributes = attributes
        self.colors256 = colors256
        self.colors16 = colors16
        self.colors8 = colors8
    }
}

/// The curses attributes and colour pair of every role, made once after start.
struct RoleStyles {
    struct Style {
        var attributes: attr_t
        var pair: Int16
    }

    private var styles: [Style]

    /// Builds the table; with a colour level, initialises one colour pair per role
    /// that has colours (pair numbers 1…, default background kept).
    init(level: ColorLevel) {
        let pairLimit = level == .none ? 0 : Int(ds_color_pairs())
        var styles: [Style] = []
        var nextPair: Int16 = 1
        for role in Role.allCases {
            let look = RoleLook.of(role)
            var style = Style(attributes: Self.cursesAttributes(look.attributes), pair: 0)
            if let (fg, bg) = look.colors(at: level), Int(nextPair) < pairLimit,
               init_pair(nextPair, fg, bg) == OK {
                style.pair = nextPair
                nextPair += 1
            }
            styles.append(style)
        }
        self.styles = styles
    }

    subscript(role: Role) -> Style {
        styles[Int(role.rawValue)]
    }

    static func cursesAttributes(_ a: Attributes) -> attr_t {
        var value = attr_t(0)
        if a.contains(.bold) { value |= ds_a_bold() }
        if a.contains(.reverse) { value |= ds_a_reverse() }
        if a.contains(.underline) { value |= ds_a_underline() }
        if a.contains(.dim) { value |= ds_a_dim() }
        return value
    }
}
