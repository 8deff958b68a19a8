/// One ranked document: a value to keep, compare, hash and encode.
///
/// Its `Codable` form is one element of the `hits` array of `search query --json`, keys in this order:
/// `rank`, `doc` (the path), `doc_id`, `title`, `date`, `score`, then `snippet` (its text) and `highlights`
/// (its highlights as `[start, end]` Unicode scalar offsets into the text) when there is a snippet, then
/// `explain` (see `TokenExplanation`) when there is an explanation.
public struct SearchHit: Sendable, Hashable, Codable {
    /// The hit's 1-based position in its `SearchResults`.
    public var rank: Int
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
    public init(rank: Int = 1, documentID: Int, path: String, title: String, date: String = "", score: Double,
                snippet: Snippet? = nil, explanation: [TokenExplanation] = []) {
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
        case rank, path = "doc", documentID = "doc_id", title, date, score, snippet, highlights, explanation = "explain"
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
                  snippet: snippet, explanation: try c.decodeIfPresent([TokenExplanation].self, forKey: .explanation) ?? [])
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
        if let snippet {
            try c.encode(snippet.text, forKey: .snippet)
            try c.encode(snippet.highlightScalarOffsets, forKey: .highlights)
        }
        if !explanation.isEmpty { try c.encode(explanation, forKey: .explanation) }
    }
}
