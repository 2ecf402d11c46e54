import Foundation
import Testing
@testable import DealModel

/// Files are written whole or not at all: the old file stays until the new one is
/// complete and synced, keeps its mode, and a failure says what to do.
@Suite("Atomic files")
struct AtomicFileTests {
    static func write(_ path: String, _ text: String) throws(AtomicFile.Failure) {
        try AtomicFile.write(path) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in try emit(Array(text.utf8)) }
    }

    static func entries(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    static func mode(_ path: String) throws -> Int { try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int).unwrap() }

    @Test func aNewFileAndAReplacedOneKeepingItsMode() throws {
        let dir = try temporaryDirectory("dealscope-atomic")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/data.json"
        try Self.write(path, "one")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try Self.write(path, String(repeating: "two ", count: 1 << 19))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("two two"))
        #expect(try Self.mode(path) == 0o640)
        // A new file (renamed over the old one), and nothing left beside it.
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int != inode)
        #expect(Self.entries(dir) == ["data.json"])
    }

    @Test func aFailureWhileWritingLeavesTheOldFile() throws {
        let dir = try temporaryDirectory("dealscope-atomic")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/data.json"
        try Self.write(path, "old")
        struct Stop: Error {}
        do {
            let file = try AtomicFile(path: path)
            try file.write(String(repeating: "x", count: 3 << 20))
            // Dropped without commit, as when the producer fails half way.
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(Self.entries(dir) == ["data.json"])
    }

    @Test func aSymbolicLinkKeepsPointingAtTheNewFile() throws {
        let dir = try temporaryDirectory("dealscope-atomic")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write(dir + "/real.json", "old")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real.json")
        try Self.write(dir + "/link.json", "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "real.json")
        #expect(try String(contentsOfFile: dir + "/real.json", encoding: .utf8) == "new")
    }

    /// Each refusal names the path, says why, and what to do; the old file stays.
    @Test func refusalsSayWhyAndWhatToDo() throws {
        let dir = try temporaryDirectory("dealscope-atomic")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func failure(_ path: String) -> AtomicFile.Failure? {
            do { try Self.write(path, "new"); return nil } catch { return error }
        }
        try Self.write(dir + "/locked.json", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir + "/locked.json")
        let locked = try #require(failure(dir + "/locked.json"))
        #expect(locked.message == "the file is read-only" && locked.fix.contains("chmod u+w"))
        #expect(locked.description.hasPrefix("cannot write \(dir)/locked.json: the file is read-only"))
        #expect(try String(contentsOfFile: dir + "/locked.json", encoding: .utf8) == "old")

        let vanished = try #require(failure(dir + "/no/such/dir/out.json"))
        #expect(vanished.message == "the directory \(dir)/no/such/dir does not exist" && vanished.fix.contains("create it"))

        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        #expect(failure(dir + "/sub")?.message == "it is not a regular file")
        #expect(Self.entries(dir) == ["locked.json", "sub"])
    }

    /// As a normal user, a directory without write permission is refused as such
    /// (root may write anywhere).
    @Test(.enabled(if: getuid() != 0, "root writes in any directory"))
    func aReadOnlyDirectory() throws {
        let dir = try temporaryDirectory("dealscope-atomic")
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
            try? FileManager.default.removeItem(atPath: dir)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        #expect(throws: AtomicFile.Failure.self) { try Self.write(dir + "/out.json", "x") }
    }
}

extension Optional {
    func unwrap() throws -> Wrapped {
        guard let self else { throw CocoaError(.fileReadUnknown) }
        return self
    }
}
