import XCTest
import ChineseSearch

/// `QueryExecutor` runs a batch on worker threads and must give, in input order, exactly what running each
/// query with `SearchIndex.search` gives: the same hits (scores bit for bit, snippets, explanations), totals
/// and errors.
final class QueryExecutorTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() {
        indexes.removeAll()
        super.tearDown()
    }

    /// Asserts that `batch[i]` equals `sequential[i]` for every i; false on the first difference.
    private func assertSame(_ batch: [Result<SearchResults, any Error>], _ sequential: [Result<SearchResults, any Error>],
                            queries: [String], context: String) -> Bool {
        guard batch.count == sequential.count else {
            XCTFail("\(batch.count) results for \(sequential.count) queries \(context)")
            return false
        }
        for i in queries.indices {
            let where_ = "query \(i) «\(queries[i])» \(context)"
            switch (batch[i], sequential[i]) {
            case (.success(let a), .success(let b)):
                XCTAssertEqual(a.query, queries[i], where_)
                XCTAssertEqual(a.total, b.total, where_)
                XCTAssertEqual(a.totalIsLowerBound, b.totalIsLowerBound, where_)
                XCTAssertEqual(a.hits.map(\.documentID), b.hits.map(\.documentID), where_)
                XCTAssertEqual(a.hits.map(\.score.bitPattern), b.hits.map(\.score.bitPattern), where_)
                XCTAssertEqual(a.hits.map(\.path), b.hits.map(\.path), where_)
                XCTAssertEqual(a.hits.map(\.title), b.hits.map(\.title), where_)
                XCTAssertEqual(a.hits.map(\.snippet), b.hits.map(\.snippet), where_)
                XCTAssertEqual(a.hits.map(\.explanation), b.hits.map(\.explanation), where_)
                if a.hits.map(\.documentID) != b.hits.map(\.documentID) { return false }
            case (.failure(let a), .failure(let b)):
                XCTAssertEqual(a as? SearchError, b as? SearchError, where_)
                XCTAssertEqual(String(describing: a), String(describing: b), where_)
            default:
                XCTFail("one succeeded, the other failed: \(batch[i]) vs \(sequential[i]), \(where_)")
                return false
            }
        }
        return true
    }

    func testBatchOnWorkerThreadsGivesTheSequentialResultsInInputOrder() throws {
        var generator = RandomCorpus(seed: 77)
        let documents = generator.corpus(count: 200)
        let index = try indexes.build(documents)
        var queries = (0..<300).map { _ in generator.query(from: documents) }
        // Queries that fail, at known places among the others.
        for (offset, bad) in ["", "，。", "-车", "\"\""].enumerated() { queries.insert(bad, at: offset * 70 + 3) }
        for mode in MatchMode.allCases {
            var options = SearchOptions()
            options.mode = mode
            options.explain = true
            let sequential: [Result<SearchResults, any Error>] = queries.map { q in Result { try index.search(q, options: options) } }
            XCTAssertEqual(sequential.filter { if case .failure = $0 { true } else { false } }.count, 4, "the failing queries")
            for threads in [1, 2, 4] {
                let batch = QueryExecutor(index: index, threads: threads).run(queries, options: options)
                guard assertSame(batch, sequential, queries: queries, context: "mode \(mode) threads \(threads)") else { return }
            }
        }
    }

    func testBatchWithAnInvalidOptionFailsEveryQueryLikeSearch() throws {
        var generator = RandomCorpus(seed: 78)
        let documents = generator.corpus(count: 30)
        let index = try indexes.build(documents)
        let queries = (0..<20).map { _ in generator.query(from: documents) }
        var options = SearchOptions()
        options.top = -1
        let sequential: [Result<SearchResults, any Error>] = queries.map { q in Result { try index.search(q, options: options) } }
        let batch = QueryExecutor(index: index, threads: 3).run(queries, options: options)
        XCTAssertTrue(assertSame(batch, sequential, queries: queries, context: "top -1"))
        XCTAssertTrue(batch.allSatisfy { if case .failure = $0 { true } else { false } })
    }

    func testTransformingBatchHandsEachQuerysOwnResultToTheTransformOnce() throws {
        var generator = RandomCorpus(seed: 80)
        let documents = generator.corpus(count: 120)
        let index = try indexes.build(documents)
        var queries = (0..<150).map { _ in generator.query(from: documents) }
        queries.insert("", at: 40)
        let options = SearchOptions()
        let sequential: [Result<SearchResults, any Error>] = queries.map { q in Result { try index.search(q, options: options) } }
        for threads in [1, 3] {
            let calls = CallCounter(count: queries.count)
            let numbered = QueryExecutor(index: index, threads: threads).run(queries, options: options) { i, result in
                calls.record(i)
                return (i, result)
            }
            XCTAssertEqual(numbered.map(\.0), Array(queries.indices), "threads \(threads): element i is query i's")
            XCTAssertEqual(calls.counts, [Int](repeating: 1, count: queries.count), "threads \(threads): one call per query")
            XCTAssertTrue(assertSame(numbered.map(\.1), sequential, queries: queries, context: "transform, threads \(threads)"))
        }
    }

    func testEmptyBatchGivesNoResults() throws {
        var generator = RandomCorpus(seed: 79)
        let index = try indexes.build(generator.corpus(count: 5))
        XCTAssertTrue(QueryExecutor(index: index, threads: 2).run([]).isEmpty)
    }
}

/// Counts the calls of a transform per query number, from any thread.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int]

    init(count: Int) { values = [Int](repeating: 0, count: count) }

    func record(_ i: Int) { lock.withLock { values[i] += 1 } }

    var counts: [Int] { lock.withLock { values } }
}
