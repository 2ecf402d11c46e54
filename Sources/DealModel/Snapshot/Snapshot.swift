#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A loaded catalog saved as columns, so that the next start reads it back instead of
/// decoding the JSON again (a million deals: about 0.5 s instead of 3). It is a cache:
/// the dataset file stays the source of truth. A snapshot is used only while the
/// dataset file is the one it was made from (same size, inode, device, modification
/// and change time, taken before the dataset was read and checked again after the
/// snapshot is written) and every document has the same checksum as when its quotes
/// were located, which is what makes each quote's position still hold; anything else,
/// or any damage, and the dataset is read again. Where snapshots live and which are
/// trusted: `SnapshotCache`.
public enum Snapshot {
    static let magic = "dealscope snapshot"
    static var formatVersion: Int { SnapshotCodec.version }
    public static let minimumDatasetSize = 1 << 20

    /// Where the snapshot of a dataset file lives, or nil when snapshots are off.
    public static func path(for dataset: String) -> String? {
        guard let dir = SnapshotCache.directory else { return nil }
        let absolute = absolute(dataset)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in absolute.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return dir + "/" + String(h, radix: 16) + ".snapshot"
    }

    /// The dataset's path as stored in its snapshot: absolute, so that `cache list` and
    /// the cache's pruning find it from any directory.
    static func absolute(_ dataset: String) -> String {
        dataset.hasPrefix("/") ? dataset : (FileAccess.currentDirectory() ?? ".") + "/" + dataset
    }

    /// What a file was when the snapshot was made. The change time cannot be set
    /// back by a user (`touch -r` restores only the modification time), so an edit in
    /// place is noticed even when the size and modification time are kept.
    public struct FileKey: Equatable, Sendable {
        var size = 0, seconds = 0, nanoseconds = 0, changeSeconds = 0, changeNanoseconds = 0, inode = 0, device = 0

        public init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            size = Int(st.st_size)
            seconds = Int(st.st_mtim.tv_sec)
            nanoseconds = Int(st.st_mtim.tv_nsec)
            changeSeconds = Int(st.st_ctim.tv_sec)
            changeNanoseconds = Int(st.st_ctim.tv_nsec)
            inode = Int(bitPattern: UInt(st.st_ino))
            device = Int(bitPattern: UInt(st.st_dev))
        }

        init(reading r: BinaryReader) throws(SnapshotUnusable) {
            size = try r.int(); seconds = try r.int(); nanoseconds = try r.int()
            changeSeconds = try r.int(); changeNanoseconds = try r.int(); inode = try r.int(); device = try r.int()
        }

