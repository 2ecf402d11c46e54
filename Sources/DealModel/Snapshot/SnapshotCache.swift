import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The directory that holds snapshots, and the rules that make it safe to trust:
/// it is the user's own (created 0700, never group- or world-writable), every file in
/// it is the user's own and writable by no one else, and snapshots carry a checksum
/// keyed with a secret of the user's (`key`, 0600), so that a file planted or copied
/// from elsewhere is refused. It is bounded: the least recently used snapshots and
/// those of datasets that are gone are removed after each save.
public enum SnapshotCache {
    /// `$DEALSCOPE_CACHE_DIR`, else `$XDG_CACHE_HOME/dealscope`, else
    /// `~/.cache/dealscope`; nil when `DEALSCOPE_CACHE=off` or no home is known.
    public static var directory: String? {
        if environment("DEALSCOPE_CACHE") == "off" { return nil }
        if let d = environment("DEALSCOPE_CACHE_DIR") { return d }
        if let x = environment("XDG_CACHE_HOME") { return x + "/dealscope" }
        if let h = environment("HOME") { return h + "/.cache/dealscope" }
        return nil
    }

    /// At most this many snapshots (`DEALSCOPE_CACHE_MAX_FILES`, default 8)…
    public static var maximumFiles: Int { environment("DEALSCOPE_CACHE_MAX_FILES").flatMap { Int($0) }.map { max(0, $0) } ?? 8 }
    /// …and this many bytes in all (`DEALSCOPE_CACHE_MAX_SIZE`: bytes, or with K, M
    /// or G; default 2G — a million-deal snapshot is about 350 MB).
    public static var maximumBytes: Int { environment("DEALSCOPE_CACHE_MAX_SIZE").flatMap(parseSize) ?? 2 << 30 }

    static func parseSize(_ text: String) -> Int? {
        var digits = text.uppercased()
        var scale = 1
        if let last = digits.last, let s = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30][String(last)] {
            scale = s
            digits.removeLast()
        }
        guard let n = Int(digits), n >= 0, n <= Int.max / scale else { return nil }
        return n * scale
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: Trust

    /// Why a directory or file of the cache may not be trusted, or nil when it may.
    static func distrust(_ st: stat, directory: Bool) -> String? {
        if st.st_uid != geteuid() { return "it belongs to another user" }
        if (st.st_mode & S_IFMT) != (directory ? S_IFDIR : S_IFREG) { return directory ? "it is not a directory" : "it is not a regular file" }
        if st.st_mode & 0o022 != 0 { return "others may write to it" }
        return nil
    }

