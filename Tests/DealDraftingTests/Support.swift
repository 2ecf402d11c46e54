@testable import DealDrafting
import DealModel
import Testing

/// Paths of the source tree, found from this file: Tests/DealDraftingTests/Support.swift.
enum Paths {
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    static let assets = packageRoot + "/Assets"
    static let lexicon = assets + "/draft"
    static let fixtures = packageRoot + "/Tests/Fixtures/draft"
}

/// The bundled lexicon, read once.
let lexicon: Lexicon = {
    do { return try Lexicon.load(directories: [Paths.lexicon]) } catch { fatalError("the lexicon does not load:\n\(error)") }
}()

let drafter = Drafter(lexicon: lexicon)

/// Drafts a text written for a test; `published` as the data format writes dates.
func draft(_ text: String, published: String? = nil, path: String = "article.txt") -> ArticleDraft {
    drafter.draft(article: Article(text: text, path: path, published: published.flatMap(DraftDate.parse)))
}

func fixture(_ name: String) throws -> Article {
    try Article.read(path: Paths.fixtures + "/" + name + ".txt")
}

extension ArticleDraft {
    func partner(_ name: String) -> DraftPartner? { partners.first { $0.name == name || $0.aliases.contains(name) } }
    var partnerNames: Set<String> { Set(partners.map(\.name)) }
    func name(of id: String) -> String { partners.first { $0.id == id }?.name ?? id }

    /// Deals with exactly these parties (by name), in any order.
    func deals(between names: Set<String>) -> [DraftDeal] {
        deals.filter { Set($0.parties.map { name(of: $0.partner) }) == names }
    }

    func deal(_ kind: DealKind, _ names: String...) -> DraftDeal? {
        deals(between: Set(names)).first { $0.kind == kind }
    }

    func role(of name: String, in deal: DraftDeal) -> String? {
        deal.parties.first { self.name(of: $0.partner) == name }?.role
    }

    /// Every value of every deal.
    var values: [DraftAmount] { deals.compactMap(\.value) }
    var eventDates: [String] { events.compactMap { $0.date?.formatted } }
    var notProposed: [String] { notes.filter { $0.kind == .notProposed }.map(\.message) }
}

/// The one amount of a one-sentence deal text.
func value(_ text: String, published: String? = nil) -> DraftAmount? {
    draft(text, published: published).values.first
}
