import ChineseSearch
import Foundation

/// Renders search results as the one-line JSON object or as text for people.
enum ResultFormat {
    /// `{"query": …, "mode": …, "total": N, "took_ms": F, "hits": [...]}` on one line: what the `Codable`
    /// encoding of `SearchResults` gives, so a program decoding it with `JSONDecoder` gets the library's values
    /// back, written straight into bytes (`JSONBytes.results`).
    static func json(_ r: SearchResults) -> String {
        var out = JSONBytes(capacity: 512 + 1024 * r.hits.count)
        out.results(r)
        return out.text
    }

    /// `{"query": …, "error": …}`.
    static func jsonError(query: String, _ error: any Error) -> String {
        JSONText.object([("query", JSONText.quote(query)), ("error", JSONText.quote(Output.message(error)))])
    }

    /// Columns the human output is laid out for.
    static let width = 80

    /// Text for people, at most `width` columns a line: per hit rank, score and title; path and date; the
    /// snippet wrapped (highlighted); with `explain` an aligned table of the score's terms; then the total.
    static func human(_ r: SearchResults, explain: Bool) -> [String] {
        var lines: [String] = []
        let rankWidth = max(2, String(r.hits.count).count)
        let indent = String(repeating: " ", count: rankWidth + 2)
        for h in r.hits {
            let rank = String(repeating: " ", count: rankWidth - String(h.rank).count) + "\(h.rank). "
            let head = rank + String(format: "%.6f", h.score) + "  "
            lines.append(head + bold(DisplayWidth.truncated(TerminalText.escaped(h.title), to: width - head.count)))
            let place = TerminalText.escaped(h.path) + (h.date.isEmpty ? "" : " · \(TerminalText.escaped(h.date))")
            lines.append(indent + DisplayWidth.truncated(place, to: width - indent.count))
            if let s = h.snippet { lines += highlighted(s, indent: indent) }
            if explain { lines += explanationTable(h, indent: indent + "  ") }
        }
        let bound = r.totalIsLowerBound ? "at least " : ""
        let noun = r.total == 1 ? "document" : "documents"
        lines.append(String(format: "%@%d matching %@ (%.2f ms)", bound, r.total, noun, r.milliseconds))
        for facet in r.facets {
            let counts = facet.counts.map { "\(TerminalText.escaped($0.value)) \($0.count)" }.joined(separator: " · ")
            lines += Help.wrap(counts.isEmpty ? "(none)" : counts, indent: 4, first: "\(facet.field.rawValue): ")
        }
        return lines
    }

    private static func bold(_ s: String) -> String { Output.colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    /// The snippet wrapped into lines of at most `width` columns after `indent`, highlights as ANSI colour
    /// (closed at each line end and reopened) or in 【】 brackets when colour is off.
    static func highlighted(_ s: Snippet, indent: String) -> [String] {
        let bytes = Array(s.text.utf8)
        var segments: [(text: String, marked: Bool)] = []
        var at = 0
        for h in s.highlights where h.lowerBound >= at && h.upperBound <= bytes.count {
            segments.append((TerminalText.escaped(String(decoding: bytes[at..<h.lowerBound], as: UTF8.self)), false))
            segments.append((TerminalText.escaped(String(decoding: bytes[h], as: UTF8.self)), true))
            at = h.upperBound
        }
        segments.append((TerminalText.escaped(String(decoding: bytes[at...], as: UTF8.self)), false))
        let colour = Output.colour
        let (open, close) = ("\u{1B}[1;31m", "\u{1B}[0m")
        var lines: [String] = []
        var line = indent, column = indent.count
        /// Appends `text`, first breaking the line when it and the `keep` columns that must follow it on the
        /// same line (a bracket and the character it encloses stay together) would pass `width`.
        func put(_ text: String, columns: Int, marked: Bool, keep: Int = 0) {
            if column + columns + keep > width && column > indent.count {
                lines.append(line + (marked && colour ? close : ""))
                line = indent + (marked && colour ? open : "")
                column = indent.count
                if text == " " { return }
            }
            line += text
            column += columns
        }
        for segment in segments where !segment.text.isEmpty {
            let characters = segment.text.map(String.init)
            if segment.marked {
                if colour { line += open } else { put("【", columns: 2, marked: false, keep: DisplayWidth.columns(characters[0])) }
            }
            for (i, c) in characters.enumerated() {
                let closing = segment.marked && !colour && i == characters.count - 1 ? 2 : 0
                put(c, columns: DisplayWidth.columns(c), marked: segment.marked, keep: closing)
            }
            if segment.marked { if colour { line += close } else { put("】", columns: 2, marked: false) } }
        }
        lines.append(line)
        return lines
    }

    /// The hit's score terms as aligned columns: token, field, tf, df, idf, length, average length, contribution;
    /// then their sum.
    static func explanationTable(_ h: SearchHit, indent: String) -> [String] {
        let rows = h.explanation.map { e in
            [TerminalText.escaped(e.token), e.field.rawValue, "tf \(e.tf)", "df \(e.df)", String(format: "idf %.6f", e.idf), "len \(e.fieldLength)",
             String(format: "avg %.2f", e.averageFieldLength), String(format: "→ %.6f", e.contribution)]
        }
        guard let first = rows.first else { return [] }
        let widths = first.indices.map { i in rows.map { DisplayWidth.columns($0[i]) }.max()! }
        var lines = rows.map { row in
            indent + row.enumerated().map { i, cell in
                cell + String(repeating: " ", count: i == row.count - 1 ? 0 : widths[i] - DisplayWidth.columns(cell))
            }.joined(separator: "  ")
        }
        let sumColumn = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        lines.append(indent + "sum".padded(to: sumColumn) + String(format: "= %.6f", h.score))
        return lines
    }
}
