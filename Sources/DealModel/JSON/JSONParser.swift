/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports the byte offset of
/// the first problem and what it expected there. It keeps the position of every value.
public struct JSONParser {
    public struct SyntaxError: Error, Sendable {
        public let offset: Int
        public let message: String
    }

    /// Deeper nesting than this is refused rather than risking the stack.
    public static let maximumDepth = 200

    private let bytes: [UInt8]
    private var index: Int
    private var depth = 0

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        if parser.index >= bytes.count {
            throw SyntaxError(offset: parser.index, message: "expected a JSON value, found the end of the file")
        }
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw SyntaxError(offset: parser.index, message: "expected the end of the file after the top-level value, found \(parser.describeByte())")
        }
        return node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is tolerated at the very start.
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func describeByte() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x00 { return "a NUL byte" }
        if b < 0x20 || b == 0x7F { return "control byte 0x\(String(b, radix: 16, uppercase: true))" }
        if b == 0x20 { return "a space" }
        // Decode the whole character for the message.
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        let start = index
        guard index < bytes.count else {
            throw SyntaxError(offset: index, message: "expected a value, found the end of the file")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), offset: start)
        default:
            throw SyntaxError(offset: index, message: "expected a value (object, array, string, number, true, false or null), found \(describeByte())")
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(SyntaxError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let ok = word.withUTF8Buffer { literal in
            guard start + count <= bytes.count else { return false }
            for k in 0..<count where bytes[start + k] != literal[k] { return false }
            return true
        }
        guard ok else {
            throw SyntaxError(offset: start, message: "expected a value (object, array, string, number, true, false or null), found \(describeByte())")
        }
        index += count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw SyntaxError(offset: index, message: "nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONNode(value: .object(members), offset: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw SyntaxError(offset: index, message: "expected a member name in double quotes, found \(describeByte())")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw SyntaxError(offset: index, message: "expected ':' after the member name \"\(key)\", found \(describeByte())")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw SyntaxError(offset: index, message: "expected ',' or '}' to continue the object that starts at byte \(start), found the end of the file")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return JSONNode(value: .object(members), offset: start)
            }
            throw SyntaxError(offset: index, message: "expected ',' or '}' after an object member, found \(describeByte())")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return JSONNode(value: .array(elements), offset: start)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw SyntaxError(offset: index, message: "expected ',' or ']' to continue the array, found the end of the file")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return JSONNode(value: .array(elements), offset: start)
            }
            throw SyntaxError(offset: index, message: "expected ',' or ']' after an array element, found \(describeByte())")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        var out = ""
        func flush(_ end: Int, into out: inout String) {
            if end > runStart { out += String(decoding: bytes[runStart..<end], as: UTF8.self) }
        }
        while true {
            guard index < bytes.count else {
                throw SyntaxError(offset: index, message: "expected '\"' to close the string, found the end of the file")
            }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                flush(index, into: &out)
                index += 1
                return out
            }
            if b < 0x20 {
                throw SyntaxError(offset: index, message: "a string may not contain control byte 0x\(String(b, radix: 16, uppercase: true)) (write it as \\u00\(b < 16 ? "0" : "")\(String(b, radix: 16, uppercase: true)))")
            }
            if b != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            flush(index, into: &out)
            let escapeStart = index
            index += 1
            guard index < bytes.count else {
                throw SyntaxError(offset: index, message: "expected an escape character after '\\', found the end of the file")
            }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out += "\""
            case UInt8(ascii: "\\"): out += "\\"
            case UInt8(ascii: "/"): out += "/"
            case UInt8(ascii: "b"): out += "\u{08}"
            case UInt8(ascii: "f"): out += "\u{0C}"
            case UInt8(ascii: "n"): out += "\n"
            case UInt8(ascii: "r"): out += "\r"
            case UInt8(ascii: "t"): out += "\t"
            case UInt8(ascii: "u"):
                var code = try parseHex4(escapeStart)
                if (0xD800...0xDBFF).contains(code) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4(escapeStart)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw SyntaxError(offset: escapeStart, message: "expected a low surrogate (\\uDC00–\\uDFFF) after the high surrogate \\u\(String(code, radix: 16, uppercase: true))")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        throw SyntaxError(offset: escapeStart, message: "a lone surrogate \\u\(String(code, radix: 16, uppercase: true)) is not a character")
                    }
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw SyntaxError(offset: escapeStart, message: "a lone surrogate \\u\(String(code, radix: 16, uppercase: true)) is not a character")
                }
                scalars.removeAll(keepingCapacity: true)
                scalars.append(Unicode.Scalar(code)!)
                out += String(scalars)
            default:
                index -= 1
                throw SyntaxError(offset: escapeStart, message: "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found '\\\(describeByte().trimmingQuotes)'")
            }
            runStart = index
        }
    }

    private mutating func parseHex4(_ escapeStart: Int) throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw SyntaxError(offset: escapeStart, message: "expected four hexadecimal digits after \\u")
        }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[index + k]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default:
                throw SyntaxError(offset: escapeStart, message: "expected four hexadecimal digits after \\u")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = index
        func digits(_ p: inout Self) -> Int {
            let s = p.index
            while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) { p.index += 1 }
            return p.index - s
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        let intDigits = digits(&self)
        if intDigits == 0 {
            throw SyntaxError(offset: index, message: "expected a digit in the number, found \(describeByte())")
        }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") {
            throw SyntaxError(offset: intStart, message: "a number may not start with a leading zero")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 {
                throw SyntaxError(offset: index, message: "expected a digit after the decimal point, found \(describeByte())")
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits(&self) == 0 {
                throw SyntaxError(offset: index, message: "expected a digit in the exponent, found \(describeByte())")
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw SyntaxError(offset: start, message: "the number \(text.prefix(40)) is out of range")
        }
        return value
    }
}

private extension String {
    var trimmingQuotes: Substring {
        var s = Substring(self)
        if s.first == "'" { s = s.dropFirst() }
        if s.last == "'" { s = s.dropLast() }
        return s
    }
}
