import ArgumentParser
import DealDrafting
import DealModel
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

/// What `draft` and opening an article share: reading articles (one reader, which
/// refuses what is not UTF-8 text), the drafter with the lexicon and the user's known
/// partners, and a draft as a checked catalog.
enum Drafting {
    /// The drafter with the bundled and the user's lexicon, plus the partners, aliases
    /// and products of each `--with` dataset; exits 65 with the problem otherwise.
    static func drafter(with datasets: [String] = []) throws -> Drafter {
        var lexicon = try reporting { try standardLexicon() }
        for path in datasets {
            do {
                lexicon = lexicon.adding(catalog: try DatasetLoader.load(path: path))
            } catch {
                throw DataOptions.report(error, path: path, option: "--with")
            }
        }
        return Drafter(lexicon: lexicon)
    }

    /// Every article, or exit 65 after naming each one that cannot be drafted.
    static func read(_ paths: [String], published: DraftDate? = nil) throws -> [Article] {
        var articles: [Article] = [], failed = false
        for path in paths {
            do { articles.append(try Article.read(path: path, published: published)) } catch {
                Out.error("dealscope: " + error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(Exit.data) }
        return articles
    }

    /// A draft as a dataset loaded from `directory`, the loader checking it as any
    /// dataset; a problem there is the drafter's mistake. Prints nothing (the explorer
    /// may be on screen).
    static func catalog(_ draft: ArticleDraft, title: String?, directory: String) throws(Failure) -> Catalog {
        let (catalog, problems) = DraftDataset.catalog(draft, title: title, directory: directory)
        if let catalog, problems.isEmpty { return catalog }
        let name = Sanitizer.line(draft.document.path ?? draft.document.id)
        throw Failure(message: "the draft of \(name) does not load, which is a fault of the drafter; please report it with the article:\n"
                      + problems.prefix(5).map { "  " + Sanitizer.block($0.description) }.joined(separator: "\n"))
    }

    /// Why an article could not be drafted, once it was read (exit 65).
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { "dealscope: " + message }
    }

    /// The bundled lexicon and the user's.
    static func standardLexicon() throws(Failure) -> Lexicon {
        do { return try Lexicon.standard() } catch { throw Failure(message: Sanitizer.block(error.description)) }
    }

    /// One article drafted in memory, titled "draft of NAME — not saved"; prints nothing.
    static func inMemory(_ article: Article) throws(Failure) -> Catalog {
        let draft = Drafter(lexicon: try standardLexicon()).draft(article: article)
        return try catalog(draft, title: title(draft) + Catalog.unsavedTitle, directory: FilePaths.directory(of: article.path ?? "."))
    }

    /// The drafter's notes for the reviewer, a line each for standard error.
    static func warnings(_ draft: ArticleDraft) -> [String] {
        let name = Sanitizer.line(draft.document.path ?? draft.document.id)
        return draft.notes.filter { $0.kind != .header }.map { note in
            let level = note.kind == .notProposed ? "note" : "warning"
            return "dealscope: \(level): \(name): \(note.kind.rawValue): " + Sanitizer.line(note.message)
        }
    }

    /// "draft of deal.txt": what the title and listings say of a draft.
    static func title(_ draft: ArticleDraft) -> String {
        "draft of " + (draft.document.path.map(baseName) ?? draft.document.id)
    }

    /// Whether `--data PATH` names an article rather than a dataset: a path named
    /// `.txt`, `.md` or `.text`, or a file whose first non-blank byte opens no JSON
    /// value (`{` or `[`).
    static func isArticle(_ path: String) -> Bool {
        let lower = path.lowercased()
        if [".txt", ".md", ".text"].contains(where: lower.hasSuffix) { return true }
        if lower.hasSuffix(".json") { return false }
        guard let first = FileProbe.firstNonBlankByte(path) else { return false }
        return first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
    }

    /// `--data ARTICLE`: drafted in memory, saying on standard error that its records
    /// are drafts and how to save them; exits 65 when it cannot be drafted.
    static func open(_ path: String) throws -> Catalog {
        let catalog = try reporting { try inMemory(read([path])[0]) }
        Out.error("dealscope: \(Sanitizer.line(path)) is an article, not a dataset: drafted in memory, not saved; every record is a draft (`dealscope draft \(Sanitizer.line(path)) --out FILE` writes it)")
        return catalog
    }

    /// `body`'s result, or exit 65 after printing its failure.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let failure as Failure {
            Out.error(failure.description)
            throw ExitCode(Exit.data)
        }
    }
}

/// The file name of a path ("deal.txt" for "news/deal.txt").
func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// `directory/name`, without "./" for the current directory.
func joinPath(_ directory: String, _ name: String) -> String {
    directory == "." ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

/// What `--data` needs to know of a path before loading it.
enum FileProbe {
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// The first byte that is not whitespace (or a UTF-8 byte order mark) among the
    /// first 4 KB of a regular file; nil for anything else.
    static func firstNonBlankByte(_ path: String) -> UInt8? {
        guard !isDirectory(path) else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let bytes = buffer[0..<n].starts(with: [0xEF, 0xBB, 0xBF]) ? buffer[3..<n] : buffer[0..<n]
        return bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
