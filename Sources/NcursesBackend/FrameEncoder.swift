import CNcurses
import ExplorerCore

/// Turns each new grid into the bytes that change the terminal from the last grid
/// to it. Pure apart from `wcwidth` (injectable): tests replay its output on an
/// emulated screen.
///
/// It writes only cells whose look changed, and spends as few bytes as it can on
/// the way: the shortest cursor move (or rewriting a short unchanged gap instead),
/// one combined SGR sequence per style change, no colour change for blanks that look
/// the same in any style, and erase-to-end-of-line or erase-characters for runs of
/// blanks.
struct FrameEncoder {
    /// What a cell shows: its text, width, and the style it visibly has (plain for a
    /// blank on which the style does not show).
    struct Look: Equatable {
        var text: String
        var width: UInt8
        var style: CellStyle
        static let blank = Look(text: " ", width: 1, style: .plain)
    }

    private let codes: TerminalCodes
    private let styles: [CellStyle]
    private let utf8: Bool
    private let measure: (UInt32) -> Int
    /// SGR parameters of each code when all of them are plain `ESC [ … m`
    /// sequences, so a style change can go out as one sequence; nil otherwise.
    private let sgr: SGRParameters?

    private var width = 0
    private var height = 0
    private var shown: [Look] = []
    private var valid = false
    /// Where the terminal cursor is, when known (not after writing the last column).
    private var cursor: (row: Int, column: Int)?
    private var current: CellStyle?
    private var out: [UInt8] = []
    private var looks: [Look] = []
    private var writeStyles: [CellStyle] = []

    /// - Parameters:
    ///   - styles: the style of each role, indexed by `Role.rawValue`.
    ///   - measure: the terminal's width of a character (`wcwidth`).
    init(codes: TerminalCodes, styles: [CellStyle], utf8: Bool, measure: @escaping (UInt32) -> Int = { Int(ds_wcwidth(wchar_t(bitPattern: $0))) }) {
        self.codes = codes
        self.styles = styles
        self.utf8 = utf8
        self.measure = measure
        sgr = SGRParameters(codes)
    }

    /// The next encode repaints everything from a cleared screen.
    mutating func invalidate() {
        valid = false
    }

