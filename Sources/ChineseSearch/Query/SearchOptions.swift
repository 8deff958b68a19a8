/// How query terms combine.
public enum MatchMode: String, Sendable, CaseIterable {
    /// Every term must match (OR groups and exclusions apply); terms are matched as token sequences.
    case all
    /// Every token is optional: the classic bag of bigrams ranked by BM25.
    case any
}

/// Options of one search.
public struct SearchOptions: Sendable, Equatable {
    /// Hits to return.
    public var top: Int = 10
    /// How terms combine.
    public var mode: MatchMode = .all
    /// BM25 parameters.
    public var bm25 = BM25()
    /// Weight of the title field's score added to the text field's.
    public var titleWeight = 1.0
    /// Whether hits carry a snippet with highlights.
    public var snippets = true
    /// Whether hits carry a per-token score explanation.
    public var explain = false
    /// Threads one query may use over disjoint document ranges (results are identical for every value).
    public var parallelism = 1

    /// The defaults: top 10, mode all, k1 1.2, b 0.75, title weight 1.
    public init() {}
}

/// The result of one search.
public struct SearchResults: Sendable {
    /// The query text as given.
    public var query: String
    /// The mode it ran in.
    public var mode: MatchMode
    /// Matching documents: exact in mode all; in mode any a lower bound when `totalIsLowerBound`.
    public var total: Int
    /// True when pruning skipped documents without counting them.
    public var totalIsLowerBound: Bool
    /// The best hits, best first; ties by ascending document id.
    public var hits: [SearchHit]
    /// Wall-clock milliseconds the search took.
    public var milliseconds: Double
}

/// One ranked document.
public struct SearchHit: Sendable {
    /// The document id (its rank in sorted path order among indexed files).
    public var documentID: Int
    /// Path relative to the indexed folder.
    public var path: String
    /// Title.
    public var title: String
    /// Date as written in the document, or "".
    public var date: String
    /// BM25 score.
    public var score: Double
    /// A one-line extract around the best match, when snippets were asked for.
    public var snippet: Snippet?
    /// Per-token contributions, when explanations were asked for.
    public var explanation: [TokenExplanation]
}

/// A one-line extract of a document with the matched text marked.
public struct Snippet: Sendable, Equatable {
    /// The extract, new lines replaced by spaces, "…" where it was cut.
    public var text: String
    /// The matched spans, as UTF-8 byte ranges of `text`, ascending and disjoint.
    public var highlights: [Range<Int>]
}

/// How one token contributed to a hit's score, per field.
public struct TokenExplanation: Sendable, Equatable {
    /// The token's text (`车*` for a lone character matching every token that begins with it).
    public var token: String
    /// "text" or "title".
    public var field: String
    /// Occurrences in the field of this document.
    public var tf: Int
    /// Documents whose field holds the token.
    public var df: Int
    /// Its inverse document frequency.
    public var idf: Double
    /// The field's length in tokens.
    public var fieldLength: Int
    /// The field's mean length over all documents.
    public var averageFieldLength: Double
    /// Its contribution to the score (title contributions include the title weight).
    public var contribution: Double
}
