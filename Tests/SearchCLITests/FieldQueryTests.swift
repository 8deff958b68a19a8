import Foundation
import XCTest

/// Fields on the sample corpus, against values read by hand from the five files' front matter:
///
/// | file | author | date (GMT) | categories |
/// |---|---|---|---|
/// | 000 | 高科技行业门户 | 2021-03-26 03:43:00 | 新媒体, 高科技行业门户, 新闻 |
/// | 001 | 高科技行业门户 | 2022-08-30 09:19:00 | 新媒体, 高科技行业门户, 新闻 |
/// | 002 | cnBeta | 2022-08-26 06:33:02 | 新媒体, cnBeta, 最新 |
/// | 003 | IT 之家 | 2022-08-26 06:14:53 | 新媒体, IT 之家, 热榜 |
/// | 004 | 高科技行业门户 | 2021-10-19 09:20:00 | 新媒体, 高科技行业门户, 新闻 |
final class FieldQueryTests: XCTestCase {
    private var index = ""

    override func setUpWithError() throws {
        let folder = try CLIRunner.temporaryFolder(self)
        index = folder.appendingPathComponent("fields.idx").path
        XCTAssertEqual(try CLIRunner.run(["index", CLIRunner.sampleCorpus.path, "--index", index]).status, 0)
    }

    private func query(_ words: [String]) throws -> (status: Int32, object: [String: Any]) {
        let out = try CLIRunner.run(["query"] + words + ["--json", "--index", index])
        let object = out.status <= 1 ? try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any] : nil
        return (out.status, object ?? ["stderr": out.stderr])
    }

    private func docs(_ object: [String: Any]) -> [String] {
        ((object["hits"] as? [[String: Any]]) ?? []).map { String(($0["doc"] as! String).prefix(3)) }
    }

    private func scores(_ object: [String: Any]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: ((object["hits"] as? [[String: Any]]) ?? []).map {
            (String(($0["doc"] as! String).prefix(3)), $0["score"] as! Double)
        })
    }

    func testDateFilterKeepsTheDayAndDoesNotChangeScores() throws {
        let filtered = try query(["北汽 date:2022-08-26"])
        XCTAssertEqual(filtered.object["total"] as? Int, 2)
        XCTAssertEqual(Set(docs(filtered.object)), ["002", "003"])
        let plain = scores(try query(["北汽"]).object)
        for (doc, score) in scores(filtered.object) { XCTAssertEqual(score, plain[doc]) }
    }

    func testCategoryFilterSortedByDateNewestAndOldestFirst() throws {
        XCTAssertEqual(docs(try query(["category:新闻", "--sort", "date"]).object), ["001", "004", "000"])
        XCTAssertEqual(docs(try query(["category:新闻", "--sort", "date:asc"]).object), ["000", "004", "001"])
        XCTAssertEqual(docs(try query(["category:新闻 date:2022"]).object), ["001"], "filters only")
        XCTAssertEqual(Set(docs(try query(["小米 -category:新闻"]).object)), ["002", "003"])
        XCTAssertEqual(docs(try query(["author:\"ＩＴ 之家\""]).object), ["003"], "full width and case folded")
        XCTAssertEqual(docs(try query(["小米 date:2021-04..2021-12-31"]).object), ["004"])
        XCTAssertEqual(docs(try query(["title:长城"]).object), ["000"])
    }

    func testFacetCountsEveryMatch() throws {
        let r = try query(["小米", "--top", "1", "--facet", "category", "--facet", "year,author:2"])
        let facets = try XCTUnwrap(r.object["facets"] as? [String: [[String: Any]]])
        func pairs(_ field: String) -> [String] { facets[field]!.map { "\($0["value"]!) \($0["count"]!)" } }
        XCTAssertEqual(pairs("category"), ["新媒体 5", "新闻 3", "高科技行业门户 3", "cnbeta 1", "it 之家 1", "最新 1", "热榜 1"])
        XCTAssertEqual(pairs("year"), ["2022 3", "2021 2"])
        XCTAssertEqual(pairs("author"), ["高科技行业门户 3", "cnbeta 1"])
    }

    func testHitsCarryTheFieldsAndPagesFollowEachOther() throws {
        let all = try query(["小米", "--top", "5", "--sort", "date"])
        let hits = try XCTUnwrap(all.object["hits"] as? [[String: Any]])
        let first = try XCTUnwrap(hits.first)
        XCTAssertEqual(first["doc"] as? String, "001_31e88c7ec9520441.txt")
        // 2022-08-30 is day 19,234 since 1970 (2022-08-26 is 19,230); 09:19:00 adds 33,540 s.
        XCTAssertEqual(first["timestamp"] as? Int, 19_234 * 86_400 + 33_540)
        XCTAssertEqual(first["author"] as? String, "高科技行业门户")
        XCTAssertEqual(first["categories"] as? [String], ["新媒体", "高科技行业门户", "新闻"])
        let page = try query(["小米", "--top", "2", "--offset", "2", "--sort", "date"])
        XCTAssertEqual(docs(page.object), Array(docs(all.object)[2..<4]))
        XCTAssertEqual(page.object["total"] as? Int, 5)
        XCTAssertEqual((page.object["hits"] as? [[String: Any]])?.first?["rank"] as? Int, 3)
    }

    func testAnUnreadableDateIsAWarningCountedInTheSummaryAndShownAsWritten() throws {
        let root = try CLIRunner.temporaryFolder(self)
        let corpus = root.appendingPathComponent("c")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("---\ntitle: a\ndate: 昨天\n---\n北汽\n".utf8).write(to: corpus.appendingPathComponent("a.txt"))
        try Data("---\ntitle: b\ndate: 2022年2月30日\n---\n北汽\n".utf8).write(to: corpus.appendingPathComponent("b.txt"))
        try Data("---\ntitle: c\ndate: 2022-08-01\n---\n北汽\n".utf8).write(to: corpus.appendingPathComponent("c.txt"))
        let path = root.appendingPathComponent("d.idx").path
        let out = try CLIRunner.run(["index", corpus.path, "--index", path])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("; 2 with unreadable dates;"), out.stdout)
        XCTAssertTrue(out.stderr.contains("a.txt: the date could not be read") && out.stderr.contains("b.txt"), out.stderr)
        let hits = try JSONSerialization.jsonObject(with: Data(try CLIRunner.run(["query", "北汽", "--json", "--index", path]).stdout.utf8))
            as? [String: Any]
        let a = try XCTUnwrap((hits?["hits"] as? [[String: Any]])?.first { $0["doc"] as? String == "a.txt" })
        XCTAssertEqual(a["date"] as? String, "昨天")
        XCTAssertNil(a["timestamp"])
    }

    func testMalformedFiltersAreUsageErrorsNamingTheField() throws {
        for bad in ["date:2022-13", "date:..", "author:"] {
            let out = try CLIRunner.run(["query", "小米 \(bad)", "--index", index])
            XCTAssertEqual(out.status, 2, bad)
            XCTAssertTrue(out.stderr.hasPrefix("search: ") && out.stderr.contains(String(bad.prefix { $0 != ":" })), out.stderr)
        }
        let sort = try CLIRunner.run(["query", "小米", "--sort", "title", "--index", index])
        XCTAssertEqual(sort.status, 2)
    }
}
