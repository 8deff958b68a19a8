import ChineseSearch
import Foundation

/// Renders search results as the one-line JSON object or as text for people.
enum ResultFormat {
    /// `{"query": …, "mode": …, "total": N, "took_ms": F, "hits": [...]}` on one line.
    static func json(_ r: SearchResults, explain: Bool) -> String {
        var pairs: [(String, String)] = [("query", JSONText.quote(r.query)), ("mode", JSONText.quote(r.mode.rawValue)),
                                         ("total", "\(r.total)")]
        if r.totalIsLowerBound { pairs.append(("total_is_lower_bound", "true")) }
        pairs.append(("took_ms", JSONText.number(r.milliseconds, decimals: 3)))
        pairs.append(("hits", JSONText.array(r.hits.enumerated().map { i, h in
            var hit: [(String, String)] = [("rank", "\(i + 1)"), ("doc", JSONText.quote(h.path)), ("title", JSONText.quote(h.title)),
                                           ("date", JSONText.quote(h.date)), ("score", JSONText.number(h.score, decimals: 9)),
                                           ("snippet", JSONText.quote(h.snippet?.text ?? ""))]
            if explain {
                hit.append(("explain", JSONText.array(h.explanation.map { e in
                    JSONText.object([("token", JSONText.quote(e.token)), ("field", JSONText.quote(e.field)), ("tf", "\(e.tf)"),
                                     ("df", "\(e.df)"), ("idf", JSONText.number(e.idf, decimals: 9)),
                                     ("length", "\(e.fieldLength)"),
                                     ("average_length", JSONText.number(e.averageFieldLength, decimals: 6)),
                                     ("contribution", JSONText.number(e.contribution, decimals: 9))])
                })))
            }
            return JSONText.object(hit)
        })))
        return JSONText.object(pairs)
    }

    /// `{"query": …, "error": …}`.
    static func jsonError(query: String, _ error: any Error) -> String {
        JSONText.object([("query", JSONText.quote(query)), ("error", JSONText.quote(Output.message(error)))])
    }

    /// Text for people: per hit rank, score, title, path, date, snippet (highlighted), then the total.
    static func human(_ r: SearchResults, explain: Bool) -> [String] {
        var lines: [String] = []
        for (i, h) in r.hits.enumerated() {
            let safe = TerminalText.escaped
            lines.append(String(format: "%2d. %.6f  ", i + 1, h.score) + bold(safe(h.title)))
            lines.append("    \(safe(h.path))" + (h.date.isEmpty ? "" : " · \(safe(h.date))"))
            if let s = h.snippet { lines.append("    " + highlighted(s)) }
            if explain {
                for e in h.explanation {
                    lines.append(String(format: "      %@ [%@] tf=%d df=%d idf=%.6f len=%d avg=%.2f → %.6f",
                                        TerminalText.escaped(e.token), e.field, e.tf, e.df, e.idf, e.fieldLength, e.averageFieldLength, e.contribution))
                }
                lines.append(String(format: "      sum = %.6f", h.score))
            }
        }
        let bound = r.totalIsLowerBound ? "at least " : ""
        lines.append(String(format: "%@%d matching documents (%.2f ms)", bound, r.total, r.milliseconds))
        return lines
    }

    private static func bold(_ s: String) -> String { Output.colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    /// The snippet with highlights as ANSI colour, or 【】 brackets when colour is off; its own text escaped
    /// by `TerminalText` piece by piece (the highlights are byte ranges of the unescaped text).
    static func highlighted(_ s: Snippet) -> String {
        let bytes = Array(s.text.utf8)
        var out: [UInt8] = []
        var at = 0
        let (open, close) = Output.colour ? ("\u{1B}[1;31m", "\u{1B}[0m") : ("【", "】")
        func safe(_ piece: ArraySlice<UInt8>) -> String.UTF8View {
            TerminalText.escaped(String(decoding: piece, as: UTF8.self)).utf8
        }
        for h in s.highlights where h.lowerBound >= at && h.upperBound <= bytes.count {
            out.append(contentsOf: safe(bytes[at..<h.lowerBound]))
            out.append(contentsOf: open.utf8)
            out.append(contentsOf: safe(bytes[h]))
            out.append(contentsOf: close.utf8)
            at = h.upperBound
        }
        out.append(contentsOf: safe(bytes[at...]))
        return String(decoding: out, as: UTF8.self)
    }
}
