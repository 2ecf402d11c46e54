import Foundation

/// Where the `dealscope` under test is. A test target cannot depend on an
/// executable; `swift test` (SwiftPM 6.3) still builds every product into the
/// directory of the test bundle, which is looked in first. Elsewhere run
/// `swift build` before `swift test`, as the CI does. DEALSCOPE_BINARY overrides.
enum Binary {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, EndToEndTests, Tests
        return url.path
    }()

    /// The binary beside the test bundle first (the build these tests came from),
    /// then <repo>/.build/debug and <repo>/.build-*/debug.
    static let path: String? = {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["DEALSCOPE_BINARY"], !explicit.isEmpty {
            return explicit
        }
        var directories: [String] = []
        func addDirectories(above path: String) {
            var url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            while url.path != "/" {
                url.deleteLastPathComponent()
                directories.append(url.path)
                if url.lastPathComponent == "debug" || url.lastPathComponent == "release" { break }
            }
        }
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { addDirectories(above: exe) }
        if let first = CommandLine.arguments.first { addDirectories(above: first) }
        directories.append(packageRoot + "/.build/debug")
        let scratch = ((try? fm.contentsOfDirectory(atPath: packageRoot)) ?? [])
            .filter { $0.hasPrefix(".build-") || $0.hasPrefix(".build_") }.sorted()
        directories += scratch.map { packageRoot + "/" + $0 + "/debug" }
        for directory in directories {
            let candidate = directory + "/dealscope"
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }()

    static func require() throws -> String {
        guard let path else { throw EndToEndError("dealscope is not built: run `swift build` before `swift test` (looked beside the test bundle, in .build/debug and .build-*/debug; DEALSCOPE_BINARY overrides)") }
        return path
    }

    /// The environment the explorer runs in: pinned terminal type, locale and zone,
    /// no NO_COLOR unless a test sets it, and no config file but one a test names.
    static let environment = ["-u", "NO_COLOR", "-u", "DEALSCOPE_CONFIG", "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TZ=UTC",
                              "DEALSCOPE_CACHE=off", "XDG_CONFIG_HOME=/nonexistent"]

    /// `env <pinned environment> <extra NAME=value…> <binary> <arguments>`, quoted for sh.
    static func command(_ arguments: [String] = [], environment extra: [String] = []) throws -> String {
        let binary = try require()
        return (["env"] + environment + extra + [binary] + arguments).map(shellQuoted).joined(separator: " ")
    }
}

struct EndToEndError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// A temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func read(_ name: String) -> String? {
        (try? String(contentsOfFile: file(name), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ name: String, _ contents: String) throws {
        try contents.write(toFile: file(name), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The pid of the first process named `name` among the descendants of `root`, read
/// from /proc (no pgrep needed).
func descendant(of root: pid_t, named name: String) -> pid_t? {
    var children: [pid_t: [pid_t]] = [:]
    var names: [pid_t: String] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = pid_t(entry),
              let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
        names[pid] = String(stat[stat.index(after: open)..<close])
        let rest = stat[stat.index(after: close)...].split(separator: " ")
        if rest.count > 1, let parent = pid_t(rest[1]) { children[parent, default: []].append(pid) }
    }
    var queue = children[root] ?? []
    while !queue.isEmpty {
        let pid = queue.removeFirst()
        if names[pid] == name { return pid }
        queue += children[pid] ?? []
    }
    return nil
}
