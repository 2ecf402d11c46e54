/// Sorts values by 64-bit keys, keeping equal keys in the order given (a least
/// significant digit radix sort, 16 bits a pass, passes where every key has the same
/// digit skipped): a million keys in a few passes over memory, where a comparison
/// sort of tuples takes a third of a second.
enum RadixSort {
    struct Item {
        var key: UInt64
        var value: UInt32
    }

    static func sort(_ items: inout [Item]) {
        let n = items.count
        guard n > 1 else { return }
        var counts = [Int](repeating: 0, count: 4 << 16)
        for item in items {
            for pass in 0..<4 { counts[pass << 16 | Int(truncatingIfNeeded: item.key >> UInt64(16 * pass)) & 0xFFFF] += 1 }
        }
        var other = [Item](repeating: Item(key: 0, value: 0), count: n)
        for pass in 0..<4 {
            let base = pass << 16
            // Every key has this digit alike: nothing to do.
            let digit = Int(truncatingIfNeeded: items[0].key >> UInt64(16 * pass)) & 0xFFFF
            if counts[base + digit] == n { continue }
            var sum = 0
            for d in 0..<(1 << 16) {
                let c = counts[base + d]
                counts[base + d] = sum
                sum += c
            }
            let shift = UInt64(16 * pass)
            items.withUnsafeBufferPointer { from in
                other.withUnsafeMutableBufferPointer { to in
                    counts.withUnsafeMutableBufferPointer { starts in
                        for item in from {
                            let d = base + Int(truncatingIfNeeded: item.key >> shift) & 0xFFFF
                            to[starts[d]] = item
                            starts[d] += 1
                        }
                    }
                }
            }
            swap(&items, &other)
        }
    }
}