    /// The bytes that turn the screen last encoded into `grid`.
    mutating func encode(_ grid: Grid) -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        if !valid || grid.width != width || grid.height != height {
            width = grid.width
            height = grid.height
            shown = Array(repeating: .blank, count: width * height)
            out += codes.reset
            out += codes.clearScreen
            current = .plain
            cursor = (0, 0)
            valid = true
        }
        for row in 0..<height {
            prepare(row: row, of: grid)
            let base = row * width
            if shown[base..<(base + width)].elementsEqual(looks) { continue }
            encode(row: row)
            shown.replaceSubrange(base..<(base + width), with: looks)
        }
        // Every frame ends in the plain style: curses believes the terminal is plain
        // and does not reset it when it leaves (q, Ctrl-Z), and a terminal without an
        // alternate screen (the Linux console) would show the shell in reverse video.
        out += styleChange(from: current, to: .plain)
        current = .plain
        if let target = grid.cursor, target.row < height, target.column < width {
            out += route(to: target.row, target.column, rewriting: false).0
            cursor = target
        }
        return out
    }

    /// The looks of a row and the style each cell is written with. A blank on which
    /// its style does not show takes the style of the text around it when both sides
    /// share one (the spaces between the words of a coloured line), and plain
    /// otherwise: either way it costs no style change.
    private mutating func prepare(row: Int, of grid: Grid) {
        looks.removeAll(keepingCapacity: true)
        writeStyles.removeAll(keepingCapacity: true)
        var left: CellStyle?
        var pending: [Int] = []
        for column in 0..<width {
            let cell = grid[row, column]
            if cell.isContinuation {
                looks.append(Look(text: "", width: 0, style: .plain))
                writeStyles.append(left ?? .plain)
                continue
            }
            let style = styles[Int(cell.role.rawValue)]
            if cell.text == " " && !style.showsOnBlank {
                looks.append(.blank)
                writeStyles.append(.plain)
                pending.append(column)
                continue
            }
            if let left, left == style {
                for p in pending { writeStyles[p] = style }
            }
            pending.removeAll(keepingCapacity: true)
            looks.append(Look(text: cell.text, width: cell.width, style: style))
            writeStyles.append(style)
            left = style
        }
    }

    private mutating func encode(row: Int) {
        let base = row * width
        var column = 0
        while column < width {
            let look = looks[column]
            if look.width == 0 || look == shown[base + column] {
                column += 1
                continue
            }
            if look == .blank, let after = erase(row: row, from: column) {
                column = after
                continue
            }
            // Writing the bottom-right cell (or a wide character ending there) scrolls
            // a terminal that wraps at once.
            if row == height - 1 && column + Int(look.width) >= width && !codes.writesLastCell { break }
            moveTo(row, column, then: writeStyles[column])
            out += styleChange(from: current, to: writeStyles[column])
            current = writeStyles[column]
            out += text(of: look)
            column += Int(look.width)
            cursor = column < width ? (row, column) : nil
        }
    }

    /// Erases the run of blanks from `column` with one code when that is shorter
    /// than writing the spaces; returns the column after the run, or nil.
    private mutating func erase(row: Int, from column: Int) -> Int? {
        var end = column
        while end < width && looks[end] == .blank { end += 1 }
        let count = end - column
        let toPlain = styleChange(from: current, to: .plain).count
        var code: [UInt8]?
        if end == width, let el = codes.clearToLineEnd, el.count + toPlain < count {
            code = el
        } else if let ech = codes.eraseCharacters?(count), !ech.isEmpty, ech.count + toPlain + 5 < count {
            // 5: about what the move past the erased run costs afterwards.
            code = ech
        }
        guard let code else { return nil }
        moveTo(row, column)
        out += styleChange(from: current, to: .plain)
        current = .plain
        out += code
        return end
    }

    /// What a cell's text is written as: the grid's width always, so no column
    /// shifts when the C library measures a character differently from the grid (a
    /// character it thinks narrow is followed by a space; anything else becomes
    /// U+FFFD, or "?" without UTF-8).
    private func text(of look: Look) -> [UInt8] {
        let bytes = look.text.utf8
        if bytes.count == 1, let byte = bytes.first, byte >= 0x20, byte < 0x7F, look.width == 1 {
            return [byte]
        }
        let width = Int(look.width)
        var characters = utf8 ? wideCharacters(look.text) : Self.asciiCharacters(look.text)
        var padding = 0
        let measured = characters.first.map { measure(UInt32(bitPattern: $0)) } ?? -1
        if measured == 1, width == 2 {
            characters = [characters[0]]
            padding = 1
        } else if measured != width {
            characters = [utf8 ? 0xFFFD : 0x3F]
            padding = width - 1
        }
        var result: [UInt8] = []
        for c in characters {
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: c)) else { continue }
            if utf8 {
                result += Array(String(scalar).utf8)
            } else {
                result.append(scalar.isASCII ? UInt8(scalar.value) : UInt8(ascii: "?"))
            }
        }
        return result + Array(repeating: UInt8(ascii: " "), count: padding)
    }

    private mutating func moveTo(_ row: Int, _ column: Int, then next: CellStyle = .plain) {
        let (bytes, style) = route(to: row, column, then: next)
        out += bytes
        current = style
        cursor = (row, column)
    }

    /// The shortest way from the known cursor to (row, column), and the style the
    /// terminal is left in: a terminfo move, or on the same row rewriting the
    /// unchanged cells in between when that is shorter.
    /// `next` is the style written at the target, so a rewrite that leaves the
    /// terminal in that style is credited with the change it saves.
    private func route(to row: Int, _ column: Int, then next: CellStyle = .plain, rewriting: Bool = true) -> ([UInt8], CellStyle?) {
        guard let (r, c) = cursor else { return (codes.moveTo(row, column), current) }
        if r == row && c == column { return ([], current) }
        var best = codes.moveTo(row, column)
        func consider(_ candidate: [UInt8]?) {
            if let candidate, !candidate.isEmpty, candidate.count < best.count { best = candidate }
        }
        if r == row {
            consider(horizontal(row: row, from: c, to: column))
            // `looks` holds this row only while the row is being encoded.
            if column > c && rewriting {
                var rewrite: [UInt8] = []
                var style = current
                for k in c..<column where looks[k].width > 0 {
                    rewrite += styleChange(from: style, to: writeStyles[k])
                    style = writeStyles[k]
                    rewrite += text(of: looks[k])
                    if rewrite.count >= best.count + 12 { break }
                }
                let moveCost = best.count + styleChange(from: current, to: next).count
                if rewrite.count + styleChange(from: style, to: next).count < moveCost { return (rewrite, style) }
            }
        } else {
            let across = c == column ? [] : horizontal(row: row, from: c, to: column)
            if c == column { consider(codes.toRow?(row)) }
            if row > r, let down = codes.lineFeed, down.count * (row - r) + across.count < best.count {
                consider(Array([[UInt8]](repeating: down, count: row - r).joined()) + across)
            }
        }
        return (best, current)
    }

    /// The shortest move along a row: to a column, a carriage return, forward.
    private func horizontal(row: Int, from c: Int, to column: Int) -> [UInt8] {
        var best = codes.toColumn?(column) ?? codes.moveTo(row, column)
        func consider(_ candidate: [UInt8]?) {
            if let candidate, !candidate.isEmpty, candidate.count < best.count { best = candidate }
        }
        if column == 0 { consider(codes.carriageReturn) }
        if column > c { consider(codes.forward?(column - c)) }
        if column == c - 1 { consider(codes.backspace) }
        if column > 0, let forward = codes.forward?(column) { consider(codes.carriageReturn + forward) }
        return best
    }

    /// The codes that change the terminal's style from `from` (nil: unknown) to `to`:
    /// one combined SGR sequence when the terminal's codes allow it.
    private func styleChange(from: CellStyle?, to style: CellStyle) -> [UInt8] {
        guard from != style else { return [] }
        let previous = from ?? .plain
        let reset = from == nil || !previous.attributes.isSubset(of: style.attributes)
            || (sgr == nil && (previous.foreground >= 0 && style.foreground < 0 || previous.background >= 0 && style.background < 0))
        if let sgr {
            // One sequence: from a reset, or from the present style when nothing
            // has to be turned off, whichever is shorter ("ESC [ m" beats "ESC [ 39 m").
            func sequence(from base: CellStyle, reset: Bool) -> [UInt8] {
                var parameters: [String] = reset ? ["0"] : []
                for (attribute, parameter) in sgr.attributes where style.attributes.contains(attribute) && !base.attributes.contains(attribute) {
                    parameters.append(parameter)
                }
                if style.foreground != base.foreground {
                    parameters.append(style.foreground < 0 ? "39" : sgr.foreground(Int(style.foreground)))
                }
                if style.background != base.background {
                    parameters.append(style.background < 0 ? "49" : sgr.background(Int(style.background)))
                }
                let text = parameters == ["0"] ? "" : parameters.joined(separator: ";")
                return Array("\u{1B}[\(text)m".utf8)
            }
            let fromReset = sequence(from: .plain, reset: true)
            guard !reset else { return fromReset }
            let incremental = sequence(from: previous, reset: false)
            return incremental.count < fromReset.count ? incremental : fromReset
        }
        let base = reset ? CellStyle.plain : previous
        var bytes = reset ? codes.reset : []
        let strings: [(Attributes, [UInt8]?)] = [(.bold, codes.bold), (.dim, codes.dim), (.underline, codes.underline), (.reverse, codes.reverse)]
        for (attribute, code) in strings where style.attributes.contains(attribute) && !base.attributes.contains(attribute) {
            bytes += code ?? []
        }
        if style.foreground >= 0 && style.foreground != base.foreground { bytes += codes.foreground?(Int(style.foreground)) ?? [] }
        if style.background >= 0 && style.background != base.background { bytes += codes.background?(Int(style.background)) ?? [] }
        return bytes
    }

    /// The cluster as wide characters for the terminal: the base character and the
    /// zero-width characters that follow it (at most 5 in all, as curses allows). A
    /// following character with a width of its own (the second emoji of a joined
    /// sequence) ends it, so a cell never holds more than the grid measured.
    private func wideCharacters(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars {
            let c = wchar_t(bitPattern: scalar.value)
            if result.isEmpty {
                result.append(c)
            } else {
                if measure(scalar.value) != 0 || result.count == 5 { break }
                result.append(c)
            }
        }
        if result.isEmpty { result = [0x20] }
        return result
    }

    /// For a codeset that is not UTF-8: ASCII as it is, anything else as "?".
    private static func asciiCharacters(_ text: String) -> [wchar_t] {
        guard let first = text.unicodeScalars.first else { return [0x20] }
        return [first.isASCII ? wchar_t(bitPattern: first.value) : 0x3F]
    }
}

