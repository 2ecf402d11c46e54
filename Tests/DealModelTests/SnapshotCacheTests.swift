import Foundation
import Testing
@testable import DealModel
#if canImport(Glibc)
import Glibc
#endif

/// The snapshot cache trusts only the user's own files, keyed with the user's secret,
/// is never fooled by a dataset replaced or edited behind its back, never writes
/// through a planted link, keeps its files private, and stays bounded.
@Suite("Snapshot cache", .serialized)
struct SnapshotCacheTests {
    static func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : 0
    }

    /// A dataset copy, its catalog loaded the fast way, and a snapshot path beside it.
    static func loaded() throws -> (dir: String, dataset: String, catalog: Catalog, snapshot: String) {
        let (dir, dataset, _) = try SnapshotTests.copy(Paths.bundledDataset, document: SnapshotTests.article)
        return (dir, dataset, try #require(FastLoad.load(file: dataset)), dir + "/cache/s.snapshot")
    }

    @Test func aDatasetReplacedAfterItWasReadIsNotSavedUnderTheNewFile() throws {
        let (dir, dataset, catalog, snapshot) = try Self.loaded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // `mv new x.json` between the load and the save: the snapshot would show the old
        // data for the new file on every later run.
        let other = dir + "/new.json"
        try FileManager.default.copyItem(atPath: dataset, toPath: other)
        #expect(rename(other, dataset) == 0)
        #expect(!Snapshot.save(catalog, dataset: dataset, to: snapshot))
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        // Loaded again, the new file is saved.
        #expect(Snapshot.save(try #require(FastLoad.load(file: dataset)), dataset: dataset, to: snapshot))
    }

    @Test func anEditInPlaceWithItsTimeRestoredIsNoticed() throws {
        let (dir, dataset, catalog, snapshot) = try Self.loaded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(Snapshot.save(catalog, dataset: dataset, to: snapshot))
        _ = try Snapshot.attempt(dataset: dataset, from: snapshot)
        // Same size, same inode, modification time put back (`touch -r`).
        let time = try #require(try FileManager.default.attributesOfItem(atPath: dataset)[.modificationDate] as? Date)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let at = try #require(bytes.firstRange(of: Data("Amazon".utf8))).lowerBound
        bytes.replaceSubrange(at..<(at + 6), with: Data("Amazin".utf8))
        let handle = try #require(FileHandle(forUpdatingAtPath: dataset))
        try handle.write(contentsOf: bytes)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: dataset)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset, from: snapshot) }
    }

    @Test func aSnapshotFromAnotherCacheOrWritableByOthersIsRefused() throws {
        let (dir, dataset, catalog, snapshot) = try Self.loaded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Made with another user's key (another cache directory), then planted here.
        let elsewhere = dir + "/elsewhere/s.snapshot"
        #expect(Snapshot.save(catalog, dataset: dataset, to: elsewhere))
        #expect(Snapshot.save(catalog, dataset: dataset, to: snapshot))
        _ = try Snapshot.attempt(dataset: dataset, from: snapshot)
        try FileManager.default.removeItem(atPath: snapshot)
        try FileManager.default.copyItem(atPath: elsewhere, toPath: snapshot)
        #expect(chmod(snapshot, 0o600) == 0)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset, from: snapshot) }
        // Our own, valid, but writable by others: refused.
        #expect(Snapshot.save(catalog, dataset: dataset, to: snapshot))
        #expect(chmod(snapshot, 0o666) == 0)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset, from: snapshot) }
        // A cache directory writable by others: nothing in it is trusted or written.
        #expect(chmod(snapshot, 0o600) == 0)
        _ = try Snapshot.attempt(dataset: dataset, from: snapshot)
        #expect(chmod(dir + "/cache", 0o777) == 0)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset, from: snapshot) }
        #expect(!Snapshot.save(catalog, dataset: dataset, to: snapshot))
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give a file to another user"))
    func aSnapshotOwnedByAnotherUserIsRefused() throws {
        let (dir, dataset, catalog, snapshot) = try Self.loaded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(Snapshot.save(catalog, dataset: dataset, to: snapshot))
        #expect(chown(snapshot, 65534, 65534) == 0)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: dataset, from: snapshot) }
    }

    @Test func theCacheIsPrivate() throws {
        let (dir, dataset, catalog, snapshot) = try Self.loaded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(Snapshot.save(catalog, dataset: dataset, to: snapshot))
        #expect(Self.mode(dir + "/cache") == 0o700)
        #expect(Self.mode(snapshot) == 0o600)
        #expect(Self.mode(dir + "/cache/key") == 0o600)
        // A directory an older dealscope made 0755 and a snapshot it made 0644 are
        // narrowed when next used.
        #expect(chmod(dir + "/cache", 0o755) == 0 && chmod(snapshot, 0o644) == 0)
        _ = try Snapshot.attempt(dataset: dataset, from: snapshot)
        #expect(Self.mode(snapshot) == 0o600)
        #expect(Snapshot.save(catalog, dataset: dataset, to: snapshot))
        #expect(Self.mode(dir + "/cache") == 0o700)
    }

    @Test func withoutUnnamedFilesAPlantedLinkIsNeverFollowed() throws {
        let (dir, dataset, catalog, snapshot) = try Self.loaded()
        defer { try? FileManager.default.removeItem(atPath: dir); BinaryWriter.namedOnly = false }
        BinaryWriter.namedOnly = true
        try FileManager.default.createDirectory(atPath: dir + "/cache", withIntermediateDirectories: true)
        // The name an older dealscope wrote to, planted as a link to a private file.
        let victim = dir + "/victim"
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: victim))
        #expect(chmod(victim, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: snapshot + ".tmp", withDestinationPath: victim)
        #expect(Snapshot.save(catalog, dataset: dataset, to: snapshot))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "secret\n")
        _ = try Snapshot.attempt(dataset: dataset, from: snapshot)
        // Nothing left behind but the snapshot, its key and the planted link.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")) == ["s.snapshot", "key", "s.snapshot.tmp"])
    }

    @Test func theCacheKeepsTheMostRecentlyUsedAndDropsOrphans() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-lru-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = dir + "/cache"
        var datasets: [String] = []
        for k in 0..<4 {
            let sub = dir + "/d\(k)"
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Paths.bundledDataset, toPath: sub + "/data.json")
            try FileManager.default.copyItem(atPath: SnapshotTests.article, toPath: sub + "/openai-microsoft-alliance.txt")
            datasets.append(sub + "/data.json")
            #expect(Snapshot.save(try #require(FastLoad.load(file: sub + "/data.json")), dataset: sub + "/data.json", to: cache + "/\(k).snapshot"))
            // Distinct last-used times, oldest first.
            let t = timespec(tv_sec: 1_700_000_000 + k * 10, tv_nsec: 0)
            var times = [t, t]
            #expect(utimensat(AT_FDCWD, cache + "/\(k).snapshot", &times, 0) == 0)
        }
        // Reading snapshot 0 makes it the most recently used.
        _ = try Snapshot.attempt(dataset: datasets[0], from: cache + "/0.snapshot")
        // Dataset 3 is deleted: its snapshot goes first, whatever its age.
        try FileManager.default.removeItem(atPath: datasets[3])
        SnapshotCache.prune(cache, maximumFiles: 2, maximumBytes: Int.max)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".snapshot") }.sorted()
        #expect(left == ["0.snapshot", "2.snapshot"])
        // A byte budget smaller than two snapshots keeps one.
        let one = SnapshotCache.entries(in: cache)[0].bytes
        SnapshotCache.prune(cache, maximumFiles: 10, maximumBytes: one + one / 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".snapshot") } == ["0.snapshot"])
    }

    @Test func sizesParseWithTheirUnits() {
        #expect(SnapshotCache.parseSize("2G") == 2 << 30)
        #expect(SnapshotCache.parseSize("500m") == 500 << 20)
        #expect(SnapshotCache.parseSize("1234") == 1234)
        #expect(SnapshotCache.parseSize("lots") == nil)
        #expect(SnapshotCache.parseSize("-1K") == nil)
    }
}
