@testable import DealDrafting
import Testing

@Test func scratch() {
    let text = ArticleText(text: "Regulators reviewed the sale of Relecloud Inc. to Proseware Inc.", from: 0, lexicon: lexicon)
    let names = NameFinder.find(text, lexicon: lexicon, publisher: nil)
    for m in names.mentions { print("mention", text.string(m.lo, m.hi), m.kind, m.cue?.rule ?? "-") }
    for s in text.sentences { print("sentence", text.string(s.tokens.lowerBound, s.tokens.upperBound), s.headline) }
    let units = PartyUnits(text: text, names: names)
    for u in units.units { print("unit", text.string(u.lo, u.hi), u.entities, u.candidate ?? -1) }
}
