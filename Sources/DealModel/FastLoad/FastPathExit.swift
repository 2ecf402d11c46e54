/// Thrown by the fast loader as soon as the input is anything other than plain, valid
/// data: the careful loader then reads the file again and explains the problem.
struct FastPathExit: Error, CustomStringConvertible {
    let reason: String
    /// When not empty, the load ends with these problems and the careful loader
    /// does not run.
    var problems: [DataProblem] = []
    init(_ reason: String, problems: [DataProblem] = []) {
        self.reason = reason
        self.problems = problems
    }
    var description: String { reason }
}
