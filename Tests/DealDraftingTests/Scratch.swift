@testable import DealDrafting
import Testing

@Test func scratch() throws {
    var text = ""
    for name in ["fabrikam-contoso-venture", "aster-funding-ledger", "cloud-compute-note"] { text += try fixture(name).text }
    let a = Analyser.analyse(Article(text: text), lexicon: lexicon)
    let p = PackedArticle(a)
    print("text", p.text.utf8.count, "packed", p.bytes.count, "sections", p.starts)
    print("notes", a.notes.count, a.notes.map(\.message.utf8.count).reduce(0, +), "quotes", a.quotes.count, "orgs", a.organisations.count, "deals", a.deals.count, "events", a.events.count)
}
