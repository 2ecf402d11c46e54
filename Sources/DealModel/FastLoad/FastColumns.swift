/// Records of one dataset file as the fast loader reads them: columns, with references
/// still as the ids written in the file.
struct FastQuotes {
    /// Appends another set of quotes (read apart), naming its documents as these do.
    mutating func append(_ other: FastQuotes) {
        needles.append(contentsOf: other.needles)
        let names = other.documentNames.map { name -> Int32 in
            if let k = documentNames.firstIndex(of: name) { return Int32(k) }
            documentNames.append(name)
            return Int32(documentNames.count - 1)
        }
        document.append(contentsOf: other.document.map { $0 < 0 ? $0 : names[Int($0)] })
        occurrence.append(contentsOf: other.occurrence)
    }

    /// Each quote's text, folded for matching.
    var needles = StringColumn()
    /// Index into `documentNames`, or -1 for the dataset's first document.
    var document: [Int32] = []
    var documentNames: [String] = []
    /// 1-based occurrence asked for, or 0.
    var occurrence: [Int32] = []

    var count: Int { document.count }
}

struct FastPartner {
    var id = ""
    var name = ""
    var aliases: [String] = []
    var products: [(name: String, quotes: Range<Int>)] = []
    var note: String?
    var quotes: Range<Int> = 0..<0
    var line = 0, column = 0
}

struct FastDeals {
    var ids = StringColumn()
    var titles = StringColumn()
    var kinds: [UInt8] = []
    var statuses: [UInt8] = []
    var partyIDs = StringColumn()
    var partyStarts: [UInt32] = [0]
    var partyRoles: [UInt16] = []
    var roles: [String] = []
    /// The roles packed (`FastDecoder.packed`; .max for a long one), to match a role
    /// without making a string.
    var roleKeys: [UInt64] = []
    var dates: [UInt32] = []
    var valueIndex: [Int32] = []
    var amounts: [Amount] = []
    var amends: [Int: String] = [:]
    var products: [Int: [String]] = [:]
    var notes: [Int: String] = [:]
    var quoteStarts: [UInt32] = [0]
    var lines: [UInt32] = []
    var columns: [UInt32] = []

    var count: Int { kinds.count }
}

struct FastEvents {
    var ids = StringColumn()
    var titles = StringColumn()
    var dates: [UInt32] = []
    var orderRelations: [UInt8] = []
    var orderAnchors = StringColumn()
    var dealIDs = StringColumn()
    var dealStarts: [UInt32] = [0]
    var partnerIDs = StringColumn()
    var partnerStarts: [UInt32] = [0]
    var notes: [Int: String] = [:]
    var quoteStarts: [UInt32] = [0]
    var lines: [UInt32] = []
    var columns: [UInt32] = []

    var count: Int { dates.count }
}

struct FastDataset {
    var title: String?
    var sawVersion = false
    var documents: [DocumentDraft] = []
    var partners: [FastPartner] = []
    var deals = FastDeals()
    var events = FastEvents()
    var quotes = FastQuotes()
}
