import DealModel
#if canImport(Glibc)
import Glibc
#endif

// Writes a synthetic, valid dealscope dataset of any size, deterministically.
//
//   dealscope-gen --deals M [--partners N] [--events K] [--seed S] --out DIR [--csv]
//
// DIR receives synthetic.dealscope.json and synthetic.txt (the document every quote
// resolves against), and with --csv synthetic-deals.csv (the same deals as a table,
// for tools that read tables). The same arguments always give the same bytes.


/// Buffered writing to a file descriptor.
struct Writer {
    let fd: Int32
    var buffer: [UInt8] = []
    init(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { fail("cannot write \(path)") }
        buffer.reserveCapacity(1 << 20)
    }
    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }
    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, buffer.count - offset) }
            if n <= 0 { fail("write failed") }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
    mutating func close() { flush(); _ = Glibc.close(fd) }
}

func fail(_ message: String) -> Never {
    let text = "dealscope-gen: \(message)\n"
    _ = text.withCString { Glibc.write(2, $0, strlen($0)) }
    exit(64)
}

func number<T: LosslessStringConvertible>(_ text: String, _ option: String) -> T {
    guard let v = T(text) else { fail("\(option) takes a number") }
    return v
}

var deals = 1000, partners: Int?, events: Int?, seed: UInt64 = 42, out: String?, csv = false
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    func value() -> String {
        if args.isEmpty { fail("\(a) needs a value") }
        return args.removeFirst()
    }
    switch a {
    case "--deals": deals = number(value(), a)
    case "--partners": partners = number(value(), a) as Int
    case "--events": events = number(value(), a) as Int
    case "--seed": seed = number(value(), a)
    case "--out": out = value()
    case "--csv": csv = true
    case "-h", "--help":
        print("usage: dealscope-gen --deals M [--partners N] [--events K] [--seed S] --out DIR [--csv]")
        exit(0)
    default: fail("unknown argument \(a)")
    }
}
guard let dir = out else { fail("--out DIR is required") }
let nPartners = max(2, partners ?? max(10, deals / 20))
let nEvents = events ?? deals
mkdir(dir, 0o755)

let kinds = ["strategic-partnership", "licence", "intellectual-property", "cloud", "model-hosting", "investment", "product-integration", "framework", "amendment"]
let statuses = ["in-effect", "unchanged", "announced", "disclosed", "stated", "reported"]
let words = ["cloud", "model", "chip", "search", "robotics", "media", "health", "energy", "retail", "finance", "security", "gaming"]
var rng = SplitMix64(state: seed)

func pid(_ i: Int) -> String { "p" + String(i) }
func name(_ i: Int) -> String { "Partner \(i) \(words[i % words.count].capitalized)" }

extension String {
    var capitalized: String { prefix(1).uppercased() + dropFirst() }
}

var doc = Writer(path: dir + "/synthetic.txt")
var json = Writer(path: dir + "/synthetic.dealscope.json")
var table: Writer? = csv ? Writer(path: dir + "/synthetic-deals.csv") : nil
table?.write("id,title,kind,status,party_a,party_b,amount,currency,approximate\n")

json.write("{\n  \"dealscope\": 1,\n  \"title\": \"Synthetic dataset: \(nPartners) partners, \(deals) deals, \(nEvents) events (seed \(seed))\",\n")
json.write("  \"documents\": [{ \"id\": \"synthetic\", \"path\": \"synthetic.txt\", \"title\": \"Generated document\", \"date\": null }],\n")
json.write("  \"partners\": [\n")
for i in 0..<nPartners {
    let sentence = "Record \(pid(i)): \(name(i)) makes Product \(i)."
    doc.write(sentence + "\n")
    json.write("    { \"id\": \"\(pid(i))\", \"name\": \"\(name(i))\", \"products\": [{ \"name\": \"Product \(i)\", \"evidence\": [\"\(name(i)) makes Product \(i).\"] }], \"evidence\": [\"Record \(pid(i)): \(name(i))\"] }\(i + 1 < nPartners ? "," : "")\n")
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
    let title = "\(words[rng.below(words.count)].capitalized) \(kind.replacingDashes) D\(d)"
    let sentence = "Deal D\(d): \(name(a)) and \(name(b)) agreed a \(kind.replacingDashes)" + (hasValue ? " worth \(approximate ? "roughly " : "")\(amount / 1_000_000) million dollars." : ".")
    doc.write(sentence + "\n")
    var value = "null"
    if hasValue {
        value = "{ \"amount\": \(amount), \"currency\": \"USD\", \"approximate\": \(approximate), \"text\": \"\(approximate ? "roughly " : "")\(amount / 1_000_000) million dollars\"\(rng.below(4) == 0 ? ", \"sharedBy\": [\"\(pid(a))\", \"\(pid(b))\"]" : "") }"
    }
    json.write("    { \"id\": \"d\(d)\", \"title\": \"\(title)\", \"kind\": \"\(kind)\", \"status\": \"\(status)\", \"parties\": [{ \"partner\": \"\(pid(a))\", \"role\": \"party\" }, { \"partner\": \"\(pid(b))\", \"role\": \"party\" }], \"value\": \(value), \"evidence\": [\"Deal D\(d): \(name(a)) and \(name(b))\"] }\(d + 1 < deals ? "," : "")\n")
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
    }
    let sentence = "Event E\(e): deal D\(deal) was signed \(when)."
    doc.write(sentence + "\n")
    json.write("    { \"id\": \"e\(e)\", \"title\": \"Signing of D\(deal)\", \"date\": \(date)\(order), \"deals\": [\"d\(deal)\"], \"evidence\": [\"Event E\(e): deal D\(deal)\"] }\(e + 1 < nEvents ? "," : "")\n")
}
json.write("  ]\n}\n")
doc.close()
json.close()
table?.close()
print("wrote \(dir)/synthetic.dealscope.json and synthetic.txt\(csv ? " and synthetic-deals.csv" : ""): \(nPartners) partners, \(deals) deals, \(nEvents) events")

extension String {
    var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
