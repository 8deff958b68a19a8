/// Ranks an in-memory collection of strings for a query by BM25, with no index file at all.
///
/// For tools that just want to rank a list: the strings are indexed once in memory (the same analysis,
/// matching and scoring as `search`), then any number of queries run against them, from any thread.
/// Building is O(total text); each query costs what a search over an index of the same size costs.
public struct Ranker: Sendable {
    /// One ranked string.
    public struct Ranked: Sendable, Equatable {
        /// Its position in the collection given to `init`.
        public var index: Int
        /// Its BM25 score.
        public var score: Double
    }

    private let index: SearchIndex
    /// The most strings `rank(_:)` returns: 10 unless given to `init`.
    public let top: Int

    /// Indexes `texts` in memory: each a document with an empty title, or with the title from `titles`.
    ///
    /// - Parameters:
    ///   - texts: The strings to rank; a result's `index` is its position here.
    ///   - titles: One title per text (weighted by `SearchOptions.titleWeight`), or nil for none.
    ///   - top: The most strings `rank(_:)` returns (default 10).
    /// - Throws: `RankerError.titleCountMismatch` when `titles` is given and its count differs from `texts`';
    ///   `SearchOptionError.negativeTop` for a negative `top`; `IndexError.limitExceeded` when the texts exceed
    ///   what an index can address.
    /// - Complexity: O(total length of the texts).
    public init(_ texts: [String], titles: [String]? = nil, top: Int = 10) throws {
        if let titles, titles.count != texts.count {
            throw RankerError.titleCountMismatch(texts: texts.count, titles: titles.count)
        }
        guard top >= 0 else { throw SearchOptionError.negativeTop(top) }
        // Fixed-width paths, so equal scores rank by position (ties go by path).
        let width = String(max(0, texts.count - 1)).count
        let documents = texts.enumerated().map { i, text in
            let number = String(i)
            return SourceDocument(path: String(repeating: "0", count: width - number.count) + number,
                                  title: titles?[i] ?? "", body: text)
        }
        index = try SearchIndex(bytes: IndexBuilder.buildInMemory(documents: documents))
        self.top = top
    }

    /// The best `top` strings matching `query` (mode all, default BM25), best first, ties by position.
    ///
    /// - Throws: `SearchError.emptyQuery` when the query has nothing to search for; an option error when `top`
    ///   is negative.
    public func rank(_ query: String) throws -> [Ranked] {
        try rank(query, options: SearchOptions(top: top))
    }

    /// The strings matching `query`, best first (ties by position), at most `options.top` of them.
    /// Mode, BM25 parameters and title weight come from `options`; snippets and explanations are not made.
    ///
    /// - Throws: `SearchError` when the query has nothing to search for or an option is out of range.
    public func rank(_ query: String, options: SearchOptions) throws -> [Ranked] {
        var o = options
        o.snippets = false
        o.explain = false
        return try index.search(query, options: o).hits.map { Ranked(index: $0.documentID, score: $0.score) }
    }
}
