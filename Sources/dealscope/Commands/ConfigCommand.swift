import ArgumentParser
import ExplorerCore
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

extension Exit {
    /// The config file has a problem (sysexits' EX_CONFIG).
    static let config: Int32 = 78
}

/// Which config file the explorer reads, and reading it.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The explorer's config file (default: DEALSCOPE_CONFIG, else $XDG_CONFIG_HOME/dealscope/config.toml).", valueName: "file"))
    var config: String?

    /// The file and whether it was asked for by name (then it must exist).
    var path: (String, named: Bool)? {
        if let config { return (config, true) }
        if let named = Self.variable("DEALSCOPE_CONFIG") { return (named, true) }
        if let xdg = Self.variable("XDG_CONFIG_HOME") { return (xdg + "/dealscope/config.toml", false) }
        return Self.variable("HOME").map { ($0 + "/.config/dealscope/config.toml", false) }
    }

    static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The config, the built-in one when no file is there; problems are printed, each
    /// with its line and fix, and end the command with exit code 78.
    func load() throws -> Config {
        guard let (path, named) = path else { return Config() }
        let text: String
        switch Self.read(path) {
        case .success(let t): text = t
        case .failure(.missing) where !named: return Config()
        case .failure(let problem):
            Out.error("dealscope: " + Sanitizer.line(path) + ": " + problem.description)
            throw ExitCode(Exit.config)
        }
        switch Config.read(text, file: path) {
        case .success(let config): return config
        case .failure(let problems):
            Out.error(problems.list.map { "dealscope: " + $0.description }.joined(separator: "\n"))
            throw ExitCode(Exit.config)
        }
    }

    enum ReadProblem: Error, CustomStringConvertible {
        case missing, unreadable(String), tooLarge, notUTF8
        var description: String {
            switch self {
            case .missing: "no such file\n  fix: create it (`dealscope config --default > FILE` writes one that changes nothing) or name another"
            case .unreadable(let why): "cannot be read: \(why)\n  fix: check the path and its permissions"
            case .tooLarge: "is larger than 1 MB, too large for a config file\n  fix: name the config file, not another"
            case .notUTF8: "is not UTF-8 text\n  fix: save it as UTF-8"
            }
        }
    }

    /// The file's text: at most 1 MB of UTF-8.
    static func read(_ path: String) -> Result<String, ReadProblem> {
        guard let file = fopen(path, "r") else {
            return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes += chunk[0..<n] }
            if bytes.count > 1 << 20 { return .failure(.tooLarge) }
            if n < chunk.count {
                if ferror(file) != 0 { return .failure(.unreadable(String(cString: strerror(errno)))) }
                break
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the explorer's config file (keys and colours), or print the default one.",
        discussion: "Saved as the config file, the output of --default changes nothing; edit it from there.")

    @Flag(name: .long, help: "Print the complete, commented default config.")
    var `default` = false

    @OptionGroup var options: ConfigOptions

    func run() throws {
        if `default` {
            Out.write(1, Config.defaultText)
            return
        }
        guard let (path, named) = options.path else {
            Out.print("no config file: HOME and XDG_CONFIG_HOME are not set; the built-in keys and colours are used")
            return
        }
        if case .failure(.missing) = ConfigOptions.read(path), !named {
            Out.print(Sanitizer.line(path) + ": no such file; the built-in keys and colours are used (`dealscope config --default` prints them)")
            return
        }
        let config = try options.load()
        let modes = InputMode.allCases.filter { config.keymap[$0] != $0.keys }.map(\.rawValue)
        Out.print(Sanitizer.line(path) + ": ok; theme \(config.themeName)"
                  + (modes.isEmpty ? "; the built-in keys" : "; keys rebound in " + modes.joined(separator: ", ")))
    }
}
