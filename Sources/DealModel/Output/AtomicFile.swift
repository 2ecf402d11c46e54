#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that, whatever happens, the path holds either the old file or the
/// whole new one: a temporary file with a random name in the same directory (created
/// with O_EXCL | O_NOFOLLOW), written, flushed and synced, given the original's mode,
/// renamed over the original, and the directory synced. A `kill -9` at any moment
/// leaves at most a hidden `.NAME.XXXXXXXX.tmp` beside it, never a mix or an empty
/// file. A path that is a symbolic link keeps its link: the file it names is replaced.
public final class AtomicFile {
    /// Why the file could not be written, and what to do.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let message: String
        public let fix: String
        public var description: String { "cannot write \(path): \(message)\n  fix: \(fix)" }
    }

    /// The path written (the file a symbolic link names).
    public let path: String
    private let directory: String
    private let temporary: String
    private let mode: mode_t
    private let owner: (uid_t, gid_t)?
    private var fd: Int32
    private var buffer: [UInt8] = []

    /// False: an existing file at the path is kept and the commit fails.
    private let replacing: Bool

    /// Opens a temporary file beside `path`. `newMode`: a new file's mode (the
    /// umask's by default; private files give 0600).
    public init(path given: String, replacing: Bool = true, newMode: mode_t? = nil) throws(Failure) {
        self.replacing = replacing
        var target = given
        var st = stat()
        if lstat(given, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let real = realpath(given, nil) {
            target = String(cString: real)
            free(real)
        }
        path = target
        directory = FileAccess.directory(of: target)
        func fail(_ message: String, _ fix: String) -> Failure { Failure(path: given, message: message, fix: fix) }
        var dir = stat()
        guard stat(directory, &dir) == 0 else { throw fail("the directory \(directory) does not exist", "create it, or write the file elsewhere") }
        guard dir.st_mode & S_IFMT == S_IFDIR else { throw fail("\(directory) is not a directory", "write the file in a directory") }
        if stat(target, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFREG else { throw fail("it is not a regular file", "write the file elsewhere") }
            // Read-only to its owner (even to root, who could write it): not replaced.
            guard st.st_mode & S_IWUSR != 0, access(target, W_OK) == 0 else {
                throw fail("the file is read-only", "make it writable (chmod u+w), or write elsewhere")
            }
            mode = st.st_mode & 0o7777
            owner = (st.st_uid, st.st_gid)
        } else {
            let mask = umask(0o022)
            umask(mask)
            mode = newMode ?? 0o666 & ~mask
            owner = nil
        }
        // Past a size limit (ulimit -f) a write fails with EFBIG, said below, rather
        // than the process being killed.
        signal(SIGXFSZ, SIG_IGN)
        let base = target.split(separator: "/").last.map(String.init) ?? target
        var name = "", opened: Int32 = -1
        for _ in 0..<16 {
            name = FileAccess.join(directory, ".\(base).\(String(UInt64.random(in: 0...UInt64(UInt32.max)), radix: 16)).tmp")
            opened = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if opened >= 0 || errno != EEXIST { break }
        }
        guard opened >= 0 else {
            let e = errno
            throw fail(Self.reason(e, directory: directory), e == EACCES || e == EPERM || e == EROFS ? "write the file in a directory you can write to" : "check the directory")
        }
        temporary = name
        fd = opened
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        // Not committed: nothing is left behind.
        if fd >= 0 {
            close(fd)
            unlink(temporary)
        }
    }

    public func write(_ s: String) throws(Failure) {
        try write(bytes: Array(s.utf8))
    }

    public func write(bytes: [UInt8]) throws(Failure) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(Failure) {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw abandon(errno)
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Syncs the new file and puts it in place.
    public func commit() throws(Failure) {
        try flush()
        if fsync(fd) != 0 { throw abandon(errno) }
        _ = fchmod(fd, mode)
        if let (uid, gid) = owner { _ = fchown(fd, uid, gid) }
        if close(fd) != 0 {
            fd = -1
            let e = errno
            unlink(temporary)
            throw failure(e)
        }
        fd = -1
        // Not replacing: link(2) puts the file in place only if the name is free, with
        // no window between a check and the write.
        if replacing ? rename(temporary, path) != 0 : link(temporary, path) != 0 {
            let e = errno
            unlink(temporary)
            throw e == EEXIST ? Failure(path: path, message: "it exists already", fix: "choose another name, or replace it on purpose") : failure(e)
        }
        if !replacing { unlink(temporary) }
        // The rename itself made durable.
        let d = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if d >= 0 {
            _ = fsync(d)
            close(d)
        }
    }

    /// Writes `path` at once with the UTF-8 `produce` hands on.
    public static func write(_ path: String, replacing: Bool = true, newMode: mode_t? = nil,
                             _ produce: (([UInt8]) throws(Failure) -> Void) throws(Failure) -> Void) throws(Failure) {
        let file = try AtomicFile(path: path, replacing: replacing, newMode: newMode)
        try produce { (b: [UInt8]) throws(Failure) in try file.write(bytes: b) }
        try file.commit()
    }

    private func abandon(_ code: Int32) -> Failure {
        close(fd)
        fd = -1
        unlink(temporary)
        return failure(code)
    }

    private func failure(_ code: Int32) -> Failure {
        let fix: String
        switch code {
        case ENOSPC, EDQUOT: fix = "free some space, or write the file elsewhere; the old file is unchanged"
        case EFBIG: fix = "raise the file size limit (ulimit -f), or write elsewhere; the old file is unchanged"
        case ENOENT: fix = "the directory was removed while the file was written: create it again and retry"
        default: fix = "check the disk and the directory; the old file is unchanged"
        }
        return Failure(path: path, message: Self.reason(code, directory: directory), fix: fix)
    }

    private static func reason(_ code: Int32, directory: String) -> String {
        switch code {
        case ENOSPC, EDQUOT: "the disk is full"
        case EFBIG: "the file is larger than the system allows"
        case EROFS: "\(directory) is on a read-only file system"
        case EACCES, EPERM: "permission denied in \(directory)"
        case ENOENT: "the directory \(directory) no longer exists"
        default: String(cString: strerror(code))
        }
    }
}
