/// One ranked document: a value to keep, compare, hash and encode.
///
/// Its `Codable` form is one element of the `hits` array of `search query --json`, keys in this order:
/// `rank`, `doc` (the path), `doc_id`, `title`, `date`, `score`, `timestamp` (the date in UTC seconds, when it
/// could be read), `author`, `categories`, then `snippet` (its text) and `highlights`
/// (its highlights as `[start, end]` Unicode scalar offsets into the text) when there is a snippet, then
/// `explain` (see `TokenExplanation`) when there is an explanation.
public struct SearchHit: Sendable, Hashable, Codable {
    /// The hit's 1-based position in its `SearchResults`.
    public var rank: Int
    /// The document id: stable until a merge or compaction renumbers documents.
    public var documentID: Int
    /// Path relative to the indexed folder.
    public var path: String
    /// Title.
    public var title: String
    /// Date as written in the document, or "".
    public var date: String
    /// BM25 score.
    public var score: Double
    /// The date as an instant, UTC seconds since 1970, when the date as written could be read.
    public var timestamp: Int64?
    /// The author as written, or "".
    public var author: String
    /// The categories as written.
    public var categories: [String]
    /// A one-line extract around the best match, when snippets were asked for.
    public var snippet: Snippet?
    /// Per-token contributions, when explanations were asked for.
    public var explanation: [TokenExplanation]

    /// A hit from its parts.
    ///
    /// - Parameters:
    ///   - rank: Its 1-based position among the hits (`SearchResults` sets it).
    ///   - documentID: The document id.
    ///   - path: The document's path relative to the indexed folder.
    ///   - title: The document's title.
    ///   - date: The document's date as written, or "".
    ///   - score: Its BM25 score.
    ///   - snippet: Its snippet, or nil.
    ///   - explanation: Its per-token score contributions, or none.
    ///   - timestamp: Its date in UTC seconds, or nil.
    ///   - author: Its author as written, or "".
    ///   - categories: Its categories as written.
    public init(rank: Int = 1, documentID: Int, path: String, title: String, date: String = "", score: Double,
                snippet: Snippet? = nil, explanation: [TokenExplanation] = [], timestamp: Int64? = nil,
                author: String = "", categories: [String] = []) {
        self.timestamp = timestamp
        self.author = author
        self.categories = categories
        self.rank = rank
        self.documentID = documentID
        self.path = path
        self.title = title
        self.date = date
        self.score = score
        self.snippet = snippet
        self.explanation = explanation
    }

    enum CodingKeys: String, CodingKey {
        case rank, path = "doc", documentID = "doc_id", title, date, score, timestamp, author, categories, snippet, highlights
        case explanation = "explain"
    }

    /// Decodes one hit of `search query --json`.
    ///
    /// - Throws: `DecodingError` when a key is missing, has the wrong type, or a highlight does not fit the snippet.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var snippet: Snippet?
        if let text = try c.decodeIfPresent(String.self, forKey: .snippet) {
            let offsets = try c.decodeIfPresent([Range<Int>].self, forKey: .highlights) ?? []
            guard let s = Snippet(text: text, highlightScalarOffsets: offsets) else {
                throw DecodingError.dataCorruptedError(forKey: .highlights, in: c,
                                                       debugDescription: "highlights must be ascending, disjoint and inside the snippet")
            }
            snippet = s
        }
        self.init(rank: try c.decode(Int.self, forKey: .rank), documentID: try c.decode(Int.self, forKey: .documentID),
                  path: try c.decode(String.self, forKey: .path), title: try c.decode(String.self, forKey: .title),
                  date: try c.decode(String.self, forKey: .date), score: try c.decode(Double.self, forKey: .score),
                  snippet: snippet, explanation: try c.decodeIfPresent([TokenExplanation].self, forKey: .explanation) ?? [],
                  timestamp: try c.decodeIfPresent(Int64.self, forKey: .timestamp),
                  author: try c.decodeIfPresent(String.self, forKey: .author) ?? "",
                  categories: try c.decodeIfPresent([String].self, forKey: .categories) ?? [])
    }

    /// Encodes one hit of `search query --json`, keys in their documented order.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(path, forKey: .path)
        try c.encode(documentID, forKey: .documentID)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(score, forKey: .score)
        if let timestamp { try c.encode(timestamp, forKey: .timestamp) }
        try c.encode(author, forKey: .author)
        try c.encode(categories, forKey: .categories)
        if let snippet {
            try c.encode(snippet.text, forKey: .snippet)
            try c.encode(snippet.highlightScalarOffsets, forKey: .highlights)
        }
        if !explanation.isEmpty { try c.encode(explanation, forKey: .explanation) }
    }
}
