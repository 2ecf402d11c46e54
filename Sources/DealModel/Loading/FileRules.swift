/// What dealscope agrees to read: regular files only (never a FIFO, which would block,
/// or a device such as /dev/zero, which never ends), of at most `maximumSize` bytes,
/// and documents only under their dataset file's directory (symbolic links
/// resolved) unless `documentsAnywhere`.
public struct FileRules: Sendable, Equatable {
    /// The largest dataset file or document read, in bytes.
    public var maximumSize: Int
    /// Documents may lie outside their dataset file's directory.
    public var documentsAnywhere: Bool

    public init(maximumSize: Int = FileRules.defaultMaximumSize, documentsAnywhere: Bool = false) {
        self.maximumSize = min(maximumSize, Self.largestReadable)
        self.documentsAnywhere = documentsAnywhere
    }

    public static let standard = FileRules()
    /// 1 GiB: a document is held in memory whole, with its split into sentences.
    public static let defaultMaximumSize = 1 << 30
    /// Places in documents and columns are 32-bit numbers: nothing larger can be read.
    public static let largestReadable = Int(UInt32.max)

    /// "1.5 GiB", "640 KiB", "12 bytes".
    static func describe(size: Int) -> String {
        if size < 1024 { return "\(size) bytes" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(size) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        let rounded = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return text + " " + units[unit]
    }

    /// "1G", "512M", "1536K" or a number of bytes, as `--max-file-size` takes it.
    public static func parseSize(_ text: String) -> Int? {
        var digits = Substring(text.uppercased())
        if digits.hasSuffix("IB") || digits.hasSuffix("B") && digits.count > 1 && !digits.dropLast().last!.isNumber {
            digits = digits.dropLast(digits.hasSuffix("IB") ? 2 : 1)
        }
        var scale = 1
        switch digits.last {
        case "K": scale = 1 << 10
        case "M": scale = 1 << 20
        case "G": scale = 1 << 30
        case "T": scale = 1 << 40
        default: break
        }
        if scale > 1 { digits = digits.dropLast() }
        guard let n = Double(digits), n >= 0, n.isFinite else { return nil }
        let bytes = n * Double(scale)
        guard bytes < 1e18 else { return nil }
        return Int(bytes)
    }
}
