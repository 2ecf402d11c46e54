/// One terminal cell: a grapheme cluster and its role. A wide character lives in
/// its first cell (width 2); the cell after it is a continuation (width 0, empty).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role
    public var width: UInt8

    public init(text: String, role: Role, width: UInt8) {
        self.text = text
        self.role = role
        self.width = width
    }

    public static let blank = Cell(text: " ", role: .normal, width: 1)

    public var isContinuation: Bool { width == 0 }
}
