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
    /// Fails when the rules refuse the file (see `FileAccess.open`), when it is
    /// unreadable or changes while it is read, or (with `validating`) is not UTF-8.
    static func read(_ path: String, validating: Bool, rules: FileRules = .standard,
                     within directory: String? = nil) -> Result<(text: String, checksum: UInt64), FileAccess.Failure> {
        let opened: FileAccess.Opened
        switch FileAccess.open(path, rules: rules, within: directory) {
        case .failure(let f): return .failure(f)
        case .success(let o): opened = o
        }
        defer { close(opened.fd) }
        var failure: FileAccess.Failure?
        let size = opened.size
        var sum: UInt64 = 0
        let text = String(unsafeUninitializedCapacity: max(size, 1)) { buffer in
            var done = 0
            while done < size {
                let n = Glibc.read(opened.fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failure = n == 0 ? .changed : FileAccess.failure(errno); return 0 }
                done += n
            }
            var count = size
            if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                memmove(buffer.baseAddress!, buffer.baseAddress! + 3, count - 3)
                count -= 3
            }
            let body = UnsafeBufferPointer(rebasing: buffer[0..<count])
            if validating && UTF8Check.firstInvalidOffset(body) != nil { failure = .other("not UTF-8"); return 0 }
            sum = Snapshot.checksum(body)
            return count
        }
        // A file that grew or changed while it was read is not the text just read.
        if let failure { return .failure(failure) }
        var extra: UInt8 = 0
        guard Glibc.read(opened.fd, &extra, 1) == 0, opened.unchanged() else { return .failure(.changed) }
        return .success((text, sum))
    }
}
