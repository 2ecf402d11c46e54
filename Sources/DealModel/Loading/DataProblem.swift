/// One thing wrong with the input, said so a person can find it and fix it:
/// where (file, line, column), which record, what is wrong, and what to do.
public struct DataProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let location: SourceLocation
    /// Such as `deal "msft-openai-licence"`; nil for file-level problems.
    public let record: String?
    public let message: String
    public let fix: String?

    public init(_ location: SourceLocation, record: String? = nil, _ message: String, fix: String? = nil) {
        self.location = location
        self.record = record
        self.message = message
        self.fix = fix
    }

    /// As printed: every part bounded (`printedLimit` characters), whatever the data
    /// put in it.
    public var description: String {
        var s = location.description + ": "
        if let record { s += Self.bounded(record) + ": " }
        s += Self.bounded(message)
        if let fix { s += "\n  fix: " + Self.bounded(fix) }
        return s
    }

    static let printedLimit = 1000

    private static func bounded(_ s: String) -> String {
        s.utf8.count <= printedLimit ? s : ProblemMessages.abbreviate(s, limit: printedLimit)
    }
}

/// Loading failed; every problem found is listed, in file order.
public struct DataLoadError: Error, Sendable, CustomStringConvertible {
    public let problems: [DataProblem]
    /// Whether every problem was looked for (a load stops at the first it finds).
    public let complete: Bool

    public init(problems: [DataProblem], complete: Bool = true) {
        self.problems = problems
        self.complete = complete
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while decoding and checking, so that `validate` can list them all.
final class ProblemLog {
    private(set) var problems: [DataProblem] = []
    /// Ids of records refused for problems of their own; references to them are not
    /// reported again.
    var refusedIDs = Set<String>()

    func add(_ problem: DataProblem) { problems.append(problem) }

    func add(_ location: SourceLocation, record: String? = nil, _ message: String, fix: String? = nil) {
        problems.append(DataProblem(location, record: record, message, fix: fix))
    }

    var isEmpty: Bool { problems.isEmpty }
}
