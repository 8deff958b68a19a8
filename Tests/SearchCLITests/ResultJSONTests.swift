import ChineseSearch
import Foundation
import XCTest
@testable import search

/// The hand-written JSON of `search query --json` (`ResultFormat.json`) gives byte for byte what the `Codable`
/// encoding of the same results gives through the reference `OrderedJSONEncoder`.
final class ResultJSONTests: XCTestCase {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Scalars that need escaping or stress UTF-8: controls, quote, backslash, DEL, line and paragraph separators
    /// (and their neighbours, which must not be escaped), CJK, a non-BMP emoji and CJK Extension B.
    private static let pieces: [Unicode.Scalar] = [
        "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{1B}", "\u{1F}", " ", "\"", "\\", "/", "a", "Z",
        "\u{7F}", "\u{80}", "\u{A0}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E280}", "中", "文", "。",
        "\u{FEFF}", "\u{FFFD}", "\u{1F600}", "\u{20000}", "\u{10FFFF}",
    ]

    private func string(_ g: inout Generator) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...12, using: &g) { s.unicodeScalars.append(Self.pieces.randomElement(using: &g)!) }
        return s
    }

    private func double(_ g: inout Generator) -> Double {
        switch Int.random(in: 0..<12, using: &g) {
        case 0: return .nan
        case 1: return .infinity
        case 2: return -.infinity
        case 3: return -0.0
        case 4: return 0
        case 5: return .leastNonzeroMagnitude
        case 6: return .greatestFiniteMagnitude
        case 7: return Double(Int.random(in: -1000...1000, using: &g))
        case 8: return Double(bitPattern: g.next())  // any bits: NaNs, subnormals, huge exponents
        default: return Double.random(in: -50...50, using: &g)
        }
    }

    private func int(_ g: inout Generator) -> Int {
        switch Int.random(in: 0..<5, using: &g) {
        case 0: return .min
        case 1: return .max
        case 2: return 0
        default: return Int.random(in: -100_000...100_000, using: &g)
        }
    }

    private func snippet(_ g: inout Generator) -> Snippet {
        let text = string(&g)
        let n = text.utf8.count
        // Highlights as the maker makes them (ascending, on scalar boundaries) and as a caller may not (inside a
        // scalar, past the end, negative, out of order): the JSON leaves out those that do not fall on boundaries.
        let highlights = (0..<Int.random(in: 0...4, using: &g)).map { _ -> Range<Int> in
            let a = Int.random(in: -1...n + 1, using: &g)
            return a..<max(a, Int.random(in: -1...n + 2, using: &g))
        }
        return Snippet(text: text, highlights: highlights)
    }

    private func explanation(_ g: inout Generator) -> TokenExplanation {
        TokenExplanation(token: string(&g), field: Bool.random(using: &g) ? .text : .title, tf: int(&g), df: int(&g),
                         idf: double(&g), fieldLength: int(&g), averageFieldLength: double(&g), contribution: double(&g))
    }

    private func hit(_ g: inout Generator) -> SearchHit {
        var h = SearchHit(documentID: int(&g), path: string(&g), title: string(&g), date: string(&g), score: double(&g),
                          snippet: Bool.random(using: &g) ? snippet(&g) : nil,
                          explanation: (0..<Int.random(in: 0...2, using: &g) * Int.random(in: 0...1, using: &g)).map { _ in explanation(&g) },
                          timestamp: Bool.random(using: &g) ? Int64.random(in: .min ... .max, using: &g) : nil,
                          author: string(&g), categories: (0..<Int.random(in: 0...3, using: &g)).map { _ in string(&g) })
        h.rank = int(&g)
        return h
    }

    private func results(_ g: inout Generator) -> SearchResults {
        let facets = (0..<Int.random(in: 0...4, using: &g) * Int.random(in: 0...1, using: &g)).map { _ in
            Facet(field: FacetField.allCases.randomElement(using: &g)!,
                  counts: (0..<Int.random(in: 0...3, using: &g)).map { _ in FacetCount(value: string(&g), count: int(&g)) })
        }
        return SearchResults(query: string(&g), mode: Bool.random(using: &g) ? .all : .any, total: int(&g),
                             totalIsLowerBound: Bool.random(using: &g),
                             hits: (0..<Int.random(in: 0...4, using: &g)).map { _ in hit(&g) },
                             milliseconds: double(&g), facets: facets, firstRank: Int.random(in: 1...100, using: &g))
    }

    func testHandWrittenJSONIsTheCodableEncodingOnRandomResults() throws {
        var g = Generator(state: 12)
        for i in 0..<3000 {
            let r = results(&g)
            let expected = try OrderedJSONEncoder.encode(r)
            let written = ResultFormat.json(r)
            guard written == expected else {
                XCTFail("case \(i):\n\(written)\n≠\n\(expected)")
                return
            }
        }
    }

    func testEmptyResultsAndEscapesAsTheCodableEncoding() throws {
        let plain = SearchResults(query: "", mode: .all, total: 0, hits: [], milliseconds: 0)
        XCTAssertEqual(ResultFormat.json(plain), #"{"query": "", "mode": "all", "total": 0, "took_ms": 0.0, "hits": []}"#)
        let escaped = SearchResults(query: "\"\\\n\r\t\u{0}\u{1F}\u{7F}\u{2028}\u{2029}😀", mode: .any, total: -1,
                                    totalIsLowerBound: true, hits: [], milliseconds: .nan)
        XCTAssertEqual(ResultFormat.json(escaped),
                       #"{"query": "\"\\\n\r\t\u0000\u001f"# + "\u{7F}" + #"\u2028\u2029😀", "mode": "any", "total": -1, "#
                       + #""total_is_lower_bound": true, "took_ms": null, "hits": []}"#)
        XCTAssertEqual(ResultFormat.json(escaped), try OrderedJSONEncoder.encode(escaped))
    }
}
