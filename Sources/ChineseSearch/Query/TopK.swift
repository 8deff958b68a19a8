/// A document and its score.
struct ScoredDocument: Equatable {
    var score: Double
    var doc: UInt32

    /// Result order: higher score first, ties by ascending document id.
    @inline(__always) static func ranksBefore(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool {
        a.score != b.score ? a.score > b.score : a.doc < b.doc
    }
}

/// The best k documents seen so far, in a heap whose root is the worst kept. O(log k) per insert.
struct TopK {
    /// Heap order: the worst-ranked document at the root.
    private enum WorstFirst: HeapOrder {
        static func before(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool { ScoredDocument.ranksBefore(b, a) }
    }

    let k: Int
    private var heap = BinaryHeap<WorstFirst>()

    /// Room reserved up front; past it the heap grows with the documents offered, so a huge `k` (up to
    /// `Int.max`) costs only what the matching documents need.
    static let reservedCapacity = 1024

    init(k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(min(self.k, Self.reservedCapacity))
    }

    /// The score a new document must beat to enter, or -∞ while fewer than k are kept.
    var threshold: Double { heap.count < k || k == 0 ? -.infinity : heap.first!.score }

    /// Offers a document; kept if it ranks before the worst kept.
    @inline(__always) mutating func offer(_ d: ScoredDocument) {
        if heap.count < k {
            heap.push(d)
        } else if k > 0 && ScoredDocument.ranksBefore(d, heap.first!) {
            heap.replaceFirst(d)
        }
    }

    /// The kept documents in result order.
    func sorted() -> [ScoredDocument] { heap.items.sorted(by: ScoredDocument.ranksBefore) }
}
