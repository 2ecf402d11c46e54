/// A parsed JSON value that remembers where it started in its file, so that every
/// problem found while decoding it can name a line and column.
public struct JSONNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    public struct Member: Sendable {
        public let key: String
        public let keyOffset: Int
        public let value: JSONNode
    }

    public let value: Value
    /// Byte offset of the value's first byte in the source.
    public let offset: Int

    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
