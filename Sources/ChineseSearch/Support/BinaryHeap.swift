/// The order of a `BinaryHeap`: `before(a, b)` when `a` belongs nearer the root than `b`.
protocol HeapOrder {
    associatedtype Element
    static func before(_ a: Element, _ b: Element) -> Bool
}

/// An array-backed binary heap whose root is the element that comes first in `Order`; used by the merge of
/// runs (smallest term first) and by top-k (worst kept hit first). O(log n) per push, pop and root
/// replacement; the order is a type, so comparisons are specialized and inlined.
struct BinaryHeap<Order: HeapOrder> {
    private(set) var items: [Order.Element] = []

    /// Elements in the heap.
    var count: Int { items.count }

    /// The root, if any.
    var first: Order.Element? { items.first }

    mutating func reserveCapacity(_ n: Int) { items.reserveCapacity(n) }

    mutating func push(_ element: Order.Element) {
        items.append(element)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Order.before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    /// Removes and returns the root.
    mutating func pop() -> Order.Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let root = items.removeLast()
        siftDown()
        return root
    }

    /// Replaces the root by `element` (the heap must not be empty).
    mutating func replaceFirst(_ element: Order.Element) {
        items[0] = element
        siftDown()
    }

    private mutating func siftDown() {
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && Order.before(items[l], items[m]) { m = l }
            if r < items.count && Order.before(items[r], items[m]) { m = r }
            if m == i { return }
            items.swapAt(i, m)
            i = m
        }
    }
}
