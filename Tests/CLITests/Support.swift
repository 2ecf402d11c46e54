import Foundation
import Testing

/// Paths of the source tree, found from this file: Tests/CLITests/Support.swift.
enum Paths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixtures = packageRoot + "/Tests/Fixtures"

    static func fixture(_ relative: String) -> String { fixtures + "/" + relative }

    /// The `dealscope` built with these tests. A test target cannot depend on an executable,
    /// but `swift test` builds every product into the directory that holds the test bundle,
    /// so it is looked for there first; the usual build folders are the fallback.
    static let executable: String? = {
        let fm = FileManager.default
        var dirs: [String] = []
        func addDirectory(of path: String) {
            var url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            // The bundle may be a directory (…/debug/xPackageTests.xctest/…) or an executable.
            while url.path != "/" {
                url.deleteLastPathComponent()
                dirs.append(url.path)
                if url.lastPathComponent == "debug" || url.lastPathComponent == "release" { break }
            }
        }
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { addDirectory(of: exe) }
        if let first = CommandLine.arguments.first { addDirectory(of: first) }
        addDirectory(of: Bundle.main.bundlePath + "/x")
        for scratch in [".build-helper", ".build"] { dirs.append(packageRoot + "/" + scratch + "/debug") }
        for dir in dirs {
            let candidate = dir + "/dealscope"
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }()
}

/// The result of running `dealscope`.
struct Run: CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stdoutBytes: [UInt8]
    let stderrBytes: [UInt8]

    var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty() }
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty() }

    var description: String {
        "dealscope \(arguments.joined(separator: " ")) → \(status)\n--- stdout\n\(stdout.prefix(3000))\n--- stderr\n\(stderr.prefix(3000))"
    }

    /// stdout as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdoutBytes), options: [.fragmentsAllowed])
    }
}

extension Array where Element == String {
    func dropLastEmpty() -> [String] { last == "" ? Array(dropLast()) : self }
}

struct MissingExecutable: Error, CustomStringConvertible {
    var description: String { "dealscope is not built: run `swift build` (looked beside the test bundle and in .build*/debug)" }
}

/// Runs `dealscope` with stdin from /dev/null and stdout, stderr into files (no pipe can fill up).
func dealscope(_ arguments: String..., environment: [String: String] = [:], removing: [String] = []) throws -> Run {
    try dealscope(arguments, environment: environment, removing: removing)
}

func dealscope(_ arguments: [String], environment: [String: String] = [:], removing: [String] = []) throws -> Run {
    guard let exe = Paths.executable else { throw MissingExecutable() }
    return try run(exe, arguments, environment: environment, removing: removing)
}

func run(_ exe: String, _ arguments: [String], environment: [String: String] = [:], removing: [String] = []) throws -> Run {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("dealscope-cli-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
    _ = fm.createFile(atPath: outURL.path, contents: nil)
    _ = fm.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: exe)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    // No snapshot is read or written unless a test asks for one.
    env["DEALSCOPE_CACHE"] = "off"
    for key in removing { env[key] = nil }
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.currentDirectoryURL = URL(fileURLWithPath: Paths.packageRoot)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Run(arguments: arguments, status: process.terminationStatus,
               stdoutBytes: Array(try Data(contentsOf: outURL)), stderrBytes: Array(try Data(contentsOf: errURL)))
}

/// `script` (util-linux) runs a command on a pseudo-terminal; nil when it is not installed.
let scriptCommand: String? = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs `dealscope` with its stdout on a pseudo-terminal (through `script`).
func dealscopeOnATerminal(_ arguments: [String], environment: [String: String] = [:], removing: [String] = []) throws -> Run {
    guard let exe = Paths.executable else { throw MissingExecutable() }
    guard let script = scriptCommand else { throw MissingExecutable() }
    let command = ([exe] + arguments).map(shellQuoted).joined(separator: " ")
    var env = environment
    if env["TERM"] == nil { env["TERM"] = "xterm-256color" }
    // -q: no banner; -e: the command's exit status; -c: the command; /dev/null: no typescript.
    return try run(script, ["-qec", command, "/dev/null"], environment: env, removing: removing)
}

func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// Problems with bytes that must never reach a terminal: raw ESC, C1 controls, bidi
/// controls and other C0 controls than line ends.
func terminalHazards(_ bytes: [UInt8]) -> [String] {
    var found: [String] = []
    if bytes.contains(0x1B) { found.append("raw ESC (0x1B)") }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        return found + ["output is not valid UTF-8 (a raw 0x9B or other stray byte)"]
    }
    for s in text.unicodeScalars {
        switch s.value {
        case 0x0A, 0x0D: continue
        case 0x00...0x1F, 0x7F: found.append("C0/DEL U+\(String(s.value, radix: 16))")
        case 0x80...0x9F: found.append("C1 U+\(String(s.value, radix: 16))")
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: found.append("bidi control U+\(String(s.value, radix: 16))")
        default: continue
        }
    }
    return found
}
