import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a dataset's events on another thread while the main cursor decodes the
/// records before them: the two halves of a large file are decoded at once.
///
/// Where the events array starts is a guess: the last `"events"` key of the file
/// followed by `[`, found by searching back from the end. The guess is only used when
/// the main cursor, reaching the top-level "events" key, stands exactly where the
/// guess started; a JSON value read from the place where it starts reads the same
/// whatever came before it, so the events read ahead are then exactly the ones the
/// main cursor would read. Any other case (another key order, a wrong guess, a
/// problem in the events) leaves the events to the main cursor.
final class EventsAhead: Sendable {
    struct Read: Sendable {
        /// Where the array starts (its `[`) and ends (just past its `]`).
        let start: Int
        let end: Int
        let dataset: FastDataset
        /// Line (counted from 1 at the start) and line start where the array ends.
        let endLine: Int
        let endLineStart: Int
    }

    private let group = DispatchGroup()
    private let result = Mutex<Read?>(nil)
    /// Where the guess starts once the search is over (-1 while it runs, Int.min when
    /// nothing was found), and whether the main cursor has given up on it.
    private let guess = Atomic<Int>(-1)
    private let cancelled = Atomic<Bool>(false)
    private struct Cancelled: Error {}

    /// Starts reading; `bytes` stays mapped while this runs (the decoder waits for it).
    init(bytes: UnsafeBufferPointer<UInt8>, mapped: MappedFile?, file: String) {
        let address = UInt(bitPattern: bytes.baseAddress), count = bytes.count
        group.enter()
        // A thread of its own (the global queue has as many threads as cores, all busy
        // while a load runs), at a lower priority than the main cursor.
        BackgroundThread.start { [self] in
            defer { group.leave() }
            let b = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: address), count: count)
            let decoder = FastDecoder(file: file)
            let found = Self.findEventsArray(b, mapped: mapped) { cancelled.load(ordering: .relaxed) }
            guess.store(found ?? Int.min, ordering: .releasing)
            guard let start = found, !cancelled.load(ordering: .relaxed) else { return }
            var lineStart = start
            while lineStart > 0 && b[lineStart - 1] != 0x0A { lineStart -= 1 }
            var c = JSONCursor(b, from: start, lineStart: lineStart)
            var d = FastDataset()
            d.events.quoteStarts = [0]
            var dropped = start
            do {
                try c.array { (c: inout JSONCursor) throws(FastPathExit) in
                    if cancelled.load(ordering: .relaxed) { throw FastPathExit("no longer needed") }
                    try decoder.event(&c, &d)
                    if c.i - dropped >= 1 << 22 {
                        mapped?.drop(dropped..<c.i)
                        dropped = c.i
                    }
                }
            } catch {
                return
            }
            mapped?.drop(dropped..<c.i)
            let read = Read(start: start, end: c.i, dataset: d, endLine: c.line, endLineStart: c.lineStart)
            result.withLock { $0 = read }
        }
    }

    /// The events read ahead from `offset`, waiting for them if they are on their way;
    /// nil (and the reading stopped) when the guess is not known to start there, as
    /// when the events come first in the file and the main cursor is there before it.
    /// `waiting` (for tests): waits for the search however long it takes.
    func take(at offset: Int, waiting: Bool = false) -> Read? {
        if waiting {
            guard let read = wait(), read.start == offset else { return nil }
            return read
        }
        guard guess.load(ordering: .acquiring) == offset, let read = wait(), read.start == offset else {
            cancel()
            return nil
        }
        return read
    }

    /// Stops the reading at the next record.
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// The events read ahead, once done; nil when there are none to use.
    func wait() -> Read? {
        group.wait()
        return result.withLock { r in
            defer { r = nil }
            return r
        }
    }

    /// Where the array of the file's last `"events"` key starts (its `[`), searching
    /// back from the end a megabyte at a time (pages searched are handed back) for the
    /// key at the start of a line. A file on one line is not read ahead: finding the
    /// key would mean stopping at every quote mark of it.
    static func findEventsArray(_ b: UnsafeBufferPointer<UInt8>, mapped: MappedFile?, stop: () -> Bool = { false }) -> Int? {
        guard let base = b.baseAddress, b.count > 16 else { return nil }
        let key = Array("\"events\"".utf8)
        let chunk = 1 << 20
        var hi = b.count
        while hi > 0 && !stop() {
            let lo = max(0, hi - chunk)
            // Overlap the next chunk by a key's length, so a key across the edge is found.
            let end = min(b.count, hi + key.count)
            var found: Int?
            var from = lo
            while from < end, let p = memchr(base + from, 0x0A, end - from) {
                var at = UnsafeRawPointer(p) - UnsafeRawPointer(base) + 1
                from = at
                while at < end && (b[at] == 0x20 || b[at] == 0x09) { at += 1 }
                if at + key.count <= b.count, memcmp(base + at, key, key.count) == 0,
                   let bracket = arrayAfterKey(b, key: at, length: key.count) { found = bracket }
            }
            mapped?.drop(lo..<end)
            if let found { return found }
            hi = lo
        }
        return nil
    }

    /// The `[` after a key at `at` (`"events" : [`), if the key stands where an object
    /// key can (after `{` or `,`).
    private static func arrayAfterKey(_ b: UnsafeBufferPointer<UInt8>, key at: Int, length: Int) -> Int? {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        var k = at - 1
        while k >= 0 && isSpace(b[k]) { k -= 1 }
        guard k >= 0, b[k] == 0x2C || b[k] == 0x7B else { return nil }
        var i = at + length
        while i < b.count && isSpace(b[i]) { i += 1 }
        guard i < b.count, b[i] == 0x3A else { return nil }
        i += 1
        while i < b.count && isSpace(b[i]) { i += 1 }
        guard i < b.count, b[i] == 0x5B else { return nil }
        return i
    }
}
