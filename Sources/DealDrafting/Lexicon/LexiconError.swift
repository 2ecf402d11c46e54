/// A lexicon file that cannot be read as written: where, what, and how to fix it.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based; 0 when the problem is the file itself.
    public let line: Int
    public let message: String
    public let fix: String

    public var description: String {
        (line > 0 ? "\(file):\(line): " : "\(file): ") + message + "\n  fix: " + fix
    }
}
