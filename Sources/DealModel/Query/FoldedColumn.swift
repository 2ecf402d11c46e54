/// The folded search text of many records in one buffer (see `FoldedText`).
struct FoldedColumn: Sendable {
    private(set) var column = StringColumn()

    init() {}

    init(column: StringColumn) { self.column = column }

    mutating func append(_ parts: String...) { append(parts) }

    mutating func append(_ parts: [String]) {
        let folded = FoldedText(whole: parts.joined(separator: "\n"))
        folded.bytes.withUnsafeBufferPointer { column.append(bytes: $0) }
    }

    func contains(_ i: Int, _ needle: FoldedText) -> Bool {
        column.withBytes(i) { FoldedText.find(needle.bytes, in: $0) }
    }

}
