#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations drafting needs (DealModel keeps its own file access internal).
enum Files {
    enum Failure: Error, Equatable {
        case notFound, isDirectory, permissionDenied, other(String)

        var message: String {
            switch self {
            case .notFound: "no such file"
            case .isDirectory: "it is a directory, not a file"
            case .permissionDenied: "permission denied"
            case .other(let s): s
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func read(_ path: String) -> Result<[UInt8], Failure> {
        if isDirectory(path) { return .failure(.isDirectory) }
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.notFound)
            case EACCES, EPERM: return .failure(.permissionDenied)
            default: return .failure(.other(String(cString: strerror(errno))))
            }
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.other(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return .success(bytes)
    }

    static func environment(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        let s = String(cString: v)
        return s.isEmpty ? nil : s
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
