import DealModel
/// One deal rule of `deals.txt`: a name, the words it matches and the parties' slots.
///
///     [investment]
///     invested-in: {A:investor} ... invest~ ... in|into {B:investee}
///     agreed-to-buy: {A:acquirer} agree~ to buy|acquire {B:target} => agreed
///
/// `{A:role}` is a party (an organisation, a list of them, a product standing for its
/// owner, or "it"/"the company" for the one last named; `_` in a role is a space);
/// `{A:role?}` may be left out of the words, and is then the sentence's first
/// organisation before the match (its subject); `...` skips up to six words (`...3` up
/// to three; an amount or a date counts as one) without passing an organisation or a
/// `;`; `a|b` is either word, `word~` any of its inflections, `word?` an optional word.
/// `=> status` gives the status when the sentence has no status words of its own;
/// `=> joins` adds the parties to the nearest earlier deal of the kind instead. A
/// section named `[kind fallback]` is used only when no other rule found a deal
/// between the same parties in the sentence.
struct DealPattern: Sendable {
    enum Element: Sendable {
        case words(WordSet, optional: Bool)
        /// An optional slot (`{A:role?}`) not found in the words is the sentence's first
        /// organisation before the match.
        case slot(letter: Int, role: String, optional: Bool)
        case gap(Int)
    }

    let rule: String
    let kind: DealKind
    let status: DealStatus?
    let fallback: Bool
    /// Adds its parties to the nearest earlier deal of the kind (`=> joins`).
    let joins: Bool
    let elements: [Element]
    /// The keys of the first required word: a sentence without one cannot match.
    let anchor: Set<UInt64>
    /// Every required word: a sentence must hold one key of each.
    var required: [WordSet] {
        elements.compactMap { if case .words(let w, false) = $0 { return w } else { return nil } }
    }

    static let defaultGap = 6

    static func parse(_ text: String, section: String, lexicon: Lexicon, file: LexiconFile, line: LexiconFile.Line) throws(LexiconError) -> DealPattern {
        let sectionWords = section.split(separator: " ")
        guard let kind = sectionWords.first.flatMap({ DealKind(rawValue: String($0)) }),
              sectionWords.count == 1 || (sectionWords.count == 2 && sectionWords[1] == "fallback") else {
            throw file.error(line, "unknown deal kind [\(section)]",
                             fix: "use [deal-nouns] or one of: " + DealKind.allCases.map(\.rawValue).joined(separator: ", ") + " (optionally followed by \"fallback\")")
        }
        guard let (name, rest) = LexiconFile.split(text, at: ":"), !name.isEmpty, !name.contains(" ") else {
            throw file.error(line, "a rule needs a name, a colon and its pattern: \(text)", fix: "write it as, for example, invested-in: {A:investor} ... invest~ ... in {B:investee}")
        }
        var body = rest
        var status: DealStatus?
        var joins = false
        if let (p, s) = LexiconFile.split(rest, at: "=>"), s == "joins" {
            joins = true
            body = p
        } else if let (p, s) = LexiconFile.split(rest, at: "=>") {
            guard let parsed = DealStatus(rawValue: s) else {
                throw file.error(line, "unknown status \"\(s)\"", fix: "use \"joins\" or one of: " + DealStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            status = parsed
            body = p
        }
        var elements: [Element] = []
        var anchor: Set<UInt64>?
        var letters = Set<Int>()
        for part in body.split(separator: " ") {
            let word = String(part)
            if word.hasPrefix("{") {
                guard word.hasSuffix("}"), let colon = word.firstIndex(of: ":"),
                      let letter = word.dropFirst().first, ["A", "B", "C"].contains(letter), word.index(after: word.startIndex) == word.index(before: colon) else {
                    throw file.error(line, "a slot is written {A:role}, with the letter A, B or C: \(word)", fix: "write, for example, {A:investor}")
                }
                var role = String(word[word.index(after: colon)..<word.index(before: word.endIndex)]).replacing("_", with: " ")
                let optional = role.hasSuffix("?")
                if optional { role.removeLast() }
                guard !role.isEmpty else { throw file.error(line, "a slot needs a role: \(word)", fix: "write, for example, {B:investee}") }
                let n = Int(letter.asciiValue! - 65)
                letters.insert(n)
                elements.append(.slot(letter: n, role: role, optional: optional))
            } else if word.hasPrefix("...") || word.hasPrefix("…") {
                let digits = word.drop(while: { $0 == "." || $0 == "…" })
                guard digits.isEmpty || Int(digits) != nil else {
                    throw file.error(line, "a gap is written ... or ...N: \(word)", fix: "write ... (up to six words) or, for example, ...3")
                }
                elements.append(.gap(Int(digits) ?? defaultGap))
            } else {
                let optional = word.hasSuffix("?") && word.count > 1
                let bare = optional ? String(word.dropLast()) : word
                var keys = Set<UInt64>()
                for alternative in bare.split(separator: "|") {
                    let a = String(alternative)
                    let forms = a.hasSuffix("~") ? Inflection.forms(of: String(a.dropLast())) : [a]
                    for form in forms {
                        let k = lexicon.keys(form)
                        guard k.count == 1 else {
                            throw file.error(line, "\"\(form)\" is not one word", fix: "write each word of a phrase as its own element, separated by spaces")
                        }
                        keys.insert(k[0])
                    }
                }
                if keys.isEmpty { throw file.error(line, "an empty word: \(word)", fix: "remove the stray |") }
                elements.append(.words(WordSet(keys), optional: optional))
                if anchor == nil && !optional { anchor = keys }
            }
        }
        guard let anchor else {
            throw file.error(line, "the pattern has no required word", fix: "a pattern needs at least one word that is not optional, such as invest~")
        }
        guard !letters.isEmpty else {
            throw file.error(line, "the pattern has no party", fix: "add a slot such as {A:investor}")
        }
        return DealPattern(rule: kind.rawValue + "." + name, kind: kind, status: status, fallback: sectionWords.count == 2, joins: joins,
                           elements: elements, anchor: anchor)
    }
}
