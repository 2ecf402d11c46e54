import ExplorerCore
@testable import NcursesBackend

/// A small terminal that understands what `FrameEncoder` writes with
/// `TerminalCodes.ansi`: cursor moves (CUP, HPA, VPA, CUF, CR, LF, BS), erases (ECH,
/// EL, ED), SGR and UTF-8 text. Anything else, and any write past the right edge,
/// is recorded as a problem, so a test fails on output a real terminal would garble.
struct ScreenEmulator {
    struct Cell: Equatable {
        var text = " "
        var style = CellStyle.plain
    }

    private(set) var width: Int
    private(set) var height: Int
    private(set) var cells: [Cell]
    private(set) var row = 0
    private(set) var column = 0
    private(set) var problems: [String] = []
    /// The style the next character would get (a frame should leave it plain).
    private(set) var style = CellStyle.plain
    /// Writing the bottom-right cell scrolls the screen (a terminal without xenl).
    var scrollsAtLastCell = false
    /// The last column was written: the next character would wrap.
    private var pendingWrap = false

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Cell(), count: width * height)
    }

    subscript(row: Int, column: Int) -> Cell { cells[row * width + column] }

    /// Terminal widths used by both the encoder and the emulator in tests.
    static func measure(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x300...0x36F, 0x200D, 0xFE0F: 0
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF: 2
        default: 1
        }
    }

    mutating func apply(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x1B:
                i = escape(bytes, at: i)
                continue
            case 13: column = 0; pendingWrap = false
            case 10:
                if row + 1 >= height { problems.append("line feed on the last row scrolls") } else { row += 1 }
                pendingWrap = false
            case 8: column = max(0, column - 1); pendingWrap = false
            default:
                var length = 1
                if b >= 0xF0 { length = 4 } else if b >= 0xE0 { length = 3 } else if b >= 0xC0 { length = 2 }
                let scalar = String(decoding: bytes[i..<min(bytes.count, i + length)], as: UTF8.self).unicodeScalars.first!
                put(scalar)
                i += length
                continue
            }
            i += 1
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        let w = Self.measure(scalar.value)
        if w == 0 {
            let at = pendingWrap ? column : max(0, column - 1)
            cells[row * width + at].text.unicodeScalars.append(scalar)
            return
        }
        if pendingWrap { problems.append("text wraps past the right edge at row \(row)") }
        if column + w > width { problems.append("wide character cut at the edge"); return }
        if scrollsAtLastCell && row == height - 1 && column + w >= width { problems.append("the bottom-right cell was written: the screen scrolls") }
        cells[row * width + column] = Cell(text: String(scalar), style: style)
        if w == 2 { cells[row * width + column + 1] = Cell(text: "", style: style) }
        if column + w >= width {
            column = width - 1
            pendingWrap = true
        } else {
            column += w
        }
    }

    private mutating func escape(_ bytes: [UInt8], at start: Int) -> Int {
        guard start + 1 < bytes.count else { problems.append("lone ESC"); return bytes.count }
        if bytes[start + 1] == UInt8(ascii: "(") { return start + 3 }
        guard bytes[start + 1] == UInt8(ascii: "[") else { problems.append("unknown escape"); return start + 2 }
        var i = start + 2
        var text = ""
        while i < bytes.count, (0x30...0x3F).contains(bytes[i]) {
            text.append(Character(Unicode.Scalar(bytes[i])))
            i += 1
        }
        guard i < bytes.count else { problems.append("cut CSI"); return i }
        let final = Character(Unicode.Scalar(bytes[i]))
        let numbers = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let n = numbers.first.flatMap { $0 } ?? 1
        pendingWrap = false
        switch final {
        case "H":
            row = (numbers.first.flatMap { $0 } ?? 1) - 1
            column = (numbers.count > 1 ? numbers[1] ?? 1 : 1) - 1
        case "G": column = n - 1
        case "d": row = n - 1
        case "C": column = min(width - 1, column + n)
        case "X":
            for c in column..<min(width, column + n) { cells[row * width + c] = Cell(style: CellStyle(background: style.background)) }
        case "K":
            for c in column..<width { cells[row * width + c] = Cell(style: CellStyle(background: style.background)) }
        case "J":
            if text == "2" { cells = Array(repeating: Cell(), count: width * height) } else { problems.append("ED \(text)") }
        case "m": sgr(numbers.map { $0 ?? 0 })
        default: problems.append("unknown CSI \(final)")
        }
        if row < 0 || row >= height || column < 0 || column >= width {
            problems.append("cursor outside the screen: \(row),\(column)")
            row = min(max(row, 0), height - 1)
            column = min(max(column, 0), width - 1)
        }
        return i + 1
    }

    private mutating func sgr(_ parameters: [Int]) {
        for p in parameters {
            switch p {
            case 0: style = .plain
            case 1: style.attributes.insert(.bold)
            case 2: style.attributes.insert(.dim)
            case 4: style.attributes.insert(.underline)
            case 7: style.attributes.insert(.reverse)
            case 30...37: style.foreground = Int16(p - 30)
            case 90...97: style.foreground = Int16(p - 90 + 8)
            case 39: style.foreground = -1
            case 40...47: style.background = Int16(p - 40)
            case 100...107: style.background = Int16(p - 100 + 8)
            case 49: style.background = -1
            default: problems.append("unknown SGR \(p)")
            }
        }
    }
}
