/// The config file that changes nothing, complete and commented: every command of
/// every mode with its built-in keys, and every role's colour (commented out, so
/// that the theme line decides them until one is set).
extension Config {
    public static var defaultText: String {
        var out = """
            # dealscope's configuration: your own keys and colours.
            #
            # dealscope reads $XDG_CONFIG_HOME/dealscope/config.toml (~/.config/dealscope/config.toml
            # when XDG_CONFIG_HOME is not set), or the file named by --config FILE or by
            # DEALSCOPE_CONFIG. This file is the built-in configuration: saved as it is, it changes
            # nothing. Change what you like; `dealscope config` checks the file and names the line
            # of any problem.

            # Colours: a theme, then any role set on its own in [colors]. NO_COLOR and --no-color
            # win over both. Themes:

            """
        for (name, _, about) in Theme.named { out += "#   \(name): \(about)\n" }
        out += "theme = \"default\"\n\n"
        out += """
            [colors]
            # A colour is a name (black red green yellow blue magenta cyan white, bright-…, grey),
            # a number from 0 to 255 (on a 16- or 8-colour terminal the nearest of those), "#rrggbb"
            # (the nearest of the 256) or "none" (bold, reverse and underline still mark the role).
            # Remove the # before a line to set that role; the values shown are the default theme's.

            """
        for role in Role.allCases {
            out += "# \(String(describing: role)) = \"\(ColourName.name(Theme.standard[role]))\"\n"
        }
        out += """

            # Keys: in each mode's table, a command and the keys that run it, the first of them shown
            # in hints. Keys are one character, C-f (Ctrl), Up Down Left Right PgUp PgDn Home End Enter
            # Tab S-Tab Esc BS Del Space, or F1 to F63; [] leaves a command without keys. A key is bound
            # once per mode, and the modes that type text bind only keys that do not type.

            """
        for mode in InputMode.allCases {
            out += "\n[\(keysTable(mode))]\n# \(mode.title)\n"
            let bindings = mode.keys.bindings
            let width = bindings.map { $0.command.name.count + 3 + list($0.keys).count }.max() ?? 0
            for b in bindings {
                let line = "\(b.command.name) = \(list(b.keys))"
                out += line + String(repeating: " ", count: max(1, width - line.count + 2)) + "# \(b.help)\n"
            }
        }
        return out
    }

    /// `["Tab", "l", "Right"]`, quoted as TOML strings.
    static func list(_ keys: [Key]) -> String {
        "[" + keys.map { key in
            "\"" + KeyName.name(key).replacingQuotes() + "\""
        }.joined(separator: ", ") + "]"
    }
}

private extension String {
    /// A backslash and a quote escaped for a TOML string.
    func replacingQuotes() -> String {
        var out = ""
        for c in self {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
