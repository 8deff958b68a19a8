import ChineseSearch

/// The JSON of `search query --json`, written field by field: the same keys, order and numbers as the `Codable`
/// encoding of the result values (`SearchResults`, `SearchHit`, `TokenExplanation`, `FacetCount`), which
/// `JSONDecoder` reads back.
extension JSONBytes {
    /// `{"query", "mode", "total", "total_is_lower_bound" (only when true), "took_ms", "hits", "facets" (only when
    /// some were counted)}`.
    mutating func results(_ r: SearchResults) {
        raw("{\"query\": ")
        string(r.query)
        raw(", \"mode\": ")
        string(r.mode.rawValue)
        raw(", \"total\": ")
        int(r.total)
        if r.totalIsLowerBound { raw(", \"total_is_lower_bound\": true") }
        raw(", \"took_ms\": ")
        double(r.milliseconds)
        raw(", \"hits\": [")
        for (i, h) in r.hits.enumerated() {
            if i > 0 { raw(", ") }
            hit(h)
        }
        raw("]")
        if !r.facets.isEmpty {
            raw(", \"facets\": {")
            for (i, facet) in r.facets.enumerated() {
                if i > 0 { raw(", ") }
                string(facet.field.rawValue)
                raw(": [")
                for (j, c) in facet.counts.enumerated() {
                    if j > 0 { raw(", ") }
                    raw("{\"value\": ")
                    string(c.value)
                    raw(", \"count\": ")
                    int(c.count)
                    raw("}")
                }
                raw("]")
            }
            raw("}")
        }
        raw("}")
    }

    /// `{"rank", "doc", "doc_id", "title", "date", "score", "timestamp" (when known), "author", "categories",
    /// "snippet" and "highlights" (when there is a snippet), "explain" (when explained)}`.
    mutating func hit(_ h: SearchHit) {
        raw("{\"rank\": ")
        int(h.rank)
        raw(", \"doc\": ")
        string(h.path)
        raw(", \"doc_id\": ")
        int(h.documentID)
        raw(", \"title\": ")
        string(h.title)
        raw(", \"date\": ")
        string(h.date)
        raw(", \"score\": ")
        double(h.score)
        if let timestamp = h.timestamp {
            raw(", \"timestamp\": ")
            int(timestamp)
        }
        raw(", \"author\": ")
        string(h.author)
        raw(", \"categories\": [")
        for (i, c) in h.categories.enumerated() {
            if i > 0 { raw(", ") }
            string(c)
        }
        raw("]")
        if let snippet = h.snippet {
            raw(", \"snippet\": ")
            string(snippet.text)
            raw(", \"highlights\": [")
            for (i, r) in snippet.highlightScalarOffsets.enumerated() {
                raw(i > 0 ? ", [" : "[")
                int(r.lowerBound)
                raw(", ")
                int(r.upperBound)
                raw("]")
            }
            raw("]")
        }
        if !h.explanation.isEmpty {
            raw(", \"explain\": [")
            for (i, e) in h.explanation.enumerated() {
                if i > 0 { raw(", ") }
                explanation(e)
            }
            raw("]")
        }
        raw("}")
    }

    /// `{"token", "field", "tf", "df", "idf", "length", "average_length", "contribution"}`.
    mutating func explanation(_ e: TokenExplanation) {
        raw("{\"token\": ")
        string(e.token)
        raw(", \"field\": ")
        string(e.field.rawValue)
        raw(", \"tf\": ")
        int(e.tf)
        raw(", \"df\": ")
        int(e.df)
        raw(", \"idf\": ")
        double(e.idf)
        raw(", \"length\": ")
        int(e.fieldLength)
        raw(", \"average_length\": ")
        double(e.averageFieldLength)
        raw(", \"contribution\": ")
        double(e.contribution)
        raw("}")
    }
}
