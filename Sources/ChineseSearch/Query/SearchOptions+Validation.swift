/// A search option outside the range where its meaning (and the engine's pruning bounds) hold.
public enum SearchOptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `top` is negative.
    case negativeTop(Int)
    /// BM25 `k1` is NaN, infinite or negative.
    case invalidK1(Double)
    /// BM25 `b` is NaN or outside 0…1.
    case invalidB(Double)
    /// `titleWeight` is NaN, infinite or negative (a negative weight would make the score bounds of pruning wrong).
    case invalidTitleWeight(Double)
    /// `parallelism` is below 1.
    case invalidParallelism(Int)
    /// `offset` is negative.
    case negativeOffset(Int)
    /// A facet's `limit` is negative.
    case negativeFacetLimit(Int)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .negativeTop(let v): return "top must be 0 or more, not \(v)"
        case .invalidK1(let v): return "k1 must be a finite number ≥ 0, not \(v)"
        case .invalidB(let v): return "b must be a number from 0 to 1, not \(v)"
        case .invalidTitleWeight(let v): return "the title weight must be a finite number ≥ 0, not \(v)"
        case .invalidParallelism(let v): return "parallelism must be 1 or more, not \(v)"
        case .negativeOffset(let v): return "offset must be 0 or more, not \(v)"
        case .negativeFacetLimit(let v): return "a facet's limit must be 0 or more, not \(v)"
        }
    }
}

extension SearchOptions {
    /// Checks every option's range; `SearchIndex.search` calls it before doing any work.
    ///
    /// - Throws: `SearchOptionError` for the first option out of range.
    /// - Complexity: O(1).
    public func validate() throws(SearchOptionError) {
        guard top >= 0 else { throw .negativeTop(top) }
        guard bm25.k1.isFinite, bm25.k1 >= 0 else { throw .invalidK1(bm25.k1) }
        guard bm25.b >= 0, bm25.b <= 1 else { throw .invalidB(bm25.b) }  // false for NaN
        guard titleWeight.isFinite, titleWeight >= 0 else { throw .invalidTitleWeight(titleWeight) }
        guard parallelism >= 1 else { throw .invalidParallelism(parallelism) }
        guard offset >= 0 else { throw .negativeOffset(offset) }
        if let bad = facets.first(where: { $0.limit < 0 }) { throw .negativeFacetLimit(bad.limit) }
    }
}
