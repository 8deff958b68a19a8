import ChineseSearch
import Foundation

/// The sample corpus read independently of the engine's corpus code: front matter by line, HTML by regular
/// expressions (tags of block elements become line breaks, other tags vanish). Only tokens come from
/// `Analyzer`, the definition of what a token is.
struct SampleCorpusReference {
    struct Document {
        var path: String
        var title: String
        var date: String
        var body: String
        /// Tokens of the text field (title + "\n" + body) and of the title field, as (text, kind) pairs.
        var textTokens: [AnalyzedToken]
        var titleTokens: [AnalyzedToken]
    }

    var documents: [Document] = []

    /// Reads every file of `folder` in byte-wise name order (the sample has no subfolders or hidden files).
    init(folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let analyzer = Analyzer()
        for name in names {
            let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = raw.components(separatedBy: "\n")
            // Front matter: the first non-blank line is "---", up to the next "---" line.
            guard let open = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
                  lines[open] == "---", let close = lines[(open + 1)...].firstIndex(of: "---") else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: name])
            }
            var fields: [String: String] = [:]
            for line in lines[(open + 1)..<close] {
                guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 {
                    value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
                }
                fields[String(line[..<colon])] = value
            }
            let body = Self.plainText(lines[(close + 1)...].joined(separator: "\n"))
            let title = fields["title"] ?? ""
            documents.append(Document(path: name, title: title, date: fields["date"] ?? "", body: body,
                                      textTokens: analyzer.tokens(of: title + "\n" + body),
                                      titleTokens: analyzer.tokens(of: title)))
        }
    }

    /// HTML to text the simple way: block tags to "\n", other tags removed, the few entities decoded.
    static func plainText(_ html: String) -> String {
        var s = html.replacingOccurrences(of: "<(script|style)[^>]*>.*?</\\1>", with: "", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "</?(p|div|br|li|ul|ol|h[1-6]|table|tr|td|th|section|article|blockquote|pre|hr)(\\s[^>]*)?/?>",
                                   with: "\n", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, text) in [("&nbsp;", "\u{00A0}"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: text)
        }
        return s
    }

    /// Occurrences of the CJK bigram or word `token` among `tokens`.
    static func tf(_ token: String, in tokens: [AnalyzedToken]) -> Int {
        tokens.filter { $0.text == token && $0.kind != .end }.count
    }

    /// BM25 of `queryTokens` (distinct) in document `d`: text field plus `titleWeight` × title field, each
    /// with its own df and average length: idf = ln(1 + (N − df + 0.5)/(df + 0.5)),
    /// idf·tf·(k1+1)/(tf + k1·(1 − b + b·len/avglen)).
    func bm25(_ queryTokens: [String], document d: Int, k1: Double = 1.2, b: Double = 0.75, titleWeight: Double = 1.0) -> Double {
        let n = Double(documents.count)
        func field(_ tokens: (Document) -> [AnalyzedToken]) -> Double {
            let average = Double(documents.map { tokens($0).count }.reduce(0, +)) / n
            var sum = 0.0
            for t in Set(queryTokens) {
                let df = Double(documents.filter { Self.tf(t, in: tokens($0)) > 0 }.count)
                let tf = Double(Self.tf(t, in: tokens(documents[d])))
                guard tf > 0 else { continue }
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                let length = Double(tokens(documents[d]).count)
                sum += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average))
            }
            return sum
        }
        return field(\.textTokens) + titleWeight * field(\.titleTokens)
    }
}
