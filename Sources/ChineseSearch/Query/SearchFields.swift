/// The order of a search's hits.
public enum SortOrder: String, Sendable, Hashable, Codable, CaseIterable {
    /// Best BM25 score first (the default); ties by path.
    case relevance
    /// Newest date first; ties by score, then path; documents without a readable date last.
    case newestFirst = "date"
    /// Oldest date first; ties by score, then path; documents without a readable date last.
    case oldestFirst = "date:asc"
}

/// A field whose values a search can count over all its matching documents.
public enum FacetField: String, Sendable, Hashable, Codable, CaseIterable {
    /// Categories (normalized values).
    case category
    /// Authors (normalized values).
    case author
    /// The year of the date (UTC), as `2022`.
    case year
    /// The month of the date (UTC), as `2022-08`.
    case month
}

/// A facet to count: a field and how many of its largest values to return.
public struct FacetRequest: Sendable, Hashable {
    /// The field counted.
    public var field: FacetField
    /// How many values to return, largest counts first (default 20).
    public var limit: Int

    /// A request for the `limit` largest values of `field`.
    public init(_ field: FacetField, limit: Int = 20) {
        self.field = field
        self.limit = limit
    }

    /// Parses `category`, `author:50`, `year`, `month:12` (the CLI's `--facet` value); nil when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let field = FacetField(rawValue: parts[0] == "categories" ? "category" : String(parts[0])) else { return nil }
        var limit = 20
        if parts.count == 2 {
            guard let n = Int(parts[1]), n >= 0 else { return nil }
            limit = n
        }
        self.init(field, limit: limit)
    }
}

/// One value of a facet and how many matching documents have it.
public struct FacetCount: Sendable, Hashable, Codable {
    /// The value: a normalized author or category, a year (`2022`) or a month (`2022-08`).
    public var value: String
    /// Matching documents with the value.
    public var count: Int

    /// A count from its parts.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// The counts of one facet over every matching document (not just the hits returned).
public struct Facet: Sendable, Hashable, Codable {
    /// The field counted.
    public var field: FacetField
    /// Its largest values, by count descending, ties by value.
    public var counts: [FacetCount]

    /// A facet from its parts.
    public init(field: FacetField, counts: [FacetCount]) {
        self.field = field
        self.counts = counts
    }
}

/// A condition on a document's fields, the typed form of the query syntax's filters: the same results as
/// `author:…`, `category:…`, `date:…` (and `-` before them) in the query string.
public struct SearchFilter: Sendable, Hashable {
    /// What the filter tests.
    public enum Condition: Sendable, Hashable {
        /// The author equals this value (both normalized like text: NFKC, case, traditional → simplified).
        case author(String)
        /// One of the categories equals this value (normalized like text).
        case category(String)
        /// The date lies in `lower ..< upper`, UTC seconds since 1970; a document without a date never does.
        case date(lower: Int64, upper: Int64)
    }

    /// The condition.
    public var condition: Condition
    /// True to exclude the documents that pass the condition instead of keeping only them.
    public var excluded: Bool

    /// A filter keeping (or, with `excluded`, dropping) the documents that pass `condition`.
    public init(_ condition: Condition, excluded: Bool = false) {
        self.condition = condition
        self.excluded = excluded
    }
}
