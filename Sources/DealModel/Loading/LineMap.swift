/// Turns byte offsets of one file into line and column, quickly and many times,
/// even when the whole file is one line (minified JSON).
struct LineMap {
    let file: String
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Characters (UTF-8 lead bytes) before each multiple of `stride` bytes.
    private let checkpoints: [Int]
    private static let stride = 256

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        var starts = [0]
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var leads = 0
        for (i, b) in bytes.enumerated() {
            if i % Self.stride == 0 { checkpoints.append(leads) }
            if b & 0xC0 != 0x80 { leads += 1 }
            if b == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        lineStarts = starts
        self.checkpoints = checkpoints
    }

    /// Characters before a byte offset.
    private func characters(before offset: Int) -> Int {
        let end = min(offset, bytes.count)
        guard end > 0 else { return 0 }
        let k = end / Self.stride
        var count = k < checkpoints.count ? checkpoints[k] : (checkpoints.last ?? 0)
        var i = min(k, max(0, checkpoints.count - 1)) * Self.stride
        if k >= checkpoints.count { count = 0; i = 0 }
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    func location(_ offset: Int) -> SourceLocation {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let column = characters(before: offset) - characters(before: lineStarts[lo]) + 1
        return SourceLocation(file: file, line: lo + 1, column: column)
    }
}
