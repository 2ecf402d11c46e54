// libFuzzer entry point for the dataset loader: every input is parsed, decoded and
// checked against a small document; the loader must return problems, never crash
// or hang, and the fast loader must accept only what the careful one accepts and
// read it the same way, and report what it reports itself as the careful one does.
// Built by Scripts/fuzz/run.sh together with the DealModel sources.

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
        precondition(fast.partners.map(\.id) == careful.partners.map(\.id), "partners differ")
        precondition(fast.deals.indices.map(fast.deals.id) == careful.deals.indices.map(careful.deals.id), "deals differ")
        precondition(fast.events.indices.map(fast.events.id) == careful.events.indices.map(careful.events.id), "timeline differs")
        for d in fast.deals.indices { precondition(fast.deals[d].evidence.map(\.utf8Range) == careful.deals[d].evidence.map(\.utf8Range), "quotes differ") }
    }
    return 0
}
