import DealModel
/// How each lexicon file is read: its sections and what their lines mean.
extension Lexicon {
    /// Sections whose lines are words or phrases of one category (several per line,
    /// separated by commas; a final `~` adds the word's inflections).
    static let wordLists: [String: [String: Category]] = [
        "names.txt": [
            "not-names": .notName, "legal-suffixes": .legalSuffix, "org-heads": .orgHead, "body-heads": .bodyHead, "regulator-heads": .regulatorHead,
            "org-nouns": .orgNoun, "org-possessions": .orgPossession, "org-preceders": .orgPreceder, "law-words": .lawWord,
            "product-nouns": .productNoun, "unit-nouns": .unitNoun, "maker-nouns": .makerNoun,
            "refers-to-one": .refersToOne, "refers-to-several": .refersToSeveral, "source-cues": .sourceCue,
            "competitor-cues": .competitorCue,
        ],
        "places.txt": ["places": .place, "place-heads": .placeHead, "nationalities": .nationality],
        "people.txt": ["first-names": .firstName, "honorifics": .honorific, "roles": .role],
        "amounts.txt": [
            "approximate": .approximate, "at-most": .atMost, "at-least": .atLeast, "range-to": .rangeTo,
            "per-year": .perYear, "per-quarter": .perQuarter, "per-month": .perMonth, "stake-words": .stakeWord,
            "percent-words": .percentWord, "not-deal-before": .notDealBefore, "not-deal-after": .notDealAfter, "estimate": .estimate,
        ],
        "dates.txt": ["year-cues": .yearCue, "approximate": .dateApproximate, "future": .future, "later": .later, "earlier": .earlier],
        "order.txt": ["after": .orderAfter, "before": .orderBefore, "same-time": .orderWith, "event-verbs": .eventVerb],
    ]

    /// Sections whose lines are `number: word | word`.
    static let numbered: [String: [String: Category]] = [
        "amounts.txt": ["scales": .scale, "numbers": .numberWord],
        "dates.txt": ["months": .month, "weekdays": .weekday, "ordinals": .quarterOrdinal, "quarters": .quarterWord, "halves": .halfWord,
                      "offset-units": .offsetUnit],
    ]

    mutating func read(_ file: LexiconFile, name: String) throws(LexiconError) {
        if name == "names.txt" {
            // Abbreviations first: they decide how every other phrase is split into words.
            var abbreviations = tokenizer.abbreviations
            for line in file.lines where line.section == "abbreviations" {
                for word in Self.entries(line.text) {
                    let bare = word.hasSuffix(".") ? String(word.dropLast()) : word
                    abbreviations.formUnion(keys(bare))
                }
            }
            tokenizer = Tokenizer(abbreviations: abbreviations)
        }
        let sectionless: Set<String> = ["organisations.txt", "products.txt", "publications.txt"]
        for line in file.lines {
            guard let section = line.section ?? (sectionless.contains(name) ? "" : nil) else {
                throw file.error(line, "a line before any [section]", fix: "put it under a section such as [\(Self.sections(name).first ?? "…")]")
            }
            if name == "names.txt" && section == "abbreviations" { continue }
            if let category = Self.wordLists[name]?[section] {
                for entry in Self.entries(line.text) { addWord(entry, category) }
            } else if let category = Self.numbered[name]?[section] {
                try readNumbered(file, line, category)
            } else {
                try readSpecial(file, line, name: name, section: section)
            }
        }
    }

    private static func sections(_ name: String) -> [String] {
        var s = Array((wordLists[name] ?? [:]).keys) + Array((numbered[name] ?? [:]).keys)
        switch name {
        case "names.txt": s.append("abbreviations")
        case "amounts.txt": s.append("currencies")
        case "dates.txt": s.append("relative")
        case "deals.txt": s += ["deal-nouns"] + DealKind.allCases.map(\.rawValue)
        case "status.txt": s += DealStatus.allCases.map(\.rawValue)
        default: break
        }
        return s.sorted()
    }

    static func entries(_ text: String) -> [String] {
        text.split(separator: ",").map { ArticleHeader.trim(String($0)) }.filter { !$0.isEmpty }
    }

    private mutating func addWord(_ entry: String, _ category: Category, _ payload: Int = 0) {
        if entry.hasSuffix("~") {
            let stem = String(entry.dropLast())
            let words = stem.split(separator: " ")
            let head = words.dropLast().joined(separator: " ")
            for form in Inflection.forms(of: String(words.last ?? "")) {
                add(head.isEmpty ? form : head + " " + form, category, payload)
            }
        } else {
            add(entry, category, payload)
        }
    }

    private mutating func readNumbered(_ file: LexiconFile, _ line: LexiconFile.Line, _ category: Category) throws(LexiconError) {
        guard let (number, rest) = LexiconFile.split(line.text, at: ":"), let value = Double(number) else {
            throw file.error(line, "expected a number, a colon and words: \(line.text)", fix: "write it as, for example, 1000000: million | m")
        }
        var payload = Int(value)
        if category == .scale || category == .numberWord {
            numbers.append(value)
            payload = numbers.count - 1
        }
        for word in LexiconFile.alternatives(rest) { addWord(word, category, payload) }
    }

