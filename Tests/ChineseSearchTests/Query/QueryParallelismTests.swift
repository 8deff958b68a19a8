import XCTest
import ChineseSearch

/// One query split over threads (`SearchOptions.parallelism`) gives exactly the sequential results.
/// A query splits only where every part keeps 4096 documents (`SearchIndex.minimumPartSize`) and its lists
/// hold 8192 postings (`minimumSplitPostings`), so the corpus here is large enough for two and three parts. Its frequent tokens have lists of thousands of documents, so skipping over blocks is
/// exercised too, and a sample of queries is checked against the reference.
final class QueryParallelismTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() {
        indexes.removeAll()
        super.tearDown()
    }

    private func largeCorpus() -> (documents: [SourceDocument], generator: RandomCorpus) {
        var generator = RandomCorpus(seed: 9000)
        let documents = generator.corpus(count: 12_300, bodySegments: 2...8)
        return (documents, generator)
    }

    func testSplitQueriesGiveBitIdenticalHitsAndConsistentTotalsForEveryParallelism() throws {
        var (documents, generator) = largeCorpus()
        let index = try indexes.build(documents)
        var compared = 0
        for round in 0..<80 {
            let query = generator.query(from: documents)
            var options = SearchOptions()
            options.mode = round % 2 == 0 ? .all : .any
            options.top = [10, 1000][round / 2 % 2]
            options.snippets = false
            guard let sequential = try? index.search(query, options: options) else { continue }
            for parallelism in [2, 3] {
                options.parallelism = parallelism
                let split = try index.search(query, options: options)
                let context = "query «\(query)» mode \(options.mode) parallelism \(parallelism)"
                XCTAssertEqual(split.hits.map(\.documentID), sequential.hits.map(\.documentID), context)
                XCTAssertEqual(split.hits.map(\.score.bitPattern), sequential.hits.map(\.score.bitPattern), context)
                if options.mode == .all {
                    XCTAssertFalse(split.totalIsLowerBound, context)
                    XCTAssertEqual(split.total, sequential.total, context)
                } else {
                    // Each part prunes against its own top k, so in mode any a total may be a lower bound that
                    // depends on the split; it is exact when not flagged, and never above the exact count.
                    var exhaustive = options
                    exhaustive.top = documents.count
                    exhaustive.parallelism = 1
                    let exact = try index.search(query, options: exhaustive)
                    XCTAssertFalse(exact.totalIsLowerBound, context)
                    for r in [split, sequential] {
                        XCTAssertLessThanOrEqual(r.total, exact.total, context)
                        XCTAssertGreaterThanOrEqual(r.total, r.hits.count, context)
                        if !r.totalIsLowerBound { XCTAssertEqual(r.total, exact.total, context) }
                    }
                }
                if split.hits.map(\.documentID) != sequential.hits.map(\.documentID) { return }
            }
            if sequential.total > 0 { compared += 1 }
        }
        XCTAssertGreaterThan(compared, 30, "too few queries found anything")
    }

    func testQueriesOnALargeCorpusWithLongListsGiveTheReferenceResults() throws {
        var (documents, generator) = largeCorpus()
        let index = try indexes.build(documents)
        let reference = ReferenceSearch(documents)
        // A frequent character's list spans many blocks of 128 documents.
        XCTAssertGreaterThan(try reference.search(RandomCorpus.commonCharacters[0], options: SearchOptions()).total, 1000)
        for round in 0..<40 {
            let query = generator.query(from: documents)
            var options = SearchOptions()
            options.mode = round % 2 == 0 ? .all : .any
            options.top = 20
            options.snippets = false
            options.parallelism = 1 + round % 3
            guard let expected = try? reference.search(query, options: options) else { continue }
            guard assertMatchesReference(try index.search(query, options: options), expected, options: options, query: query) else { return }
        }
    }
}
