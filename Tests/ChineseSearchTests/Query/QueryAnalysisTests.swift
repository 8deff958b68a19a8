import XCTest
@testable import ChineseSearch

/// `QueryAnalysis` numbers distinct elements by sorting; a dictionary from element to number, filled in reading
/// order, is the reference.
final class QueryAnalysisTests: XCTestCase {
    private let analyzer = Analyzer()

    /// The reference: each term's elements analyzed on their own, numbered at their first occurrence (clauses,
    /// then exclusions); a token scores when some clause term holds it.
    private func reference(_ parsed: ParsedQuery) -> (elements: [TermElement], scores: [Bool], clauses: [[[Int]]], excluded: [[Int]]) {
        var numbers: [TermElement: Int] = [:]
        var elements: [TermElement] = [], scores: [Bool] = []
        func number(_ term: ParsedQuery.Term, scoring: Bool) -> [Int]? {
            let analyzed = QueryTerm(term.text, analyzer: analyzer).elements
            guard !analyzed.isEmpty else { return nil }
            return analyzed.map { e in
                if let n = numbers[e] {
                    if scoring { scores[n] = true }
                    return n
                }
                numbers[e] = elements.count
                elements.append(e)
                scores.append(scoring)
                return elements.count - 1
            }
        }
        let clauses = parsed.clauses.map { $0.compactMap { number($0, scoring: true) } }.filter { !$0.isEmpty }
        let excluded = parsed.excluded.compactMap { number($0, scoring: false) }
        return (elements, scores, clauses, excluded)
    }

    private func check(_ query: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parsed = try QueryParser.parse(query)
        let expected = reference(parsed)
        guard !expected.clauses.isEmpty || !parsed.filters.isEmpty else {
            XCTAssertThrowsError(try QueryAnalysis(parsed, analyzer: analyzer), "«\(query)»", file: file, line: line)
            return
        }
        let analysis = try QueryAnalysis(parsed, analyzer: analyzer)
        XCTAssertEqual(analysis.elements, expected.elements, "«\(query)»", file: file, line: line)
        XCTAssertEqual(analysis.scores, expected.scores, "«\(query)»", file: file, line: line)
        XCTAssertEqual(analysis.clauses.map { $0.map(\.tokens) }, expected.clauses, "«\(query)»", file: file, line: line)
        XCTAssertEqual(analysis.excluded.map(\.tokens), expected.excluded, "«\(query)»", file: file, line: line)
    }

    func testRepeatedElementsShareTheNumberOfTheirFirstOccurrence() throws {
        try check("小米汽车 汽车 小米 OR 米汽 -汽车工厂 -广告 title:小米")
        try check("abc 车 abc 车 \"abc 车\" -车 -xyz xyz")
        // Only excluded: a token that also occurs in a clause scores; one only in exclusions does not.
        try check("北汽 -北京 -北汽")
    }

    func testRandomQueriesNumberAsTheReference() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["小米", "米汽", "汽车", "车", "小", "abc", "ABC", "ａｂｃ", "x", "國際", "国际", "的", "。", "1０"]
        for _ in 0..<300 {
            var words: [String] = []
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                var word = (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                if Bool.random(using: &generator) && !words.isEmpty { word = "-" + word }
                words.append(word)
                if Int.random(in: 0..<5, using: &generator) == 0 && !word.hasPrefix("-") { words.append("OR") }
            }
            if words.last == "OR" { words.removeLast() }
            let query = words.joined(separator: " ")
            guard (try? QueryParser.parse(query)) != nil else { continue }
            try check(query)
        }
    }

    func testAQueryWithoutTokensOrFiltersIsRefused() throws {
        XCTAssertThrowsError(try QueryAnalysis(try QueryParser.parse("。，"), analyzer: analyzer))
        XCTAssertNoThrow(try QueryAnalysis(try QueryParser.parse("。 category:新闻"), analyzer: analyzer))
    }
}
