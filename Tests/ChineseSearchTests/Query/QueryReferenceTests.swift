import XCTest
import ChineseSearch

/// `SearchIndex.search` against `ReferenceSearch` on deterministic random corpora and queries of every kind:
/// single characters, bigrams, long terms, several terms, OR, exclusions, phrases, words, mixed terms
/// (小米SU7, SU7小), in both modes, several result sizes, BM25 parameters and title weights.
final class QueryReferenceTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() {
        indexes.removeAll()
        super.tearDown()
    }

    /// Runs `queriesPerCorpus` random queries on each of `corpora` random corpora of 30…200 documents, each
    /// query with options from `makeOptions`, and compares every result with the reference.
    private func compareRandomQueries(seed: UInt64, corpora: Int, queriesPerCorpus: Int,
                                      makeOptions: (inout RandomText) -> SearchOptions) throws {
        var generator = RandomCorpus(seed: seed)
        for _ in 0..<corpora {
            let documents = generator.corpus(count: 30 + generator.random.below(171))
            let index = try indexes.build(documents)
            let reference = ReferenceSearch(documents)
            for _ in 0..<queriesPerCorpus {
                let query = generator.query(from: documents)
                let options = makeOptions(&generator.random)
                guard try compare(query, options, index, reference) else { return }
            }
        }
    }

    /// Compares one query; false after the first reported difference.
    private func compare(_ query: String, _ options: SearchOptions, _ index: SearchIndex,
                         _ reference: ReferenceSearch) throws -> Bool {
        let expected: ReferenceSearch.Results
        do {
            expected = try reference.search(query, options: options)
        } catch {
            XCTAssertThrowsError(try index.search(query, options: options), "query «\(query)»") {
                XCTAssertEqual($0 as? SearchError, .emptyQuery(query))
            }
            return true
        }
        return assertMatchesReference(try index.search(query, options: options), expected, options: options, query: query)
    }

    private static func options(_ mode: MatchMode, _ random: inout RandomText) -> SearchOptions {
        var options = SearchOptions()
        options.mode = mode
        options.top = random.pick([5, 10, 10, 1000, 1])
        options.snippets = random.below(8) == 0
        return options
    }

    func testRandomQueriesInModeAllGiveTheReferenceDocumentsScoresAndTotals() throws {
        try compareRandomQueries(seed: 1, corpora: 8, queriesPerCorpus: 250) { Self.options(.all, &$0) }
    }

    func testRandomQueriesInModeAnyGiveTheReferenceDocumentsScoresAndTotals() throws {
        try compareRandomQueries(seed: 2, corpora: 8, queriesPerCorpus: 250) { Self.options(.any, &$0) }
    }

    func testRandomQueriesWithOtherBM25ParametersAndTitleWeightsGiveTheReferenceResults() throws {
        try compareRandomQueries(seed: 3, corpora: 6, queriesPerCorpus: 250) { random in
            var options = Self.options(random.pick([.all, .any]), &random)
            options.bm25 = BM25(k1: random.pick([0, 0.5, 1.2, 2.0]), b: random.pick([0, 0.3, 0.75, 1]))
            options.titleWeight = random.pick([0, 1, 2.5])
            return options
        }
    }

    func testTopZeroGivesNoHitsButTheFullTotal() throws {
        try compareRandomQueries(seed: 4, corpora: 2, queriesPerCorpus: 100) { random in
            var options = Self.options(random.pick([.all, .any]), &random)
            options.top = 0
            return options
        }
    }

    /// The reference's title field is the title's own tokens; that must be the start of the text field's
    /// tokens (title + "\n" + body), which is what lets one positions list serve both fields.
    func testTitleTokensAreTheStartOfTheTextFieldTokens() {
        var generator = RandomCorpus(seed: 5)
        let documents = generator.corpus(count: 300)
        XCTAssertEqual(ReferenceSearch(documents).titleMismatches, [])
    }

    /// The generator must produce the kinds of queries this suite claims to cover; otherwise the comparisons
    /// above would pass without testing them.
    func testRandomQueriesCoverEveryKind() {
        var generator = RandomCorpus(seed: 1)
        let documents = generator.corpus(count: 100)
        let texts = (0..<400).map { _ in generator.query(from: documents) }
        let queries = texts.map(ReferenceQuery.init)
        let terms = queries.flatMap { $0.clauses.joined() }
        func has(_ what: String, _ condition: (ReferenceQuery.Term) -> Bool) {
            XCTAssertTrue(terms.contains(where: condition), "no term with \(what)")
        }
        func isPrefix(_ e: ReferenceElement) -> Bool { if case .prefix = e { return true } else { return false } }
        func isKind(_ kind: TokenKind) -> (ReferenceElement) -> Bool {
            { if case .token(kind, _) = $0 { return true } else { return false } }
        }
        has("a single character") { $0.elements.count == 1 && isPrefix($0.elements[0]) }
        has("one bigram") { $0.elements.count == 1 && isKind(.bigram)($0.elements[0]) }
        has("four or more elements") { $0.elements.count >= 4 }
        has("a word") { $0.elements.contains(where: isKind(.word)) }
        has("a run-end token inside") { $0.elements.contains(where: isKind(.end)) }
        has("a word then a prefix") { $0.elements.count >= 2 && isKind(.word)($0.elements[$0.elements.count - 2]) && isPrefix($0.elements.last!) }
        has("a phrase with a space") { $0.text.contains(" ") }
        XCTAssertTrue(queries.contains { $0.clauses.contains { $0.count >= 2 } }, "no OR")
        XCTAssertTrue(queries.contains { !$0.excluded.isEmpty }, "no exclusion")
        XCTAssertTrue(queries.contains { $0.clauses.count >= 3 }, "no query of three clauses")
        // Both outcomes must be common in mode all: documents found, and none found.
        let reference = ReferenceSearch(documents)
        let found = texts.filter { (try? reference.search($0, options: SearchOptions()).total) ?? 0 > 0 }.count
        XCTAssertGreaterThan(found, texts.count * 3 / 10)
        XCTAssertLessThan(found, texts.count * 9 / 10)
    }
}
