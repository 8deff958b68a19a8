/// How query terms combine.
public enum MatchMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every term must match (OR groups and exclusions apply); terms are matched as token sequences.
    case all
    /// Every token is optional: the classic bag of bigrams ranked by BM25.
    case any
}

/// Options of one search.
public struct SearchOptions: Sendable, Equatable {
    /// Hits to return (default 10); 0 counts the matches without returning any.
    public var top: Int
    /// How terms combine (default `.all`).
    public var mode: MatchMode
    /// BM25 parameters (default k1 1.2, b 0.75).
    public var bm25: BM25
    /// Weight of the title field's score added to the text field's (default 1).
    public var titleWeight: Double
    /// Whether hits carry a snippet with highlights (default true).
    public var snippets: Bool
    /// Whether hits carry their stored fields: path, title, date, timestamp, author and categories (default
    /// true). Without them a hit is its rank, document id and score, the other fields empty: for pipelines
    /// that only want ids and scores, which then skip reading and copying the fields of every hit.
    public var storedFields: Bool
    /// Whether hits carry a per-token score explanation (default false).
    public var explain: Bool
    /// Threads one query may use over disjoint document ranges (default 1; results are identical for every value).
    public var parallelism: Int
    /// The order of the hits (default `.relevance`).
    public var sort: SortOrder
    /// Hits to skip before the `top` returned, for paging (default 0).
    public var offset: Int
    /// Facets to count over every matching document (default none).
    public var facets: [FacetRequest]
    /// Filters every hit passes, on top of those written in the query (default none).
    public var filters: [SearchFilter]
    /// Set by the async API: the running query stops early once it is cancelled (its result is then discarded).
    var cancellation: SearchCancellation?
    /// The mode-any loop to run where several lists take part, instead of the planner's choice (for the tests
    /// that compare every loop with the reference; every loop gives the same results).
    var anyStrategy: QueryExecution.AnyStrategy?

    /// Options with every setting given or left at its default.
    ///
    /// - Parameters:
    ///   - top: Hits to return (default 10).
    ///   - mode: How terms combine (default `.all`).
    ///   - bm25: BM25 parameters (default k1 1.2, b 0.75).
    ///   - titleWeight: Weight of the title field (default 1).
    ///   - snippets: Whether hits carry snippets (default true).
    ///   - storedFields: Whether hits carry their path, title, date, author and categories (default true).
    ///   - explain: Whether hits carry score explanations (default false).
    ///   - parallelism: Threads one query may use (default 1).
    ///   - sort: The order of the hits (default `.relevance`).
    ///   - offset: Hits to skip, for paging (default 0).
    ///   - facets: Facets to count (default none).
    ///   - filters: Filters on top of the query's (default none).
    public init(top: Int = 10, mode: MatchMode = .all, bm25: BM25 = BM25(), titleWeight: Double = 1.0,
                snippets: Bool = true, storedFields: Bool = true, explain: Bool = false, parallelism: Int = 1,
                sort: SortOrder = .relevance, offset: Int = 0, facets: [FacetRequest] = [], filters: [SearchFilter] = []) {
        self.sort = sort
        self.offset = offset
        self.facets = facets
        self.filters = filters
        self.top = top
        self.mode = mode
        self.bm25 = bm25
        self.titleWeight = titleWeight
        self.snippets = snippets
        self.storedFields = storedFields
        self.explain = explain
        self.parallelism = parallelism
    }

    /// Options are equal when every public setting is.
    public static func == (a: SearchOptions, b: SearchOptions) -> Bool {
        a.top == b.top && a.mode == b.mode && a.bm25 == b.bm25 && a.titleWeight == b.titleWeight
            && a.snippets == b.snippets && a.storedFields == b.storedFields && a.explain == b.explain
            && a.parallelism == b.parallelism
            && a.sort == b.sort && a.offset == b.offset && a.facets == b.facets && a.filters == b.filters
    }
}
