import Dispatch

/// Proposes datasets from articles by transparent rules: offline, deterministic, every
/// record marked as a draft with the rule that proposed it and the words it matched.
///
///     let drafter = Drafter(lexicon: try Lexicon.standard())
///     let draft = drafter.draft(article: try Article.read(path: "article.txt"))
///
/// Several articles drafted together share one identity per organisation, and one deal
/// reported by several of them is one deal (one id) with evidence from each.
public struct Drafter: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    public func draft(article: Article) -> ArticleDraft {
        draft(articles: [article])[0]
    }

    public func draft(articles: [Article]) -> [ArticleDraft] {
        var out: [ArticleDraft] = []
        out.reserveCapacity(articles.count)
        draft(count: articles.count, article: { articles[$0] }) { out.append($1) }
        return out
    }

    /// Drafts `count` articles, each made (read, generated) by `article` when its turn
    /// comes, on every core; then hands each draft to `each`, in order, as soon as it is
    /// made. Only what was found in an article is kept until then (its text, and ranges
    /// of it), never all the drafts at once.
    public func draft(count: Int, article: @Sendable (Int) -> Article, each: (Int, ArticleDraft) -> Void) {
        let results = ResultSlots<PackedArticle>(count: count)
        let lexicon = self.lexicon
        DispatchQueue.concurrentPerform(iterations: count) { i in
            results.set(i, PackedArticle(Analyser.analyse(article(i), lexicon: lexicon)))
        }
        let assembler = DraftAssembler(results.values, lexicon: lexicon)
        // Drafts are made a chunk at a time on every core, and handed over in order.
        inChunks(count, size: 256, { assembler.draft($0) }, each)
    }
}

/// Calls `body` with `transform(i)` for every index in order, the transforms done on every
/// core a chunk at a time (so that only a chunk of results is held at once).
func inChunks<T>(_ count: Int, size: Int = 512, _ transform: @Sendable (Int) -> T, _ body: (Int, T) -> Void) {
    var start = 0
    while start < count {
        let n = min(size, count - start), first = start
        let results = ResultSlots<T>(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { k in results.set(k, transform(first + k)) }
        for (k, r) in results.values.enumerated() { body(first + k, r) }
        start += n
    }
}

/// Results written by concurrent workers, each to its own slot.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = DispatchQueue(label: "dealscope.draft.results")

    init(count: Int) { slots = [T?](repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.sync { slots[i] = value }
    }

    var values: [T] { lock.sync { slots.map { $0! } } }
}