/// The parameters of a terminal's SGR codes, when every one is `ESC [ n m`.
struct SGRParameters {
    let attributes: [(Attributes, String)]
    private let foregrounds: [String]
    private let backgrounds: [String]

    init?(_ codes: TerminalCodes) {
        var reset = codes.reset
        // A charset reset (ESC ( B) or shift-in in sgr0 does not matter here: the
        // explorer never switches character sets.
        if reset.starts(with: [0x1B, 0x28, 0x42]) { reset.removeFirst(3) }
        reset.removeAll { $0 == 0x0F }
        guard reset == Array("\u{1B}[m".utf8) || reset == Array("\u{1B}[0m".utf8) else { return nil }
        // Back to the default colours is SGR 39/49 only where the terminal says so.
        if let op = codes.defaultColors, op != Array("\u{1B}[39;49m".utf8) { return nil }
        var attributes: [(Attributes, String)] = []
        for (attribute, code) in [(Attributes.bold, codes.bold), (.dim, codes.dim), (.underline, codes.underline), (.reverse, codes.reverse)] {
            guard let code else { continue }
            guard let p = Self.parameter(code) else { return nil }
            attributes.append((attribute, p))
        }
        func table(_ make: ((Int) -> [UInt8])?) -> [String]? {
            guard let make else { return [] }
            var result: [String] = []
            for n in 0..<16 {
                guard let p = Self.parameter(make(n)) else { return nil }
                result.append(p)
            }
            return result
        }
        guard let foregrounds = table(codes.foreground), let backgrounds = table(codes.background) else { return nil }
        self.attributes = attributes
        self.foregrounds = foregrounds
        self.backgrounds = backgrounds
    }

    func foreground(_ n: Int) -> String { n < foregrounds.count ? foregrounds[n] : "39" }
    func background(_ n: Int) -> String { n < backgrounds.count ? backgrounds[n] : "49" }

    /// "1" for ESC [ 1 m; nil for anything else.
    static func parameter(_ code: [UInt8]) -> String? {
        guard code.count >= 3, code[0] == 0x1B, code[1] == UInt8(ascii: "["), code.last == UInt8(ascii: "m") else { return nil }
        let inner = code[2..<(code.count - 1)]
        guard !inner.isEmpty, inner.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ";") }) else { return nil }
        return String(decoding: inner, as: UTF8.self)
    }
}
