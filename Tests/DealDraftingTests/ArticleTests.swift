@testable import DealDrafting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Reading an article: its header lines, and files that are not a UTF-8 article.
@Suite("Drafting: articles")
struct ArticleTests {
    @Test func headerLinesGiveWhereTheArticleCameFrom() {
        let a = Article(text: "Title: Deal day\nPublisher: The Ledger\nurl: https://example.com/x\nPublished: 2024-06-12\n\nAmazon invested $4 billion in Anthropic.\n")
        #expect(a.title == "Deal day" && a.publisher == "The Ledger" && a.url == "https://example.com/x" && a.headerPublished == "2024-06-12")
        #expect(String(a.text.utf8.dropFirst(a.bodyStart))! == "Amazon invested $4 billion in Anthropic.\n")
        let d = drafter.draft(article: a)
        #expect(d.document == DraftDocument(id: "article", path: nil, title: "Deal day", publisher: "The Ledger", url: "https://example.com/x",
                                            date: DraftDate(year: 2024, month: 6, day: 12)))
        // The header's words are not drafted from, but quotes are located in the whole file.
        #expect(d.partners.count == 2)
    }

    @Test func aFirstLineThatIsNotAHeaderMakesTheWholeFileTheArticle() {
        let a = Article(text: "Breaking: Amazon invested $4 billion in Anthropic.\n\nMore soon.")
        #expect(a.bodyStart == 0 && a.title == nil)
        #expect(Article(text: "Title: x\nAuthor: y\n\nBody.").bodyStart == 0)
    }

    @Test func aPublishedLineThatIsNotADateIsNoted() {
        let d = drafter.draft(article: Article(text: "Published: last Tuesday\n\nAmazon invested $4 billion in Anthropic."))
        #expect(d.document.date == nil)
        #expect(d.notes.contains { $0.kind == .header && $0.message.hasPrefix("Published: \"last Tuesday\" is not a date") })
    }

    static func file(_ bytes: [UInt8]) -> String {
        var template = Array("/tmp/dealscope-article-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return String(cString: template)
    }

    static let utf16LE: [UInt8] = "Amazon invests".utf8.flatMap { [$0, 0] }
    static let utf16BE: [UInt8] = "Amazon invests".utf8.flatMap { [0, $0] }

    @Test(arguments: [
        ([UInt8](), "the article is empty"),
        (Array(" \n\n\t\n".utf8), "the article is empty"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "this is a binary file, not text (a NUL byte at offset 8)"),
        ([0xFF, 0xFE, 0x41, 0x00, 0x6D, 0x00], "the article is UTF-16 text, not UTF-8"),
        (utf16LE, "the article looks like UTF-16 text (LE, without a byte order mark), not UTF-8"),
        (utf16BE, "the article looks like UTF-16 text (BE, without a byte order mark), not UTF-8"),
        (Array("Caf".utf8) + [0xE9] + Array(" deal\n".utf8), "line 1: the text is not UTF-8 (byte 0xE9 at offset 3)"),
    ])
    func filesThatAreNotUTF8ArticlesAreRefusedWithTheFix(bytes: [UInt8], message: String) {
        let path = Self.file(bytes)
        do {
            _ = try Article.read(path: path)
            Issue.record("read \(bytes)")
        } catch {
            #expect(error.message == message)
            #expect(error.path == path)
            #expect(error.description.hasPrefix(path + ": " + message + "\n  fix: "))
        }
    }

    @Test func aMissingFileOrADirectoryIsRefused() {
        do { _ = try Article.read(path: "/nonexistent/article.txt"); Issue.record("read") } catch {
            #expect(error.message == "cannot read the article: no such file")
        }
        do { _ = try Article.read(path: "/tmp"); Issue.record("read") } catch {
            #expect(error.message == "cannot read the article: it is a directory, not a file")
            #expect(error.fix == "give the article files inside it")
        }
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let a = try Article.read(path: Self.file([0xEF, 0xBB, 0xBF] + Array("Amazon invested $4 billion in Anthropic.".utf8)))
        #expect(a.text.hasPrefix("Amazon"))
    }
}
