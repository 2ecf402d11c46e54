import DealDrafting
import DealModel

/// Hand-made annotations of an article: the partners, deals (kind, parties, value) and
/// events (date, partners) a person reads in it. From a compact `.gold` file (see
/// Tests/Fixtures/draft/) or from a dataset in the data format.
struct Gold {
    struct Deal {
        let kind: String
        let parties: [String]
        let value: DraftAmount?
    }

    struct Event {
        let date: DraftDate?
        let parties: [String]
    }

    var partners: [[String]] = []
    var deals: [Deal] = []
    var events: [Event] = []
    /// Deals' own dates (a dataset's `date` of a deal).
    var dealDates: [DraftDate] = []

    /// Every date stated, as the data format writes it.
    var dates: Set<String> { Set(events.compactMap { $0.date?.formatted } + dealDates.map(\.formatted)) }

    /// Lines `partner Name | alias`, `deal kind: A, B = amount`, `event DATE|undated: A, B`.
    static func parse(_ text: String, file: String) throws -> Gold {
        var gold = Gold()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingSpaces
            if line.isEmpty { continue }
            let fail = { (why: String) in GoldError(message: "\(file):\(n + 1): \(why)") }
            if line.hasPrefix("partner ") {
                gold.partners.append(line.dropFirst(8).split(separator: "|").map { $0.trimmingSpaces })
            } else if line.hasPrefix("deal ") {
                let body = line.dropFirst(5)
                guard let colon = body.firstIndex(of: ":") else { throw fail("deal KIND: A, B = amount") }
                let kind = body[..<colon].trimmingSpaces
                let rest = body[body.index(after: colon)...].split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
                let parties = rest[0].split(separator: ",").map { $0.trimmingSpaces }
                var value: DraftAmount?
                if rest.count == 2 { value = try amount(rest[1], fail) }
                gold.deals.append(Deal(kind: kind, parties: parties, value: value))
            } else if line.hasPrefix("event ") {
                let body = line.dropFirst(6)
                guard let colon = body.firstIndex(of: ":") else { throw fail("event DATE: A, B") }
                let when = body[..<colon].trimmingSpaces
                let date = when == "undated" ? nil : DraftDate.parse(when)
                if when != "undated" && date == nil { throw fail("bad date \(when)") }
                gold.events.append(Event(date: date, parties: body[body.index(after: colon)...].split(separator: ",").map { $0.trimmingSpaces }))
            } else {
                throw fail("expected partner, deal or event")
            }
        }
        return gold
    }

    /// `4000000000 USD ~ <= /year stake 7 (9500000000 GBP)`, `2e9..3e9 USD`, `stake 10 ~`.
    static func amount(_ s: String, _ fail: (String) -> GoldError) throws -> DraftAmount {
        var v = DraftAmount()
        var rest = s
        if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")") {
            let inner = try amount(String(rest[rest.index(after: open)..<close]), fail)
            v.equivalent = DraftAmount.Equivalent(amount: inner.amount ?? 0, currency: inner.currency ?? "", maximum: inner.maximum)
            rest = String(rest[..<open])
        }
        let words = rest.split(separator: " ").map(String.init)
        var k = 0
        while k < words.count {
            let w = words[k]
            switch w {
            case "~": v.approximate = true
            case "<=": v.bound = .atMost
            case ">=": v.bound = .atLeast
            case "/year": v.per = .year
            case "/quarter": v.per = .quarter
            case "/month": v.per = .month
            case "stake":
                k += 1
                guard k < words.count, let s = Double(words[k]) else { throw fail("stake N") }
                v.stake = s
            default:
                if w.count == 3, w.allSatisfy(\.isUppercase) { v.currency = w; break }
                let range = w.split(separator: ".", omittingEmptySubsequences: true)
                if w.contains(".."), range.count == 2, let a = Double(range[0]), let b = Double(range[1]) { v.amount = a; v.maximum = b; break }
                guard let a = Double(w) else { throw fail("unknown amount word \(w)") }
                v.amount = a
            }
            k += 1
        }
        return v
    }

    /// A dataset in the data format (as `Assets/openai-microsoft-alliance.dealscope.json`).
    static func dataset(_ bytes: [UInt8], file: String) throws -> Gold {
        let root = try JSONParser.parse(bytes)
        var gold = Gold()
        var names: [String: String] = [:]
        for p in root["partners"]?.array ?? [] {
            let name = p["name"]?.string ?? ""
            names[p["id"]?.string ?? ""] = name
            gold.partners.append([name] + (p["aliases"]?.array ?? []).compactMap(\.string))
        }
        var dealParties: [String: [String]] = [:]
        for d in root["deals"]?.array ?? [] {
            let parties = (d["parties"]?.array ?? []).compactMap { $0["partner"]?.string }.map { names[$0] ?? $0 }
            dealParties[d["id"]?.string ?? ""] = parties
            var value: DraftAmount?
            if let v = d["value"], case .object = v.value {
                value = DraftAmount(amount: v["amount"]?.number, currency: v["currency"]?.string, approximate: v["approximate"]?.bool ?? false,
                                    maximum: v["maximum"]?.number, stake: v["stake"]?.number)
                if let b = v["bound"]?.string { value?.bound = DraftAmount.Bound(rawValue: b) }
                if let p = v["per"]?.string { value?.per = DraftAmount.Per(rawValue: p) }
            }
            gold.deals.append(Deal(kind: d["kind"]?.string ?? "", parties: parties, value: value))
            if let date = d["date"]?.string.flatMap(DraftDate.parse) { gold.dealDates.append(date) }
        }
        for e in root["events"]?.array ?? [] {
            var parties = (e["partners"]?.array ?? []).compactMap(\.string).map { names[$0] ?? $0 }
            for d in (e["deals"]?.array ?? []).compactMap(\.string) { parties += dealParties[d] ?? [] }
            let date = e["date"]?.string.flatMap(DraftDate.parse) ?? e["date"]?["value"]?.string.flatMap(DraftDate.parse)
            gold.events.append(Event(date: date, parties: Array(Set(parties)).sorted()))
        }
        return gold
    }
}

struct GoldError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension JSONNode {
    subscript(key: String) -> JSONNode? {
        if case .object(let members) = value { return members.first { $0.key == key }?.value }
        return nil
    }
    var array: [JSONNode]? { if case .array(let a) = value { return a }; return nil }
    var string: String? { if case .string(let s) = value { return s }; return nil }
    var number: Double? { if case .number(let n) = value { return n }; return nil }
    var bool: Bool? { if case .bool(let b) = value { return b }; return nil }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
