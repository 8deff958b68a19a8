import Foundation
import XCTest

/// `search index Corpus` then `search query --json`, checked against BM25 computed in the test from the
/// files themselves (`SampleCorpusReference`).
final class SampleCorpusEndToEndTests: XCTestCase {
    func testQueryBeijingAutoFactoryFindsTheThreeArticlesWithBothWordsRankedByBM25() throws {
        let folder = try CLIRunner.temporaryFolder(self)
        let index = folder.appendingPathComponent("sample.idx").path
        let build = try CLIRunner.run(["index", CLIRunner.sampleCorpus.path, "--index", index])
        XCTAssertEqual(build.status, 0, build.stderr)

        let out = try CLIRunner.run(["query", "北汽 工厂", "--json", "--index", index])
        XCTAssertEqual(out.status, 0, out.stderr)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let hits = try XCTUnwrap(result["hits"] as? [[String: Any]])

        // Expected, computed here: the query's tokens are the bigrams 北汽 and 工厂 (a two-character term gives its
        // bigram; its run-end token only counts when the run ends inside the term). Mode all: both must occur.
        let reference = try SampleCorpusReference(folder: CLIRunner.sampleCorpus)
        let queryTokens = ["北汽", "工厂"]
        let matching = reference.documents.indices.filter { d in
            queryTokens.allSatisfy { SampleCorpusReference.tf($0, in: reference.documents[d].textTokens) > 0 }
        }
        XCTAssertEqual(matching.map { String(reference.documents[$0].path.prefix(4)) }, ["001_", "002_", "003_"],
                       "the sample's articles with both 北汽 and 工厂")
        let expected = matching.map { (d: $0, score: reference.bm25(queryTokens, document: $0)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.d < $1.d }

        XCTAssertEqual(result["total"] as? Int, expected.count)
        XCTAssertEqual(result["query"] as? String, "北汽 工厂")
        XCTAssertEqual(result["mode"] as? String, "all")
        XCTAssertEqual(hits.count, expected.count)
        for (rank, (hit, e)) in zip(hits, expected).enumerated() {
            let document = reference.documents[e.d]
            XCTAssertEqual(hit["rank"] as? Int, rank + 1)
            XCTAssertEqual(hit["doc"] as? String, document.path)
            XCTAssertEqual(hit["title"] as? String, document.title)
            XCTAssertEqual(hit["date"] as? String, document.date)
            let score = try XCTUnwrap(hit["score"] as? Double)
            XCTAssertEqual(score, e.score, accuracy: 1e-6, "\(document.path)")
        }
    }
}
