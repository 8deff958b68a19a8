import ChineseSearch
import Foundation
import XCTest

/// Compiles and runs the README's library example, and checks that the README shows exactly this code.
final class ReadmeExampleTests: XCTestCase {
    func testReadmeLibraryExampleRunsAndFindsTheFactoryArticle() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        // README-EXAMPLE-BEGIN
        // Build an index from values, without a corpus folder.
        let documents = [
            SourceDocument(path: "a.txt", title: "小米汽车", body: "小米SU7在北京工厂量产。"),
            SourceDocument(path: "b.txt", title: "長城汽車", body: "长城汽车发布新车。"),
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("example.idx").path
        _ = try IndexBuilder.build(documents: documents, indexPath: path)

        // Open once (a memory mapping), then search from any number of threads.
        let index = try SearchIndex(path: path)
        let options = SearchOptions(top: 5, bm25: BM25(k1: 1.2, b: 0.75))
        let results = try index.search("工厂", options: options)
        for hit in results.hits {
            print(hit.rank, hit.path, hit.title, hit.score, hit.snippet?.text ?? "")
        }

        // Results are Codable values: this JSON is what `search query --json` prints.
        let json = String(decoding: try JSONEncoder().encode(results), as: UTF8.self)

        // Many queries at once, answered in input order.
        let batch = QueryExecutor(index: index, threads: 2).run(["汽车", "长城"], options: options)

        // The token stream.
        let tokens = Analyzer().tokens(of: "小米SU7").map(\.text)  // ["小米", "米", "su7"]

        // Change it in place: nothing is visible before commit(); open indexes keep their snapshot.
        let writer = try IndexWriter(path: path)
        writer.add(SourceDocument(path: "c.txt", title: "北汽", body: "北汽新工厂开工。"))
        writer.delete(path: "b.txt")
        try writer.commit()
        let latest = try index.reopened()  // the newest commit: a.txt and c.txt

        // Rank a plain list of strings: no index file at all (the best 10 unless told otherwise).
        let ranked = try Ranker(["北汽工厂", "小米汽车", "第二工厂的股份"]).rank("工厂")
        print(ranked.map(\.index), tokens, batch.count, json.count > 0)
        // README-EXAMPLE-END
        try? FileManager.default.removeItem(atPath: path)

        XCTAssertEqual(results.total, 1)
        XCTAssertEqual(results.hits.map(\.path), ["a.txt"])
        XCTAssertEqual(printed.count, 2)
        XCTAssertEqual(printed.last, "[0, 2] [\"小米\", \"米\", \"su7\"] 2 true")
        XCTAssertEqual(try JSONDecoder().decode(SearchResults.self, from: Data(json.utf8)), results)
        XCTAssertEqual(try batch[0].get().total, 2)       // 汽车 in both; 長城汽車 folds to 长城汽车
        XCTAssertEqual(try batch[1].get().hits.map(\.path), ["b.txt"])
        XCTAssertEqual(tokens, ["小米", "米", "su7"])
        XCTAssertEqual(Set(ranked.map(\.index)), [0, 2])
        XCTAssertEqual(index.documentCount, 2, "the snapshot keeps its commit")
        XCTAssertEqual(try latest.search("工厂").hits.map(\.path).sorted(), ["a.txt", "c.txt"])
        XCTAssertEqual(try latest.search("长城", options: options).total, 0)
    }

    func testReadmeAsyncExampleFindsTheFactoryArticle() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("example-async-\(UUID().uuidString).idx").path
        _ = try IndexBuilder.build(documents: [SourceDocument(path: "a.txt", title: "小米汽车", body: "北京工厂")], indexPath: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // README-ASYNC-BEGIN
        // In async code, await the same calls: the work runs on a Dispatch queue, and cancelling the task stops it.
        func firstHit(of query: String, in index: SearchIndex) async throws -> SearchHit? {
            try await index.search(query, options: SearchOptions(top: 1)).hits.first
        }
        // README-ASYNC-END
        let hit = try await firstHit(of: "工厂", in: try SearchIndex(path: path))
        XCTAssertEqual(hit?.path, "a.txt")
    }

    func testReadmeShowsExactlyTheTestedExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func lines(_ s: Substring) -> [String] {
            s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        let begin = source.range(of: "// README-EXAMPLE-BEGIN\n")!, end = source.range(of: "        // README-EXAMPLE-END")!
        let tested = lines(source[begin.upperBound..<end.lowerBound])
        let marker = readme.range(of: "```swift\nimport ChineseSearch\nimport Foundation\n\n")!
        let close = readme.range(of: "```", range: marker.upperBound..<readme.endIndex)!
        XCTAssertEqual(lines(readme[marker.upperBound..<close.lowerBound]), tested)
        let asyncBegin = source.range(of: "// README-ASYNC-BEGIN\n")!, asyncEnd = source.range(of: "        // README-ASYNC-END")!
        let asyncMarker = readme.range(of: "```swift\n// In async code")!
        let asyncClose = readme.range(of: "```", range: asyncMarker.upperBound..<readme.endIndex)!
        XCTAssertEqual(lines(readme[readme.index(asyncMarker.lowerBound, offsetBy: 9)..<asyncClose.lowerBound]),
                       lines(source[asyncBegin.upperBound..<asyncEnd.lowerBound]))
    }
}
