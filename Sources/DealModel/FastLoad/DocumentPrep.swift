import Dispatch
import Synchronization

/// Reads a dataset's documents on another thread, while the fast decoder is still
/// reading the dataset's records.
final class DocumentPrep: Sendable {
    /// A document read, ready for its quotes to be located; split into paragraphs and
    /// sentences only later (`document()`), once the quotes are found, so that the
    /// split (60 MB for a 146 MB document) is not held while they are searched.
    struct Prepared: Sendable {
        let id: String
        let date: PartialDate?
        let plain: PlainFields<DocumentField>
        let path: String
        let matcher: QuoteMatcher

        var text: String { matcher.text }

        func document() -> SourceDocument {
            SourceDocument(id: id, date: date, plain: plain, path: path, text: text)
        }
    }

    private let group = DispatchGroup()
    private let result = Mutex<[Prepared]?>(nil)
    private let started = Atomic<Bool>(false)
    /// A document that changed while it was read: the load ends with this problem.
    let changed = Mutex<DataProblem?>(nil)

    /// Starts the work (once); `drafts` as written in the dataset.
    func start(_ drafts: [DocumentDraft], directory: String, rules: FileRules = .standard) {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        group.enter()
        // A thread of its own (the global queue has as many threads as cores, all busy
        // while a load runs), at a lower priority than the main cursor.
        BackgroundThread.start { [self] in
            var prepared: [Prepared]? = []
            for d in drafts {
                switch Self.read(d, directory: directory, rules: rules) {
                case .success(let doc): prepared?.append(doc)
                case .failure(let f):
                    if f == .changed { changed.withLock { $0 = CatalogBuilder.unreadable(d, path: FileAccess.join(directory, d.path), f) } }
                    prepared = nil
                }
                if prepared == nil { break }
            }
            result.withLock { $0 = prepared }
            group.leave()
        }
    }

    /// Waits for the work; nil when a document could not be used as it is.
    func wait() -> [Prepared]? {
        guard started.load(ordering: .relaxed) else { return nil }
        group.wait()
        return result.withLock { $0 }
    }

    /// A document that is readable, UTF-8 and not blank, or why not (the careful
    /// loader then says what is wrong in full).
    static func read(_ d: DocumentDraft, directory: String, rules: FileRules) -> Result<Prepared, FileAccess.Failure> {
        let path = FileAccess.join(directory, d.path)
        switch TextFile.read(path, validating: true, rules: rules, within: directory) {
        case .failure(let f): return .failure(f)
        case .success(var (text, _)):
            guard !text.allSatisfy(\.isWhitespace) else { return .failure(.other("blank")) }
            text.makeContiguousUTF8()
            return .success(Prepared(id: d.id, date: d.date, plain: d.plain, path: path, matcher: QuoteMatcher(text: text)))
        }
    }
}
