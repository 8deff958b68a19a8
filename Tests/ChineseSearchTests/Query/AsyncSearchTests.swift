import Foundation
import XCTest
@testable import ChineseSearch

/// The async API gives what the synchronous one gives, and task cancellation stops a batch between queries
/// and a long query inside its loop.
final class AsyncSearchTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() {
        indexes.removeAll()
        super.tearDown()
    }

    /// `r` with its timing zeroed: everything else must be equal.
    private func untimed(_ r: SearchResults) -> SearchResults {
        var copy = r
        copy.milliseconds = 0
        return copy
    }

    func testAsyncSearchGivesTheSynchronousResults() async throws {
        var generator = RandomCorpus(seed: 91)
        let documents = generator.corpus(count: 150)
        let index = try indexes.build(documents)
        let queries = (0..<60).map { _ in generator.query(from: documents) } + ["，。", ""]
        for mode in MatchMode.allCases {
            let options = SearchOptions(mode: mode, explain: true)
            for query in queries {
                let expected = Result { try index.search(query, options: options) }
                do {
                    let got = try await index.search(query, options: options)
                    XCTAssertEqual(untimed(got), untimed(try expected.get()), "«\(query)» \(mode)")
                } catch {
                    guard case .failure(let e) = expected else { return XCTFail("async failed alone on «\(query)»: \(error)") }
                    XCTAssertEqual(error as? SearchError, e as? SearchError, "«\(query)»")
                }
            }
        }
    }

    func testAsyncBatchGivesTheSynchronousBatch() async throws {
        var generator = RandomCorpus(seed: 92)
        let documents = generator.corpus(count: 150)
        let index = try indexes.build(documents)
        let queries = (0..<80).map { _ in generator.query(from: documents) } + ["，。"]
        let executor = QueryExecutor(index: index, threads: 3)
        // In an async context the async overload is chosen; a synchronous closure reaches the blocking one.
        let expected = { executor.run(queries, options: SearchOptions(mode: .any)) }()
        let got = try await executor.run(queries, options: SearchOptions(mode: .any))
        XCTAssertEqual(got.count, expected.count)
        for (g, e) in zip(got, expected) {
            switch (g, e) {
            case (.success(let a), .success(let b)): XCTAssertEqual(untimed(a), untimed(b))
            case (.failure(let a), .failure(let b)): XCTAssertEqual(a as? SearchError, b as? SearchError)
            default: XCTFail("\(g) vs \(e)")
            }
        }
    }

    func testCancellingALongBatchStopsItEarly() async throws {
        var generator = RandomCorpus(seed: 93)
        let documents = generator.corpus(count: 300)
        let index = try indexes.build(documents)
        let some = (0..<50).map { _ in generator.query(from: documents) }
        let queries = Array(repeating: some, count: 400).flatMap { $0 }  // 20,000 queries: seconds of work
        let answered = Counter()
        let executor = QueryExecutor(index: index, threads: 2)
        let task = Task { try await executor.run(queries, options: SearchOptions(), finished: { _ in answered.add() }) }
        while answered.value < 20 { try await Task.sleep(nanoseconds: 1_000_000) }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled batch returns no results")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        let atCancel = answered.value
        try await Task.sleep(nanoseconds: 50_000_000)
        XCTAssertEqual(answered.value, atCancel, "no query runs after the batch threw")
        XCTAssertLessThan(atCancel, queries.count / 2, "the batch stopped early")
    }

    func testABatchCancelledBeforeItStartsRunsNothing() async throws {
        var generator = RandomCorpus(seed: 94)
        let documents = generator.corpus(count: 20)
        let index = try indexes.build(documents)
        let answered = Counter()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await QueryExecutor(index: index, threads: 2).run(["小米", "汽车"], options: SearchOptions(),
                                                                           finished: { _ in answered.add() })
        }
        await XCTAssertThrowsCancellation { _ = try await task.value }
        XCTAssertEqual(answered.value, 0)
        let single = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await index.search("小米")
        }
        await XCTAssertThrowsCancellation { _ = try await single.value }
    }

    func testACancelledQueryStopsInsideItsLoop() throws {
        // 5,000 documents that all match: an uncancelled run counts every one of them.
        let documents = (0..<5000).map { SourceDocument(path: "\($0).txt", title: "", body: "小米汽车第\($0)号") }
        let index = try indexes.build(documents)
        XCTAssertEqual(try index.search("小米", options: SearchOptions()).total, documents.count)
        var options = SearchOptions()
        options.cancellation = SearchCancellation()
        options.cancellation?.cancel()
        let stopped = try index.search("小米", options: options)
        XCTAssertLessThan(stopped.total, SearchCancellation.checkInterval, "stopped at the first look at the flag")
    }

    private func XCTAssertThrowsCancellation(_ body: () async throws -> Void, line: UInt = #line) async {
        do {
            try await body()
            XCTFail("expected CancellationError", line: line)
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)", line: line)
        }
    }
}

/// A thread-safe counter for callbacks from worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
