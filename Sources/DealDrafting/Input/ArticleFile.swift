import DealModel

/// Why an article file cannot be drafted, with the fix.
public struct ArticleError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public let fix: String
    public var description: String { "\(path): \(message)\n  fix: \(fix)" }
}

extension Article {
    /// Reads an article file: UTF-8 text (a byte order mark is dropped). A missing,
    /// empty, binary or non-UTF-8 file is refused with the reason and the fix, before
    /// anything is drafted.
    public static func read(path: String, published: DraftDate? = nil) throws(ArticleError) -> Article {
        let bytes: [UInt8]
        switch Files.read(path) {
        case .success(let b): bytes = b
        case .failure(let f):
            throw ArticleError(path: path, message: "cannot read the article: \(f.message)",
                               fix: f == .isDirectory ? "give the article files inside it" : "check the path and its permissions")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ArticleError(path: path, message: "the article is empty", fix: "give a text file that holds the article")
        }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw ArticleError(path: path, message: "the article is UTF-16 text, not UTF-8",
                               fix: "convert it, for example with: iconv -f UTF-16 -t UTF-8 \(path)")
        }
        if let order = utf16WithoutMark(body) {
            throw ArticleError(path: path, message: "the article looks like UTF-16 text (\(order), without a byte order mark), not UTF-8",
                               fix: "convert it, for example with: iconv -f UTF-16\(order) -t UTF-8 \(path)")
        }
        if let nul = body.firstIndex(of: 0) {
            throw ArticleError(path: path, message: "this is a binary file, not text (a NUL byte at offset \(nul))",
                               fix: "give the article as plain UTF-8 text")
        }
        if let bad = invalidUTF8Offset(body) {
            let line = body[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw ArticleError(path: path, message: "line \(line): the text is not UTF-8 (byte 0x\(String(body[bad], radix: 16, uppercase: true)) at offset \(bad))",
                               fix: "convert it to UTF-8, for example with: iconv -f WINDOWS-1252 -t UTF-8 \(path)")
        }
        return Article(text: String(decoding: body, as: UTF8.self), path: path, published: published)
    }

    /// "LE" or "BE" when the text reads as UTF-16 without a byte order mark: in its
    /// first 4 KB most characters are ASCII with a NUL beside them, always on the same
    /// side (a binary file has NULs anywhere).
    private static func utf16WithoutMark(_ bytes: [UInt8]) -> String? {
        let pairs = min(bytes.count, 4096) / 2
        guard pairs >= 2 else { return nil }
        var high = 0, low = 0
        for k in 0..<pairs {
            let a = bytes[2 * k], b = bytes[2 * k + 1]
            if a == 0 && b == 0 { return nil }
            if b == 0 && a != 0 { low += 1 }
            if a == 0 && b != 0 { high += 1 }
        }
        if low * 10 >= pairs * 7 && high == 0 { return "LE" }
        if high * 10 >= pairs * 7 && low == 0 { return "BE" }
        return nil
    }

    private static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
