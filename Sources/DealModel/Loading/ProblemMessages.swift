/// What is said of the problems found when records are joined (references, parties,
/// quotes): the careful loader (`CatalogBuilder`) and the fast one's report
/// (`FastReport`) must say exactly the same, so both take their words from here.
/// Whatever comes from the data is shortened (`abbreviate`), and lists are cut
/// ("and 399,990 more"): one problem is one or two lines, whatever the data.
enum ProblemMessages {
    /// Such as `deal "msft-openai-licence"`.
    static func label(_ kind: String, _ id: String) -> String { "\(kind) \"\(abbreviate(id))\"" }

    /// Such as `partner "microsoft", product "Azure"`.
    static func label(product name: String, of partner: String) -> String { label("partner", partner) + ", product \"\(abbreviate(name))\"" }

    static func unknownReference(_ id: String, kind: String, near: String?, at: SourceLocation, record: String) -> DataProblem {
        var message = "unknown \(kind) \"\(abbreviate(id))\""
        if let near { message += " (the closest known \(kind) is \"\(near)\")" }
        return DataProblem(at, record: record, message, fix: referenceFixes[kind] ?? "use the id of a \(kind) defined in the data, or define it")
    }

    private static let referenceFixes = [
        "partner": "use the id of a partner defined in the data, or define it",
        "deal": "use the id of a deal defined in the data, or define it",
        "event": "use the id of an event defined in the data, or define it",
    ]

    static func partyListedTwice(_ id: String, at: SourceLocation, record: String) -> DataProblem {
        DataProblem(at, record: record, "the partner \"\(abbreviate(id))\" is listed twice among the parties", fix: "list each party once; put both roles in one \"role\"")
    }

    static func sharedByNonParty(_ id: String, at: SourceLocation, record: String) -> DataProblem {
        DataProblem(at, record: record, "\"sharedBy\" names \"\(abbreviate(id))\", which is not a party of this deal", fix: "add it to \"parties\" or remove it from \"sharedBy\"")
    }

    static func productNotOwned(_ product: String, at: SourceLocation, record: String) -> DataProblem {
        DataProblem(at, record: record, "the product \"\(abbreviate(product))\" is not a product of any party of the deal",
                    fix: "add it to the owning partner's \"products\", or correct the name")
    }

    static func amendsItself(at: SourceLocation, record: String) -> DataProblem {
        DataProblem(at, record: record, "a deal cannot amend itself", fix: "name the deal it changes")
    }

    static func orderedAgainstItself(at: SourceLocation, record: String) -> DataProblem {
        DataProblem(at, record: record, "an event cannot be ordered against itself")
    }

    static func unknownDocument(_ id: String, near: String?, at: SourceLocation, record: String) -> DataProblem {
        var message = "the quote names the document \"\(abbreviate(id))\", which this dataset does not define"
        if let near { message += " (the closest is \"\(near)\")" }
        return DataProblem(at, record: record, message, fix: "use the id of one of the dataset's \"documents\"")
    }

    static func quoteNotFound(_ text: String, in path: String, at: SourceLocation, record: String) -> DataProblem {
        DataProblem(at, record: record, "the quote \"\(abbreviate(text))\" is not in \(path)",
                    fix: "copy the words exactly from the document (case, whitespace, quotation marks and dashes may differ)")
    }

    static func occurrenceOutOfRange(_ n: Int, of text: String, matches: Int, at: SourceLocation, record: String) -> DataProblem {
        DataProblem(at, record: record, "\"occurrence\": \(n) asks for match \(n) of the quote \"\(abbreviate(text))\", but it matches \(grouped(matches)) time\(matches == 1 ? "" : "s")",
                    fix: "use an occurrence from 1 to \(grouped(matches))")
    }

    /// How many places of an ambiguous quote are placed in their paragraphs.
    static let placesShown = 10

    /// `paragraphs`: the (0-based) paragraph of each of the first `placesShown` matches.
    static func ambiguousQuote(_ text: String, matches: Int, paragraphs: [Int], in path: String, at: SourceLocation, record: String) -> DataProblem {
        var listed: [Int] = []
        for p in paragraphs.prefix(placesShown) where listed.last != p + 1 { listed.append(p + 1) }
        var place = (listed.count == 1 ? "paragraph " : "paragraphs ") + listed.map(String.init).joined(separator: ", ")
        if matches > placesShown { place += " and \(grouped(matches - placesShown)) more" }
        return DataProblem(at, record: record, "the quote \"\(abbreviate(text))\" matches \(grouped(matches)) places in \(path) (\(place))",
                           fix: "quote more words so that it matches once, or add \"occurrence\": N to choose")
    }

    static func cycle(_ ids: [String], at: SourceLocation) -> DataProblem {
        let shown = ids.count > placesShown + 1 ? ids.prefix(placesShown).map { abbreviate($0) } + ["… (\(grouped(ids.count - 1)) events)"] : ids.map { abbreviate($0) }
        return DataProblem(at, record: label("event", ids.first ?? ""), "the \"order\" references form a cycle: \(shown.joined(separator: " → "))",
                           fix: "let one of these events point to an event outside the cycle, or to \"document\"")
    }

    static func abbreviate(_ s: String, limit: Int = 60) -> String {
        // Counting stops at the limit: a megabyte-long text costs no more than a short one.
        var n = 0
        for _ in s { n += 1; if n > limit { return String(s.prefix(limit - 1)) + "…" } }
        return s
    }

    /// 399990 as "399,990".
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        guard n >= 1000 else { return digits }
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
