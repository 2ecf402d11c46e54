/// The names of one article: every mention of an organisation, product, person, place,
/// publication or law, and the organisations and products they stand for.
struct Names {
    enum Kind: UInt8 { case organisation, product, person, place, publication, law, other, candidate }

    struct Mention {
        var lo: Int
        var hi: Int
        var kind: Kind
        /// The organisation (an index of `entities`) or the product (of `products`).
        var entity: Int = -1
        /// Organisation cue found for a candidate, before names are merged.
        var cue: Cue?
        /// Folded key of the name (without a legal suffix such as "Inc.").
        var key: UInt64 = 0
        var headline = false
    }

    /// The rules that read a name as an organisation or a product (draft marks' `rule`).
    enum Rule: String {
        case gazetteer = "organisation.gazetteer", named = "organisation.named", suffix = "organisation.suffix"
        case described = "organisation.described", apposition = "organisation.apposition", possessive = "organisation.possessive"
        case preceded = "organisation.preceded", listed = "organisation.listed", owner = "organisation.owner", unit = "organisation.unit"
        case party = "organisation.party"
        case productGazetteer = "product.gazetteer", productPossessive = "product.possessive", productApposition = "product.apposition"
        case productMaker = "product.maker", productOwned = "product.owned"
    }

    /// Why a span was read as an organisation: the rule and the tokens it matched.
    struct Cue {
        let rule: Rule
        let lo: Int
        let hi: Int
    }

    /// An organisation named in the article.
    struct Entity {
        var name: String
        var key: UInt64
        /// Every way the article writes it.
        var forms: [String]
        var lexicon: Int?
        var regulator: Bool
        var cue: Cue
        var firstMention: Int
    }

    struct Product {
        var name: String
        var owner: Int
        var cue: Cue
        var lexicon: Int?
        var firstMention: Int
    }

    var mentions: [Mention] = []
    var entities: [Entity] = []
    var products: [Product] = []
    /// The mention starting at each token, or -1.
    var mentionAt: [Int32] = []
    /// Names seen and not proposed: unclassified names, and products whose owner is not named.
    var notProposed: [(name: String, at: Int, product: Bool)] = []

    func mention(at i: Int) -> Mention? {
        guard i >= 0, i < mentionAt.count, mentionAt[i] >= 0 else { return nil }
        return mentions[Int(mentionAt[i])]
    }

    /// The organisation a mention stands for: itself, or a product's owner.
    func organisation(of m: Mention) -> Int? {
        switch m.kind {
        case .organisation: m.entity
        case .product: products.indices.contains(m.entity) && products[m.entity].owner >= 0 ? products[m.entity].owner : nil
        default: nil
        }
    }

    mutating func reindex(tokenCount: Int) {
        mentions.sort { $0.lo < $1.lo }
        mentionAt = [Int32](repeating: -1, count: tokenCount)
        for (k, m) in mentions.enumerated() { mentionAt[m.lo] = Int32(k) }
    }
}

/// Finds the names of an article; the steps are in the files beside this one.
struct NameFinder {
    let text: ArticleText
    let lexicon: Lexicon
    var names = Names()
    /// Tokens already part of a mention.
    var claimed: [Bool]
    /// Keys of single words known to be people's names in this article ("Roux").
    var personWords = Set<UInt64>()
    /// Name keys of the publisher and of names read as publications.
    var publicationKeys = Set<UInt64>()
    /// Gazetteer products found (their mention and lexicon index), owners resolved later.
    var pendingProducts: [(mention: Int, product: Int)] = []
    /// The owner of each of `names.products`, resolved once organisations are known.
    var productOwners: [Owner] = []
    /// Tokens that are an acronym given in brackets after an organisation's name.
    var acronymAt = Set<Int>()

    init(text: ArticleText, lexicon: Lexicon, publisher: String?) {
        self.text = text
        self.lexicon = lexicon
        claimed = [Bool](repeating: false, count: text.tokens.count)
        if let publisher { publicationKeys.insert(lexicon.nameKey(publisher)) }
    }

    static func find(_ text: ArticleText, lexicon: Lexicon, publisher: String?) -> Names {
        var f = NameFinder(text: text, lexicon: lexicon, publisher: publisher)
        f.findPeople()
        f.findGazetteerNames()
        f.findSpans()
        f.joinPossessiveNames()
        f.classifySpans()
        f.findProducts()
        f.spreadThroughLists()
        f.makeEntities()
        f.names.reindex(tokenCount: text.tokens.count)
        return f.names
    }

    func isSentenceStart(_ i: Int) -> Bool {
        let s = text.sentences[Int(text.sentenceOf[i])]
        var k = s.tokens.lowerBound
        while k < i && text.tokens[k].kind == .punct { k += 1 }
        return k == i
    }

    func inHeadline(_ i: Int) -> Bool { text.sentences[Int(text.sentenceOf[i])].headline }

    func sameSentence(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b >= 0 && a < text.tokens.count && b < text.tokens.count && text.sentenceOf[a] == text.sentenceOf[b]
    }

    mutating func claim(_ lo: Int, _ hi: Int) { for k in lo..<hi { claimed[k] = true } }

    mutating func add(_ m: Names.Mention) {
        names.mentions.append(m)
        claim(m.lo, m.hi)
    }

    /// The key of a name written over tokens `lo..<hi`, legal suffixes ("Inc.") left out.
    func nameKey(_ lo: Int, _ hi: Int) -> UInt64 {
        var end = hi
        while end - lo > 1 && text.hits.has(.legalSuffix, at: end - 1) { end -= 1 }
        var h = WordHash.seed
        for k in lo..<end where !(text.tokens[k].kind == .punct && text.isPunct(k, ",")) { h = WordHash.chain(h, text.tokens[k].key) }
        return h
    }

    /// The name as written, without legal suffixes and their commas.
    func bareName(_ lo: Int, _ hi: Int) -> String { Self.bare(text, lo, hi) }

    /// A name without its legal suffix: "Contoso Ltd" is "Contoso".
    static func withoutSuffix(_ name: String, lexicon: Lexicon) -> String {
        var n = name
        let tokens = n.withUTF8 { lexicon.tokenizer.tokens($0) }
        var end = tokens.count
        while end > 1 && (lexicon.table.isWord(tokens[end - 1].key, .legalSuffix) || tokens[end - 1].key == ArticleText.punctKeys[","]) { end -= 1 }
        guard end < tokens.count, end > 0 else { return name }
        return String(decoding: Array(n.utf8)[0..<Int(tokens[end - 1].end)], as: UTF8.self)
    }

    static func bare(_ text: ArticleText, _ lo: Int, _ hi: Int) -> String {
        var end = hi
        while end - lo > 1 && (text.hits.has(.legalSuffix, at: end - 1) || text.isPunct(end - 1, ",")) { end -= 1 }
        return text.string(lo, end)
    }
}
