#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A SIGBUS handler for mapped files that shrink while they are read: the pages from
/// the one that faulted to the end of the mapping become zero pages, the mapping is
/// marked, and the read goes on (to a decoding error that `MappedFile.changed`
/// explains). A fault anywhere else is handed to the handler that was there before
/// (Swift's backtracer, the explorer's terminal restore, or the default), once.
///
/// The handler is put back on top when another one has replaced it (the explorer
/// arms its own while the data loads), so that a shrinking dataset never reaches a
/// handler that would end the process. Everything it touches is raw memory made
/// once; it calls only mmap and sigaction.
enum MappedFaults {
    static let slots = 8
    private static let lock = Mutex(false)

    /// Starts watching a mapping; nil when every slot is taken (it is then unguarded).
    static func watch(_ base: UnsafeMutableRawPointer, _ length: Int) -> Int? {
        lock.withLock { _ in
            for k in 0..<slots where memory.ends[k] == 0 {
                memory.faulted[k] = 0
                memory.starts[k] = UInt(bitPattern: base)
                memory.ends[k] = UInt(bitPattern: base) + UInt(length)
                installLocked()
                return k
            }
            return nil
        }
    }

    static func unwatch(_ k: Int) {
        lock.withLock { _ in
            memory.ends[k] = 0
            memory.starts[k] = 0
        }
    }

    static func faulted(_ k: Int) -> Bool { memory.faulted[k] != 0 }

    /// Puts the handler back on top if another one replaced it.
    static func install() {
        lock.withLock { _ in installLocked() }
    }

    private static func installLocked() {
        var current = sigaction()
        guard sigaction(SIGBUS, nil, &current) == 0 else { return }
        if unsafeBitCast(current.__sigaction_handler.sa_sigaction, to: UnsafeRawPointer?.self) == unsafeBitCast(handler, to: UnsafeRawPointer.self) { return }
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handler
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        memory.previous.pointee = current
        memory.forwarded.pointee = 0
        _ = sigaction(SIGBUS, &action, nil)
    }
}

/// The handler's raw memory, made once and never freed.
private struct FaultMemory {
    let starts = UnsafeMutablePointer<UInt>.allocate(capacity: MappedFaults.slots)
    let ends = UnsafeMutablePointer<UInt>.allocate(capacity: MappedFaults.slots)
    let faulted = UnsafeMutablePointer<Int>.allocate(capacity: MappedFaults.slots)
    let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    let forwarded = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))

    init() {
        starts.initialize(repeating: 0, count: MappedFaults.slots)
        ends.initialize(repeating: 0, count: MappedFaults.slots)
        faulted.initialize(repeating: 0, count: MappedFaults.slots)
        previous.initialize(to: sigaction())
        forwarded.initialize(to: 0)
    }
}

nonisolated(unsafe) private let memory = FaultMemory()

private let handler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { _, info, _ in
    guard let info else { return }
    // A SIGBUS raised by another handler on its way out (the explorer's terminal
    // restore raises it again for the handler before it): the fault itself comes
    // back when that handler returns, and is judged then.
    if info.pointee.si_code == SI_TKILL { return }
    if info.pointee.si_code > 0 {
        let address = UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)
        for k in 0..<MappedFaults.slots where memory.starts[k] <= address && address < memory.ends[k] {
            let page = address & ~(memory.pageSize - 1)
            let end = memory.ends[k]
            _ = mmap(UnsafeMutableRawPointer(bitPattern: page), Int(end - page), PROT_READ,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            memory.faulted[k] = 1
            return
        }
    }
    // Not a mapped file's: the handler before this one takes it (the fault happens
    // again when this returns); if it comes back here, nobody took it: the default.
    if memory.forwarded.pointee == 0 {
        memory.forwarded.pointee = 1
        _ = sigaction(SIGBUS, memory.previous, nil)
    } else {
        _ = signal(SIGBUS, SIG_DFL)
    }
    // A SIGBUS sent with kill does not come back by itself.
    if info.pointee.si_code <= 0 { _ = raise(SIGBUS) }
}