        func write(_ w: BinaryWriter) {
            for v in [size, seconds, nanoseconds, changeSeconds, changeNanoseconds, inode, device] { w.int(v) }
        }
    }

    /// The dataset a snapshot file was made from, and its key then (for listing).
    static func header(_ path: String) throws(SnapshotUnusable) -> (dataset: String, key: FileKey) {
        guard let r = BinaryReader(path: path, key: (0, 0)) else { throw SnapshotUnusable("unreadable") }
        guard try r.string() == magic, try r.int() == formatVersion else { throw SnapshotUnusable("another format") }
        return (try r.string(), try FileKey(reading: r))
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

    /// The checksum as written: the running one sealed with the second half of the key.
    static func seal(_ digest: UInt64, _ key: UInt64) -> UInt64 {
        var h = (digest ^ key) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return (h ^ key) &* 0xC4CE_B9FE_1A85_EC53
    }

    /// Folds a chunk's checksum into a running one.
    static func combine(_ digest: UInt64, _ p: UnsafeRawBufferPointer) -> UInt64 {
        guard p.count > 0 else { return digest }
        let c = checksum(UnsafeBufferPointer(start: p.baseAddress?.assumingMemoryBound(to: UInt8.self), count: p.count))
        return (digest ^ c) &* 0xFF51_AFD7_ED55_8CCD &+ 0x632B_E59B_D9B4_E019
    }

    /// Saves a catalog loaded from one dataset file. Quietly does nothing when the
    /// cache directory cannot be written or trusted, when the disk or a file-size limit
    /// stops the write, or when the dataset is no longer the file that was read.
    @discardableResult
    public static func save(_ catalog: Catalog, dataset: String) -> Bool {
        guard let path = path(for: dataset) else { return false }
        let saved = save(catalog, dataset: dataset, to: path)
        if saved { SnapshotCache.prune(FileAccess.directory(of: path)) }
        return saved
    }

    static func save(_ catalog: Catalog, dataset: String, to path: String) -> Bool {
        do {
            try trySave(catalog, dataset: dataset, to: path)
            return true
        } catch {
            LoadTrace.say("snapshot not saved: \(error.reason)")
            return false
        }
    }

    static func trySave(_ catalog: Catalog, dataset: String, to path: String) throws(SnapshotUnusable) {
        // The key was taken before the dataset was read: a file replaced or edited
        // since (even during the load) must not be saved under the new file's key.
        guard catalog.files.count == 1, let key = catalog.datasetKey.value else { throw SnapshotUnusable("not loaded from one dataset file") }
        guard FileKey(path: dataset) == key else { throw SnapshotUnusable("the dataset changed while it was read") }
        let dir = FileAccess.directory(of: path)
        try SnapshotCache.prepare(dir)
        // A write past `ulimit -f` fails with EFBIG instead of ending the process.
        signal(SIGXFSZ, SIG_IGN)
        guard let w = BinaryWriter(path: path, key: try SnapshotCache.key(in: dir)) else { throw SnapshotUnusable("cannot write in \(dir)") }
        w.string(magic)
        w.int(formatVersion)
        w.string(absolute(dataset))
        key.write(w)
        w.int(catalog.documents.count)
        for d in catalog.documents {
            guard let k = FileKey(path: d.path) else { throw SnapshotUnusable("a document is gone") }
            w.string(d.path)
            k.write(w)
            var text = d.text
            w.int(Int(bitPattern: UInt(text.withUTF8 { checksum($0) })))
        }
        SnapshotCodec.write(catalog.stored, to: w)
        guard w.commit() else { throw SnapshotUnusable("the write failed (disk full, or a file-size limit)") }
        // Replaced while the snapshot was written: it would describe the old file.
        guard FileKey(path: dataset) == key else {
            unlink(path)
            throw SnapshotUnusable("the dataset changed while the snapshot was written")
        }
    }

    /// The catalog saved for this dataset file, if there is one and it still holds.
    public static func load(dataset: String) -> Catalog? {
        try? attempt(dataset: dataset)
    }

    static func attempt(dataset: String, rules: FileRules = .standard) throws(SnapshotUnusable) -> Catalog {
        guard let path = path(for: dataset) else { throw SnapshotUnusable("snapshots are off") }
        return try attempt(dataset: dataset, from: path, rules: rules)
    }

    /// Documents are read back under the same rules as from the dataset (where they
    /// may lie, how large they may be): a snapshot saved with documents allowed
    /// anywhere does not serve a run that does not allow them.
    static func attempt(dataset: String, from path: String, rules: FileRules = .standard) throws(SnapshotUnusable) -> Catalog {
        let dir = FileAccess.directory(of: path)
        guard FileAccess.exists(path) else { throw SnapshotUnusable("no snapshot") }
        try SnapshotCache.checkDirectory(dir)
        guard let r = BinaryReader(path: path, key: try SnapshotCache.key(in: dir)) else { throw SnapshotUnusable("no snapshot") }
        if let why = r.distrust { throw SnapshotUnusable("the snapshot \(path) is not trusted: \(why)") }
        guard try r.string() == magic, try r.int() == formatVersion, try r.string() == absolute(dataset) else { throw SnapshotUnusable("another format or dataset") }
        guard let now = FileKey(path: dataset), try FileKey(reading: r) == now else { throw SnapshotUnusable("the dataset changed") }
        var documents: [(path: String, checksum: UInt64)] = []
        for _ in 0..<(try r.count(8)) {
            let docPath = try r.string()
            guard let now = FileKey(path: docPath), try FileKey(reading: r) == now else { throw SnapshotUnusable("a document changed") }
            documents.append((docPath, UInt64(UInt(bitPattern: try r.int()))))
        }
        let stored = try SnapshotCodec.read(r) { (k: Int, docPath: String) throws(SnapshotUnusable) -> String in
            guard k < documents.count, documents[k].path == docPath, case .success(let (text, sum)) = TextFile.read(docPath, validating: false, rules: rules, within: FileAccess.directory(of: dataset)) else { throw SnapshotUnusable("document") }
            // The text must be the one the quotes were located in (and so valid UTF-8).
            guard sum == documents[k].checksum else { throw SnapshotUnusable("a document's text changed") }
            return text
        }
        try r.finish()
        r.markUsed()
        let catalog = Catalog(stored: stored)
        catalog.datasetKey.value = now
        return catalog
    }
}
