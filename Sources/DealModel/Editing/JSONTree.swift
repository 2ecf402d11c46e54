/// A JSON value as plain data, without positions: what an editable dataset holds and
/// an edit carries. Objects keep their members in order; a record's keys are put in
/// the order of its field declaration when written (`DatasetLayout`).
public indirect enum JSONTree: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([Member])

    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONTree

        public init(_ key: String, _ value: JSONTree) {
            self.key = key
            self.value = value
        }
    }

    public init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONTree.init))
        case .object(let members): self = .object(members.map { Member($0.key, JSONTree($0.value)) })
        }
    }

    /// Parses UTF-8 JSON (the strict parser of the loader).
    public static func parse(_ bytes: [UInt8]) throws(JSONParser.SyntaxError) -> JSONTree {
        JSONTree(try JSONParser.parse(bytes))
    }

    /// One line of a journal, or nil when it is not JSON (cut short by a crash).
    static func parseLine(_ bytes: [UInt8]) -> JSONTree? { try? parse(bytes) }

    public subscript(key: String) -> JSONTree? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.key == key }?.value
        }
        set {
            guard case .object(var members) = self else { return }
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(Member(key, newValue))
            }
            self = .object(members)
        }
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var items: [JSONTree]? { if case .array(let a) = self { a } else { nil } }

    /// The value as JSON, with keys in `order` (nested objects by their own key's
    /// order), two-space indentation when pretty.
    func out(_ order: DatasetLayout.Order = .asGiven) -> JSONOut {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map { $0.out(order) })
        case .object(let members):
            .object(order.sorted(members).map { ($0.key, $0.value.out(order.inside($0.key))) })
        }
    }

    /// The value with every object's keys in the order of its declaration, so that
    /// records compare equal however their file ordered them.
    func canonical(_ order: DatasetLayout.Order) -> JSONTree {
        switch self {
        case .array(let items): .array(items.map { $0.canonical(order) })
        case .object(let members): .object(order.sorted(members).map { Member($0.key, $0.value.canonical(order.inside($0.key))) })
        default: self
        }
    }

    /// One line of compact JSON (the journal's lines).
    public var compact: String { out().render(pretty: false) }
}
