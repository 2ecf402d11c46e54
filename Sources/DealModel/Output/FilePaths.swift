#if canImport(Glibc)
import Glibc
#endif

/// Paths as text: made absolute, tidied, and one written relative to a directory, so
/// that a dataset written elsewhere still finds its documents.
public enum FilePaths {
    /// The file a path names, symbolic links followed (the absolute path when it does
    /// not exist).
    public static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return absolute(path) }
        defer { free(real) }
        return String(cString: real)
    }

    /// The path from the current directory, without `.`, `..` or doubled slashes.
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (FileAccess.currentDirectory() ?? "/") + "/" + path
        var parts: [Substring] = []
        for p in full.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(p)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` as seen from `directory` ("../docs/a.txt"); both are made absolute first.
    public static func relative(_ path: String, from directory: String) -> String {
        let to = absolute(path).split(separator: "/"), from = absolute(directory).split(separator: "/")
        var common = 0
        while common < to.count - 1 && common < from.count && to[common] == from[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }

    public static func exists(_ path: String) -> Bool { FileAccess.exists(path) }

    /// The directory a path is in ("." for a bare name).
    public static func directory(of path: String) -> String { FileAccess.directory(of: path) }
}