    private mutating func readSpecial(_ file: LexiconFile, _ line: LexiconFile.Line, name: String, section: String) throws(LexiconError) {
        switch (name, section) {
        case ("organisations.txt", _):
            let names = LexiconFile.alternatives(line.text)
            guard let first = names.first else { throw file.error(line, "an empty name", fix: "write Name | alias | alias") }
            addOrganisation(name: first, aliases: Array(names.dropFirst()), regulator: section == "regulators")
        case ("products.txt", _):
            guard let (names, owner) = LexiconFile.split(line.text, at: "->"), !owner.isEmpty, !names.isEmpty else {
                throw file.error(line, "a product needs its owner: \(line.text)", fix: "write Product | alias -> Owner")
            }
            let index = addOrganisation(name: owner, aliases: [], regulator: false)
            addProduct(names: LexiconFile.alternatives(names), owner: index)
        case ("publications.txt", _):
            let names = LexiconFile.alternatives(line.text)
            guard let first = names.first else { throw file.error(line, "an empty name", fix: "write Name | alias") }
            publications.append(first)
            for n in names { add(n, .publication, publications.count - 1) }
        case ("amounts.txt", "currencies"):
            guard let (code, words) = LexiconFile.split(line.text, at: ":"), code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw file.error(line, "expected an ISO 4217 code, a colon and its words: \(line.text)", fix: "write it as, for example, EUR: € | euro | euros")
            }
            currencies.append(code)
            add(code, .currency, currencies.count - 1)
            for w in LexiconFile.alternatives(words) { add(w, .currency, currencies.count - 1) }
        case ("dates.txt", "relative"):
            guard let (phrase, rule) = LexiconFile.split(line.text, at: ":") else {
                throw file.error(line, "expected a phrase, a colon, a unit and an offset: \(line.text)", fix: "write it as, for example, last year: year -1")
            }
            let parts = rule.split(separator: " ")
            guard parts.count == 2, let unit = RelativeDate.Unit(rawValue: String(parts[0])), let offset = Int(parts[1].replacing("+", with: "")) else {
                throw file.error(line, "expected a unit (year, month or day) and an offset: \(rule)", fix: "write it as, for example, last year: year -1")
            }
            relatives.append(RelativeDate(unit: unit, offset: offset))
            for p in LexiconFile.alternatives(phrase) { add(p, .relativeDate, relatives.count - 1) }
        case ("deals.txt", "deal-nouns"):
            for entry in Self.entries(line.text) {
                var kind: DealKind?
                var noun = entry
                if let (n, k) = LexiconFile.split(entry, at: "->") {
                    guard let parsed = DealKind(rawValue: k) else {
                        throw file.error(line, "unknown deal kind \"\(k)\"", fix: "use one of: " + DealKind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    kind = parsed
                    noun = n
                }
                dealNounKinds.append(kind)
                addWord(noun, .dealNoun, dealNounKinds.count - 1)
            }
        case ("deals.txt", _):
            let pattern = try DealPattern.parse(line.text, section: section, lexicon: self, file: file, line: line)
            patterns.append(pattern)
            requiredWords.append(pattern.required)
            let index = Int32(patterns.count - 1)
            for key in pattern.anchor {
                // The key's list is copied to the pool's end with the new pattern.
                var list: [Int32] = []
                if let e = anchors[key] { list = Array(anchorPool[Int(e >> 32)..<Int(e >> 32) + Int(e & 0xFFFF_FFFF)]) }
                list.append(index)
                anchors[key] = UInt64(anchorPool.count) << 32 | UInt64(list.count)
                anchorPool += list
            }
        case ("status.txt", _):
            let words = section.split(separator: " ")
            guard let status = words.first.flatMap({ DealStatus(rawValue: String($0)) }), words.count == 1 || (words.count == 2 && words[1] == "weak") else {
                throw file.error(line, "unknown status [\(section)]", fix: "use one of: " + DealStatus.allCases.map(\.rawValue).joined(separator: ", ") + " (optionally followed by \"weak\")")
            }
            if statuses.last != status {
                statuses.append(status)
                weakStatuses.append(words.count == 2)
            }
            for entry in Self.entries(line.text) { addWord(entry, .status, statuses.count - 1) }
        default:
            throw file.error(line, "unknown section [\(section)] in \(name)", fix: "use one of: " + Self.sections(name).map { "[\($0)]" }.joined(separator: ", "))
        }
    }
}

/// The forms of an English word a pattern's `word~` stands for: invest, invests,
/// invested, investing; acquire, acquired; commit, committed; buy, buys.
enum Inflection {
    static func forms(of word: String) -> [String] {
        guard word.count >= 2 else { return [word] }
        var out = [word, word + "s", word + "es", word + "ed", word + "ing", word + "d"]
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let last = word.last!
        let stem = String(word.dropLast())
        if last == "e" { out += [stem + "ing", stem + "ed"] }
        if last == "y", let before = stem.last, !vowels.contains(before) { out += [stem + "ies", stem + "ied"] }
        let chars = Array(word)
        if chars.count >= 3, !vowels.contains(last), last != "w", last != "x", last != "y",
           vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3]) {
            out += [word + String(last) + "ed", word + String(last) + "ing"]
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }
}
