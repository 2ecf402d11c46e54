#if canImport(Glibc)
import Glibc
#endif

/// A dataset whose document is one paragraph of about `megabytes` MB (no line end but
/// the last): the hostile case for laying text out (issue 15). Sentences are numbered,
/// so every quote ("Sentence 1234 of the long paragraph") is found once; one sentence
/// in a thousand names a zephyr, for searching. 10 partners, 200 deals and 20 events
/// quote sentences spread through the paragraph, and every deal's first sentence is
/// also quoted by one of its parties (spans quoted by several records).
func writeOneParagraph(megabytes: Int, to dir: String) {
    mkdir(dir, 0o755)
    let target = megabytes * 1_000_000
    var text: [UInt8] = []
    text.reserveCapacity(target + 200)
    var sentences = 0
    while text.count < target {
        let zephyr = sentences % 1000 == 999 ? " near a zephyr" : ""
        text += Array("Sentence \(sentences) of the long paragraph notes that Partner \(sentences % 10) met Partner \((sentences + 3) % 10)\(zephyr) again. ".utf8)
        sentences += 1
    }
    text[text.count - 1] = 0x0A
    func quote(_ k: Int) -> String { "Sentence \(k) of the long paragraph" }
    func spread(_ i: Int, _ n: Int) -> Int { (sentences - 10) * i / max(1, n - 1) }
    var json = "{\n  \"dealscope\": 1,\n  \"title\": \"One paragraph of \(megabytes) MB (\(sentences) sentences)\",\n"
    json += "  \"documents\": [{ \"id\": \"paragraph\", \"path\": \"paragraph.txt\", \"title\": \"One long paragraph\", \"date\": null }],\n"
    let deals = 200, events = 20
    json += "  \"partners\": [\n" + (0..<10).map { p in
        // A partner quotes the first sentence of each deal it is the first party of.
        let own = stride(from: p, to: deals, by: 10).map { "\"\(quote(spread($0, deals)))\"" }
        return "    { \"id\": \"p\(p)\", \"name\": \"Partner \(p)\", \"evidence\": [\(own.joined(separator: ", "))] }"
    }.joined(separator: ",\n") + "\n  ],\n"
    json += "  \"deals\": [\n" + (0..<deals).map { d in
        let evidence = [spread(d, deals), min(sentences - 1, spread(d, deals) + 7)].map { "\"\(quote($0))\"" }.joined(separator: ", ")
        return "    { \"id\": \"d\(d)\", \"title\": \"Deal \(d) in the long paragraph\", \"kind\": \"framework\", \"status\": \"stated\", "
            + "\"parties\": [{ \"partner\": \"p\(d % 10)\", \"role\": \"party\" }, { \"partner\": \"p\((d + 3) % 10)\", \"role\": \"party\" }], "
            + "\"value\": null, \"evidence\": [\(evidence)] }"
    }.joined(separator: ",\n") + "\n  ],\n"
    json += "  \"events\": [\n" + (0..<events).map { e in
        "    { \"id\": \"e\(e)\", \"title\": \"Event \(e)\", \"date\": \"\(2000 + e)\", \"deals\": [\"d\(e * 10)\"], \"evidence\": [\"\(quote(min(sentences - 1, spread(e * 10, deals) + 3)))\"] }"
    }.joined(separator: ",\n") + "\n  ]\n}\n"
    for (name, bytes) in [("paragraph.txt", text), ("paragraph.dealscope.json", Array(json.utf8))] {
        guard let f = fopen(dir + "/" + name, "w") else { fail("cannot write \(dir)/\(name)") }
        if fwrite(bytes, 1, bytes.count, f) != bytes.count { fail("write failed: \(dir)/\(name)") }
        fclose(f)
    }
    print("wrote \(dir)/paragraph.dealscope.json and paragraph.txt: one paragraph of \(text.count) bytes, \(sentences) sentences; 10 partners, \(deals) deals, \(events) events")
}
