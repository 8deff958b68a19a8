import XCTest
import ChineseSearch

/// Named cases of the query specification, including the regressions users reported elsewhere. Each expected
/// document set is worked out by hand from the specification; every result is also checked against the
/// reference engine (scores and order).
final class QueryRegressionTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() {
        indexes.removeAll()
        super.tearDown()
    }

    /// An index of documents with the given bodies (and empty titles), with its reference.
    private struct Fixture {
        let index: SearchIndex
        let reference: ReferenceSearch
    }

    private func fixture(bodies: [String]) throws -> Fixture {
        try fixture(bodies.map { SourceDocument(path: "", title: "", body: $0) })
    }

    /// An index of `documents`, paths replaced by doc000.md, doc001.md, ….
    private func fixture(_ documents: [SourceDocument]) throws -> Fixture {
        let documents = documents.enumerated().map { i, d in
            SourceDocument(path: String(format: "doc%03d.md", i), title: d.title, body: d.body)
        }
        return Fixture(index: try indexes.build(documents), reference: ReferenceSearch(documents))
    }

    /// The ids of the documents matching `query`, ascending; the full ranking is checked against the reference.
    private func documents(_ fixture: Fixture, _ query: String, mode: MatchMode = .all,
                           file: StaticString = #filePath, line: UInt = #line) throws -> [Int] {
        var options = SearchOptions()
        options.mode = mode
        options.top = 1000
        let results = try fixture.index.search(query, options: options)
        assertMatchesReference(results, try fixture.reference.search(query, options: options), options: options,
                               query: query, file: file, line: line)
        return results.hits.map(\.documentID).sorted()
    }

    func testTermMatchesOnlyWhereItsBigramsAreConsecutive() throws {
        let f = try fixture(bodies: ["北汽工厂", "北汽，汽工，工厂", "北京"])
        XCTAssertEqual(try documents(f, "北汽工厂"), [0])
        XCTAssertEqual(try documents(f, "北汽 工厂"), [0, 1])
        XCTAssertEqual(try documents(f, "北汽工厂", mode: .any), [0, 1])
        XCTAssertEqual(try documents(f, "汽工"), [0, 1])
    }

    func testTermMatchesInsideALongerRun() throws {
        let f = try fixture(bodies: ["第二工厂的", "工厂", "工"])
        XCTAssertEqual(try documents(f, "工厂"), [0, 1])
        XCTAssertEqual(try documents(f, "二工厂的"), [0])
    }

    func testLoneCharacterMatchesEveryTokenBeginningWithIt() throws {
        let f = try fixture(bodies: ["大灯", "灯光明亮", "台灯，灯", "大门", "灯", "电灯泡"])
        // 大灯 ends in the run-end token 灯∎; 灯光 is a bigram beginning with 灯; 电灯泡 holds 灯泡.
        XCTAssertEqual(try documents(f, "灯"), [0, 1, 2, 4, 5])
        XCTAssertEqual(try documents(f, "大灯"), [0])
        XCTAssertEqual(try documents(f, "大"), [0, 3])
        XCTAssertEqual(try documents(f, "电"), [5])
    }

    func testLoneCharacterTermFrequencyCountsEveryTokenBeginningWithIt() throws {
        let f = try fixture(bodies: ["台灯，灯光，灯", "大门"])
        var options = SearchOptions()
        options.explain = true
        let hit = try XCTUnwrap(try f.index.search("灯", options: options).hits.first)
        let text = try XCTUnwrap(hit.explanation.first { $0.field == .text })
        // Tokens: 台灯 灯∎ 灯光 光∎ 灯∎; three begin with 灯.
        XCTAssertEqual(text.tf, 3)
        XCTAssertEqual(text.df, 1)
    }

    func testBigramsThatOccurOnlyApartDoNotMatchTheWholeTerm() throws {
        let f = try fixture(bodies: ["部署完成。署流异常。流程结束", "部署流程说明"])
        XCTAssertEqual(try documents(f, "部署流程"), [1])
        XCTAssertEqual(try documents(f, "部署 流程"), [0, 1])
        XCTAssertEqual(try documents(f, "署流"), [0, 1])
    }

    func testWordBetweenCJKAndPunctuationIsFoundByItself() throws {
        let f = try fixture(bodies: ["请重跑gen-itgc后再看", "itgcx 不算", "ITGC", "gen"])
        XCTAssertEqual(try documents(f, "itgc"), [0, 2])
        XCTAssertEqual(try documents(f, "ITGC"), [0, 2])
        XCTAssertEqual(try documents(f, "gen-itgc"), [0])
        XCTAssertEqual(try documents(f, "重跑gen"), [0])
        XCTAssertEqual(try documents(f, "itgc后"), [0])
    }

    func testFullWidthDigitsMatchASCIIDigits() throws {
        let f = try fixture(bodies: ["共１０个", "共10个", "共100个", "共1个0"])
        XCTAssertEqual(try documents(f, "10"), [0, 1])
        XCTAssertEqual(try documents(f, "１０"), [0, 1])
        XCTAssertEqual(try documents(f, "100"), [2])
    }

    func testTraditionalCharactersMatchSimplified() throws {
        let f = try fixture(bodies: ["國際新聞", "国际新闻", "国内", "际"])
        XCTAssertEqual(try documents(f, "国际"), [0, 1])
        XCTAssertEqual(try documents(f, "國際"), [0, 1])
        XCTAssertEqual(try documents(f, "國"), [0, 1, 2])
        XCTAssertEqual(try documents(f, "際"), [0, 1, 3])
    }

    func testMixedTermsKeepRunEndsInsideAndDropThemAtTheEnd() throws {
        let f = try fixture(bodies: ["小米SU7发布", "小米 SU7", "小米汽车SU7", "SU7小米", "车载SU7"])
        // 小米SU7 → 小米 米∎ su7: a separator between run and word adds no token.
        XCTAssertEqual(try documents(f, "小米SU7"), [0, 1])
        // SU7小米 → su7 小米 (no run-end at the term's end).
        XCTAssertEqual(try documents(f, "SU7小米"), [3])
        // SU7小 → su7 then any token beginning with 小.
        XCTAssertEqual(try documents(f, "SU7小"), [3])
        XCTAssertEqual(try documents(f, "su7发"), [0])
        // 车SU7 → 车∎ su7: the lone run keeps its run-end token exactly.
        XCTAssertEqual(try documents(f, "车SU7"), [2])
        XCTAssertEqual(try documents(f, "载SU7"), [4])
    }

    func testQuotedTermsMatchAsPhrases() throws {
        let f = try fixture(bodies: ["小米，汽车", "小米汽车", "汽车 小米"])
        XCTAssertEqual(try documents(f, "\"小米 汽车\""), [0])
        XCTAssertEqual(try documents(f, "小米 汽车"), [0, 1, 2])
        XCTAssertEqual(try documents(f, "\"汽车 小米\""), [2])
    }

    func testExclusionRemovesDocumentsAndAddsNoScore() throws {
        let f = try fixture(bodies: ["小米汽车", "小米手机", "华为汽车", "小米"])
        XCTAssertEqual(try documents(f, "小米 -汽车"), [1, 3])
        XCTAssertEqual(try documents(f, "汽车 -小米"), [2])
        XCTAssertEqual(try documents(f, "小米 -汽车 -手机"), [3])
        XCTAssertEqual(try documents(f, "小米 -汽车", mode: .any), [1, 3])
        let plain = try f.index.search("小米").hits.filter { [1, 3].contains($0.documentID) }
        let excluding = try f.index.search("小米 -汽车").hits
        XCTAssertEqual(excluding.map(\.score), plain.map(\.score))
    }

    func testOrWidensAClause() throws {
        let f = try fixture(bodies: ["小米汽车", "小米手机", "华为汽车", "电脑"])
        XCTAssertEqual(try documents(f, "手机 OR 汽车"), [0, 1, 2])
        XCTAssertEqual(try documents(f, "小米 手机 OR 汽车"), [0, 1])
        XCTAssertEqual(try documents(f, "手机 OR 电脑 OR 华为"), [1, 2, 3])
        XCTAssertEqual(try documents(f, "手机 OR 汽车 -华为"), [0, 1])
        // A lowercase "or" is a connector too (users of other engines write it); a quoted "OR" is a word.
        XCTAssertEqual(try documents(f, "手机 or 汽车"), [0, 1, 2])
        XCTAssertEqual(try documents(f, "手机 \"OR\" 汽车"), [])
    }

    func testAndIsTheDefaultConjunctionAndNotExcludes() throws {
        let f = try fixture(bodies: ["小米汽车", "小米手机", "华为汽车", "电脑"])
        XCTAssertEqual(try documents(f, "小米 AND 汽车"), [0])
        XCTAssertEqual(try documents(f, "小米 and 汽车"), [0])
        XCTAssertEqual(try documents(f, "小米 NOT 汽车"), [1])
        XCTAssertEqual(try documents(f, "小米 AND NOT 汽车"), [1])
        XCTAssertThrowsError(try f.index.search("汽车 NOT 小米 OR 电脑")) {
            XCTAssertEqual($0 as? QuerySyntaxError, .danglingOperator("OR"), "OR next to an exclusion would otherwise be a word")
        }
    }

    func testEachDistinctTokenScoresOnceAndOrAlternativesScoreToo() throws {
        let f = try fixture(bodies: ["小米汽车", "小米手机", "华为汽车", "小米"])
        func scores(_ query: String) throws -> [Int: Double] {
            var options = SearchOptions()
            options.top = 1000
            return Dictionary(uniqueKeysWithValues: try f.index.search(query, options: options).hits.map { ($0.documentID, $0.score) })
        }
        XCTAssertEqual(try scores("小米 小米"), try scores("小米"))
        XCTAssertEqual(try scores("小米 OR 小米"), try scores("小米"))
        // The distinct tokens of 小米 OR 手机 are 小米 and 手机, as for 小米 手机.
        let alternatives = try scores("小米 OR 手机"), both = try scores("小米 手机")
        XCTAssertEqual(Set(alternatives.keys), [0, 1, 3])
        XCTAssertTrue(scoresAgree(try XCTUnwrap(alternatives[1]), try XCTUnwrap(both[1])))
        XCTAssertGreaterThan(try XCTUnwrap(alternatives[1]), try XCTUnwrap(scores("小米")[1]))
        XCTAssertEqual(try documents(f, "小米 OR 手机"), [0, 1, 3])
    }

    func testTitleOccurrencesAddTheWeightedTitleScore() throws {
        // The same text field (title + "\n" + body) in both; only document 1 has 汽车 in its title.
        let f = try fixture([SourceDocument(path: "", title: "", body: "汽车\n新闻"),
                             SourceDocument(path: "", title: "汽车", body: "新闻")])
        var options = SearchOptions()
        options.titleWeight = 0
        let unweighted = try f.index.search("汽车", options: options).hits
        XCTAssertEqual(unweighted.map(\.documentID), [0, 1])
        XCTAssertEqual(unweighted[0].score, unweighted[1].score)
        options.titleWeight = 1
        XCTAssertEqual(try f.index.search("汽车", options: options).hits.map(\.documentID), [1, 0])
        XCTAssertEqual(try documents(f, "汽车"), [0, 1])
    }

    func testExclusionsOnlyAreASyntaxErrorThatSaysWhatToAdd() throws {
        let f = try fixture(bodies: ["小米汽车"])
        for query in ["-，", "-小米", "NOT 小米", "-小米 -汽车"] {
            XCTAssertThrowsError(try f.index.search(query), "«\(query)»") {
                XCTAssertEqual($0 as? QuerySyntaxError, .onlyExclusions(query))
            }
        }
    }

    func testQueriesWithoutTokensThrowEmptyQuery() throws {
        let f = try fixture(bodies: ["小米汽车"])
        for query in ["", "   ", "，。！", "——", "\u{3000}", "\"\"", "-", "\"，\"", "，，-，"] {
            for mode in MatchMode.allCases {
                var options = SearchOptions()
                options.mode = mode
                XCTAssertThrowsError(try f.index.search(query, options: options), "«\(query)»") {
                    XCTAssertEqual($0 as? SearchError, .emptyQuery(query))
                }
                XCTAssertThrowsError(try f.reference.search(query, options: options))
            }
        }
    }
}
