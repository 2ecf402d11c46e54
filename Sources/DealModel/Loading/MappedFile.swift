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
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let length: Int
    private var released = 0

    /// nil when the file cannot be opened or mapped (the careful path then says why).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        length = Int(st.st_size)
        if length == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, length, MADV_SEQUENTIAL)
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// Lets the system drop the pages before `offset` from this process's memory (they
    /// are read again from the file if touched).
    func release(upTo offset: Int) {
        let page = 1 << 16
        let end = offset / page * page
        guard end - released >= 1 << 22, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// The same for the whole pages inside `range`, from any thread (for a part of the
    /// file read apart from the main cursor).
    func drop(_ range: Range<Int>) {
        let page = 1 << 16
        let lo = (range.lowerBound + page - 1) / page * page, hi = range.upperBound / page * page
        guard hi > lo, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, MADV_DONTNEED)
    }

    deinit {
        if let base = bytes.baseAddress { _ = munmap(UnsafeMutableRawPointer(mutating: base), length) }
    }
}
