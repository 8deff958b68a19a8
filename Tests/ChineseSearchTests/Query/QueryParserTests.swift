import Foundation
import XCTest
@testable import ChineseSearch

/// Queries → the `ParsedQuery` expected, written by hand.
final class QueryParserTests: XCTestCase {
    private typealias Term = ParsedQuery.Term

    private func term(_ text: String, quoted: Bool = false, title: Bool = false) -> Term {
        Term(text: text, quoted: quoted, field: title ? .title : .anyField)
    }

    private func parsed(_ query: String, file: StaticString = #filePath, line: UInt = #line) -> ParsedQuery? {
        do {
            return try QueryParser.parse(query)
        } catch {
            XCTFail("«\(query)»: \(error)", file: file, line: line)
            return nil
        }
    }

    // 2022-08-26 = day 19,230 (see DateRangeTests) → 1,661,472,000 s; 2022-01-01 = day 18,993 → 1,640,995,200 s;
    // 2023-01-01 = day 19,358 → 1,672,531,200 s.
    private let august26 = DateRange(lower: 1_661_472_000, upper: 1_661_558_400)
    private let year2022 = DateRange(lower: 1_640_995_200, upper: 1_672_531_200)

    func testWordSeparatorsAreExactlyUnicodeWhiteSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            if QueryWord.isSpace(s) != s.properties.isWhitespace { XCTFail("U+\(String(value, radix: 16))") }
        }
        XCTAssertEqual(parsed("小米\u{3000}汽车\u{A0}北汽"), ParsedQuery(clauses: [[term("小米")], [term("汽车")], [term("北汽")]]))
    }

    func testTermsOrGroupsExclusionsAndQuotesAsBefore() {
        XCTAssertEqual(parsed("小米 汽车"), ParsedQuery(clauses: [[term("小米")], [term("汽车")]]))
        XCTAssertEqual(parsed("小米 OR 华为 汽车"), ParsedQuery(clauses: [[term("小米"), term("华为")], [term("汽车")]]))
        XCTAssertEqual(parsed("\"小米 汽车\" -广告"),
                       ParsedQuery(clauses: [[term("小米 汽车", quoted: true)]], excluded: [term("广告")]))
        XCTAssertEqual(parsed("小米 OR 华为 OR \"长城\""),
                       ParsedQuery(clauses: [[term("小米"), term("华为"), term("长城", quoted: true)]]))
        XCTAssertEqual(parsed("http://a.cn gen:itgc"), ParsedQuery(clauses: [[term("http://a.cn")], [term("gen:itgc")]]),
                       "other word:word stays text")
        XCTAssertEqual(parsed(""), ParsedQuery())
        XCTAssertEqual(parsed("-"), ParsedQuery(clauses: [[term("-")]]))
    }

    func testOperatorsOfOtherEngines() {
        XCTAssertEqual(parsed("小米 AND 汽车"), ParsedQuery(clauses: [[term("小米")], [term("汽车")]]))
        XCTAssertEqual(parsed("小米 and 汽车"), ParsedQuery(clauses: [[term("小米")], [term("汽车")]]))
        XCTAssertEqual(parsed("小米 or 华为"), ParsedQuery(clauses: [[term("小米"), term("华为")]]))
        XCTAssertEqual(parsed("小米 NOT 广告"), ParsedQuery(clauses: [[term("小米")]], excluded: [term("广告")]))
        XCTAssertEqual(parsed("小米 NOT category:广告"),
                       ParsedQuery(clauses: [[term("小米")]], excludedFilters: [.category("广告")]))
        XCTAssertEqual(parsed("小米 not 广告"), ParsedQuery(clauses: [[term("小米")], [term("not")], [term("广告")]]),
                       "lower-case not is a word")
        XCTAssertEqual(parsed("NOT 广告 小米"), ParsedQuery(clauses: [[term("小米")]], excluded: [term("广告")]))
        XCTAssertEqual(parsed("小米 AND NOT 广告"), ParsedQuery(clauses: [[term("小米")]], excluded: [term("广告")]))
        XCTAssertEqual(parsed("\"OR\" 小米 \"AND\" 汽车"),
                       ParsedQuery(clauses: [[term("OR", quoted: true)], [term("小米")], [term("AND", quoted: true)], [term("汽车")]]),
                       "quoted connectors are words")
        XCTAssertEqual(parsed("小米 AND -广告"), ParsedQuery(clauses: [[term("小米")]], excluded: [term("广告")]))
    }

    func testFieldFilters() {
        XCTAssertEqual(parsed("北汽 author:高科技行业门户"),
                       ParsedQuery(clauses: [[term("北汽")]], filters: [.author("高科技行业门户")]))
        XCTAssertEqual(parsed("category:新闻 categories:國際 CATEGORY:ＩＴ"),
                       ParsedQuery(filters: [.category("新闻"), .category("国际"), .category("it")]),
                       "values normalized, field names in any case, filters only")
        XCTAssertEqual(parsed("author:\"张\u{3000} 三\" 小米"),
                       ParsedQuery(clauses: [[term("小米")]], filters: [.author("张 三")]))
        XCTAssertEqual(parsed("小米 -category:广告 -author:\"某 人\""),
                       ParsedQuery(clauses: [[term("小米")]], excludedFilters: [.category("广告"), .author("某 人")]))
        XCTAssertEqual(parsed("北汽 date:2022-08-26"), ParsedQuery(clauses: [[term("北汽")]], filters: [.date(august26)]))
        XCTAssertEqual(parsed("date:\"2022\" -date:2022-08-26"),
                       ParsedQuery(filters: [.date(year2022)], excludedFilters: [.date(august26)]))
        XCTAssertEqual(parsed("category:新闻 date:2022"), ParsedQuery(filters: [.category("新闻"), .date(year2022)]))
        XCTAssertEqual(parsed("category:新闻 -小米"),
                       ParsedQuery(excluded: [term("小米")], filters: [.category("新闻")]), "a filter makes exclusions valid")
        XCTAssertEqual(parsed("\"author:x\""), ParsedQuery(clauses: [[term("author:x", quoted: true)]]), "quoted: text")
    }

    func testTitleTerms() {
        XCTAssertEqual(parsed("title:小米"), ParsedQuery(clauses: [[term("小米", title: true)]]))
        XCTAssertEqual(parsed("title:\"小米 汽车\" 长城"),
                       ParsedQuery(clauses: [[term("小米 汽车", quoted: true, title: true)], [term("长城")]]))
        XCTAssertEqual(parsed("title:小米 OR 华为"), ParsedQuery(clauses: [[term("小米", title: true), term("华为")]]))
        XCTAssertEqual(parsed("汽车 -title:广告"), ParsedQuery(clauses: [[term("汽车")]], excluded: [term("广告", title: true)]))
    }

    func testMalformedFiltersAreTypedErrors() {
        let cases: [(String, QuerySyntaxError)] = [
            ("author:", .emptyFilter(field: "author")),
            ("小米 Author:\"\"", .emptyFilter(field: "Author")),
            ("category:\u{3000}", .emptyFilter(field: "category")),
            ("title:", .emptyFilter(field: "title")),
            ("date:", .emptyFilter(field: "date")),
            ("date:2022-13", .malformedDate(value: "2022-13", problem: "month 13 is not 1–12")),
            ("小米 date:..", .malformedDate(value: "..", problem: "a range needs at least one end")),
            ("-广告", .onlyExclusions("-广告")),
            ("NOT 广告 -category:x", .onlyExclusions("NOT 广告 -category:x")),
            ("category:新闻 OR 小米", .filterInAlternatives("category:新闻")),
            ("小米 OR date:2022", .filterInAlternatives("date:2022")),
            ("OR 小米", .danglingOperator("OR")), ("小米 OR", .danglingOperator("OR")), ("OR", .danglingOperator("OR")),
            ("小米 OR -华为", .danglingOperator("OR")), ("-华为 OR 小米", .danglingOperator("OR")),
            ("小米 OR OR 华为", .danglingOperator("OR")), ("小米 or", .danglingOperator("or")),
            ("小米 NOT", .danglingOperator("NOT")), ("小米 NOT -广告", .danglingOperator("NOT")),
            ("AND 小米", .danglingOperator("AND")), ("小米 AND", .danglingOperator("AND")),
            ("小米 AND OR 华为", .danglingOperator("AND")),
        ]
        for (query, expected) in cases {
            XCTAssertThrowsError(try QueryParser.parse(query), "«\(query)»") {
                XCTAssertEqual($0 as? QuerySyntaxError, expected, "«\(query)»")
            }
        }
    }

    func testMessagesNameTheFieldAndTheForms() {
        XCTAssertEqual(QuerySyntaxError.emptyFilter(field: "author").description,
                       "the filter 'author:' has no value; write author:VALUE or author:\"two words\"")
        let date = QuerySyntaxError.malformedDate(value: "2022-13", problem: "month 13 is not 1–12").description
        XCTAssertTrue(date.hasPrefix("the filter 'date:2022-13' is not a date (month 13 is not 1–12); write date:2022-08-26"), date)
        XCTAssertTrue(QuerySyntaxError.onlyExclusions("-x").description.contains("'汽车 -广告'"))
        XCTAssertEqual(QuerySyntaxError.danglingOperator("OR").description,
                       "'OR' needs a search term on each side, neither an exclusion nor a filter (小米 OR 华为); "
                       + "to search for the word itself, quote it: \"OR\"")
    }

    func testSearchReportsTheSyntaxError() throws {
        let ranker = try Ranker(["小米汽车"])
        XCTAssertThrowsError(try ranker.rank("date:2022-13")) {
            XCTAssertEqual($0 as? QuerySyntaxError, .malformedDate(value: "2022-13", problem: "month 13 is not 1–12"))
        }
    }
}

