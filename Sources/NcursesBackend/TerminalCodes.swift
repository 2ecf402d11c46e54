import CNcurses

/// How a cell looks on the terminal: attributes and a foreground and background
/// colour (-1: the terminal's default).
struct CellStyle: Equatable, Sendable {
    var attributes: Attributes = []
    var foreground: Int16 = -1
    var background: Int16 = -1

    static let plain = CellStyle()

    /// True when a blank cell in this style looks different from a plain blank.
    var showsOnBlank: Bool {
        !attributes.isDisjoint(with: [.reverse, .underline]) || background >= 0
    }
}

/// The control sequences of the terminal in use, as bytes (padding removed), and
/// what the frame encoder may rely on. Made from terminfo by `fromTerminfo()`;
/// `ansi` is the xterm-like set the tests use.
struct TerminalCodes {
    var moveTo: (_ row: Int, _ column: Int) -> [UInt8]
    var toColumn: ((Int) -> [UInt8])?
    var toRow: ((Int) -> [UInt8])?
    var forward: ((Int) -> [UInt8])?
    var eraseCharacters: ((Int) -> [UInt8])?
    var clearToLineEnd: [UInt8]?
    var clearScreen: [UInt8]
    var carriageReturn: [UInt8] = [13]
    /// One column left (cub1).
    var backspace: [UInt8]?
    /// Moves one row down in the same column: a line feed, when the terminal's
    /// output does not turn it into CR LF (curses turns ONLCR off); nil otherwise.
    var lineFeed: [UInt8]?
    var reset: [UInt8]
    var bold: [UInt8]?
    var dim: [UInt8]?
    var reverse: [UInt8]?
    var underline: [UInt8]?
    var foreground: ((Int) -> [UInt8])?
    var background: ((Int) -> [UInt8])?
    /// Back to the terminal's default colours (op).
    var defaultColors: [UInt8]?
    /// Writing the bottom-right cell does not scroll the screen (xenl).
    var writesLastCell: Bool

    /// The terminal's codes through terminfo (after `newterm`).
    /// - Parameter lineFeedMovesDown: the terminal's output leaves a line feed
    ///   alone (no ONLCR), so it moves the cursor straight down.
    static func fromTerminfo(lineFeedMovesDown: Bool) -> TerminalCodes {
        func string(_ name: String) -> [UInt8]? {
            guard let value = tigetstr(name), Int(bitPattern: value) > 0 else { return nil }
            let bytes = withPadding(Array(String(cString: value).utf8))
            return bytes.isEmpty ? nil : bytes
        }
        func parameterized(_ name: String) -> ((Int) -> [UInt8])? {
            guard string(name) != nil else { return nil }
            return { n in ds_tiparm1(name, Int32(n)).map { withPadding(Array(String(cString: $0).utf8)) } ?? [] }
        }
        let cup = string("cup") != nil
        return TerminalCodes(
            moveTo: { row, column in
                cup ? (ds_tiparm2("cup", Int32(row), Int32(column)).map { withPadding(Array(String(cString: $0).utf8)) } ?? []) : []
            },
            toColumn: parameterized("hpa"), toRow: parameterized("vpa"), forward: parameterized("cuf"),
            eraseCharacters: parameterized("ech"), clearToLineEnd: string("el"),
            clearScreen: string("clear") ?? [], carriageReturn: string("cr") ?? [13], backspace: string("cub1"),
            lineFeed: lineFeedMovesDown && string("cud1") == [10] ? [10] : nil, reset: string("sgr0") ?? [],
            bold: string("bold"), dim: string("dim"), reverse: string("rev"), underline: string("smul"),
            foreground: parameterized("setaf"), background: parameterized("setab"), defaultColors: string("op"),
            writesLastCell: tigetflag("xenl") > 0)
    }

    /// Removes terminfo padding (`$<5>`, `$<2/>`): the terminals this runs on do
    /// not need it, and the encoder writes bytes directly.
    static func withPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// An xterm-like terminal with `colors` colours (0: none), for tests.
    static func ansi(colors: Int = 16) -> TerminalCodes {
        func csi(_ s: String) -> [UInt8] { Array("\u{1B}[\(s)".utf8) }
        return TerminalCodes(
            moveTo: { csi("\($0 + 1);\($1 + 1)H") }, toColumn: { csi("\($0 + 1)G") }, toRow: { csi("\($0 + 1)d") },
            forward: { csi("\($0)C") }, eraseCharacters: { csi("\($0)X") }, clearToLineEnd: csi("K"),
            clearScreen: csi("H") + csi("2J"), backspace: [8], lineFeed: [10], reset: Array("\u{1B}(B".utf8) + csi("m"),
            bold: csi("1m"), dim: csi("2m"), reverse: csi("7m"), underline: csi("4m"),
            foreground: colors == 0 ? nil : { $0 < 8 ? csi("3\($0)m") : csi("9\($0 - 8)m") },
            background: colors == 0 ? nil : { $0 < 8 ? csi("4\($0)m") : csi("10\($0 - 8)m") },
            defaultColors: colors == 0 ? nil : csi("39;49m"), writesLastCell: true)
    }
}
