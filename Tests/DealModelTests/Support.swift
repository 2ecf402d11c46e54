@testable import DealModel
import Foundation
import Testing

/// Paths of the source tree, found from this file: Tests/DealModelTests/Support.swift.
enum Paths {
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = parent(path) }
        return path
    }()

    static let assets = packageRoot + "/Assets"
    static let bundledDataset = assets + "/openai-microsoft-alliance.dealscope.json"
    static let fixtures = packageRoot + "/Tests/Fixtures"

    static func fixture(_ relative: String) -> String { fixtures + "/" + relative }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}

/// The bundled article, loaded once for every test that reads it.
let bundled: Catalog = {
    do {
        return try DatasetLoader.load(path: Paths.bundledDataset)
    } catch {
        fatalError("the bundled data does not load:\n\(error)")
    }
}()

extension Catalog {
    func partnerIDs(_ indices: some Collection<Int>) -> [String] { indices.map { partners[$0].id } }
    func dealIDs(_ indices: some Collection<Int>) -> [String] { indices.map { deals[$0].id } }
    func eventIDs(_ indices: some Collection<Int>) -> [String] { indices.map { events[$0].id } }

    func dealIDs(matching q: DealQuery) -> [String] { dealIDs(dealIndices(matching: q)) }
    func eventIDs(matching q: DealQuery) -> [String] { eventIDs(eventIndices(matching: q)) }

    /// Every located quote of every record, with the record it belongs to.
    var allEvidence: [(record: String, evidence: Evidence)] {
        var out: [(String, Evidence)] = []
        for p in partners {
            out += p.evidence.map { ("partner \(p.id)", $0) }
            for product in p.products { out += product.evidence.map { ("partner \(p.id), product \(product.name)", $0) } }
        }
        for d in deals { out += d.evidence.map { ("deal \(d.id)", $0) } }
        for e in events { out += e.evidence.map { ("event \(e.id)", $0) } }
        return out
    }

    func index(ofPartner id: String) -> Int {
        guard let i = partnerIndex(id: id) else { fatalError("no partner \(id)") }
        return i
    }

    func index(ofDeal id: String) -> Int {
        guard let i = dealIndex(id: id) else { fatalError("no deal \(id)") }
        return i
    }

    func index(ofEvent id: String) -> Int {
        guard let i = eventIndex(id: id) else { fatalError("no event \(id)") }
        return i
    }
}

func date(_ text: String) -> PartialDate {
    switch PartialDate.parse(text) {
    case .success(let d): return d
    case .failure(let e): fatalError("test date \(text): \(e)")
    }
}

/// Loads a fixture file or directory and returns its problems (the catalog when there are none).
func check(_ fixture: String) -> (catalog: Catalog?, problems: [DataProblem]) {
    let (catalog, problems) = DatasetLoader.check(path: Paths.fixture(fixture))
    return (catalog, problems)
}

/// A place in a dataset file (Testing has its own `SourceLocation`).
typealias Place = DealModel.SourceLocation

/// A fresh directory under the system's temporary one; the caller removes it.
func temporaryDirectory(_ name: String = "dealscope-test") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
