// libFuzzer entry point for the dataset loader: every input is parsed, decoded and
// checked against a small document; the loader must return problems, never crash
// or hang. Built by Scripts/fuzz/run.sh together with the DealModel sources.

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
    return 0
}
