/// Writes JSON with a fixed key order and two-space indentation, so output is stable
/// for scripts and diffs. Control and bidirectional characters are escaped, never
/// written raw. The listings (`--json`) and the dataset writer both write with it.
public indirect enum JSONOut: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONOut])
    case object([(String, JSONOut)])
    /// Bytes written already at this place and indentation (a record an edit did not
    /// change, kept as it was last written).
    case raw([UInt8])

    public static func optional(_ s: String?) -> JSONOut { s.map(JSONOut.string) ?? .null }

    public func render(indent: Int = 0, pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: indent, pretty: pretty)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes: a million records' worth of small appends to a String
    /// took most of an export's time.
    func write(into out: inout [UInt8], indent: Int, pretty: Bool) {
        func put(_ s: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        func pad(_ level: Int) {
            guard pretty else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
        switch self {
        case .null: put("null")
        case .bool(let b): if b { put("true") } else { put("false") }
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let d):
            out.append(contentsOf: (d == d.rounded() && abs(d) < 9e15 ? String(Int(d)) : String(d)).utf8)
        case .string(let s): Self.escape(s, into: &out)
        case .raw(let bytes): out.append(contentsOf: bytes)
        case .array(let items):
            if items.isEmpty { put("[]"); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                pad(indent + 1)
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            pad(indent)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { put("{}"); return }
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                pad(indent + 1)
                Self.escape(key, into: &out)
                if pretty { put(": ") } else { out.append(0x3A) }
                value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            pad(indent)
            out.append(0x7D)
        }
    }

    public static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string: plain ASCII as it is, quotes, backslashes, controls (C0, DEL, C1),
    /// bidi controls and line and paragraph separators escaped.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            if !b.contains(where: { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C }) {
                out.append(contentsOf: b)
                return
            }
            for scalar in String(decoding: b, as: UTF8.self).unicodeScalars {
                switch scalar {
                case "\"": out += [0x5C, 0x22]
                case "\\": out += [0x5C, 0x5C]
                case "\n": out += [0x5C, 0x6E]
                case "\r": out += [0x5C, 0x72]
                case "\t": out += [0x5C, 0x74]
                default:
                    let v = scalar.value
                    if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x061C || (0x200E...0x200F).contains(v)
                        || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 {
                        let hex = String(v, radix: 16)
                        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    } else {
                        UTF8.encode(scalar) { out.append($0) }
                    }
                }
            }
        }
        out.append(0x22)
    }
}
