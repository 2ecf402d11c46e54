import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a dataset's events on another thread while the main cursor decodes the
/// records before them, then the rest of the deals: the file is decoded by two cores.
///
/// Where the events array starts is a guess: the last `"events"` key of the file
/// followed by `[`, found by searching back from the end. The guess is only used when
/// the main cursor, reaching the top-level "events" key, stands exactly where the
/// guess started; a JSON value read from the place where it starts reads the same
/// whatever came before it, so the events read ahead are then exactly the ones the
/// main cursor would read. Any other case (another key order, a wrong guess, a
/// problem in the events) leaves the events to the main cursor.
///
/// The rest of the deals works the same way: once the events are read, this
/// thread picks a record halfway between the main cursor and the end of the deals
/// (a line opening with `{` at the first deal's indent, after a line ending with
/// `,`) and reads the deals from there to the array's `]`. The main cursor takes them
/// only if it comes to a deal exactly there, and otherwise reads on by itself.
final class EventsAhead: Sendable {
    /// Records read ahead from `start` to `end`: the events array from its `[` to just
    /// past its `]`, or the rest of the deals from a record's `{` to the array's `]`.
    struct Read: Sendable {
        let start: Int
        let end: Int
        let dataset: FastDataset
        /// Line (counted from 1 at the start's line) and line start where they end.
        let endLine: Int
        let endLineStart: Int
    }

    private let group = DispatchGroup()
    private let eventsDone = DispatchGroup()
    private let tailDone = DispatchGroup()
    private let result = Mutex<Read?>(nil)
    private let tail = Mutex<Read?>(nil)
    /// Where the guess starts once the search is over (-1 while it runs, Int.min when
    /// nothing was found), and whether the main cursor has given up on it.
    private let guess = Atomic<Int>(-1)
    private let cancelled = Atomic<Bool>(false)
    /// Where the rest of the deals starts once chosen (Int.max until then, and when
    /// there is none), whether the main cursor has passed it, where the main cursor
    /// is, and the indent of the first deal (-1: not known).
    private let tailFrom = Atomic<Int>(Int.max)
    private let tailCancelled = Atomic<Bool>(false)
    private let mainAt = Atomic<Int>(0)
    private let dealIndent = Atomic<Int>(-1)
    /// Tests: the tail is chosen as soon as the events are read, and the main cursor
    /// waits for that choice at the first deal.
    private let waits: Bool
    /// The mapped bytes, as an address (they stay mapped while this runs).
    private let address: UInt
    /// The thread that made this one: where the work runs when no thread could be
    /// started, and must then not wait for the main cursor.
    private let creator = pthread_self()
    private var onCreatingThread: Bool { pthread_equal(pthread_self(), creator) != 0 }

