import DealDrafting
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident memory (VmHWM), in MiB.
func peakMiB() -> Double {
    guard let f = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, f) != nil {
        let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if s.hasPrefix("VmHWM:") { return Double(s.split(separator: " ")[1]).map { $0 / 1024 } ?? 0 }
    }
    return 0
}

/// Articles of about 5 KB made from the test texts: each is several of them joined, with
/// the organisations' names varied (so that there are many partners), made when its
/// turn comes and dropped once drafted.
func runSpeed(count: Int) {
    let texts = fixtureTexts()
    guard !texts.isEmpty else { print("no test articles found"); return }
    let before = peakMiB()
    let t0 = seconds()
    let drafts = drafter.draft(count: count) { i in Article(text: syntheticArticle(i, texts), path: "article-\(i).txt") }
    let t1 = seconds()
    var partners = 0, deals = 0, events = 0, bytes = 0
    for d in drafts { partners += d.partners.count; deals += d.deals.count; events += d.events.count }
    for i in 0..<min(count, 100) { bytes += syntheticArticle(i, texts).utf8.count }
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    print("drafted \(count) articles (about \(bytes / max(1, min(count, 100))) bytes each) on \(cores) cores")
    print("  time            \(String(format1(t1 - t0))) s  (\(format1((t1 - t0) / Double(count) * 1e6)) µs an article)")
    print("  peak memory     \(format1(peakMiB())) MiB  (\(format1(before)) MiB before)")
    print("  found           \(partners) partner, \(deals) deal and \(events) event definitions")
}

func format1(_ x: Double) -> String { String((x * 10).rounded() / 10) }

func syntheticArticle(_ i: Int, _ texts: [String]) -> String {
    var out = ""
    var k = i
    while out.utf8.count < 4800 {
        var body = texts[k % texts.count]
        if let blank = body.firstRange(of: "\n\n") { body = String(body[blank.upperBound...]) }
        // Vary the invented names so that the partners differ between articles.
        for name in ["Fabrikam", "Contoso", "Northwind", "Tailspin", "Proseware", "Adatum", "Halcyon", "Brightwater", "Aster"] {
            body = body.replacing(name, with: name + String(UnicodeScalar(UInt8(65 + (i / 7 + k) % 26))))
        }
        out += body + "\n"
        k += 7
    }
    return out
}
