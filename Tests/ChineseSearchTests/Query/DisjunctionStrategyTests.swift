import XCTest
@testable import ChineseSearch

/// Every mode-any loop (one list block by block, block-max WAND, block-max MaxScore) against `ReferenceSearch`,
/// each forced in turn, on random corpora large enough for lists of many blocks of 128 documents, so that
/// pruning passes blocks by their skip entries: random queries, queries of hundreds of tokens, and
/// single-list queries at small k. The loops must also agree with each other to the bit.
final class DisjunctionStrategyTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() {
        indexes.removeAll()
        super.tearDown()
    }

    private static let loops: [QueryExecution.AnyStrategy] = [.blockMaxWAND, .blockMaxScore]

    /// Runs `query` with every loop, compares each with the reference and the loops' hits with each other;
    /// returns whether some loop flagged its total as a lower bound (it pruned), nil after a reported failure.
    private func compare(_ query: String, _ options: SearchOptions, _ index: SearchIndex,
                         _ reference: ReferenceSearch) throws -> Bool? {
        guard let expected = try? reference.search(query, options: options) else { return false }
        var first: SearchResults?
        var pruned = false
        for loop in Self.loops {
            var forced = options
            forced.anyStrategy = loop
            let results = try index.search(query, options: forced)
            guard assertMatchesReference(results, expected, options: forced, query: "\(query) [\(loop)]") else { return nil }
            if let first {
                XCTAssertEqual(results.hits.map(\.documentID), first.hits.map(\.documentID), "«\(query)» \(loop)")
                XCTAssertEqual(results.hits.map(\.score.bitPattern), first.hits.map(\.score.bitPattern), "«\(query)» \(loop)")
            }
            first = first ?? results
            pruned = pruned || results.totalIsLowerBound
        }
        return pruned
    }

    private func options(_ random: inout RandomText) -> SearchOptions {
        var options = SearchOptions()
        options.mode = .any
        options.top = random.pick([1, 3, 10, 10, 50])
        options.snippets = false
        if random.below(4) == 0 {
            options.bm25 = BM25(k1: random.pick([0, 0.5, 2.0]), b: random.pick([0, 0.3, 1]))
            options.titleWeight = random.pick([0, 2.5])
        }
        return options
    }

    func testEveryLoopGivesTheReferenceResultsForRandomQueriesOverLongLists() throws {
        var generator = RandomCorpus(seed: 71)
        var prunedQueries = 0
        for _ in 0..<2 {
            let documents = generator.corpus(count: 1200 + generator.random.below(600), bodySegments: 2...30)
            let index = try indexes.build(documents)
            let reference = ReferenceSearch(documents)
            for _ in 0..<120 {
                let query = generator.query(from: documents)
                guard let pruned = try compare(query, options(&generator.random), index, reference) else { return }
                if pruned { prunedQueries += 1 }
            }
        }
        XCTAssertGreaterThan(prunedQueries, 40, "too few queries were pruned to test the skipping")
    }

    /// Queries of 30 to 400 terms (characters, bigrams, words, excerpts): MaxScore's case, and what was once
    /// quadratic in the number of tokens.
    func testQueriesOfHundredsOfTokensGiveTheReferenceResults() throws {
        var generator = RandomCorpus(seed: 72)
        let documents = generator.corpus(count: 900, bodySegments: 4...60)
        let index = try indexes.build(documents)
        let reference = ReferenceSearch(documents)
        var prunedQueries = 0
        for round in 0..<30 {
            let terms = (0..<(30 + generator.random.below(370))).map { _ in
                generator.random.below(3) == 0 ? generator.character() : generator.term(from: documents)
            }
            var query = terms.joined(separator: " ")
            if round % 5 == 0 { query += " -" + generator.term(from: documents) }
            var options = options(&generator.random)
            if round % 7 == 0 { options.top = 1000 }
            guard let pruned = try compare(query, options, index, reference) else { return }
            if pruned { prunedQueries += 1 }
        }
        XCTAssertGreaterThan(prunedQueries, 10)
    }

    /// One character or one bigram: the single-list loop, whose blocks are passed by their skip entries once
    /// the k-th best score is known. The first documents are one common character repeated (high tf, short
    /// text), some with it in the title too; the rest are long, their titles of rare characters only, so the
    /// later blocks' bounds (text and title) fall below the k-th best and are passed undecoded.
    func testSingleListQueriesSkipBlocksAndGiveTheReferenceResults() throws {
        var generator = RandomCorpus(seed: 73)
        var documents = (0..<300).map { i in
            let c = RandomCorpus.commonCharacters[i % 12]
            return SourceDocument(path: "hot\(i).md", title: i % 5 == 0 ? c + "灯" : "", body: String(repeating: c, count: 8))
        }
        documents += generator.corpus(count: 2500, bodySegments: 30...40).map { d in
            let title = (0..<generator.random.below(4)).map { _ in generator.random.pick(RandomCorpus.rareCharacters) }.joined()
            return SourceDocument(path: d.path, title: title, body: d.body)
        }
        let index = try indexes.build(documents)
        let reference = ReferenceSearch(documents)
        var prunedQueries = 0
        for character in RandomCorpus.commonCharacters {
            for query in [character, character + character] {
                for top in [1, 5, 10] {
                    var options = SearchOptions(top: top, mode: .any, snippets: false)
                    let expected = try reference.search(query, options: options)
                    let results = try index.search(query, options: options)
                    guard assertMatchesReference(results, expected, options: options, query: query) else { return }
                    if results.totalIsLowerBound { prunedQueries += 1 }
                    options.parallelism = 2
                    XCTAssertEqual(try index.search(query, options: options).hits, results.hits, query)
                }
            }
        }
        XCTAssertGreaterThan(prunedQueries, 36, "too few single-list queries skipped blocks")
    }
}
