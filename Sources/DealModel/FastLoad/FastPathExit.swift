/// Thrown by the fast loader as soon as the input is anything other than plain, valid
/// data: the careful loader then reads the file again and explains the problem.
struct FastPathExit: Error, CustomStringConvertible {
    let reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}