    /// Starts reading; `bytes` stays mapped while this runs (the decoder waits for it).
    init(bytes: UnsafeBufferPointer<UInt8>, mapped: MappedFile?, file: String, waits: Bool = false) {
        let address = UInt(bitPattern: bytes.baseAddress), count = bytes.count
        self.waits = waits
        self.address = address
        group.enter()
        eventsDone.enter()
        tailDone.enter()
        // A thread of its own (the global queue has as many threads as cores, all busy
        // while a load runs), at the main cursor's priority: once the events are read,
        // the main cursor may wait for the rest of the deals it reads (at nice +10 it
        // read a quarter fewer of them, and the load was a little slower).
        BackgroundThread.start(nice: 0) { [self] in
            defer { group.leave() }
            let b = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: address), count: count)
            let decoder = FastDecoder(file: file)
            var dealsEnd: Int?
            defer {
                // No rest of the deals to wait for, unless it was chosen.
                _ = tailFrom.compareExchange(expected: Int.max, desired: Int.min, ordering: .releasing)
                tailDone.leave()
            }
            do {
                defer { eventsDone.leave() }
                let found = Self.findEventsArray(b, mapped: mapped) { cancelled.load(ordering: .relaxed) }
                guess.store(found?.array ?? Int.min, ordering: .releasing)
                guard let found, !cancelled.load(ordering: .relaxed) else { return }
                var lineStart = found.array
                while lineStart > 0 && b[lineStart - 1] != 0x0A { lineStart -= 1 }
                var d = FastDataset()
                d.events.quoteStarts = [0]
                d.events.reserve(recordBytes: b.count - found.array)
                d.quotes.reserve(recordBytes: b.count - found.array)
                // The array from its `[` to just past its `]`.
                guard let read = Self.read(b, from: found.array, lineStart: lineStart, into: d, mapped: mapped, opening: true,
                                           stop: { cancelled.load(ordering: .relaxed) }, record: decoder.event)
                else { return }
                result.withLock { $0 = read }
                dealsEnd = Self.arrayEnd(b, before: found.key)
            }
            if let dealsEnd { readTail(b, dealsEnd: dealsEnd, decoder: decoder, mapped: mapped) }
        }
    }

    /// Chooses where the rest of the deals starts and reads it.
    private func readTail(_ b: UnsafeBufferPointer<UInt8>, dealsEnd: Int, decoder: FastDecoder, mapped: MappedFile?) {
        if waits && !onCreatingThread {
            // The main cursor tells where the deals start before it waits.
            while mainAt.load(ordering: .acquiring) == 0 && !tailCancelled.load(ordering: .relaxed) { sched_yield() }
        }
        let at = mainAt.load(ordering: .acquiring), indent = dealIndent.load(ordering: .relaxed)
        // Not worth a second thread for less than a few megabytes (unless testing).
        guard !tailCancelled.load(ordering: .relaxed), indent >= 0, dealsEnd - at >= (waits ? 2 : 1 << 23),
              let (start, lineStart) = Self.recordStart(b, from: at + (dealsEnd - at) / 2, before: dealsEnd, indent: indent)
        else {
            tailFrom.store(Int.min, ordering: .releasing)
            return
        }
        tailFrom.store(start, ordering: .releasing)
        var d = FastDataset()
        d.deals.quoteStarts = [0]
        d.deals.reserve(recordBytes: dealsEnd - start)
        d.quotes.reserve(recordBytes: dealsEnd - start)
        // From a record's `{` to the array's `]`.
        guard let read = Self.read(b, from: start, lineStart: lineStart, into: d, mapped: mapped, opening: false,
                                   stop: { tailCancelled.load(ordering: .relaxed) }, record: decoder.deal)
        else { return }
        tail.withLock { $0 = read }
    }

    /// Records of an array read from `start` (its `[` when `opening`, else a record's
    /// first byte) by `record`, into `d`, to the array's end (just past its `]` when
    /// `opening`, else at it); pages read are handed back every 4 MB. nil when `stop`
    /// says so or the records are not as the fast path wants them.
    private static func read(_ b: UnsafeBufferPointer<UInt8>, from start: Int, lineStart: Int, into d: FastDataset, mapped: MappedFile?,
                             opening: Bool, stop: () -> Bool,
                             record: (inout JSONCursor, inout FastDataset) throws(FastPathExit) -> Void) -> Read? {
        var c = JSONCursor(b, from: start, lineStart: lineStart)
        var d = d
        var dropped = start
        func one(_ c: inout JSONCursor) throws(FastPathExit) {
            if stop() { throw FastPathExit("no longer needed") }
            try record(&c, &d)
            if c.i - dropped >= 1 << 22 {
                mapped?.drop(dropped..<c.i)
                dropped = c.i
            }
        }
        do throws(FastPathExit) {
            if opening {
                try c.array(one)
            } else {
                repeat { try one(&c) } while c.take(0x2C)
                c.skipSpace()
                guard c.i < b.count, b[c.i] == 0x5D else { return nil }
            }
        } catch {
            return nil
        }
        mapped?.drop(dropped..<c.i)
        return Read(start: start, end: c.i, dataset: d, endLine: c.line, endLineStart: c.lineStart)
    }

    /// Told by the main cursor at each deal, standing at its first byte (`lineStart`:
    /// where its line starts): the deals read ahead when they start exactly here,
    /// waiting for them if they are on their way; nil otherwise (and, once the main
    /// cursor has passed where they start, their reading is stopped).
    func deal(at offset: Int, lineStart: Int) -> Read? {
        if dealIndent.load(ordering: .relaxed) == -1 {
            // The first deal: its indent, if it opens its line (-2: it does not).
            let b = UnsafePointer<UInt8>(bitPattern: address)!
            let opens = Self.blank(UnsafeBufferPointer(start: b, count: offset), lineStart..<offset)
            dealIndent.store(opens ? offset - lineStart : -2, ordering: .relaxed)
            if waits {
                mainAt.store(offset, ordering: .releasing)
                while tailFrom.load(ordering: .acquiring) == Int.max { sched_yield() }
            }
        }
        let from = tailFrom.load(ordering: .acquiring)
        if offset < from {
            // Told a megabyte at a time: a store at every deal would keep the cache
            // line the helper reads moving between the cores.
            if offset >> 20 != mainAt.load(ordering: .relaxed) >> 20 { mainAt.store(offset, ordering: .relaxed) }
            return nil
        }
        guard offset == from else {
            if from != Int.min && !tailCancelled.load(ordering: .relaxed) { tailCancelled.store(true, ordering: .relaxed) }
            return nil
        }
        tailDone.wait()
        return tail.withLock { t in
            defer { t = nil }
            return t?.start == offset ? t : nil
        }
    }

    /// The events read ahead from `offset`, waiting for them if they are on their way;
    /// nil (and the reading stopped) when the guess is not known to start there, as
    /// when the events come first in the file and the main cursor is there before it.
    func take(at offset: Int) -> Read? {
        if waits {
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
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        tailCancelled.store(true, ordering: .relaxed)
    }

    /// The events read ahead, once done; nil when there are none to use.
    func wait() -> Read? {
        eventsDone.wait()
        return result.withLock { r in
            defer { r = nil }
            return r
        }
    }

    /// Waits until this thread is done with the bytes.
    func finish() {
        cancel()
        group.wait()
    }

    /// Where the array of the file's last `"events"` key starts (its `[`), searching
    /// back from the end a megabyte at a time (pages searched are handed back) for the
    /// key at the start of a line. A file on one line is not read ahead: finding the
    /// key would mean stopping at every quote mark of it.
    static func findEventsArray(_ b: UnsafeBufferPointer<UInt8>, mapped: MappedFile?, stop: () -> Bool = { false }) -> (key: Int, array: Int)? {
        guard let base = b.baseAddress, b.count > 16 else { return nil }
        let key = Array("\"events\"".utf8)
        let chunk = 1 << 20
        var hi = b.count
        while hi > 0 && !stop() {
            let lo = max(0, hi - chunk)
            // Overlap the next chunk by a key's length, so a key across the edge is found.
            let end = min(b.count, hi + key.count)
            var found: (key: Int, array: Int)?
            var from = lo
            while from < end, let p = memchr(base + from, 0x0A, end - from) {
                var at = UnsafeRawPointer(p) - UnsafeRawPointer(base) + 1
                from = at
                while at < end && (b[at] == 0x20 || b[at] == 0x09) { at += 1 }
                if at + key.count <= b.count, memcmp(base + at, key, key.count) == 0,
                   let bracket = arrayAfterKey(b, key: at, length: key.count) { found = (at, bracket) }
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

    /// The `]` of an array that ends just before the key at `key` (`], "key"`).
    static func arrayEnd(_ b: UnsafeBufferPointer<UInt8>, before key: Int) -> Int? {
        var k = key - 1
        while k >= 0 && isSpace(b[k]) { k -= 1 }
        guard k >= 0, b[k] == 0x2C else { return nil }
        k -= 1
        while k >= 0 && isSpace(b[k]) { k -= 1 }
        guard k >= 0, b[k] == 0x5D else { return nil }
        return k
    }

    /// The first line from `from` on (and before `limit`, within a few megabytes) that
    /// opens a record: `{` after `indent` spaces or tabs, the line before ending with
    /// `,`. Returns the `{` and its line's start.
    static func recordStart(_ b: UnsafeBufferPointer<UInt8>, from: Int, before limit: Int, indent: Int) -> (Int, Int)? {
        guard let base = b.baseAddress, from > 0, from < limit, limit <= b.count else { return nil }
        let end = min(limit, from + (1 << 22))
        var at = from
        while at < end, let p = memchr(base + at, 0x0A, end - at) {
            let lineStart = UnsafeRawPointer(p) - UnsafeRawPointer(base) + 1
            at = lineStart
            let open = lineStart + indent
            guard open < end, b[open] == 0x7B, blank(b, lineStart..<open) else { continue }
            var k = lineStart - 2  // before the newline
            while k >= 0 && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0D) { k -= 1 }
            if k >= 0 && b[k] == 0x2C { return (open, lineStart) }
        }
        return nil
    }

    /// JSON whitespace.
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    /// Whether the bytes in `r` are all spaces or tabs (an indent).
    private static func blank(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        r.allSatisfy { b[$0] == 0x20 || b[$0] == 0x09 }
    }
}
