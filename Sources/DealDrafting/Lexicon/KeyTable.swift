/// A hash table from 64-bit keys that are already well mixed (token and phrase hashes)
/// to small values: open addressing, no `Hasher` (which costs more than the rest of a
/// lookup here).
struct KeyTable<Value>: @unchecked Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        keys = [UInt64](repeating: 0, count: n)
        values = [Value?](repeating: nil, count: n)
        mask = n - 1
    }

    /// 0 marks an empty slot, so a key of 0 is stored as 1.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 32)) & UInt64(mask)) }

    subscript(key: UInt64) -> Value? {
        get {
            let k = Self.stored(key)
            var i = slot(k)
            while true {
                let here = keys[i]
                if here == k { return values[i] }
                if here == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            let k = Self.stored(key)
            if (count + 1) * 2 > keys.count { grow() }
            var i = slot(k)
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 {
                guard newValue != nil else { return }
                keys[i] = k
                count += 1
            }
            values[i] = newValue
        }
    }

    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    private mutating func grow() {
        let old = (keys, values)
        keys = [UInt64](repeating: 0, count: old.0.count * 2)
        values = [Value?](repeating: nil, count: old.0.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(old.0, old.1) where k != 0 {
            var i = slot(k)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
            count += 1
        }
    }
}

/// A small set of word keys, tested with a 64-bit filter before a short scan.
struct WordSet: Sendable {
    private(set) var filter: UInt64 = 0
    private(set) var keys: [UInt64] = []

    init(_ keys: some Sequence<UInt64>) {
        for k in keys where !self.keys.contains(k) {
            self.keys.append(k)
            filter |= 1 << (k & 63)
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard filter & (1 << (key & 63)) != 0 else { return false }
        for k in keys where k == key { return true }
        return false
    }

    var isEmpty: Bool { keys.isEmpty }
}
