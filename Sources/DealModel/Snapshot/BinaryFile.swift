#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Something wrong with a snapshot file: it is then ignored and the dataset read.
struct SnapshotUnusable: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Writes numbers, strings and whole arrays to a file, buffered; arrays of plain
/// values go out as their bytes.
final class BinaryWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var failed = false
    /// A checksum of everything written, chunk by chunk, written last; it starts from
    /// the user's secret key, so that only this user's dealscope makes a valid one.
    private var digest: UInt64
    private let key: (UInt64, UInt64)

    /// Where the file goes when committed; until then it has no name (Linux
    /// O_TMPFILE) or a temporary one of a random name, so a process stopped while
    /// writing leaves nothing behind (or, where unnamed files are not supported, a
    /// `.tmp` file that the cache removes later). The file is the user's alone (0600).
    private let path: String
    private let temporary: String?
    /// Tests: behave as on file systems without unnamed files (NFS, CIFS, vfat).
    nonisolated(unsafe) static var namedOnly = false

    init?(path: String, key: (UInt64, UInt64)) {
        self.path = path
        self.key = key
        digest = key.0
        // O_TMPFILE (a macro Swift does not import): __O_TMPFILE | O_DIRECTORY.
        let unnamed = Self.namedOnly ? -1 : open(FileAccess.directory(of: path), O_WRONLY | 0o20000000 | O_DIRECTORY | O_CLOEXEC, 0o600)
        if unnamed >= 0 {
            fd = unnamed
            temporary = nil
        } else {
            // Never through a link planted under a predictable name: a fresh random
            // name, created here or not at all.
            let name = path + "." + String(UInt64.random(in: .min ... .max), radix: 16) + ".tmp"
            fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return nil }
            temporary = name
        }
        buffer.reserveCapacity(1 << 20)
    }

    private func put(_ p: UnsafeRawBufferPointer) {
        digest = Snapshot.combine(digest, p)
        if p.count >= 1 << 19 {
            // Large arrays go straight out, after what is buffered.
            flush()
            writeAll(p)
        } else {
            if buffer.count + p.count > 1 << 20 { flush() }
            buffer.append(contentsOf: p)
        }
    }

    private func writeAll(_ p: UnsafeRawBufferPointer) {
        var done = 0
        while done < p.count && !failed {
            let n = write(fd, p.baseAddress! + done, p.count - done)
            if n <= 0 { failed = true } else { done += n }
        }
    }

    func flush() {
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { put($0) } }
    func bool(_ v: Bool) { int(v ? 1 : 0) }
    func double(_ v: Double) { int(Int(bitPattern: UInt(v.bitPattern))) }

    func string(_ s: String) {
        var s = s
        s.withUTF8 { b in
            int(b.count)
            put(UnsafeRawBufferPointer(b))
        }
    }

    func optional(_ s: String?) {
        if let s { bool(true); string(s) } else { bool(false) }
    }

    func strings(_ a: [String]) {
        int(a.count)
        for s in a { string(s) }
    }

    func array<T: BitwiseCopyable>(_ a: [T]) {
        int(a.count)
        a.withUnsafeBytes { put($0) }
    }

    /// Writes the checksum and gives the file its name (replacing any older one).
    func commit() -> Bool {
        let final = Snapshot.seal(digest, key.1)
        withUnsafeBytes(of: final.littleEndian) { buffer.append(contentsOf: $0) }
        flush()
        // No fsync: a snapshot cut short by a crash fails its checksum and is ignored.
        var ok = !failed
        if ok {
            if let temporary {
                ok = rename(temporary, path) == 0
            } else {
                let named = path + "." + String(UInt64.random(in: .min ... .max), radix: 16) + ".tmp"
                ok = linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, named, AT_SYMLINK_FOLLOW) == 0 && rename(named, path) == 0
                if !ok { unlink(named) }
            }
        }
        if !ok, let temporary { unlink(temporary) }
        closed = true
        return Glibc.close(fd) == 0 && ok
    }

    private var closed = false

    deinit {
        guard !closed else { return }
        Glibc.close(fd)
        if let temporary { unlink(temporary) }
    }
}

/// Reads what `BinaryWriter` wrote, checking every length against what is left of
/// the file, so that a damaged snapshot is refused rather than trusted.
final class BinaryReader {
    private let fd: Int32
    private var remaining: Int
    private var digest: UInt64
    private let key: (UInt64, UInt64)
    private var buffer: [UInt8] = []
    private var position = 0
    /// Why the file may not be trusted (another user's, writable by others, not a
    /// regular file), or nil.
    let distrust: String?

