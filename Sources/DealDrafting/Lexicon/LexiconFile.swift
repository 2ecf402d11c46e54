/// One lexicon file read into lines: `# comments` and blank lines dropped, each line
/// with its `[section]` and its number.
struct LexiconFile {
    struct Line {
        let section: String?
        let number: Int
        let text: String
    }

    let path: String
    let lines: [Line]

    init(path: String, bytes: [UInt8]) throws(LexiconError) {
        self.path = path
        guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self) else {
            throw LexiconError(file: path, line: 0, message: "the file is not UTF-8 text", fix: "save it as UTF-8")
        }
        var out: [Line] = []
        var section: String?
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = ArticleHeader.trim(String(line))
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    throw LexiconError(file: path, line: number, message: "a section header must be written [name]", fix: "close the bracket: \(trimmed)]")
                }
                section = ArticleHeader.trim(String(trimmed.dropFirst().dropLast())).lowercased()
                continue
            }
            out.append(Line(section: section, number: number, text: trimmed))
        }
        lines = out
    }

    func error(_ line: Line, _ message: String, fix: String) -> LexiconError {
        LexiconError(file: path, line: line.number, message: message, fix: fix)
    }

    /// `a | b | c` as trimmed, non-empty parts.
    static func alternatives(_ s: some StringProtocol) -> [String] {
        s.split(separator: "|").map { ArticleHeader.trim(String($0)) }.filter { !$0.isEmpty }
    }

    /// Splits `head<sep>rest` at the first separator.
    static func split(_ s: String, at separator: String) -> (String, String)? {
        guard let r = s.firstRange(of: separator) else { return nil }
        return (ArticleHeader.trim(String(s[..<r.lowerBound])), ArticleHeader.trim(String(s[r.upperBound...])))
    }
}
