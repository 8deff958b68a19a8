import ChineseSearch
import Foundation

/// Renders search results as the one-line JSON object or as text for people.
enum ResultFormat {
    /// `{"query": …, "mode": …, "total": N, "took_ms": F, "hits": [...]}` on one line: the `Codable` encoding of
    /// `SearchResults`, so a program decoding it with `JSONDecoder` gets the library's values back.
    static func json(_ r: SearchResults) -> String {
        // The result values hold only strings, integers, doubles and booleans: encoding cannot fail.
        (try? OrderedJSONEncoder.encode(r)) ?? JSONText.object([("query", JSONText.quote(r.query))])
    }

    /// `{"query": …, "error": …}`.
    static func jsonError(query: String, _ error: any Error) -> String {
        JSONText.object([("query", JSONText.quote(query)), ("error", JSONText.quote(Output.message(error)))])
    }

    /// Text for people: per hit rank, score, title, path, date, snippet (highlighted), then the total.
    static func human(_ r: SearchResults, explain: Bool) -> [String] {
        var lines: [String] = []
        for (i, h) in r.hits.enumerated() {
            lines.append(String(format: "%2d. %.6f  ", i + 1, h.score) + bold(h.title))
            lines.append("    \(h.path)" + (h.date.isEmpty ? "" : " · \(h.date)"))
            if let s = h.snippet { lines.append("    " + highlighted(s)) }
            if explain {
                for e in h.explanation {
                    lines.append(String(format: "      %@ [%@] tf=%d df=%d idf=%.6f len=%d avg=%.2f → %.6f",
                                        e.token, e.field.rawValue, e.tf, e.df, e.idf, e.fieldLength, e.averageFieldLength, e.contribution))
                }
                lines.append(String(format: "      sum = %.6f", h.score))
            }
        }
        let bound = r.totalIsLowerBound ? "at least " : ""
        lines.append(String(format: "%@%d matching documents (%.2f ms)", bound, r.total, r.milliseconds))
        return lines
    }

    private static func bold(_ s: String) -> String { Output.colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    /// The snippet with highlights as ANSI colour, or 【】 brackets when colour is off.
    static func highlighted(_ s: Snippet) -> String {
        let bytes = Array(s.text.utf8)
        var out: [UInt8] = []
        var at = 0
        let (open, close) = Output.colour ? ("\u{1B}[1;31m", "\u{1B}[0m") : ("【", "】")
        for h in s.highlights where h.lowerBound >= at && h.upperBound <= bytes.count {
            out.append(contentsOf: bytes[at..<h.lowerBound])
            out.append(contentsOf: open.utf8)
            out.append(contentsOf: bytes[h])
            out.append(contentsOf: close.utf8)
            at = h.upperBound
        }
        out.append(contentsOf: bytes[at...])
        return String(decoding: out, as: UTF8.self)
    }
}
