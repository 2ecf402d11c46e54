import DealModel
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
func peakMiB() -> Double { statusMiB("VmHWM:") }

/// A memory figure of /proc/self/status, in MiB.
func statusMiB(_ field: String) -> Double {
    guard let f = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, f) != nil {
        let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if s.hasPrefix(field) { return Double(s.split(separator: " ")[1]).map { $0 / 1024 } ?? 0 }
    }
    return 0
}

/// Articles of about 5 KB made from the test texts: each is several of them joined, with
/// the organisations' names varied (so that there are many partners), made when its
/// turn comes and dropped once drafted.
func runSpeed(count: Int) {
    let texts = variants(fixtureTexts())
    guard !texts.isEmpty else { print("no test articles found"); return }
    let before = peakMiB()
    let t0 = seconds()
    var partners = 0, deals = 0, events = 0, bytes = 0
    var sizes: [(quotes: Int, other: Int, count: Int)] = []
    var firstDraft = 0.0
    // Each draft is counted and let go, as a command writing files would.
    drafter.draft(count: count, article: { i in Article(text: syntheticArticle(i, texts), path: "article-\(i).txt") }) { i, d in
        partners += d.partners.count
        deals += d.deals.count
        events += d.events.count
        if i < 100 { sizes.append(textBytes(d)) }
        if i == 0 {
            firstDraft = seconds()
            print("  resident after analysis and assembly set-up: \(format1(statusMiB("VmRSS:"))) MiB")
        }
    }
    let t1 = seconds()
    for i in 0..<min(count, 100) { bytes += syntheticArticle(i, texts).utf8.count }
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    print("drafted \(count) articles (about \(bytes / max(1, min(count, 100))) bytes each) on \(cores) cores")
    print("  time            \(String(format1(t1 - t0))) s  (\(format1((t1 - t0) / Double(count) * 1e6)) µs an article)")
    print("    to the first draft (analysis on every core, identity and deals on one)  \(format1(firstDraft - t0)) s")
    print("    drafts, one at a time                                                   \(format1(t1 - firstDraft)) s")
    print("  peak memory     \(format1(peakMiB())) MiB  (\(format1(before)) MiB before)")
    print("  found           \(partners) partner, \(deals) deal and \(events) event definitions")
    print("  text per draft  \(sizes.map(\.quotes).reduce(0, +) / sizes.count) bytes of quotes (\(sizes.map(\.count).reduce(0, +) / sizes.count) quotes), \(sizes.map(\.other).reduce(0, +) / sizes.count) bytes of other text")
}

func format1(_ x: Double) -> String { String((x * 10).rounded() / 10) }

/// The bodies of the test articles (without their header), each in 26 variants whose
/// invented names differ ("Fabrikambo", "Contosobo"), so that drafted articles do not
/// all name the same partners.
func variants(_ texts: [String]) -> [[String]] {
    let syllables = ["al", "bo", "cu", "di", "ek", "fo", "gu", "hy", "iv", "jo", "ka", "lu", "mo", "ny", "ox", "pe",
                     "qu", "ri", "su", "ty", "uz", "vo", "wy", "xe", "yo", "ze"]
    return texts.map { text in
        var body = text
        if let blank = body.firstRange(of: "\n\n") { body = String(body[blank.upperBound...]) }
        return syllables.map { syllable in
            var b = body
            for name in ["Fabrikam", "Contoso", "Northwind", "Tailspin", "Proseware", "Adatum", "Halcyon", "Brightwater", "Aster"] {
                b = b.replacing(name, with: name + syllable)
            }
            return b
        }
    }
}

/// Article `i`: test bodies joined until about 5 KB, in the variant `i` picks.
func syntheticArticle(_ i: Int, _ texts: [[String]]) -> String {
    var out = ""
    var k = i
    while out.utf8.count < 4800 {
        out += texts[k % texts.count][(i / texts.count + k) % 26] + "\n"
        k += 7
    }
    return out
}

/// Bytes of text a draft holds (quotes, names, marks), to see where memory goes.
func textBytes(_ d: ArticleDraft) -> (quotes: Int, other: Int, count: Int) {
    var q = 0, o = 0, n = 0
    func add(_ e: [DraftQuote]) { for x in e { q += x.text.utf8.count; n += 1 } }
    func mark(_ m: DraftMark) { o += m.rule.utf8.count + m.matched.utf8.count }
    for p in d.partners { add(p.evidence); mark(p.draft); o += p.name.utf8.count; for pr in p.products { add(pr.evidence); mark(pr.draft) } }
    for x in d.deals { add(x.evidence); mark(x.draft); o += x.title.utf8.count + x.id.utf8.count }
    for e in d.events { add(e.evidence); mark(e.draft); o += e.title.utf8.count + e.id.utf8.count }
    for note in d.notes { o += note.message.utf8.count; if let qq = note.quote { add([qq]) } }
    return (q, o, n)
}
