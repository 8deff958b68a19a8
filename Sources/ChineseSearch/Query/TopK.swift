/// A document of one segment, its score, its path rank in the segment and its sort key.
struct ScoredDocument: Equatable {
    var score: Double
    var doc: UInt32
    /// The rank of the document's path among the segment's paths.
    var rank: UInt32
    /// What the requested order sorts by first, larger first: 0 for relevance, the date for newest first, the
    /// negated date for oldest first (`Int64.min`, last, for documents without a date).
    var primary: Int64 = 0

    /// Result order: larger sort key first, then higher score, then ascending path.
    @inline(__always) static func ranksBefore(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool {
        if a.primary != b.primary { return a.primary > b.primary }
        return a.score != b.score ? a.score > b.score : a.rank < b.rank
    }

    /// The sort key of a document dated `date` (`FieldRecord.noDate` when it has none) under `order`.
    @inline(__always) static func primary(date: Int64, order: SortOrder) -> Int64 {
        switch order {
        case .relevance: return 0
        case .newestFirst: return date
        case .oldestFirst: return date == FieldRecord.noDate ? Int64.min : -date
        }
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

    /// The worst document kept, once k are kept (nil before, and when k is 0).
    var worstWhenFull: ScoredDocument? { heap.count < k || k == 0 ? nil : heap.first }

    /// The score a new document must beat to enter, or -∞ while fewer than k are kept (kept up to date by
    /// `offer`, since the query loops read it once per document).
    private(set) var threshold = -Double.infinity

    /// Offers a document; kept if it ranks before the worst kept.
    @inline(__always) mutating func offer(_ d: ScoredDocument) {
        if heap.count < k {
            heap.push(d)
        } else if k > 0 && ScoredDocument.ranksBefore(d, heap.first!) {
            heap.replaceFirst(d)
        } else {
            return
        }
        if heap.count == k { threshold = heap.first!.score }
    }

    /// The kept documents in result order.
    func sorted() -> [ScoredDocument] { heap.items.sorted(by: ScoredDocument.ranksBefore) }
}
