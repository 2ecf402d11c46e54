/// Reads the members of one JSON object, reporting every wrong type, missing field,
/// duplicate key and unknown key with its line and column.
struct ObjectReader {
    let node: JSONNode
    let members: [JSONNode.Member]
    let lines: LineMap
    let log: ProblemLog
    /// Names the record in messages, such as `deal "x"`.
    let record: String?

    init?(_ node: JSONNode, lines: LineMap, log: ProblemLog, record: String?, what: String) {
        guard case .object(let members) = node.value else {
            log.add(lines.location(node.offset), record: record, "expected \(what) (a JSON object), found \(node.typeName)")
            return nil
        }
        self.node = node
        self.members = members
        self.lines = lines
        self.log = log
        self.record = record
    }

    var location: SourceLocation { lines.location(node.offset) }

    func location(of node: JSONNode) -> SourceLocation { lines.location(node.offset) }

    func problem(_ node: JSONNode, _ message: String, fix: String? = nil) {
        log.add(lines.location(node.offset), record: record, message, fix: fix)
    }

    /// Reports keys that are not allowed (with the closest allowed one) and keys given twice.
    func checkKeys(allowed: [String]) {
        checkKeys(isAllowed: allowed.contains, allowed: allowed)
    }

    /// The same, the allowed keys listed only when one is not.
    func checkKeys(isAllowed: (String) -> Bool, allowed: @autoclosure () -> [String]) {
        var seen: [String: Int] = [:]
        for m in members {
            if let first = seen[m.key] {
                let at = lines.location(first)
                log.add(lines.location(m.keyOffset), record: record, "the key \"\(m.key)\" is given twice (first at line \(at.line), column \(at.column))", fix: "keep one of them")
            } else {
                seen[m.key] = m.keyOffset
            }
            if !isAllowed(m.key) {
                let allowed = allowed()
                var fix = "allowed keys are: " + allowed.joined(separator: ", ")
                if let near = Suggest.closest(to: m.key, among: allowed) { fix = "did you mean \"\(near)\"? " + fix }
                log.add(lines.location(m.keyOffset), record: record, "unknown key \"\(m.key)\"", fix: fix)
            }
        }
    }

    func value(_ key: String) -> JSONNode? {
        members.first { $0.key == key }?.value
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let v = value(key) else {
            if required { log.add(location, record: record, "the field \"\(key)\" is missing", fix: "add \"\(key)\": \"…\"") }
            return nil
        }
        switch v.value {
        case .string(let s):
            if required && s.trimmingCharacters(in: " \t\n").isEmpty {
                problem(v, "the field \"\(key)\" is empty")
                return nil
            }
            return s
        case .null where !required: return nil
        default:
            problem(v, "the field \"\(key)\" must be a string, found \(v.typeName)")
            return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        switch v.value {
        case .bool(let b): return b
        case .null: return nil
        default:
            problem(v, "the field \"\(key)\" must be true or false, found \(v.typeName)")
            return nil
        }
    }

    func array(_ key: String, required: Bool = false) -> [JSONNode]? {
        guard let v = value(key) else {
            if required { log.add(location, record: record, "the field \"\(key)\" is missing", fix: "add \"\(key)\": [ … ]") }
            return nil
        }
        switch v.value {
        case .array(let items): return items
        case .null where !required: return nil
        default:
            problem(v, "the field \"\(key)\" must be an array, found \(v.typeName)")
            return nil
        }
    }

    func stringArray(_ key: String) -> [String] {
        guard let items = array(key) else { return [] }
        return items.compactMap { item in
            if case .string(let s) = item.value { return s }
            problem(item, "every entry of \"\(key)\" must be a string, found \(item.typeName)")
            return nil
        }
    }

    func references(_ key: String) -> [Reference] {
        guard let items = array(key) else { return [] }
        return items.compactMap { item in
            if case .string(let s) = item.value { return Reference(id: s, origin: location(of: item)) }
            problem(item, "every entry of \"\(key)\" must be an id (a string), found \(item.typeName)")
            return nil
        }
    }

    /// Reads an id field and checks its spelling.
    func id(_ key: String = "id") -> String? {
        guard let s = string(key, required: true) else { return nil }
        if !IDSyntax.isValid(s) {
            problem(value(key)!, "\"\(s)\" is not a valid id", fix: "use lower-case letters, digits and '-', such as \"\(IDSyntax.suggest(s))\"")
        }
        return s
    }

    func date(_ key: String) -> PartialDate? {
        guard let v = value(key) else { return nil }
        return DateReading.read(v, field: key, reader: self)
    }
}

enum IDSyntax {
    static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isLower(first) || isDigit(first) else { return false }
        return s.unicodeScalars.allSatisfy { isLower($0) || isDigit($0) || $0 == "-" }
    }

    static func isValid(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, first != 0x2D else { return false }
        return b.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    static func suggest(_ s: String) -> String {
        var out = ""
        for c in s.lowercased().unicodeScalars {
            if isLower(c) || isDigit(c) { out.unicodeScalars.append(c) } else if out.last != "-" && !out.isEmpty { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "my-id" : out
    }

    private static func isLower(_ c: Unicode.Scalar) -> Bool { c >= "a" && c <= "z" }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
}

enum DateReading {
    static let examples = "\"2023\", \"2024-H2\", \"2024-Q3\", \"2025-10\" or \"2025-10-03\""

    static func read(_ v: JSONNode, field: String, reader: ObjectReader) -> PartialDate? {
        let text: String
        var approximate = false
        var at = v
        switch v.value {
        case .null: return nil
        case .string(let s): text = s
        case .object:
            guard let inner = ObjectReader(v, lines: reader.lines, log: reader.log, record: reader.record, what: "a date") else { return nil }
            inner.checkKeys(allowed: DateField.allCases.map(\.rawValue))
            guard let s = inner.string(DateField.value.rawValue, required: true) else { return nil }
            text = s
            at = inner.value(DateField.value.rawValue)!
            approximate = inner.bool(DateField.approximate.rawValue) ?? false
        default:
            reader.problem(v, "the field \"\(field)\" must be a date such as \(examples), found \(v.typeName)")
            return nil
        }
        switch PartialDate.parse(written: text, approximate: approximate) {
        case .success(let d): return d
        case .failure(let e):
            reader.problem(at, "invalid date in \"\(field)\": \(e)", fix: "write the date only as precisely as the document gives it: \(examples)")
            return nil
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> Substring {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return s
    }
}
