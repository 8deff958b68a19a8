/// A document and its score.
struct ScoredDocument: Equatable {
    var score: Double
    var doc: UInt32

    /// Result order: higher score first, ties by ascending document id.
    @inline(__always) static func ranksBefore(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool {
        a.score != b.score ? a.score > b.score : a.doc < b.doc
    }
}

/// The best k documents seen so far: a binary heap whose root is the worst kept. O(log k) per insert.
struct TopK {
    let k: Int
    private(set) var heap: [ScoredDocument] = []

    init(k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(self.k)
    }

    /// The score a new document must beat to enter, or -∞ while fewer than k are kept.
    var threshold: Double { heap.count < k || k == 0 ? -.infinity : heap[0].score }

    /// Offers a document; kept if it ranks before the worst kept.
    @inline(__always) mutating func offer(_ d: ScoredDocument) {
        if heap.count < k {
            heap.append(d)
            var i = heap.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                guard ScoredDocument.ranksBefore(heap[p], heap[i]) else { break }
                heap.swapAt(i, p)
                i = p
            }
        } else if k > 0 && ScoredDocument.ranksBefore(d, heap[0]) {
            heap[0] = d
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && ScoredDocument.ranksBefore(heap[m], heap[l]) { m = l }
                if r < heap.count && ScoredDocument.ranksBefore(heap[m], heap[r]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    /// The kept documents in result order.
    func sorted() -> [ScoredDocument] { heap.sorted(by: ScoredDocument.ranksBefore) }
}
