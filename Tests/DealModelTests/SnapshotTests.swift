import Foundation
import Testing
@testable import DealModel

/// A snapshot gives back exactly the catalog it saved, and is refused as soon as the
/// dataset or a document changes, or the snapshot itself is damaged.
@Suite("Snapshots")
struct SnapshotTests {
    /// A copy of a dataset and its document in a fresh directory.
    static func copy(_ dataset: String, document: String) throws -> (dir: String, dataset: String, document: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-snap-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let d = dir + "/" + (dataset as NSString).lastPathComponent
        let t = dir + "/" + (document as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: dataset, toPath: d)
        try FileManager.default.copyItem(atPath: document, toPath: t)
        return (dir, d, t)
    }

    static let article = Paths.assets + "/openai-microsoft-alliance.txt"

    @Test func aSnapshotGivesBackTheSameCatalog() throws {
        let (dir, dataset, _) = try Self.copy(Paths.bundledDataset, document: Self.article)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = try #require(FastLoad.load(file: dataset))
        #expect(Snapshot.save(loaded, dataset: dataset, to: dir + "/s.snapshot"))
        let back = try Snapshot.attempt(dataset: dataset, from: dir + "/s.snapshot")
        let a = CatalogDump.lines(loaded), b = CatalogDump.lines(back)
        #expect(a.count > 40 && a == b)
        // Searching and filtering work the same on it.
        for q in ["azure", "110", "amazon", "side-by-side", "licence"] {
            #expect(back.dealIndices(matching: DealQuery(text: q)) == loaded.dealIndices(matching: DealQuery(text: q)), "\(q)")
            #expect(back.eventIndices(matching: DealQuery(text: q)) == loaded.eventIndices(matching: DealQuery(text: q)), "\(q)")
        }
        #expect(back.deal(id: "msft-openai-licence")?.evidence.first?.matchedText == loaded.deal(id: "msft-openai-licence")?.evidence.first?.matchedText)
    }

    @Test func aChangedDocumentOrDatasetIsNotTrusted() throws {
        let (dir, dataset, document) = try Self.copy(Paths.bundledDataset, document: Self.article)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = dir + "/s.snapshot"
        #expect(Snapshot.save(try #require(FastLoad.load(file: dataset)), dataset: dataset, to: snapshot))
        // Same size, same time and inode, one letter changed: the checksum catches it.
        let attributes = try FileManager.default.attributesOfItem(atPath: document)
        let handle = try #require(FileHandle(forUpdatingAtPath: document))
        try handle.seek(toOffset: 100)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data([byte == 0x61 ? 0x62 : 0x61]))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: document)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset, from: snapshot) }
        // The dataset touched: refused too.
        let (dir2, dataset2, _) = try Self.copy(Paths.bundledDataset, document: Self.article)
        defer { try? FileManager.default.removeItem(atPath: dir2) }
        #expect(Snapshot.save(try #require(FastLoad.load(file: dataset2)), dataset: dataset2, to: dir2 + "/s.snapshot"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: dataset2)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset2, from: dir2 + "/s.snapshot") }
    }

    @Test func aDamagedSnapshotIsRefusedNeverTrusted() throws {
        let (dir, dataset, _) = try Self.copy(Paths.bundledDataset, document: Self.article)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = dir + "/s.snapshot"
        #expect(Snapshot.save(try #require(FastLoad.load(file: dataset)), dataset: dataset, to: snapshot))
        let good = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        var rng = SystemRandomNumberGenerator()
        let damaged = dir + "/d.snapshot"
        // Cut short anywhere, or one byte changed anywhere: refused, no crash.
        for k in 0..<300 {
            var bytes = good
            if k % 2 == 0 {
                bytes = bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))
            } else {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[at] ^= UInt8.random(in: 1...255, using: &rng)
            }
            try bytes.write(to: URL(fileURLWithPath: damaged))
            #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset, from: damaged) }
        }
    }
}
