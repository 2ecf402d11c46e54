@testable import DealModel
import Testing

/// The radix sort that orders dated events gives what a stable comparison sort gives,
/// whichever 16-bit digits of the keys differ.
@Suite("Radix sort")
struct RadixSortTests {
    @Test(arguments: [(0, 1), (1, 2), (200, 1), (5000, 3), (5000, 40)])
    func matchesStableSort(count: Int, distinctDigits: Int) {
        var rng = SplitMix64(state: UInt64(count * 31 + distinctDigits))
        // Keys differing in some digits only (so that passes are skipped), with ties.
        let masks: [UInt64] = [0xFFFF, 0xFFFF_0000, 0xFFFF_0000_0000, 0xFFFF_0000_0000_0000, .max]
        var items: [RadixSort.Item] = []
        for i in 0..<count {
            let mask = masks[i % masks.count == 0 ? 4 : rng.below(masks.count)]
            let key = (UInt64(rng.below(distinctDigits)) &* 0x0001_0003_0005_0007) & mask
            items.append(RadixSort.Item(key: key, value: UInt32(i)))
        }
        // Swift's sort is stable: equal keys keep the order given.
        let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.value)
        var sorted = items
        RadixSort.sort(&sorted)
        #expect(sorted.map(\.value) == expected)
        #expect(sorted.map(\.key) == items.map(\.key).sorted())
    }
}
