#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped into memory, read-only, for reading it once from start to end. The
/// pages already read can be handed back (`release(upTo:)`), so a 500 MB dataset does
/// not stay in the process's memory while it is decoded.
/// `release` is for the one thread that reads the file from start to end; `drop`,
/// which keeps no state, for any thread.
///
/// A file that shrinks while it is mapped (rewritten in place, truncated) would kill
/// the process with SIGBUS at the first page past its new end: `MappedFaults` turns
/// those pages into zeros instead, which no decoder takes for data, and `changed`
/// then says so.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let length: Int
    private var released = 0
    private let opened: FileAccess.Opened
    private let watch: Int?
    /// Told the bytes read so far (by `release` and `drop`), to report progress.
    var onRead: (@Sendable (Int) -> Void)?

    /// nil when the rules refuse the file or it cannot be opened or mapped (the careful
    /// path then says why).
    init?(path: String, rules: FileRules = .standard) {
        guard case .success(let opened) = FileAccess.open(path, rules: rules) else { return nil }
        self.opened = opened
        length = opened.size
        if length == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            watch = nil
            return
        }
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, opened.fd, 0), p != MAP_FAILED else {
            close(opened.fd)
            return nil
        }
        _ = madvise(p, length, MADV_SEQUENTIAL)
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: length)
        watch = MappedFaults.watch(p, length)
    }

    /// Whether the file shrank under the mapping or changed since it was opened:
    /// what was read is then not the file.
    var changed: Bool {
        (watch.map(MappedFaults.faulted) ?? false) || !opened.unchanged()
    }

    /// Lets the system drop the pages before `offset` from this process's memory (they
    /// are read again from the file if touched).
    func release(upTo offset: Int) {
        onRead?(offset)
        MappedFaults.install()
        let page = 1 << 16
        let end = offset / page * page
        guard end - released >= 1 << 22, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// The same for the whole pages inside `range`, from any thread (for a part of the
    /// file read apart from the main cursor).
    func drop(_ range: Range<Int>) {
        MappedFaults.install()
        let page = 1 << 16
        let lo = (range.lowerBound + page - 1) / page * page, hi = range.upperBound / page * page
        guard hi > lo, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, MADV_DONTNEED)
    }

    deinit {
        if let watch { MappedFaults.unwatch(watch) }
        if let base = bytes.baseAddress { _ = munmap(UnsafeMutableRawPointer(mutating: base), length) }
        close(opened.fd)
    }
}
