import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it, with stdout into a file (or /dev/null) and
/// stdin, stderr on /dev/null. Not Foundation's Process: its child keeps a socket
/// that Process waits to see closed, and a tmux client passes it on to the tmux
/// server it starts, which lives on, so Process would wait forever. Here the child
/// gets no descriptor above 2 at all, and `waitpid` waits for exactly that child.
func spawnAndWait(_ executable: String, _ arguments: [String], environment: [String: String],
                  stdoutPath: String?) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if let closeFrom = closeFromAction { _ = closeFrom(&actions, 3) }

    // Default dispositions and no blocked signals, whatever this process has: a
    // signal ignored here (SIGTSTP, for one) would stay ignored in the tmux server,
    // its shells and the explorer, and Ctrl-Z would do nothing.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t(), none = sigset_t()
    sigfillset(&all)
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid = pid_t()
    let error = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard error == 0 else { throw EndToEndError("cannot start \(executable): \(String(cString: strerror(error)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw EndToEndError("waitpid for \(executable) failed") }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}

/// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which the Glibc module
/// does not export; looked up at run time, nil on an older C library.
private let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
}()
