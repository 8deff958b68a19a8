import ChineseSearch
import Foundation
import XCTest

/// The JSON of `search query --json` is the `Codable` encoding of the library's `SearchResults`: decoding the
/// CLI's line gives the values the library returns for the same query on the same index.
final class JSONEncodingTests: XCTestCase {
    func testCLIJSONDecodesToTheLibraryResults() throws {
        let folder = try CLIRunner.temporaryFolder(self)
        let path = folder.appendingPathComponent("sample.idx").path
        XCTAssertEqual(try CLIRunner.run(["index", CLIRunner.sampleCorpus.path, "--index", path]).status, 0)
        let index = try SearchIndex(path: path)
        for (query, mode) in [("北汽 工厂", "all"), ("小米", "all"), ("小米 汽车 香港", "any"), ("鲸鱼", "all")] {
            for explain in [false, true] {
                let out = try CLIRunner.run(["query", query, "--json", "--mode", mode, "--index", path] + (explain ? ["--explain"] : []))
                var decoded = try JSONDecoder().decode(SearchResults.self, from: Data(out.stdout.utf8))
                var expected = try index.search(query, options: SearchOptions(mode: MatchMode(rawValue: mode)!, explain: explain))
                decoded.milliseconds = 0
                expected.milliseconds = 0
                XCTAssertEqual(decoded, expected, "\(query) \(mode) explain \(explain)")
                // And the library's own encoding decodes to the same value.
                XCTAssertEqual(try JSONDecoder().decode(SearchResults.self, from: JSONEncoder().encode(expected)), expected)
            }
        }
    }

    func testHitHighlightsPointAtTheQueryTermsInTheSnippet() throws {
        let folder = try CLIRunner.temporaryFolder(self)
        let path = folder.appendingPathComponent("sample.idx").path
        XCTAssertEqual(try CLIRunner.run(["index", CLIRunner.sampleCorpus.path, "--index", path]).status, 0)
        let out = try CLIRunner.run(["query", "北汽 工厂", "--json", "--index", path])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let hits = try XCTUnwrap(object["hits"] as? [[String: Any]])
        XCTAssertFalse(hits.isEmpty)
        for hit in hits {
            let scalars = Array(try XCTUnwrap(hit["snippet"] as? String).unicodeScalars)
            let highlights = try XCTUnwrap(hit["highlights"] as? [[Int]])
            XCTAssertFalse(highlights.isEmpty)
            for h in highlights {
                let marked = String(String.UnicodeScalarView(scalars[h[0]..<h[1]]))
                XCTAssertTrue(["北汽", "工厂"].contains(marked), marked)
            }
        }
    }
}
