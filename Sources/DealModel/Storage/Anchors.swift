/// Where one quote sits: a document (by position in the catalog) and a byte range.
struct Anchor: Sendable, Equatable {
    var document: UInt32
    var start: UInt32
    var end: UInt32
}

/// The located quotes of many records, record after record: 12 bytes a quote.
struct AnchorLists: Sendable {
    private(set) var starts: [UInt32] = [0]
    private(set) var anchors: [Anchor] = []

    init() {}

    init(starts: [UInt32], anchors: [Anchor]) {
        self.starts = starts
        self.anchors = anchors
    }

    mutating func append(_ evidence: [Evidence], documents: [ObjectIdentifier: Int]) {
        for e in evidence {
            anchors.append(Anchor(document: UInt32(documents[ObjectIdentifier(e.document)] ?? 0),
                                  start: UInt32(e.utf8Range.lowerBound), end: UInt32(e.utf8Range.upperBound)))
        }
        starts.append(UInt32(anchors.count))
    }

    func range(_ i: Int) -> Range<Int> { Int(starts[i])..<Int(starts[i + 1]) }

    func evidence(_ i: Int, documents: [SourceDocument]) -> [Evidence] {
        range(i).map { k in
            let a = anchors[k]
            return Evidence(document: documents[Int(a.document)], utf8Range: Int(a.start)..<Int(a.end))
        }
    }

}

/// Where records were written: file, line and column, 12 bytes a record; the places
/// of further definitions of records defined in several datasets, by record.
struct OriginColumn: Sendable {
    var files: [String] = []
    private(set) var file: [UInt32] = []
    private(set) var line: [UInt32] = []
    private(set) var column: [UInt32] = []
    var more: [Int: [SourceLocation]] = [:]

    init() {}

    init(files: [String], file: [UInt32], line: [UInt32], column: [UInt32], more: [Int: [SourceLocation]] = [:]) {
        self.files = files
        self.file = file
        self.line = line
        self.column = column
        self.more = more
    }

    /// Every record from one file.
    init(file name: String, lines: [UInt32], columns: [UInt32]) {
        files = [name]
        file = [UInt32](repeating: 0, count: lines.count)
        line = lines
        column = columns
    }

    /// Appends a record's places, the first first.
    mutating func append(_ places: [SourceLocation]) {
        if places.count > 1 { more[file.count] = Array(places.dropFirst()) }
        append(places.first ?? .unknown)
    }

    mutating func append(_ o: SourceLocation) {
        let f: Int
        if let k = files.lastIndex(of: o.file) { f = k } else { files.append(o.file); f = files.count - 1 }
        file.append(UInt32(f))
        line.append(UInt32(clamping: o.line))
        column.append(UInt32(clamping: o.column))
    }

    subscript(i: Int) -> SourceLocation {
        SourceLocation(file: files[Int(file[i])], line: Int(line[i]), column: Int(column[i]))
    }

    /// Every place record `i` is defined, the first first.
    func all(_ i: Int) -> [SourceLocation] { [self[i]] + (more[i] ?? []) }
}
