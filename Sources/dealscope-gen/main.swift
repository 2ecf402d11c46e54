import DealModel
#if canImport(Glibc)
import Glibc
#endif

// Writes a synthetic, valid dealscope dataset of any size, deterministically.
//
//   dealscope-gen --deals M [--partners N] [--events K] [--seed S] --out DIR [--csv] [--extended]
//   dealscope-gen --one-paragraph MB --out DIR
//
// DIR receives synthetic.dealscope.json and synthetic.txt (the document every quote
// resolves against), and with --csv synthetic-deals.csv (the same deals as a table,
// for tools that read tables). --extended uses the format's later fields too (see
// SyntheticData). The same arguments always give the same bytes.

func fail(_ message: String) -> Never {
    let text = "dealscope-gen: \(message)\n"
    _ = text.withCString { Glibc.write(2, $0, strlen($0)) }
    exit(64)
}

func number<T: LosslessStringConvertible>(_ text: String, _ option: String) -> T {
    guard let v = T(text) else { fail("\(option) takes a number") }
    return v
}

var deals = 1000, partners: Int?, events: Int?, seed: UInt64 = 42, out: String?, csv = false, extended = false, paragraphMB: Int?
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
    case "--extended": extended = true
    case "--one-paragraph": paragraphMB = number(value(), a) as Int
    case "-h", "--help":
        print("usage: dealscope-gen --deals M [--partners N] [--events K] [--seed S] --out DIR [--csv] [--extended]")
        print("       dealscope-gen --one-paragraph MB --out DIR   (a document of one paragraph, for the document view)")
        exit(0)
    default: fail("unknown argument \(a)")
    }
}
guard let dir = out else { fail("--out DIR is required") }
if let paragraphMB {
    writeOneParagraph(megabytes: paragraphMB, to: dir)
    exit(0)
}
do {
    let (p, e) = try SyntheticData.write(deals: deals, partners: partners, events: events, seed: seed, extended: extended, csv: csv, to: dir)
    print("wrote \(dir)/synthetic.dealscope.json and synthetic.txt\(csv ? " and synthetic-deals.csv" : ""): \(p) partners, \(deals) deals, \(e) events")
} catch {
    fail(error.description)
}
