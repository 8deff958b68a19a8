/// The result of one search: a value to keep, compare, hash and encode.
///
/// Its `Codable` form is the JSON object `search query --json` prints, with the keys in this order:
/// `query`, `mode`, `total`, `total_is_lower_bound` (only when true), `took_ms`, `hits` (see `SearchHit`),
/// `facets` (only when facets were asked for: an object from field name to `[{"value", "count"}]`).
public struct SearchResults: Sendable, Hashable, Codable {
    /// The query text as given.
    public var query: String
    /// The mode it ran in.
    public var mode: MatchMode
    /// Matching documents: exact in mode all; in mode any a lower bound when `totalIsLowerBound`.
    public var total: Int
    /// True when pruning skipped documents without counting them.
    public var totalIsLowerBound: Bool
    /// The hits in the order asked for (best first by default; ties by path), after the offset. Hit i has rank
    /// offset + i + 1.
    public var hits: [SearchHit]
    /// The facets asked for, counted over every matching document.
    public var facets: [Facet]
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
    ///   - facets: The facets counted.
    ///   - firstRank: The rank of the first hit: 1, or one more than the offset of a page.
    public init(query: String, mode: MatchMode, total: Int, totalIsLowerBound: Bool = false, hits: [SearchHit],
                milliseconds: Double, facets: [Facet] = [], firstRank: Int = 1) {
        self.facets = facets
        self.query = query
        self.mode = mode
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.hits = hits
        self.milliseconds = milliseconds
        for i in self.hits.indices { self.hits[i].rank = firstRank + i }
    }

    enum CodingKeys: String, CodingKey {
        case query, mode, total, totalIsLowerBound = "total_is_lower_bound", milliseconds = "took_ms", hits, facets
    }

    /// The JSON form of the facets: field name to counts.
    private struct FacetKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the JSON object of `search query --json`; a missing `total_is_lower_bound` means false.
    ///
    /// - Throws: `DecodingError` when a key is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let hits = try c.decode([SearchHit].self, forKey: .hits)
        self.init(query: try c.decode(String.self, forKey: .query), mode: try c.decode(MatchMode.self, forKey: .mode),
                  total: try c.decode(Int.self, forKey: .total),
                  totalIsLowerBound: try c.decodeIfPresent(Bool.self, forKey: .totalIsLowerBound) ?? false,
                  hits: hits, milliseconds: try c.decode(Double.self, forKey: .milliseconds),
                  firstRank: hits.first?.rank ?? 1)
        if c.contains(.facets) {
            let f = try c.nestedContainer(keyedBy: FacetKey.self, forKey: .facets)
            // Keys come in no guaranteed order: facets are kept in field order.
            facets = try f.allKeys.sorted { a, b in
                (FacetField.allCases.firstIndex { $0.rawValue == a.stringValue } ?? 0)
                    < (FacetField.allCases.firstIndex { $0.rawValue == b.stringValue } ?? 0)
            }.map { key in
                guard let field = FacetField(rawValue: key.stringValue) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: f, debugDescription: "unknown facet field")
                }
                return Facet(field: field, counts: try f.decode([FacetCount].self, forKey: key))
            }
        }
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
        if !facets.isEmpty {
            var f = c.nestedContainer(keyedBy: FacetKey.self, forKey: .facets)
            for facet in facets { try f.encode(facet.counts, forKey: FacetKey(stringValue: facet.field.rawValue)) }
        }
    }
}
