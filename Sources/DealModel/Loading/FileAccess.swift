#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Minimal file reading with reasons a person can act on, under `FileRules`.
enum FileAccess {
    enum Failure: Error, Equatable {
        case notFound, isDirectory, permissionDenied, other(String)
        /// Not a regular file: what it is instead ("a FIFO").
        case notRegular(String)
        case tooLarge(size: Int, limit: Int)
        /// The file (symbolic links resolved) lies outside `directory`.
        case outside(path: String, directory: String)
        /// Its size or time changed between opening and the end of reading.
        case changed

        var message: String {
            switch self {
            case .notFound: "no such file"
            case .isDirectory: "it is a directory, not a file"
            case .permissionDenied: "permission denied"
            case .other(let s): s
            case .notRegular(let what): "it is \(what), not a regular file"
            case .tooLarge(let size, let limit):
                "it is \(FileRules.describe(size: size)), more than the \(FileRules.describe(size: limit)) dealscope reads"
            case .outside(let path, let directory): "it lies outside the dataset's directory \(directory) (it is \(path))"
            case .changed: "the file changed while it was read"
            }
        }

        /// What to do, when it does not depend on what the file is for.
        var fix: String? {
            switch self {
            case .tooLarge(let size, _) where size <= FileRules.largestReadable:
                "pass --max-file-size \(Self.roundedUp(size)) to read it"
            case .tooLarge:
                "dealscope reads files of at most 4 GiB (its places in a file are 32-bit numbers): split the file"
            case .outside(_, let directory):
                "put the document under \(directory), or pass --allow-outside-documents to read documents anywhere"
            case .changed: "run again once the program writing it has finished"
            default: nil
            }
        }

        /// A size of whole mebibytes or gibibytes at least `size`, as `--max-file-size` takes it.
        private static func roundedUp(_ size: Int) -> String {
            let mib = (size + (1 << 20) - 1) >> 20
            return mib % 1024 == 0 ? "\(mib / 1024)G" : "\(mib)M"
        }
    }

    /// What a file was when opened, to tell whether it changed while it was read.
    struct Stamp: Equatable {
        let size: Int, device: UInt64, inode: UInt64
        let modified: (Int, Int), changed: (Int, Int)

        init(_ st: stat) {
            size = Int(st.st_size)
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            modified = (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
            changed = (Int(st.st_ctim.tv_sec), Int(st.st_ctim.tv_nsec))
        }

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.size == b.size && a.device == b.device && a.inode == b.inode && a.modified == b.modified && a.changed == b.changed
        }
    }

    /// An open regular file that the rules allow; the caller closes `fd`.
    struct Opened {
        let fd: Int32
        let stamp: Stamp
        var size: Int { stamp.size }

        /// Whether the file is still as it was when opened.
        func unchanged() -> Bool {
            var st = stat()
            return fstat(fd, &st) == 0 && Stamp(st) == stamp
        }
    }

    /// Opens `path` for reading if it is a regular file within the rules, and (unless
    /// the rules allow documents anywhere) under `directory`.
    /// A FIFO is opened without waiting for a writer, and then refused.
    static func open(_ path: String, rules: FileRules, within directory: String? = nil) -> Result<Opened, Failure> {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { return .failure(failure(errno)) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            close(fd)
            return .failure(failure(code))
        }
        let refusal: Failure? =
            (st.st_mode & S_IFMT) != S_IFREG ? kind(of: st.st_mode)
            : Int(st.st_size) > rules.maximumSize ? .tooLarge(size: Int(st.st_size), limit: rules.maximumSize)
            : directory.flatMap { rules.documentsAnywhere ? nil : outside(fd: fd, path: path, directory: $0) }
        if let refusal {
            close(fd)
            return .failure(refusal)
        }
        // Reads from a regular file never wait; blocking mode back all the same.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success(Opened(fd: fd, stamp: Stamp(st)))
    }

    private static func kind(of mode: mode_t) -> Failure {
        switch mode & S_IFMT {
        case S_IFDIR: .isDirectory
        case S_IFIFO: .notRegular("a FIFO (named pipe)")
        case S_IFCHR: .notRegular("a character device")
        case S_IFBLK: .notRegular("a block device")
        case S_IFSOCK: .notRegular("a socket")
        default: .notRegular("not a file")
        }
    }

    /// The refusal for an open file that lies outside `directory`, judged by the path
    /// the system gives the open file (so a symbolic link cannot change between the
    /// check and the read), or nil.
    private static func outside(fd: Int32, path: String, directory: String) -> Failure? {
        guard let root = realPath(directory) else { return .outside(path: path, directory: directory) }
        let real = linkTarget("/proc/self/fd/\(fd)") ?? realPath(path) ?? path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return real.hasPrefix(prefix) ? nil : .outside(path: real, directory: root)
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0, buffer[0] == 0x2F else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The whole file, refused when the rules do not allow it or when it changes
    /// while it is read.
    static func read(_ path: String, rules: FileRules = .standard, within directory: String? = nil) -> Result<[UInt8], Failure> {
        let opened: Opened
        switch open(path, rules: rules, within: directory) {
        case .failure(let f): return .failure(f)
        case .success(let o): opened = o
        }
        defer { close(opened.fd) }
        let size = opened.size
        // One byte more than the size, to see a file that grew.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var done = 0
        while done < size + 1 {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(opened.fd, $0.baseAddress! + done, size + 1 - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno))
            }
            if n == 0 { break }
            done += n
        }
        guard done == size, opened.unchanged() else { return .failure(.changed) }
        bytes.removeLast()
        return .success(bytes)
    }

    static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EACCES, EPERM: .permissionDenied
        case EISDIR: .isDirectory
        default: .other(String(cString: strerror(code)))
        }
    }

    /// Names of the entries of a directory, sorted.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
