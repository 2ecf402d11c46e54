import Foundation
import Testing

/// tmux with a server of its own for each session (a socket file in the temporary
/// directory) and no user config, so the tests neither see nor disturb anyone's
/// tmux, nor each other.
enum Tmux {
    static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isInstalled: Bool { executable != nil }

    /// Runs `tmux -S <socket> -f /dev/null <arguments>`; returns status and stdout.
    @discardableResult
    static func run(socket: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable else { throw EndToEndError("tmux is not installed") }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("dealscope-e2e-tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try spawnAndWait(executable, ["-S", socket, "-f", "/dev/null", "-u"] + arguments,
                                      environment: environment, stdoutPath: outputPath)
        let data = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data()
        return (status, String(decoding: data, as: UTF8.self))
    }
}

/// One detached tmux session running a command in a fixed-size window. Always
/// `kill()` it (in a `defer`). Every wait polls the pane every 50 ms up to a
/// timeout instead of sleeping a fixed time.
final class TmuxSession {
    let name: String
    let socket: String
    static let pollInterval: Duration = .milliseconds(50)
    static let defaultTimeout: Duration = .seconds(10)

    /// Starts `command` (run by sh) in a new session of `width` × `height` cells.
    init(_ command: String, width: Int = 120, height: Int = 40) throws {
        name = "e2e-\(UUID().uuidString.prefix(8))"
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-e2e-\(name).tmux").path
        let result = try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        guard result.status == 0 else { throw EndToEndError("tmux new-session failed (status \(result.status))") }
    }

    /// An interactive shell with job control (bash when there is one) and the
    /// prompt `e2e$ `, in a clean environment; returns once the prompt shows.
    static func shell() throws -> TmuxSession {
        let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash --norc --noprofile -i" : "/bin/sh -i"
        let session = try TmuxSession("env -i PATH=/usr/bin:/bin HOME=/tmp TERM=xterm-256color LANG=C.UTF-8 PS1='e2e$ ' " + shell)
        do {
            try session.waitFor(text: "e2e$")
        } catch {
            session.kill()
            throw error
        }
        return session
    }

    /// Ends the session, its processes (they get SIGHUP) and its server.
    func kill() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tmux.run(socket: socket, arguments)
    }

    /// The visible screen as text, lines without trailing spaces. With `escapes`,
    /// including the SGR sequences of colours and attributes.
    func screen(escapes: Bool = false) -> String {
        let output = (try? run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", name]))?.output ?? ""
        return output.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = Substring(line)
                while line.last == " " { line.removeLast() }
                return String(line)
            }
            .joined(separator: "\n")
    }

    /// A tmux format for the pane, such as `#{alternate_on}` or `#{cursor_y}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the pane's first process (the shell that runs the command).
    func panePID() throws -> pid_t {
        guard let pid = pid_t(try format("#{pane_pid}")) else { throw EndToEndError("no pane pid for \(name)") }
        return pid
    }

    /// Runs a tmux command on this session's server (`set-option -s …`, `show-buffer`).
    @discardableResult
    func tmux(_ arguments: String...) throws -> (status: Int32, output: String) {
        try run(arguments)
    }

    /// Sends tmux key names ("q", "Enter", "C-c", "Tab").
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Sends text as it is (also raw escape sequences, such as mouse reports).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Copies everything the program writes to the pane from now on into `file`.
    func recordOutput(to file: String) throws {
        try run(["pipe-pane", "-o", "-t", name, "cat >> " + shellQuoted(file)])
    }

    /// Polls until `condition` holds for the screen; returns that screen, or throws
    /// with the last screen seen.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = defaultTimeout, _ condition: (String) throws -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while true {
            last = screen()
            if try condition(last) { return last }
            if clock.now >= deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw EndToEndError("timed out after \(timeout) waiting for \(what); the screen was:\n\(last)")
    }

    /// Polls until every text is on the screen.
    @discardableResult
    func waitFor(texts: [String], timeout: Duration = defaultTimeout) throws -> String {
        try waitFor(texts.map { "\"\($0)\"" }.joined(separator: ", "), timeout: timeout) { screen in
            texts.allSatisfy(screen.contains)
        }
    }

    @discardableResult
    func waitFor(text: String, timeout: Duration = defaultTimeout) throws -> String {
        try waitFor(texts: [text], timeout: timeout)
    }

    /// Polls until a tmux format has a value.
    func waitFor(format: String, toBe value: String, timeout: Duration = defaultTimeout) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while true {
            last = try self.format(format)
            if last == value { return }
            if clock.now >= deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw EndToEndError("timed out waiting for \(format) to be \(value) (was \(last)); the screen was:\n\(screen())")
    }

    /// Polls until the screen has the texts and then stays the same for `quiet`:
    /// a whole frame, not one caught halfway through its drawing.
    @discardableResult
    func waitForSettled(texts: [String], quiet: Duration = .milliseconds(250), timeout: Duration = defaultTimeout) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        var since = clock.now
        while clock.now < deadline {
            let now = screen()
            if now != last {
                last = now
                since = clock.now
            } else if texts.allSatisfy(now.contains), clock.now - since >= quiet {
                return now
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw EndToEndError("timed out waiting for a settled screen with \(texts); the screen was:\n\(last)")
    }

    /// Polls until a file stops growing for `quiet`; returns its size.
    func settledSize(of file: String, quiet: Duration = .milliseconds(300), timeout: Duration = defaultTimeout) -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var size = -1
        var since = clock.now
        while clock.now < deadline {
            let now = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
            if now != size {
                size = now
                since = clock.now
            } else if clock.now - since >= quiet {
                return size
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return size
    }
}

/// A shell script that runs the explorer the way a user would and records what a
/// user would notice afterwards: `before`/`after` hold `stty -g` around the run,
/// `status` the exit status as the shell reports it (128 + signal when killed);
/// then it prints "DS-DONE" and waits, so the pane stays for inspection.
/// INT is trapped by this shell only so that it outlives a Ctrl-C sent to the
/// whole foreground group; the explorer itself gets default dispositions.
func recordingWrapper(in directory: ScratchDirectory, arguments: [String] = [], environment: [String] = []) throws -> String {
    let script = """
        trap : INT
        stty -g > \(shellQuoted(directory.file("before")))
        \(try Binary.command(arguments, environment: environment))
        echo $? > \(shellQuoted(directory.file("status")))
        stty -g > \(shellQuoted(directory.file("after")))
        echo DS-DONE
        exec sleep 600

        """
    try directory.write("run.sh", script)
    return "/bin/sh " + shellQuoted(directory.file("run.sh"))
}
