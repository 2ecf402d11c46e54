import Dispatch
import Synchronization

/// Reads a dataset's documents and splits them into paragraphs and sentences on
/// another thread, while the fast decoder is still reading the dataset's records.
final class DocumentPrep: Sendable {
    struct Prepared: Sendable {
        let document: SourceDocument
        let matcher: QuoteMatcher
    }

    private let group = DispatchGroup()
    private let result = Mutex<[Prepared]?>(nil)
    private let started = Atomic<Bool>(false)

    /// Starts the work (once); `drafts` as written in the dataset.
    func start(_ drafts: [DocumentDraft], directory: String) {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        group.enter()
        // A thread of its own (the global queue has as many threads as cores, all busy
        // while a load runs), at a lower priority than the main cursor.
        BackgroundThread.start { [self] in
            var prepared: [Prepared]? = []
            for d in drafts {
                guard let doc = Self.read(d, directory: directory) else { prepared = nil; break }
                prepared?.append(Prepared(document: doc, matcher: QuoteMatcher(text: doc.text)))
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

    /// A document that is readable, UTF-8 and not blank, or nil (the careful loader
    /// then says what is wrong).
    static func read(_ d: DocumentDraft, directory: String) -> SourceDocument? {
        let path = FileAccess.join(directory, d.path)
        guard let (text, _) = TextFile.read(path, validating: true), !text.allSatisfy(\.isWhitespace) else { return nil }
        return SourceDocument(id: d.id, title: d.title, date: d.date, path: path, text: text)
    }
}
