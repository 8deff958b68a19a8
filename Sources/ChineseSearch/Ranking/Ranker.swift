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

    /// Indexes `texts` (each a document with an empty title, or with the title from `titles` when given).
    ///
    /// - Throws: `RankerError.titleCountMismatch` when `titles` is given and its count differs from `texts`'.
    public init(_ texts: [String], titles: [String]? = nil) throws {
        if let titles, titles.count != texts.count {
            throw RankerError.titleCountMismatch(texts: texts.count, titles: titles.count)
        }
        let documents = texts.enumerated().map { i, text in
            SourceDocument(path: String(i), title: titles?[i] ?? "", body: text)
        }
        index = try SearchIndex(bytes: IndexBuilder.buildInMemory(documents: documents))
    }

    /// The strings matching `query`, best first (ties by position), at most `options.top` of them.
    /// Mode, BM25 parameters and title weight come from `options`; snippets are not made.
    public func rank(_ query: String, options: SearchOptions = SearchOptions()) throws -> [Ranked] {
        var o = options
        o.snippets = false
        o.explain = false
        return try index.search(query, options: o).hits.map { Ranked(index: $0.documentID, score: $0.score) }
    }
}
