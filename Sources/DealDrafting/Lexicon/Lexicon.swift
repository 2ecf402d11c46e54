import DealModel

/// Everything the drafter knows about words: gazetteers of organisations, products,
/// publications, places and first names; the words that mark names, amounts, dates,
/// statuses and order; and the deal patterns. Read from the text files of
/// `Assets/draft/` (documented in `docs/drafting.md`) and from the user's own
/// directory, so that a company, a product or a phrase can be added without
/// rebuilding.
public struct Lexicon: Sendable {
    struct Organisation: Sendable {
        var name: String
        var aliases: [String]
        var regulator: Bool
        /// The id a user's dataset gives it (`--with`).
        var id: String?
    }

    struct Product: Sendable {
        let name: String
        let owner: Int
    }

    /// A date relative to the publication date: "last year" is year -1.
    struct RelativeDate: Sendable {
        enum Unit: String, Sendable { case year, month, day }
        let unit: Unit
        let offset: Int
    }

    /// The files every lexicon directory may hold; the bundled one holds them all.
    public static let fileNames = ["names.txt", "organisations.txt", "products.txt", "publications.txt", "places.txt", "people.txt",
                                   "deals.txt", "status.txt", "amounts.txt", "dates.txt", "order.txt"]

    var table = PhraseTable()
    var tokenizer = Tokenizer(abbreviations: [])
    var organisations: [Organisation] = []
    var organisationIndex: [UInt64: Int] = [:]
    var products: [Product] = []
    var publications: [String] = []
    var currencies: [String] = []
    var numbers: [Double] = []
    var relatives: [RelativeDate] = []
    var dealNounKinds: [DealKind?] = []
    var statuses: [DealStatus] = []
    /// Whether each of `statuses` gives way to a rule's own status.
    var weakStatuses: [Bool] = []
    var patterns: [DealPattern] = []
    /// Each pattern's required words.
    var requiredWords: [[WordSet]] = []
    /// Patterns by the keys of their first required word: start and count in
    /// `anchorPool`, packed in one number (no reference counting on look-up).
    var anchors = KeyTable<UInt64>()
    var anchorPool: [Int32] = []
    /// The files read, in order.
    public private(set) var files: [String] = []

    init() {}

    /// The bundled lexicon and, if present, the user's (`$XDG_CONFIG_HOME/dealscope/draft`,
    /// else `~/.config/dealscope/draft`), whose files add to the bundled ones.
    public static func standard() throws(LexiconError) -> Lexicon {
        guard let bundled = LexiconLocation.bundledDirectory else {
            throw LexiconError(file: "Assets/draft", line: 0,
                               message: "the drafting lexicon was not found beside the executable, in ../share/dealscope/draft or in the source tree",
                               fix: "reinstall dealscope with its Assets/draft directory")
        }
        var dirs = [bundled]
        if let user = LexiconLocation.userDirectory, Files.isDirectory(user) { dirs.append(user) }
        return try load(directories: dirs)
    }

    /// Reads the lexicon files of each directory in turn; the first must hold every file.
    public static func load(directories: [String]) throws(LexiconError) -> Lexicon {
        var lexicon = Lexicon()
        for (d, dir) in directories.enumerated() {
            for name in fileNames {
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                switch Files.read(path) {
                case .success(let bytes):
                    try lexicon.read(LexiconFile(path: path, bytes: bytes), name: name)
                    lexicon.files.append(path)
                case .failure(.notFound) where d > 0:
                    continue
                case .failure(let f):
                    throw LexiconError(file: path, line: 0, message: "cannot read the lexicon file: \(f.message)",
                                       fix: d == 0 ? "restore \(name) from dealscope's Assets/draft" : "make it a readable text file, or remove it")
                }
            }
        }
        return lexicon
    }

    /// A partner a user's dataset already knows (`--with`): its id, name, aliases and
    /// products are used as they are.
    public struct KnownPartner: Sendable {
        public let id: String
        public let name: String
        public let aliases: [String]
        public let products: [String]

        public init(id: String, name: String, aliases: [String] = [], products: [String] = []) {
            self.id = id
            self.name = name
            self.aliases = aliases
            self.products = products
        }
    }

    /// This lexicon with the partners, aliases and products of a loaded dataset.
    public func adding(catalog: Catalog) -> Lexicon {
        adding(partners: catalog.partners.map { KnownPartner(id: $0.id, name: $0.name, aliases: $0.aliases, products: $0.products.map(\.name)) })
    }

    public func adding(partners: [KnownPartner]) -> Lexicon {
        var copy = self
        for p in partners {
            let index = copy.addOrganisation(name: p.name, aliases: p.aliases, regulator: false)
            copy.organisations[index].id = p.id
            for product in p.products { copy.addProduct(names: [product], owner: index) }
        }
        return copy
    }

    // MARK: building

    func keys(_ phrase: String) -> [UInt64] {
        if phrase == "'s" || phrase == "’s" { return [WordHash.of("'s")] }
        var text = phrase
        return text.withUTF8 { tokenizer.tokens($0).map(\.key) }
    }

    mutating func add(_ phrase: String, _ category: Category, _ payload: Int = 0) {
        table.add(keys(phrase), category, Int32(payload))
    }

    /// Adds an organisation, or names to the one already known by any of them.
    @discardableResult
    mutating func addOrganisation(name: String, aliases: [String], regulator: Bool) -> Int {
        let all = [name] + aliases
        var found: Int?
        for n in all where found == nil { found = organisationIndex[nameKey(n)] }
        let index: Int
        if let found { index = found } else {
            organisations.append(Organisation(name: name, aliases: [], regulator: regulator, id: nil))
            index = organisations.count - 1
        }
        for n in all {
            let k = nameKey(n)
            if organisationIndex[k] == nil { organisationIndex[k] = index }
            if n != organisations[index].name && !organisations[index].aliases.contains(n) { organisations[index].aliases.append(n) }
            add(n, .organisation, index)
        }
        if regulator { organisations[index].regulator = true }
        return index
    }

    mutating func addProduct(names: [String], owner: Int) {
        guard let name = names.first else { return }
        products.append(Product(name: name, owner: owner))
        for n in names { add(n, .product, products.count - 1) }
    }

    /// A name's key: its tokens' keys chained.
    func nameKey(_ name: String) -> UInt64 { keys(name).reduce(WordHash.seed, WordHash.chain) }
}

/// Where the lexicon lives.
enum LexiconLocation {
    /// `draft/` beside the bundled dataset (found as `BundledData` finds it).
    static var bundledDirectory: String? {
        guard let dataset = BundledData.datasetPath else { return nil }
        let dir = Files.directory(of: dataset) + "/draft"
        return Files.isDirectory(dir) ? dir : nil
    }

    static var userDirectory: String? {
        if let xdg = Files.environment("XDG_CONFIG_HOME") { return xdg + "/dealscope/draft" }
        if let home = Files.environment("HOME") { return home + "/.config/dealscope/draft" }
        return nil
    }
}
