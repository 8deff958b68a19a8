/// A binary min-heap of run readers ordered by current term, then run; the merge's priority queue.
/// O(log runs) per push and pop.
struct RunReaderHeap {
    private var items: [RunTermReader] = []

    /// The reader with the smallest current term.
    func peek() -> RunTermReader? { items.first }

    mutating func push(_ reader: RunTermReader) {
        items.append(reader)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard RunTermReader.precedes(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> RunTermReader? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && RunTermReader.precedes(items[l], items[m]) { m = l }
            if r < items.count && RunTermReader.precedes(items[r], items[m]) { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}
