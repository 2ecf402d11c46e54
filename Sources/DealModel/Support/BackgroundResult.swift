import Dispatch
import Synchronization

/// A value computed on a thread of its own (`BackgroundThread`, at normal priority)
/// while the caller goes on; `value()` waits for it.
final class BackgroundResult<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    init(_ compute: @escaping @Sendable () -> Value) {
        group.enter()
        BackgroundThread.start(nice: 0) { [self] in
            let v = compute()
            result.withLock { $0 = v }
            group.leave()
        }
    }

    func value() -> Value {
        group.wait()
        return result.withLock { $0! }
    }
}
