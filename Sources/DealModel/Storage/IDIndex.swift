/// Finds a record's position from its id: an open-addressing hash table of positions
/// into a `StringColumn` of ids (4 bytes a slot, where a `[String: Int]` takes about 40
/// an entry). The first of several equal ids wins.
struct IDIndex: Sendable {
    private var slots: [Int32]
    private let mask: Int
    /// How many ids repeat an earlier one.
    private(set) var duplicates = 0

    /// A table of these slots, as stored (a snapshot's are checked first: `checked`).
    init(slots: [Int32]) {
        self.slots = slots
        mask = slots.count - 1
    }

    /// A table read back from a snapshot; nil unless its size is a power of two, every
    /// slot is empty or a position below `count`, each of the `count` positions is in
    /// exactly one slot, and a slot is left empty (a full table would make the search
    /// for an unknown id go round for ever).
    static func checked(slots: [Int32], count: Int) -> IDIndex? {
        guard slots.count >= 16, slots.count & (slots.count - 1) == 0, count < slots.count else { return nil }
        var seen = [Bool](repeating: false, count: count)
        var filled = 0
        for s in slots where s != -1 {
            guard s >= 0, Int(s) < count, !seen[Int(s)] else { return nil }
            seen[Int(s)] = true
            filled += 1
        }
        return filled == count ? IDIndex(slots: slots) : nil
    }

    var storedSlots: [Int32] { slots }

    init(_ ids: StringColumn) {
        var size = 16
        while size < ids.count * 2 { size <<= 1 }
        mask = size - 1
        slots = [Int32](repeating: -1, count: size)
        for i in 0..<ids.count {
            let h = ids.withBytes(i) { Self.hash($0) }
            var s = h & mask
            var duplicate = false
            while slots[s] >= 0 {
                if ids.withBytes(Int(slots[s]), { a in ids.withBytes(i) { b in a.elementsEqual(b) } }) { duplicate = true; break }
                s = (s + 1) & mask
            }
            if duplicate { duplicates += 1 } else { slots[s] = Int32(i) }
        }
    }

    /// The same table for the same ids moved to new positions (`position[old]`): a
    /// slot depends only on the id's bytes, so no id is hashed again. Only for ids
    /// without repeats (the first of equal ids would no longer be known).
    func renumbered(_ position: [Int32]) -> IDIndex {
        precondition(duplicates == 0)
        var out = self
        out.slots = slots.map { $0 < 0 ? $0 : position[Int($0)] }
        return out
    }

    func find(_ id: String, in ids: StringColumn) -> Int? {
        var id = id
        return id.withUTF8 { find(bytes: $0, in: ids) }
    }

    func find(bytes key: UnsafeBufferPointer<UInt8>, in ids: StringColumn) -> Int? {
        var s = Self.hash(key) & mask
        while slots[s] >= 0 {
            let i = Int(slots[s])
            if ids.equals(i, key) { return i }
            s = (s + 1) & mask
        }
        return nil
    }

    /// FNV-1a, then mixed so that the low bits used for the slot are well spread.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

}