    init?(path: String, key: (UInt64, UInt64)) {
        self.key = key
        digest = key.0
        fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0 else { Glibc.close(fd); return nil }
        distrust = SnapshotCache.distrust(st, directory: false)
        remaining = Int(st.st_size) - 8  // the checksum at the end
        guard remaining >= 0 else { Glibc.close(fd); return nil }
    }

    /// Records that the snapshot was used now (the cache removes the least recently
    /// used first), and narrows an older snapshot's mode to the user's alone.
    func markUsed() {
        _ = futimens(fd, nil)
        _ = fchmod(fd, 0o600)
    }

    deinit { Glibc.close(fd) }

    /// Reads exactly `count` bytes into `p`, first from the buffer.
    private func take(_ p: UnsafeMutableRawPointer, _ count: Int) throws(SnapshotUnusable) {
        guard count <= remaining else { throw SnapshotUnusable("truncated") }
        var done = 0
        let buffered = min(count, buffer.count - position)
        if buffered > 0 {
            buffer.withUnsafeBytes { p.copyMemory(from: $0.baseAddress! + position, byteCount: buffered) }
            position += buffered
            done = buffered
        }
        if count - done >= 1 << 16 {
            // Large arrays are read straight into their storage.
            while done < count {
                let n = read(fd, p + done, count - done)
                guard n > 0 else { throw SnapshotUnusable("read failed") }
                done += n
            }
        } else if done < count {
            buffer = [UInt8](repeating: 0, count: 1 << 16)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            guard n >= count - done else { throw SnapshotUnusable("read failed") }
            buffer.removeSubrange(n...)
            buffer.withUnsafeBytes { (p + done).copyMemory(from: $0.baseAddress!, byteCount: count - done) }
            position = count - done
        }
        remaining -= count
        digest = Snapshot.combine(digest, UnsafeRawBufferPointer(start: p, count: count))
    }

    /// Whether everything was read and matches the checksum written after it.
    func finish() throws(SnapshotUnusable) {
        guard remaining == 0 else { throw SnapshotUnusable("trailing bytes") }
        let expected = digest
        remaining = 8
        var v: UInt64 = 0
        try withUnsafeMutableBytes(of: &v) { (b: UnsafeMutableRawBufferPointer) throws(SnapshotUnusable) in try take(b.baseAddress!, 8) }
        guard UInt64(littleEndian: v) == Snapshot.seal(expected, key.1) else { throw SnapshotUnusable("checksum") }
    }

    func int() throws(SnapshotUnusable) -> Int {
        var v: Int64 = 0
        try withUnsafeMutableBytes(of: &v) { (b: UnsafeMutableRawBufferPointer) throws(SnapshotUnusable) in try take(b.baseAddress!, 8) }
        return Int(Int64(littleEndian: v))
    }

    func count(_ stride: Int) throws(SnapshotUnusable) -> Int {
        let n = try int()
        guard n >= 0, n <= remaining / max(stride, 1) else { throw SnapshotUnusable("bad length") }
        return n
    }

    func bool() throws(SnapshotUnusable) -> Bool { try int() != 0 }
    func double() throws(SnapshotUnusable) -> Double { Double(bitPattern: UInt64(UInt(bitPattern: try int()))) }

    /// A string is written as an array of its UTF-8 bytes.
    func string() throws(SnapshotUnusable) -> String {
        let bytes: [UInt8] = try array()
        guard let s = String(validating: bytes, as: UTF8.self) else { throw SnapshotUnusable("bad text") }
        return s
    }

    func optional() throws(SnapshotUnusable) -> String? { try bool() ? try string() : nil }

    func strings() throws(SnapshotUnusable) -> [String] {
        let n = try count(8)
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    func array<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotUnusable) -> [T] {
        let n = try count(MemoryLayout<T>.stride)
        var failure: SnapshotUnusable?
        let a = [T](unsafeUninitializedCapacity: n) { buf, initialized in
            do {
                if n > 0 { try take(UnsafeMutableRawPointer(buf.baseAddress!), n * MemoryLayout<T>.stride) }
                initialized = n
            } catch {
                failure = (error as? SnapshotUnusable) ?? SnapshotUnusable("read failed")
                initialized = 0
            }
        }
        if let failure { throw failure }
        return a
    }

    var atEnd: Bool { remaining == 0 }

}