/// Hostile queries: long, full of operators or quotes; parsing stays linear and never traps.
final class QueryParserHostileInputTests: XCTestCase {
    func testLongQueriesOfOperatorsParseInLinearTime() throws {
        let started = Date()
        let nots = try QueryParser.parse("小米 " + String(repeating: "NOT 广告 ", count: 50_000))
        XCTAssertEqual(nots.excluded.count, 50_000)
        let ors = try QueryParser.parse(Array(repeating: "小米", count: 50_000).joined(separator: " OR "))
        XCTAssertEqual(ors.clauses.map(\.count), [50_000])
        let filters = try QueryParser.parse(String(repeating: "category:新闻 date:2022 ", count: 20_000))
        XCTAssertEqual(filters.filters.count, 40_000)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }

    func testUnclosedQuotesAndStrayColonsNeverTrap() throws {
        XCTAssertEqual(try QueryParser.parse("author:\"张 三"), ParsedQuery(filters: [.author("张 三")]))
        XCTAssertEqual(try QueryParser.parse("\"小米"), ParsedQuery(clauses: [[.init(text: "小米", quoted: true)]]))
        XCTAssertEqual(try QueryParser.parse(":小米 title::x"),
                       ParsedQuery(clauses: [[.init(text: ":小米", quoted: false)], [.init(text: ":x", quoted: false, field: .title)]]))
        XCTAssertThrowsError(try QueryParser.parse("date:\"")) {
            XCTAssertEqual($0 as? QuerySyntaxError, .emptyFilter(field: "date"))
        }
        XCTAssertThrowsError(try QueryParser.parse("date:" + String(repeating: "9", count: 100_000))) {
            let message = ($0 as? QuerySyntaxError)?.description ?? ""
            XCTAssertTrue(message.hasPrefix("the filter 'date:" + String(repeating: "9", count: 40) + "…' is not a date (too long)"), message)
            XCTAssertLessThan(message.count, 1_000, "the value is not echoed whole")
        }
    }
}
