import DealModel
import ExplorerCore

// `--document`: the keys of the document view and of Detail on a dataset whose quotes
// stand in long paragraphs (`dealscope-gen --one-paragraph 50`): each key handled and
// the screen drawn, and a search of the document in slices between keys.

func documentBench(_ catalog: Catalog, rounds: Int) {
    var state = Explorer.start(catalog: catalog, width: width, height: height)
    func row(_ name: String, _ times: [Double]) {
        print(pad(name, 40) + pad(fmt(median(times)), 12) + pad(fmt(times.max() ?? 0), 12) + memory())
    }
    func key(_ k: Key, _ n: Int = rounds) -> [Double] {
        (0..<n).map { _ in
            let t0 = now()
            _ = Explorer.update(&state, .key(k))
            _ = Explorer.render(state)
            return now() - t0
        }
    }
    print("dealscope-bench --document: \(catalog.documents.map { "\($0.text.utf8.count / 1_000_000) MB, \($0.paragraphs.count) paragraph(s)" }.joined(separator: "; ")); \(width)x\(height); \(rounds) rounds")
    print("")
    print(pad("key + draw", 40) + pad("median", 12) + pad("max", 12) + "memory after")
    row("2 (Deals: Detail shows a deal's quotes)", key(.char("2"), 1))
    row("j in Deals (Detail: the next deal)", key(.char("j")))
    row("v (open the document view)", key(.char("v"), 1))
    row("j (scroll a line)", key(.char("j")))
    row("PgDn (scroll a page)", key(.pageDown))
    row("] (next quoted span)", key(.char("]")))
    row("G (the end)", key(.char("G"), 1))
    row("g (the start)", key(.char("g"), 1))
    // A search typed as in less, then its slices on idle turns (only where the
    // document view searches).
    var typing: [Double] = []
    for c in "/zephyr" {
        typing += key(.char(c), 1)
    }
    if state.inputMode.rawValue == "documentSearch" {
        row("/zephyr, each key", typing)
        // The backend draws the progress every 40 ms, not after every slice.
        var slices: [Double] = []
        let t0 = now()
        while state.isBusy {
            let t = now()
            _ = Explorer.update(&state, .idle)
            slices.append(now() - t)
        }
        let whole = now() - t0
        row("search slice (\(slices.count) slices)", slices)
        print(pad("whole search, in slices", 40) + fmt(whole))
        row("Enter, then n (next match)", key(.enter, 1) + key(.char("n")))
    }
    row("Esc (close the document)", key(.escape, 1))
}