    /// Makes the directory (0700) if needed and checks it may be trusted; a directory
    /// of ours made by an older dealscope with 0755 is narrowed to 0700.
    static func prepare(_ dir: String) throws(SnapshotUnusable) {
        let parent = FileAccess.directory(of: dir)
        if !FileAccess.exists(parent) { _ = mkdir(parent, 0o700) }
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw SnapshotUnusable("the cache directory \(dir) cannot be made") }
        try checkDirectory(dir)
        var st = stat()
        if stat(dir, &st) == 0, st.st_mode & 0o077 != 0 { _ = chmod(dir, 0o700) }
    }

    static func checkDirectory(_ dir: String) throws(SnapshotUnusable) {
        var st = stat()
        guard stat(dir, &st) == 0 else { throw SnapshotUnusable("no cache directory") }
        if let why = distrust(st, directory: true) { throw SnapshotUnusable("the cache directory \(dir) is not trusted: \(why)") }
    }

    /// The user's secret that keys snapshot checksums, made on first use.
    static func key(in dir: String) throws(SnapshotUnusable) -> (UInt64, UInt64) {
        let path = dir + "/key"
        var fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            // SystemRandomNumberGenerator reads the kernel's getrandom.
            var secret = (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max))
            let bytes = withUnsafeBytes(of: &secret) { Array($0) }
            let w = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if w >= 0 {
                let n = bytes.withUnsafeBytes { write(w, $0.baseAddress, 16) }
                let ok = n == 16 && fsync(w) == 0
                close(w)
                if !ok { unlink(path); throw SnapshotUnusable("the key cannot be written") }
            }
            fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else { throw SnapshotUnusable("no key") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, distrust(st, directory: false) == nil, st.st_mode & 0o077 == 0, st.st_size == 16 else {
            throw SnapshotUnusable("the key \(path) is not trusted (it must be the user's own, 0600, 16 bytes)")
        }
        var k = (UInt64(0), UInt64(0))
        let n = withUnsafeMutableBytes(of: &k) { read(fd, $0.baseAddress, 16) }
        guard n == 16 else { throw SnapshotUnusable("the key cannot be read") }
        return k
    }

    // MARK: Listing and bounds

    /// A snapshot in the cache directory.
    public struct Entry: Sendable {
        public let path: String
        public let bytes: Int
        /// When it was last saved or read (seconds since 1970).
        public let lastUsed: Int
        /// The dataset it was made from; nil when its header cannot be read.
        public let dataset: String?
        public let state: State

        public enum State: String, Sendable {
            /// The dataset is unchanged: the next start reads the snapshot.
            case current
            /// The dataset changed since: the snapshot will be replaced or removed.
            case stale
            /// The dataset is gone.
            case orphaned
            /// Not readable, of another format, or not trusted.
            case unusable
        }
    }

    /// The snapshots in the cache directory, most recently used first.
    public static func entries() -> [Entry] {
        guard let dir = directory else { return [] }
        return entries(in: dir)
    }

    static func entries(in dir: String) -> [Entry] {
        FileAccess.list(dir).filter { $0.hasSuffix(".snapshot") }.compactMap { name -> Entry? in
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { return nil }
            let bytes = Int(st.st_size), used = Int(st.st_mtim.tv_sec)
            guard distrust(st, directory: false) == nil, let header = try? Snapshot.header(path) else {
                return Entry(path: path, bytes: bytes, lastUsed: used, dataset: nil, state: .unusable)
            }
            let state: Entry.State
            if let now = Snapshot.FileKey(path: header.dataset) { state = now == header.key ? .current : .stale } else { state = .orphaned }
            return Entry(path: path, bytes: bytes, lastUsed: used, dataset: header.dataset, state: state)
        }.sorted { a, b in a.lastUsed != b.lastUsed ? a.lastUsed > b.lastUsed : a.path < b.path }
    }

    /// Removes snapshots whose dataset is gone, temporary files left by a crash, then
    /// the least recently used until at most `maximumFiles` and `maximumBytes` remain.
    static func prune(_ dir: String, maximumFiles: Int = maximumFiles, maximumBytes: Int = maximumBytes) {
        let now = time(nil)
        for name in FileAccess.list(dir) where name.hasSuffix(".tmp") {
            var st = stat()
            if lstat(dir + "/" + name, &st) == 0, st.st_uid == geteuid(), now - st.st_mtim.tv_sec > 3600 { unlink(dir + "/" + name) }
        }
        var files = 0, bytes = 0
        for e in entries(in: dir) {
            let keep = e.state != .orphaned && e.state != .unusable && files < maximumFiles && bytes + e.bytes <= maximumBytes
            if keep {
                files += 1
                bytes += e.bytes
            } else {
                var st = stat()
                // Only our own files: an unusable file of another user is left alone.
                if lstat(e.path, &st) == 0, st.st_uid == geteuid() { unlink(e.path) }
            }
        }
    }

    /// Removes every snapshot (or only those that will not be used again); returns
    /// how many files and bytes were removed.
    @discardableResult
    public static func clear(onlyUnused: Bool = false) -> (files: Int, bytes: Int) {
        guard let dir = directory else { return (0, 0) }
        var removed = (files: 0, bytes: 0)
        for e in entries(in: dir) where !onlyUnused || e.state != .current {
            var st = stat()
            if lstat(e.path, &st) == 0, st.st_uid == geteuid(), unlink(e.path) == 0 {
                removed.files += 1
                removed.bytes += e.bytes
            }
        }
        return removed
    }
}

/// The dataset file's key taken just before it was read (set once by the loader), so
/// that a snapshot is saved only for the very file whose contents it holds.
public final class DatasetKeyBox: Sendable {
    private let key = Mutex<Snapshot.FileKey?>(nil)
    public var value: Snapshot.FileKey? {
        get { key.withLock { $0 } }
        set { key.withLock { $0 = newValue } }
    }
}
