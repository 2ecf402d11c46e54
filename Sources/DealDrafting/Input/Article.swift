/// One article to draft: its whole text and what is known of where it came from.
///
/// A file may begin with header lines, one field each, ended by a blank line:
///
///     Title: Amazon invests in Anthropic
///     Publisher: The Ledger
///     URL: https://example.com/amazon-anthropic
///     Published: 2024-03-27
///
/// Keys are `Title`, `Publisher`, `URL` and `Published` (or `Date`), in any order and
/// letter case; `Published` takes `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a written date
/// ("March 27, 2024"). The block is a header only when every line of it is one of these;
/// otherwise the whole file is the article. The text is drafted from after the header;
/// quotes are located in the whole file, which is the dataset's document.
public struct Article: Sendable {
    /// The whole file, header included.
    public let text: String
    /// The file, as given; its name makes the document id.
    public let path: String?
    public let title: String?
    public let publisher: String?
    public let url: String?
    /// The publication date given by the caller (`--published`), which overrides the
    /// header's.
    public let published: DraftDate?
    /// The header's `Published` value, as written (parsed when drafting).
    public let headerPublished: String?
    /// UTF-8 offset where the article's own text starts (after the header).
    public let bodyStart: Int

    /// Reads the header from `text`; `title`, `publisher`, `url` and `published`
    /// given here override the header's.
    public init(text: String, path: String? = nil, title: String? = nil, publisher: String? = nil, url: String? = nil, published: DraftDate? = nil) {
        var text = text
        text.makeContiguousUTF8()
        let header = ArticleHeader(text)
        self.text = text
        self.path = path
        self.title = title ?? header.fields["title"]
        self.publisher = publisher ?? header.fields["publisher"]
        self.url = url ?? header.fields["url"]
        self.published = published
        self.headerPublished = header.fields["published"] ?? header.fields["date"]
        self.bodyStart = header.bodyStart
    }
}

/// The optional `Key: value` lines at the top of an article file.
struct ArticleHeader {
    static let keys: Set<String> = ["title", "publisher", "url", "published", "date"]

    var fields: [String: String] = [:]
    var bodyStart = 0

    init(_ text: String) {
        var found: [String: String] = [:]
        var offset = 0
        let u = text.utf8
        var rest = u[...]
        // Only the first lines are read: the header ends at its first blank line.
        while !rest.isEmpty {
            let end = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[u.index(after: end)...]
            let next = offset + line.count + 1
            let trimmed = Self.trim(String(decoding: line, as: UTF8.self))
            if trimmed.isEmpty {
                // A blank line ends the header; blank lines before any field do not.
                if !found.isEmpty { fields = found; bodyStart = min(next, text.utf8.count) }
                if !found.isEmpty { return }
                offset = next
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else { return }
            let key = Self.trim(String(trimmed[..<colon])).lowercased()
            let value = Self.trim(String(trimmed[trimmed.index(after: colon)...]))
            guard Self.keys.contains(key), !value.isEmpty, found[key] == nil else { return }
            found[key] = value
            offset = next
        }
    }

    static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }
}
