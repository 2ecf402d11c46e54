#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A loaded catalog saved as columns, so that the next start reads it back instead of
/// decoding the JSON again (a million deals: about 0.5 s instead of 5). It is a cache:
/// the dataset file stays the source of truth. A snapshot is used only while the
/// dataset file is unchanged (same size, time and inode) and every document has the
/// same checksum as when its quotes were located, which is what makes each quote's
/// position still hold; anything else, or any damage, and the dataset is read again.
///
/// Snapshots live in `$DEALSCOPE_CACHE_DIR`, else `$XDG_CACHE_HOME/dealscope`, else
/// `~/.cache/dealscope`; `DEALSCOPE_CACHE=off` turns them off. Datasets under 1 MB load
/// fast enough without one.
public enum Snapshot {
    static let magic = "dealscope snapshot"
    static var formatVersion: Int { SnapshotCodec.version }
    public static let minimumDatasetSize = 1 << 20

    /// Where the snapshot of a dataset file lives, or nil when snapshots are off.
    public static func path(for dataset: String) -> String? {
        let env = { (name: String) -> String? in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        if env("DEALSCOPE_CACHE") == "off" { return nil }
        let dir: String
        if let d = env("DEALSCOPE_CACHE_DIR") { dir = d } else if let x = env("XDG_CACHE_HOME") { dir = x + "/dealscope" } else if let h = env("HOME") { dir = h + "/.cache/dealscope" } else { return nil }
        let absolute = dataset.hasPrefix("/") ? dataset : (FileAccess.currentDirectory() ?? ".") + "/" + dataset
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in absolute.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return dir + "/" + String(h, radix: 16) + ".snapshot"
    }

    /// What a file was when the snapshot was made.
    struct FileKey: Equatable {
        var size = 0, seconds = 0, nanoseconds = 0, inode = 0

        init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            size = Int(st.st_size)
            seconds = Int(st.st_mtim.tv_sec)
            nanoseconds = Int(st.st_mtim.tv_nsec)
            inode = Int(st.st_ino)
        }

        init(reading r: BinaryReader) throws(SnapshotUnusable) {
            size = try r.int(); seconds = try r.int(); nanoseconds = try r.int(); inode = try r.int()
        }

        func write(_ w: BinaryWriter) { w.int(size); w.int(seconds); w.int(nanoseconds); w.int(inode) }
    }

    /// A checksum of a document's bytes (8 bytes at a time).
    static func checksum(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(b.count)
        guard let p = b.baseAddress else { return h }
        var i = 0
        while i + 8 <= b.count {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h = (h << 29) | (h >> 35)
            i += 8
        }
        while i < b.count { h = (h ^ UInt64(b[i])) &* 0x100_0000_01B3; i += 1 }
        return h
    }

    /// Folds a chunk's checksum into a running one.
    static func combine(_ digest: UInt64, _ p: UnsafeRawBufferPointer) -> UInt64 {
        guard p.count > 0 else { return digest }
        let c = checksum(UnsafeBufferPointer(start: p.baseAddress?.assumingMemoryBound(to: UInt8.self), count: p.count))
        return (digest ^ c) &* 0xFF51_AFD7_ED55_8CCD &+ 0x632B_E59B_D9B4_E019
    }

    /// Saves a catalog loaded from one dataset file. Quietly does nothing when the
    /// cache directory cannot be written.
    @discardableResult
    public static func save(_ catalog: Catalog, dataset: String) -> Bool {
        guard let path = path(for: dataset) else { return false }
        return save(catalog, dataset: dataset, to: path)
    }

    static func save(_ catalog: Catalog, dataset: String, to path: String) -> Bool {
        guard catalog.files.count == 1, let key = FileKey(path: dataset) else { return false }
        let dir = FileAccess.directory(of: path)
        _ = mkdir(FileAccess.directory(of: dir), 0o755)
        _ = mkdir(dir, 0o755)
        guard let w = BinaryWriter(path: path) else { return false }
        w.string(magic)
        w.int(formatVersion)
        w.string(dataset)
        key.write(w)
        w.int(catalog.documents.count)
        for d in catalog.documents {
            guard let k = FileKey(path: d.path) else { return false }
            w.string(d.path)
            k.write(w)
            var text = d.text
            w.int(Int(bitPattern: UInt(text.withUTF8 { checksum($0) })))
        }
        SnapshotCodec.write(catalog.stored, to: w)
        return w.commit()
    }

    /// The catalog saved for this dataset file, if there is one and it still holds.
    public static func load(dataset: String) -> Catalog? {
        try? attempt(dataset: dataset)
    }

    static func attempt(dataset: String) throws(SnapshotUnusable) -> Catalog {
        guard let path = path(for: dataset) else { throw SnapshotUnusable("snapshots are off") }
        return try attempt(dataset: dataset, from: path)
    }

    static func attempt(dataset: String, from path: String) throws(SnapshotUnusable) -> Catalog {
        guard let r = BinaryReader(path: path) else { throw SnapshotUnusable("no snapshot") }
        guard try r.string() == magic, try r.int() == formatVersion, try r.string() == dataset else { throw SnapshotUnusable("another format or dataset") }
        guard let now = FileKey(path: dataset), try FileKey(reading: r) == now else { throw SnapshotUnusable("the dataset changed") }
        var documents: [(path: String, checksum: UInt64)] = []
        for _ in 0..<(try r.count(8)) {
            let docPath = try r.string()
            guard let now = FileKey(path: docPath), try FileKey(reading: r) == now else { throw SnapshotUnusable("a document changed") }
            documents.append((docPath, UInt64(UInt(bitPattern: try r.int()))))
        }
        let stored = try SnapshotCodec.read(r) { (k: Int, docPath: String) throws(SnapshotUnusable) -> String in
            guard k < documents.count, documents[k].path == docPath, let (text, sum) = TextFile.read(docPath, validating: false) else { throw SnapshotUnusable("document") }
            // The text must be the one the quotes were located in (and so valid UTF-8).
            guard sum == documents[k].checksum else { throw SnapshotUnusable("a document's text changed") }
            return text
        }
        try r.finish()
        return Catalog(stored: stored)
    }
}
