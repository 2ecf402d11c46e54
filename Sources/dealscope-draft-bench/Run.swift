import DealDrafting
import DealModel

#if canImport(Glibc)
import Glibc
#endif

func readText(_ path: String) -> String? {
    guard let f = fopen(path, "r") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func fixtureDirectory(_ given: String?) -> String {
    if let given { return given }
    var root = #filePath
    for _ in 0..<3 { root = String(root[..<root.lastIndex(of: "/")!]) }
    return root + "/Tests/Fixtures/draft"
}

func fixtureTexts() -> [String] {
    let dir = fixtureDirectory(nil)
    return splitList(dir).compactMap { readText(dir + "/" + $0.name + ".txt") }
}

/// `split.txt`: which articles are tuned on (dev) and which are held out.
func splitList(_ dir: String) -> [(group: String, name: String)] {
    (readText(dir + "/split.txt") ?? "").split(separator: "\n").compactMap { line in
        let words = line.split(separator: " ")
        guard words.count == 2, !line.hasPrefix("#") else { return nil }
        return (String(words[0]), String(words[1]))
    }
}

func runScore(directory: String?) {
    let dir = fixtureDirectory(directory)
    let assets = String(dir[..<dir.firstRange(of: "/Tests/")!.lowerBound]) + "/Assets"
    var rows: [(group: String, name: String, score: Score)] = []
    // The bundled article against the bundled dataset.
    if let text = readText(assets + "/openai-microsoft-alliance.txt"), let json = readText(assets + "/openai-microsoft-alliance.dealscope.json") {
        do {
            let gold = try Gold.dataset(Array(json.utf8), file: "openai-microsoft-alliance.dealscope.json")
            let draft = drafter.draft(article: Article(text: text, path: "openai-microsoft-alliance.txt"))
            rows.append(("bundled", "openai-microsoft-alliance", Score(draft: draft, gold: gold)))
        } catch { print(error) }
    }
    for (group, name) in splitList(dir) {
        guard let text = readText(dir + "/" + name + ".txt"), let goldText = readText(dir + "/" + name + ".gold") else { print("missing \(name)"); continue }
        do {
            let gold = try Gold.parse(goldText, file: name + ".gold")
            rows.append((group, name, Score(draft: drafter.draft(article: Article(text: text, path: name + ".txt")), gold: gold)))
        } catch { print(error) }
    }
    printTable(rows)
}

func printTable(_ rows: [(group: String, name: String, score: Score)]) {
    let pad = { (s: String, n: Int) in s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func cell(_ c: Score.Count) -> String { "\(fmt(c.precision)) / \(fmt(c.recall))" }
    print("precision / recall (matched of proposed, matched of gold); deals match by parties and kind, or by parties and the amount where the gold states one")
    print("")
    print(pad("article", 30) + Score.families.map { pad($0, 25) }.joined())
    for r in rows { print(pad("\(r.name)", 30) + r.score.counts.map { pad(cell($0), 25) }.joined()) }
    print("")
    for group in ["bundled", "dev", "held-out"] {
        var total = Score()
        for r in rows where r.group == group { total += r.score }
        print(pad("all \(group)", 30) + total.counts.map { pad(cell($0), 25) }.joined())
    }
}

func fmt(_ x: Double) -> String {
    let s = String((x * 100).rounded() / 100)
    return s.count < 4 ? s + String(repeating: "0", count: 4 - s.count) : s
}
