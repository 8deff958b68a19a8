import Foundation
import XCTest
import ChineseSearch

/// Results are values users can keep: equal and hashable, and `Codable` with exact round trips; snippet
/// highlights offered as string ranges and as Unicode scalar offsets.
final class ResultValueTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() {
        indexes.removeAll()
        super.tearDown()
    }

    func testResultsSurviveAJSONRoundTripExactly() throws {
        var generator = RandomCorpus(seed: 101)
        let documents = generator.corpus(count: 120)
        let index = try indexes.build(documents)
        var checked = 0
        for _ in 0..<40 {
            let query = generator.query(from: documents)
            for mode in MatchMode.allCases {
                guard let results = try? index.search(query, options: SearchOptions(top: 5, mode: mode, explain: true)) else { continue }
                let data = try JSONEncoder().encode(results)
                let decoded = try JSONDecoder().decode(SearchResults.self, from: data)
                XCTAssertEqual(decoded, results, "«\(query)» \(mode)")
                XCTAssertEqual(Set([decoded, results]).count, 1, "equal values hash alike")
                XCTAssertEqual(results.hits.map(\.rank), results.hits.indices.map { $0 + 1 })
                checked += results.hits.count
            }
        }
        XCTAssertGreaterThan(checked, 50, "enough hits were compared")
    }

    func testHitsWithoutStoredFieldsAreTheSameHitsWithTheirFieldsEmpty() throws {
        var generator = RandomCorpus(seed: 103)
        let documents = generator.corpus(count: 120)
        let index = try indexes.build(documents)
        var compared = 0
        for _ in 0..<40 {
            let query = generator.query(from: documents)
            for mode in MatchMode.allCases {
                let full = SearchOptions(top: 7, mode: mode)
                var lean = full
                lean.storedFields = false
                guard let withFields = try? index.search(query, options: full) else { continue }
                let without = try index.search(query, options: lean)
                XCTAssertEqual(without.total, withFields.total, "«\(query)» \(mode)")
                XCTAssertEqual(without.totalIsLowerBound, withFields.totalIsLowerBound, "«\(query)» \(mode)")
                XCTAssertEqual(without.hits.map(\.rank), withFields.hits.map(\.rank), "«\(query)» \(mode)")
                XCTAssertEqual(without.hits.map(\.documentID), withFields.hits.map(\.documentID), "«\(query)» \(mode)")
                XCTAssertEqual(without.hits.map(\.score), withFields.hits.map(\.score), "«\(query)» \(mode)")
                XCTAssertEqual(without.hits.map(\.snippet), withFields.hits.map(\.snippet), "«\(query)» \(mode)")
                for hit in withFields.hits { XCTAssertFalse(hit.path.isEmpty, "a full hit has its path") }
                for hit in without.hits {
                    XCTAssertEqual([hit.path, hit.title, hit.date, hit.author], ["", "", "", ""])
                    XCTAssertEqual(hit.categories, [])
                    XCTAssertNil(hit.timestamp)
                }
                compared += without.hits.count
            }
        }
        XCTAssertGreaterThan(compared, 50, "enough hits were compared")
    }

    func testHighlightOffsetsCountUnicodeScalarsAndRangesSliceTheText() {
        // "… 香港，🇭🇰香港" : bytes of … = 3, space 1, 香 3, 港 3, ， 3, each regional indicator 4.
        let text = "… 香港，🇭🇰香港"
        let first = 4..<10, second = 21..<27
        let snippet = Snippet(text: text, highlights: [first, second])
        // Counted by hand: … space 香 港 ， 🇭 🇰 香 港 → scalars 0 1 2 3 4 5 6 7 8.
        XCTAssertEqual(snippet.highlightScalarOffsets, [2..<4, 7..<9])
        XCTAssertEqual(snippet.highlightRanges.map { String(text[$0]) }, ["香港", "香港"])
        XCTAssertEqual(Snippet(text: text, highlightScalarOffsets: [2..<4, 7..<9]), snippet)
    }

    func testHighlightOffsetsLeaveOutBytesInsideAScalarOrOutsideTheText() {
        // 香 is bytes 0..<3, 港 3..<6: 1 is inside 香, 7 and -1 outside the text.
        let snippet = Snippet(text: "香港", highlights: [0..<3, 1..<3, 3..<7, -1..<3, 3..<6, 6..<6])
        XCTAssertEqual(snippet.highlightScalarOffsets, [0..<1, 1..<2, 2..<2])
    }

    func testHighlightsThatDoNotFitTheTextAreRejectedWhenDecoding() throws {
        for highlights in ["[[0, 9]]", "[[-1, 1]]", "[[2, 3], [1, 2]]", "[[1, 3], [2, 4]]", "[[3, 1]]", "[[0]]"] {
            let json = #"{"text": "香港北京", "highlights": \#(highlights)}"#
            XCTAssertThrowsError(try JSONDecoder().decode(Snippet.self, from: Data(json.utf8)), highlights)
        }
        let ok = try JSONDecoder().decode(Snippet.self, from: Data(#"{"text": "香港北京", "highlights": [[0, 2], [2, 4]]}"#.utf8))
        XCTAssertEqual(ok.highlights, [0..<6, 6..<12])
    }

    func testOptionsInitializerSetsEverySetting() {
        let options = SearchOptions(top: 3, mode: .any, bm25: BM25(k1: 2, b: 0.5), titleWeight: 2.5, snippets: false,
                                    explain: true, parallelism: 4)
        var expected = SearchOptions()
        expected.top = 3
        expected.mode = .any
        expected.bm25 = BM25(k1: 2, b: 0.5)
        expected.titleWeight = 2.5
        expected.snippets = false
        expected.explain = true
        expected.parallelism = 4
        XCTAssertEqual(options, expected)
        XCTAssertNotEqual(options, SearchOptions())
        XCTAssertEqual(SearchOptions().top, 10)
    }
}
