#if canImport(Glibc)
import Glibc
#endif

/// Places inside the records the fast loader read, for problems reported with the line
/// and column of the very value at fault, as the careful loader reports them (the fast
/// loader keeps only where each record starts). It reads records that decoded without
/// a doubt, so it takes their JSON for granted. Lines and columns are counted as the
/// careful loader counts them (columns in characters), by walks forward over the file:
/// many places cost one walk, not one each.
struct RecordText {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Told the parts of the file read (a few megabytes at a time, in order), which
    /// each walk needs no more: a mapped file's pages are handed back.
    var read: (@Sendable (Range<Int>) -> Void)? = nil

    enum Step {
        case key(String)
        case index(Int)
        /// The value of an object's only member (an event's "order").
        case onlyMember
    }

    /// The offset of the value at `path` inside the value starting at `start`.
    func find(_ path: [Step], from start: Int) -> Int? {
        var i = start
        for step in path {
            i = skipSpace(i)
            switch step {
            case .key(let key):
                guard let v = member(Array(key.utf8), inObjectAt: i) else { return nil }
                i = v
            case .index(let k):
                guard let v = element(k, inArrayAt: i) else { return nil }
                i = v
            case .onlyMember:
                guard let v = member(nil, inObjectAt: i) else { return nil }
                i = v
            }
        }
        return skipSpace(i)
    }

    /// The string at `offset`, or an object's "text" there (a quote).
    func quoteText(at offset: Int) -> String? {
        var i = skipSpace(offset)
        if i < bytes.count && bytes[i] == 0x7B {
            guard let v = member(Array("text".utf8), inObjectAt: i) else { return nil }
            i = v
        }
        return string(at: i)
    }

    func string(at offset: Int) -> String? {
        var c = JSONCursor(bytes, from: offset, lineStart: 0)
        guard let span = try? c.string() else { return nil }
        return try? c.text(span)
    }

    // MARK: Walking values

    private func skipSpace(_ from: Int) -> Int {
        var i = from
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i
    }

    /// Just past the value starting at `i`.
    private func skipValue(_ from: Int) -> Int {
        var i = skipSpace(from)
        var depth = 0
        repeat {
            guard i < bytes.count else { return i }
            switch bytes[i] {
            case 0x22:
                i += 1
                while i < bytes.count && bytes[i] != 0x22 { i += bytes[i] == 0x5C ? 2 : 1 }
                i += 1
            case 0x7B, 0x5B: depth += 1; i += 1
            case 0x7D, 0x5D: depth -= 1; i += 1
            case 0x2C, 0x3A, 0x20, 0x09, 0x0A, 0x0D: i += 1
            default:
                // A number or a literal: up to the next delimiter.
                while i < bytes.count, !"{}[],: \t\r\n\"".utf8.contains(bytes[i]) { i += 1 }
            }
        } while depth > 0
        return i
    }

    /// The value of member `key` (nil: the first member) of the object at `i`.
    private func member(_ key: [UInt8]?, inObjectAt start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == 0x7B else { return nil }
        var i = start + 1
        while true {
            i = skipSpace(i)
            guard i < bytes.count, bytes[i] == 0x22 else { return nil }
            let keyEnd = skipValue(i)
            let name = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<(keyEnd - 1)])
            i = skipSpace(keyEnd)
            guard i < bytes.count, bytes[i] == 0x3A else { return nil }
            i = skipSpace(i + 1)
            if key.map({ name.elementsEqual($0) }) ?? true { return i }
            i = skipSpace(skipValue(i))
            guard i < bytes.count, bytes[i] == 0x2C else { return nil }
            i += 1
        }
    }

    /// The start of element `k` of the array at `i`.
    private func element(_ k: Int, inArrayAt start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == 0x5B else { return nil }
        var i = skipSpace(start + 1)
        for _ in 0..<k {
            i = skipSpace(skipValue(i))
            guard i < bytes.count, bytes[i] == 0x2C else { return nil }
            i = skipSpace(i + 1)
        }
        return i < bytes.count && bytes[i] != 0x5D ? i : nil
    }

    // MARK: Lines and columns

    /// The offsets of places given by line and column (from 1, columns in
    /// characters), in one walk; `places` must be in order.
    func offsets(of places: [(line: Int, column: Int)]) -> [Int] {
        var walk = Walk(self)
        return places.map { p in
            while walk.line < p.line, walk.nextLine() {}
            walk.toCharacter(p.column - 1)
            return walk.at
        }
    }

    /// Line and column of each offset, in one walk; `offsets` must be in order.
    func locations(of offsets: [Int]) -> [(line: Int, column: Int)] {
        var walk = Walk(self)
        return offsets.map { o in
            while let next = walk.next, next <= o, walk.nextLine() {}
            walk.toOffset(o)
            return (walk.line, walk.chars + 1)
        }
    }

    /// A place in the file and its line, moved forward only.
    private struct Walk {
        let text: RecordText
        var line = 1, lineStart = 0
        /// Where the next line starts (nil: this is the last), found once per line.
        var next: Int?
        /// A place on this line, and the characters before it on the line.
        var at = 0, chars = 0
        /// Up to where the walk told `read`.
        var told = 0

        init(_ text: RecordText) {
            self.text = text
            next = text.nextLineStart(after: 0)
        }

        mutating func nextLine() -> Bool {
            guard let n = next else { return false }
            line += 1
            lineStart = n
            next = text.nextLineStart(after: n)
            at = n
            chars = 0
            if lineStart - told >= RecordText.chunk {
                text.read?(told..<lineStart)
                told = lineStart
            }
            return true
        }

        mutating func toCharacter(_ k: Int) {
            if chars > k { at = lineStart; chars = 0 }
            let b = text.bytes
            while chars < k && at < b.count {
                at += 1
                if at >= b.count || b[at] & 0xC0 != 0x80 { chars += 1 }
            }
        }

        mutating func toOffset(_ o: Int) {
            if at > o { at = lineStart; chars = 0 }
            let b = text.bytes
            while at < o {
                if b[at] & 0xC0 != 0x80 { chars += 1 }
                at += 1
            }
        }
    }

    /// How much is read before `read` is told.
    static let chunk = 1 << 22

    /// Where the line after the one starting at `start` starts, if there is one.
    fileprivate func nextLineStart(after start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let nl = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
        return base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
    }
}
