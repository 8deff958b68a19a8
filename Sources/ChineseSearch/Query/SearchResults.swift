/// The result of one search: a value to keep, compare, hash and encode.
///
/// Its `Codable` form is the JSON object `search query --json` prints, with the keys in this order:
/// `query`, `mode`, `total`, `total_is_lower_bound` (only when true), `took_ms`, `hits` (see `SearchHit`).
public struct SearchResults: Sendable, Hashable, Codable {
    /// The query text as given.
    public var query: String
    /// The mode it ran in.
    public var mode: MatchMode
    /// Matching documents: exact in mode all; in mode any a lower bound when `totalIsLowerBound`.
    public var total: Int
    /// True when pruning skipped documents without counting them.
    public var totalIsLowerBound: Bool
    /// The best hits, best first; ties by ascending document id. Hit i has rank i + 1.
    public var hits: [SearchHit]
    /// Wall-clock milliseconds the search took.
    public var milliseconds: Double

    /// A result from its parts; each hit's `rank` is set to its 1-based position in `hits`.
    ///
    /// - Parameters:
    ///   - query: The query text as given.
    ///   - mode: The mode the query ran in.
    ///   - total: How many documents matched.
    ///   - totalIsLowerBound: Whether `total` only bounds the true count from below.
    ///   - hits: The hits, best first.
    ///   - milliseconds: How long the search took.
    public init(query: String, mode: MatchMode, total: Int, totalIsLowerBound: Bool = false, hits: [SearchHit],
                milliseconds: Double) {
        self.query = query
        self.mode = mode
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.hits = hits
        self.milliseconds = milliseconds
        for i in self.hits.indices { self.hits[i].rank = i + 1 }
    }

    enum CodingKeys: String, CodingKey {
        case query, mode, total, totalIsLowerBound = "total_is_lower_bound", milliseconds = "took_ms", hits
    }

    /// Decodes the JSON object of `search query --json`; a missing `total_is_lower_bound` means false.
    ///
    /// - Throws: `DecodingError` when a key is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(query: try c.decode(String.self, forKey: .query), mode: try c.decode(MatchMode.self, forKey: .mode),
                  total: try c.decode(Int.self, forKey: .total),
                  totalIsLowerBound: try c.decodeIfPresent(Bool.self, forKey: .totalIsLowerBound) ?? false,
                  hits: try c.decode([SearchHit].self, forKey: .hits),
                  milliseconds: try c.decode(Double.self, forKey: .milliseconds))
    }

    /// Encodes the JSON object of `search query --json`, keys in their documented order.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(mode, forKey: .mode)
        try c.encode(total, forKey: .total)
        if totalIsLowerBound { try c.encode(true, forKey: .totalIsLowerBound) }
        try c.encode(milliseconds, forKey: .milliseconds)
        try c.encode(hits, forKey: .hits)
    }
}
