// libFuzzer entry point for the dataset loader: every input is parsed, decoded and
// checked against a small document; the loader must return problems, never crash
// or hang, the fast loader must accept only what the careful one accepts, read every
// field the same way (compared field by field from the declarations) and report what
// it reports itself as the careful one does, and a catalog written as a dataset must
// load back the same. Built by Scripts/fuzz/run.sh together with the DealModel sources.

nonisolated(unsafe) var fuzzDirectory: String = {
    // The document quotes resolve against sits beside this file.
    var path = #filePath
    while let last = path.last, last != "/" { path.removeLast() }
    return path + "corpus-doc"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (catalog, problems) = DatasetLoader.check(json: bytes, file: "fuzz.json", directory: fuzzDirectory)
    // Exercise what the front ends ask of a loaded catalog.
    if let catalog {
        _ = catalog.dealIndices(matching: DealQuery(text: "a"))
        _ = catalog.eventIndices(matching: DealQuery())
        for e in catalog.events.indices { _ = catalog.neighbour(of: e, in: Array(catalog.events.indices), forward: true) }
    }
    for p in problems { _ = p.description }
    // The fast loader must accept only what the careful one accepts, and read it the
    // same; what it reports itself must be what the careful one reports.
    var reported: [DataProblem] = []
    let fast: Catalog? = bytes.withUnsafeBufferPointer { b -> Catalog? in
        guard let dataset = try? FastDecoder(file: "fuzz.json").decode(b) else { return nil }
        let prep = DocumentPrep()
        prep.start(dataset.documents, directory: fuzzDirectory)
        guard let prepared = prep.wait() else { return nil }
        var resolver = FastResolver(file: "fuzz.json", directory: fuzzDirectory)
        resolver.report = (FastReport(), RecordText(bytes: b))
        do throws(FastPathExit) {
            return try resolver.build(dataset, prepared)
        } catch {
            reported = error.problems
            return nil
        }
    }
    if !reported.isEmpty {
        guard reported == problems else {
            fatalError("the fast loader reported other problems than the careful one:\n\(reported.map(\.description).joined(separator: "\n"))\n---\n\(problems.map(\.description).joined(separator: "\n"))")
        }
    }
    if let fast {
        guard let careful = catalog, problems.isEmpty else { fatalError("the fast loader accepted data the careful one refuses: \(problems.first.map(\.description) ?? "")") }
        same(CatalogDump.lines(fast), CatalogDump.lines(careful), "the fast and the careful loader")
    }
    // Written as a dataset and read back: the same records.
    if let catalog {
        let text = DatasetWriter(catalog: catalog, directory: fuzzDirectory).text()
        let (back, backProblems) = DatasetLoader.check(json: Array(text.utf8), file: "fuzz.json", directory: fuzzDirectory)
        guard let back else { fatalError("a written dataset does not load: \(backProblems.first.map(\.description) ?? "")\n\(text)") }
        same(CatalogDump.lines(back, places: false), CatalogDump.lines(catalog, places: false), "a catalog and the dataset written from it")
    }
    return 0
}

func same(_ a: [String], _ b: [String], _ what: String) {
    guard a != b else { return }
    let k = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
    fatalError("\(what) differ at line \(k):\n\(k < a.count ? a[k] : "(none)")\n\(k < b.count ? b[k] : "(none)")")
}
