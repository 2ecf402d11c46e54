import DealModel
import Dispatch
import Synchronization

/// Runs the data load on another thread and hands its progress and result to the
/// event loop, which polls it between events.
final class BackgroundLoad: Sendable {
    typealias Work = @Sendable (@escaping ProgressHandler) throws -> (Catalog, [String])

    /// An error from the load, carried across threads.
    struct Failure: Error, @unchecked Sendable {
        let error: any Error
    }

    private struct Box {
        var progress: LoadProgress?
        var outcome: Result<(Catalog, [String]), Failure>?
    }

    private let box = Mutex(Box())
    private let done = DispatchSemaphore(value: 0)

    /// `afterward` runs on the same thread once the result is handed over (the
    /// explorer saves a snapshot there while the user already browses).
    init(_ work: @escaping Work, afterward: (@Sendable (Catalog) -> Void)? = nil) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let outcome: Result<(Catalog, [String]), Failure>
            do {
                outcome = .success(try work { p in self.box.withLock { $0.progress = p } })
            } catch {
                outcome = .failure(Failure(error: error))
            }
            box.withLock { $0.outcome = outcome }
            done.signal()
            if case .success(let (catalog, _)) = outcome { afterward?(catalog) }
        }
    }

    /// Waits up to `milliseconds` for the load to finish (small data then never
    /// shows a loading screen).
    func wait(milliseconds: Int) {
        if done.wait(timeout: .now() + .milliseconds(milliseconds)) == .success { done.signal() }
    }

    /// The newest progress report, once.
    func takeProgress() -> LoadProgress? {
        box.withLock { b in
            defer { b.progress = nil }
            return b.progress
        }
    }

    var outcome: Result<(Catalog, [String]), Failure>? { box.withLock { $0.outcome } }
}
