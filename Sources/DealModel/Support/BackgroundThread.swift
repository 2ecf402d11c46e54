#if canImport(Glibc)
import Glibc
#endif

/// A thread of its own for work that runs beside the loader's main cursor, by default
/// at a lower priority (nice +10): on two cores the main cursor is the longest part of
/// a load, and it should not wait while the helpers (reading the document, decoding
/// the events ahead) take turns with it; they fit in the other core.
enum BackgroundThread {
    private final class Work {
        let nice: Int32
        let body: () -> Void
        init(nice: Int32, _ body: @escaping () -> Void) { self.nice = nice; self.body = body }
    }

    #if os(Linux)
    @_silgen_name("gettid")
    private static func gettid() -> Int32
    #endif

    /// Runs `body` on a new thread (detached; it ends with `body`), at `nice`.
    static func start(nice: Int32 = 10, _ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(nice: nice, body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            let work = Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue()
            #if os(Linux)
            if work.nice != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(BackgroundThread.gettid()), work.nice) }
            #endif
            work.body()
            return nil
        }, work)
        if started != 0 {
            // No thread to be had: the work is done here instead.
            Unmanaged<Work>.fromOpaque(work).takeRetainedValue().body()
        }
    }
}
