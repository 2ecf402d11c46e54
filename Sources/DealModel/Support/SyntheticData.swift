#if canImport(Glibc)
import Glibc
#endif

/// A synthetic, valid dataset of any size, written deterministically from a seed:
/// partners, deals, events and the document every quote resolves against
/// (`dealscope-gen` writes it for benchmarks; tests write small ones). `extended`
/// adds the format's later fields (every kind and status, bounds, ranges, rates,
/// equivalents, stakes, halves and quarters, draft marks, the document's origin);
/// without it the bytes are those of earlier versions, so figures stay comparable.
public enum SyntheticData {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `synthetic.dealscope.json` and `synthetic.txt` into `dir` (and with
    /// `csv`, `synthetic-deals.csv`); returns the number of partners and events.
    @discardableResult
    public static func write(deals: Int, partners: Int? = nil, events: Int? = nil, seed: UInt64 = 42, extended: Bool = false, csv: Bool = false,
                             to dir: String) throws(Failure) -> (partners: Int, events: Int) {
        let nPartners = max(2, partners ?? max(10, deals / 20))
        let nEvents = events ?? deals
        mkdir(dir, 0o755)
        var doc = try Writer(path: dir + "/synthetic.txt")
        var json = try Writer(path: dir + "/synthetic.dealscope.json")
        var table: Writer? = csv ? try Writer(path: dir + "/synthetic-deals.csv") : nil
        table?.write("id,title,kind,status,party_a,party_b,amount,currency,approximate\n")
        let kinds = extended ? DealKind.allCases.map(\.rawValue)
            : ["strategic-partnership", "licence", "intellectual-property", "cloud", "model-hosting", "investment", "product-integration", "framework", "amendment"]
        let statuses = extended ? DealStatus.allCases.map(\.rawValue) : ["in-effect", "unchanged", "announced", "disclosed", "stated", "reported"]
        let words = ["cloud", "model", "chip", "search", "robotics", "media", "health", "energy", "retail", "finance", "security", "gaming"]
        var rng = SplitMix64(state: seed)
        func pid(_ i: Int) -> String { "p" + String(i) }
        func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
        func name(_ i: Int) -> String { "Partner \(i) \(capitalized(words[i % words.count]))" }
        func spaced(_ s: String) -> String { String(s.map { $0 == "-" ? " " : $0 }) }

        json.write("{\n  \"dealscope\": 1,\n  \"title\": \"Synthetic dataset: \(nPartners) partners, \(deals) deals, \(nEvents) events (seed \(seed))\",\n")
        let origin = extended ? "\"publisher\": \"dealscope-gen\", \"url\": \"https://example.com/synthetic\", " : ""
        json.write("  \"documents\": [{ \"id\": \"synthetic\", \"path\": \"synthetic.txt\", \"title\": \"Generated document\", \(origin)\"date\": null }],\n")
        json.write("  \"partners\": [\n")
        for i in 0..<nPartners {
            doc.write("Record \(pid(i)): \(name(i)) makes Product \(i).\n")
            let draft = extended && rng.below(5) == 0 ? ", \"draft\": { \"rule\": \"gen.partner\", \"matched\": \"Record \(pid(i))\" }" : ""
            json.write("    { \"id\": \"\(pid(i))\", \"name\": \"\(name(i))\", \"products\": [{ \"name\": \"Product \(i)\", \"evidence\": [\"\(name(i)) makes Product \(i).\"] }], \"evidence\": [\"Record \(pid(i)): \(name(i))\"]\(draft) }\(i + 1 < nPartners ? "," : "")\n")
        }
        json.write("  ],\n  \"deals\": [\n")
        for d in 0..<deals {
            let a = rng.below(nPartners)
            var b = rng.below(nPartners)
            if b == a { b = (a + 1) % nPartners }
            let kind = kinds[rng.below(kinds.count)]
            let status = statuses[rng.below(statuses.count)]
            let hasValue = rng.below(3) == 0
            let amount = (rng.below(999) + 1) * 1_000_000
            let approximate = rng.below(2) == 0
            let title = "\(capitalized(words[rng.below(words.count)])) \(spaced(kind)) D\(d)"
            doc.write("Deal D\(d): \(name(a)) and \(name(b)) agreed a \(spaced(kind))" + (hasValue ? " worth \(approximate ? "roughly " : "")\(amount / 1_000_000) million dollars." : ".") + "\n")
            var value = "null"
            if hasValue {
                let text = "\"text\": \"\(approximate ? "roughly " : "")\(amount / 1_000_000) million dollars\""
                let shared = rng.below(4) == 0 ? ", \"sharedBy\": [\"\(pid(a))\", \"\(pid(b))\"]" : ""
                value = "{ \"amount\": \(amount), \"currency\": \"USD\", \"approximate\": \(approximate)\(extended ? extraValue(amount, &rng) : ""), \(text)\(shared) }"
            } else if extended && rng.below(10) == 0 {
                value = "{ \"stake\": \(1 + rng.below(49)) }"
            }
            var more = ""
            if extended {
                if rng.below(4) == 0 { more += ", \"date\": \"\(rng.below(2) == 0 ? "~" : "")\(1990 + rng.below(36))-\(rng.below(2) == 0 ? "H\(1 + rng.below(2))" : "Q\(1 + rng.below(4))")\"" }
                if rng.below(5) == 0 { more += ", \"draft\": { \"rule\": \"gen.deal\", \"matched\": \"Deal D\(d)\" }" }
            }
            json.write("    { \"id\": \"d\(d)\", \"title\": \"\(title)\", \"kind\": \"\(kind)\", \"status\": \"\(status)\", \"parties\": [{ \"partner\": \"\(pid(a))\", \"role\": \"party\" }, { \"partner\": \"\(pid(b))\", \"role\": \"party\" }], \"value\": \(value), \"evidence\": [\"Deal D\(d): \(name(a)) and \(name(b))\"]\(more) }\(d + 1 < deals ? "," : "")\n")
            table?.write("d\(d),\(title),\(kind),\(status),\(name(a)),\(name(b)),\(hasValue ? String(amount) : ""),\(hasValue ? "USD" : ""),\(hasValue ? String(approximate) : "")\n")
        }
        json.write("  ],\n  \"events\": [\n")
        for e in 0..<nEvents {
            let deal = deals > 0 ? rng.below(deals) : 0
            let undated = e > 0 && rng.below(10) == 0
            var date = "null"
            var order = ""
            var when = "undated"
            if undated {
                let relation = ["before", "with", "after"][rng.below(3)]
                order = ", \"order\": { \"\(relation)\": \"e\(rng.below(e))\" }"
            } else {
                let year = 1990 + rng.below(36)
                switch rng.below(3) {
                case 0: date = "\"\(year)\""; when = "in \(year)"
                case 1: let m = rng.below(12) + 1; date = "\"\(year)-\(m < 10 ? "0" : "")\(m)\""; when = "in \(date.dropFirst().dropLast())"
                default:
                    let m = rng.below(12) + 1, dd = rng.below(28) + 1
                    date = "\"\(year)-\(m < 10 ? "0" : "")\(m)-\(dd < 10 ? "0" : "")\(dd)\""; when = "on \(date.dropFirst().dropLast())"
                }
                if extended && rng.below(5) == 0 { date = "\"\(year)-\(rng.below(2) == 0 ? "H\(1 + rng.below(2))" : "Q\(1 + rng.below(4))")\"" }
            }
            doc.write("Event E\(e): deal D\(deal) was signed \(when).\n")
            let draft = extended && rng.below(5) == 0 ? ", \"draft\": { \"rule\": \"gen.event\", \"matched\": \"Event E\(e)\" }" : ""
            json.write("    { \"id\": \"e\(e)\", \"title\": \"Signing of D\(deal)\", \"date\": \(date)\(order), \"deals\": [\"d\(deal)\"], \"evidence\": [\"Event E\(e): deal D\(deal)\"]\(draft) }\(e + 1 < nEvents ? "," : "")\n")
        }
        json.write("  ]\n}\n")
        try doc.close()
        try json.close()
        try table?.close()
        return (nPartners, nEvents)
    }

    /// One of the later amount forms, or none: a bound, a range with its equivalent,
    /// a rate, a stake.
    private static func extraValue(_ amount: Int, _ rng: inout SplitMix64) -> String {
        switch rng.below(6) {
        case 0: return ", \"bound\": \"\(rng.below(2) == 0 ? "at-most" : "at-least")\""
        case 1: return ", \"maximum\": \(amount * 2), \"equivalent\": { \"amount\": \(amount * 4 / 5), \"currency\": \"GBP\", \"maximum\": \(amount * 8 / 5) }"
        case 2: return ", \"per\": \"\(["year", "quarter", "month"][rng.below(3)])\""
        case 3: return ", \"stake\": \(1 + rng.below(99))"
        default: return ""
        }
    }

    /// Buffered writing to a file descriptor.
    private struct Writer {
        let fd: Int32
        let path: String
        var buffer: [UInt8] = []

        init(path: String) throws(Failure) {
            self.path = path
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd < 0 { throw Failure(description: "cannot write \(path)") }
            buffer.reserveCapacity(1 << 20)
        }

        mutating func write(_ s: String) {
            buffer.append(contentsOf: s.utf8)
            if buffer.count >= 1 << 20 { try? flush() }
        }

        mutating func flush() throws(Failure) {
            var offset = 0
            while offset < buffer.count {
                let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, buffer.count - offset) }
                if n <= 0 { throw Failure(description: "write failed: \(path)") }
                offset += n
            }
            buffer.removeAll(keepingCapacity: true)
        }

        mutating func close() throws(Failure) {
            try flush()
            _ = Glibc.close(fd)
        }
    }
}
