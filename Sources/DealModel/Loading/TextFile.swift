#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole text file straight into a String's own storage (one copy, no second
/// buffer: a 150 MB document costs 150 MB, not 300), without a leading byte order mark,
/// with a checksum of its text.
enum TextFile {
    /// nil when unreadable, or (with `validating`) not UTF-8.
    static func read(_ path: String, validating: Bool) -> (text: String, checksum: UInt64)? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var ok = true
        var sum: UInt64 = 0
        let text = String(unsafeUninitializedCapacity: max(size, 1)) { buffer in
            var done = 0
            while done < size {
                let n = Glibc.read(fd, buffer.baseAddress! + done, size - done)
                guard n > 0 else { ok = false; return 0 }
                done += n
            }
            var count = size
            if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                memmove(buffer.baseAddress!, buffer.baseAddress! + 3, count - 3)
                count -= 3
            }
            let body = UnsafeBufferPointer(rebasing: buffer[0..<count])
            if validating && UTF8Check.firstInvalidOffset(body) != nil { ok = false; return 0 }
            sum = Snapshot.checksum(body)
            return count
        }
        return ok ? (text, sum) : nil
    }
}
