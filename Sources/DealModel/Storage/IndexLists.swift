/// A list of index lists in two arrays (compressed sparse rows): list `i` is
/// `items[starts[i]..<starts[i+1]]`. Used for every one-to-many relation of the
/// catalog, so that a million deals do not mean a million small arrays.
public struct IndexLists: RandomAccessCollection, Sendable {
    private(set) var starts: [UInt32]
    private(set) var items: [Int32]

    public init() { starts = [0]; items = [] }

    init(starts: [UInt32], items: [Int32]) {
        self.starts = starts
        self.items = items
    }

    /// Groups pairs (list, item) into lists, each list in the pairs' order.
    init(count: Int, pairs: [(list: Int32, item: Int32)]) {
        var sizes = [UInt32](repeating: 0, count: count + 1)
        for p in pairs { sizes[Int(p.list) + 1] += 1 }
        for i in 0..<count { sizes[i + 1] += sizes[i] }
        var fill = sizes
        var items = [Int32](repeating: 0, count: pairs.count)
        for p in pairs {
            items[Int(fill[Int(p.list)])] = p.item
            fill[Int(p.list)] += 1
        }
        self.starts = sizes
        self.items = items
    }

    mutating func append<C: Collection>(_ list: C) where C.Element == Int {
        for x in list { items.append(Int32(x)) }
        starts.append(UInt32(items.count))
    }

    mutating func append(int32 list: some Collection<Int32>) {
        items.append(contentsOf: list)
        starts.append(UInt32(items.count))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(i: Int) -> IndexList {
        IndexList(items: items, range: Int(starts[i])..<Int(starts[i + 1]))
    }

}

/// One list of an `IndexLists`: record indices, as `Int`.
public struct IndexList: RandomAccessCollection, Sendable, Equatable {
    let items: [Int32]
    let range: Range<Int>

    public var startIndex: Int { 0 }
    public var endIndex: Int { range.count }
    @inline(__always)
    public subscript(i: Int) -> Int { Int(items[range.lowerBound + i]) }

    public static func == (a: IndexList, b: IndexList) -> Bool { a.elementsEqual(b) }
}
