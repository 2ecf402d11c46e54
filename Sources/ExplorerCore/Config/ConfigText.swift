/// The part of TOML a config file needs, read with the line of every value so
/// that each problem names its line: `# comments`, `[table]` and `[dotted.table]`
/// headers, `key = value` with bare or quoted keys, and values that are strings
/// ("…" with escapes, or '…'), integers, or arrays of those (across lines too).
/// Anything else of TOML (inline tables, floats, dates) is refused with its line.
/// Hand-written rather than TOMLKit, which compiles a C++ library (a minute more of
/// building on two cores) and gives no line for a value, only for a syntax error.
struct ConfigText {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case array([Value])
    }

    struct Entry: Equatable {
        /// The table the key is in ("" at the top, "keys.normal").
        let table: String
        let key: String
        let value: Value
        let line: Int
    }

    /// Where each table's header is.
    private(set) var tables: [(name: String, line: Int)] = []
    private(set) var entries: [Entry] = []

    struct SyntaxError: Error, Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    init(_ text: String) throws(SyntaxError) {
        var reader = Reader(Array(text.unicodeScalars))
        var table = ""
        var seen = Set<String>()
        var tableSeen: [String: Int] = [:]
        while true {
            reader.skipBlank()
            guard let c = reader.peek else { break }
            let line = reader.line
            if c == "[" {
                reader.next()
                reader.skipSpaces()
                let name = try reader.dottedKey()
                reader.skipSpaces()
                guard reader.peek == "]" else { throw reader.error("expected ] to close the table name") }
                reader.next()
                if let first = tableSeen[name] { throw SyntaxError(line: line, column: 1, message: "table [\(name)] is given twice (first on line \(first)); put its keys under one header") }
                tableSeen[name] = line
                table = name
                tables.append((name, line))
            } else {
                let key = try reader.key()
                reader.skipSpaces()
                guard reader.peek == "=" else { throw reader.error("expected = after the key \"\(key)\"") }
                reader.next()
                reader.skipSpaces()
                let value = try reader.value()
                let full = table + "\u{0}" + key
                if !seen.insert(full).inserted {
                    throw SyntaxError(line: line, column: 1, message: "\"\(key)\" is given twice in \(table.isEmpty ? "the top of the file" : "[\(table)]")")
                }
                entries.append(Entry(table: table, key: key, value: value, line: line))
            }
            reader.skipSpaces()
            reader.skipComment()
            guard reader.peek == nil || reader.peek == "\n" || reader.peek == "\r" else { throw reader.error("unexpected text after the value; one key = value per line") }
        }
    }

    /// A cursor over the text with its line and column.
    private struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        var lineStart = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

        mutating func next() {
            if s[i] == "\n" { line += 1; lineStart = i + 1 }
            i += 1
        }

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: i - lineStart + 1, message: message) }

        mutating func skipSpaces() { while peek == " " || peek == "\t" { next() } }

        mutating func skipComment() {
            if peek == "#" { while let c = peek, c != "\n" { next() } }
        }

        /// Spaces, comments and line ends between statements (and inside arrays).
        mutating func skipBlank() {
            while let c = peek {
                if c == " " || c == "\t" || c == "\n" || c == "\r" { next() } else if c == "#" { skipComment() } else { break }
            }
        }

        static func isBare(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_"
        }

        mutating func key() throws(SyntaxError) -> String {
            if peek == "\"" || peek == "'" { return try string() }
            var out = ""
            while let c = peek, Self.isBare(c) { out.unicodeScalars.append(c); next() }
            guard !out.isEmpty else { throw error("expected a key (letters, digits, - and _) or a [table]") }
            return out
        }

        mutating func dottedKey() throws(SyntaxError) -> String {
            var parts = [try key()]
            while true {
                skipSpaces()
                guard peek == "." else { break }
                next()
                skipSpaces()
                parts.append(try key())
            }
            return parts.joined(separator: ".")
        }

        mutating func value() throws(SyntaxError) -> Value {
            guard let c = peek else { throw error("expected a value after =") }
            if c == "\"" || c == "'" { return .string(try string()) }
            if c == "[" {
                next()
                var items: [Value] = []
                while true {
                    skipBlank()
                    if peek == "]" { next(); return .array(items) }
                    items.append(try value())
                    skipBlank()
                    if peek == "," { next(); continue }
                    guard peek == "]" else { throw error("expected , or ] in the list") }
                }
            }
            if c == "-" || c == "+" || (c >= "0" && c <= "9") {
                var text = ""
                while let d = peek, d == "-" || d == "+" || d == "_" || (d >= "0" && d <= "9") { text.unicodeScalars.append(d); next() }
                guard let n = Int(text.filter { $0 != "_" }) else { throw error("\"\(text)\" is not a whole number") }
                return .integer(n)
            }
            throw error("a value here is a \"string\", a whole number or a [list]; other TOML values are not used by dealscope")
        }

        mutating func string() throws(SyntaxError) -> String {
            let quote = peek!
            next()
            var out = String.UnicodeScalarView()
            while let c = peek {
                if c == "\n" { break }
                next()
                if c == quote { return String(out) }
                if c == "\\" && quote == "\"" {
                    guard let e = peek else { break }
                    next()
                    switch e {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "u", "U":
                        var hex = ""
                        for _ in 0..<(e == "u" ? 4 : 8) { if let h = peek { hex.unicodeScalars.append(h); next() } }
                        guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { throw error("bad escape \\\(e)\(hex)") }
                        out.append(scalar)
                    default: throw error("unknown escape \\\(e) in a string; write \\\\ for a backslash")
                    }
                } else {
                    out.append(c)
                }
            }
            throw error("the string is not closed on its line: end it with \(quote)")
        }
    }
}
