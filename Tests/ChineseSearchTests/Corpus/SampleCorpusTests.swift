import XCTest
@testable import ChineseSearch

/// The articles in Corpus/ parse with the fields read off the files by hand.
final class SampleCorpusTests: XCTestCase {
    private let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path

    private func parseSample(_ name: String) throws -> ParsedDocument {
        var reader = CorpusFileReader()
        return try reader.read(corpus + "/" + name) { DocumentParser.parse($0, path: name) }.get()
    }

    func testWalkerListsTheFiveSamplesInNameOrder() throws {
        XCTAssertEqual(try CorpusWalker.files(in: corpus), [
            "000_a215de5505bbdc1e.txt", "001_31e88c7ec9520441.txt", "002_2c5d07e997bf03e8.txt",
            "003_37a801e0b717d6cb.txt", "004_23e101d349b0cc50.txt",
        ])
    }

    /// The five dates as UTC seconds, worked by hand from day numbers (1970-01-01 = day 0):
    /// 2021-01-01 = 51 × 365 + 13 = 18,628; 2022-01-01 = 18,993; 2022-08-01 = 18,993 + 212 = 19,205.
    func testSampleDatesReadAsUTCInstantsAndFilterByDay() throws {
        let expected: [(String, Int64)] = [
            ("000_a215de5505bbdc1e.txt", 1_616_730_180),  // 2021-03-26 = 18,628 + 84 = 18,712 days; 03:43:00 = 13,380 s
            ("001_31e88c7ec9520441.txt", 1_661_851_140),  // 2022-08-30 = 19,234 days; 09:19:00 = 33,540 s
            ("002_2c5d07e997bf03e8.txt", 1_661_495_582),  // 2022-08-26 = 19,230 days; 06:33:02 = 23,582 s
            ("003_37a801e0b717d6cb.txt", 1_661_494_493),  // 2022-08-26; 06:14:53 = 22,493 s
            ("004_23e101d349b0cc50.txt", 1_634_635_200),  // 2021-10-19 = 18,628 + 273 + 18 = 18,919 days; 09:20 = 33,600 s
        ]
        let august26 = try DateRange(filter: "2022-08-26")
        for (name, instant) in expected {
            let date = try parseSample(name).document.date
            XCTAssertEqual(DocumentDate.instant(date), instant, name)
            XCTAssertEqual(august26.contains(instant), name.hasPrefix("002") || name.hasPrefix("003"), name)
        }
        XCTAssertEqual(Analyzer().normalizedFieldValue(try parseSample("003_37a801e0b717d6cb.txt").document.author), "it 之家")
    }

    func testSample000FieldsAndBody() throws {
        let parsed = try parseSample("000_a215de5505bbdc1e.txt")
        let document = parsed.document
        XCTAssertFalse(parsed.invalidUTF8)
        XCTAssertEqual(document.path, "000_a215de5505bbdc1e.txt")
        XCTAssertEqual(document.title, "小米正在和长城汽车谈判使用其工厂生产电动汽车")
        XCTAssertEqual(document.date, "Fri, 26 Mar 2021 03:43:00 GMT")
        XCTAssertEqual(document.author, "高科技行业门户")
        XCTAssertEqual(document.categories, ["新媒体", "高科技行业门户", "新闻"])
        XCTAssertTrue(document.body.hasPrefix("3月26日，资本邦了解到，据外媒今日报道称"), document.body)
        XCTAssertTrue(document.body.hasSuffix("总市值为6452亿港元。"), document.body)
        XCTAssertTrue(document.body.contains("本集团就电动汽车制造业务的研究"), "an inline <a> inside a sentence leaves no break")
    }

    func testSample001TitleKeepsItsUnderscores() throws {
        let document = try parseSample("001_31e88c7ec9520441.txt").document
        XCTAssertEqual(document.title, "三人成虎，小米联手北汽造电动车_绯闻_成真？")
        XCTAssertEqual(document.date, "Tue, 30 Aug 2022 09:19:00 GMT")
        XCTAssertEqual(document.author, "高科技行业门户")
        XCTAssertEqual(document.categories, ["新媒体", "高科技行业门户", "新闻"])
        XCTAssertTrue(document.body.hasPrefix("“年轻人的第一辆电动车”距离量产到底还有多久？\n自小米官宣造车至今"), document.body)
        // The last line is indented with no-break spaces in the file; they are trimmed, the ones inside stay.
        XCTAssertTrue(document.body.hasSuffix("\n原文标题\u{00A0}:\u{00A0}三人成虎，小米联手北汽造电动车“绯闻”成真？"), document.body)
    }

    func testSample002LinkInsideWordStaysOneRun() throws {
        let document = try parseSample("002_2c5d07e997bf03e8.txt").document
        XCTAssertEqual(document.title, "小米北汽正洽谈合作造车？两企业2017年已宣布战略合作")
        XCTAssertEqual(document.date, "Fri, 26 Aug 2022 06:33:02 GMT")
        XCTAssertEqual(document.author, "cnBeta")
        XCTAssertEqual(document.categories, ["新媒体", "cnBeta", "最新"])
        XCTAssertTrue(document.body.hasPrefix("有消息称，小米科技与北汽集团正在洽谈合作制造电动汽车事宜。"), document.body)
        XCTAssertTrue(document.body.contains("如车载空气净化器、车载充电器"), document.body)
    }

    func testSample003CategoryWithASpace() throws {
        let document = try parseSample("003_37a801e0b717d6cb.txt").document
        XCTAssertEqual(document.title, "消息称因迟迟未获得汽车生产许可证，小米将与北汽联合造车")
        XCTAssertEqual(document.date, "Fri, 26 Aug 2022 06:14:53 GMT")
        XCTAssertEqual(document.author, "IT 之家")
        XCTAssertEqual(document.categories, ["新媒体", "IT 之家", "热榜"])
        XCTAssertTrue(document.body.hasPrefix("感谢IT之家网友 航空先生 的线索投递！\nIT之家8 月 26 日消息"), document.body)
    }

    func testSample004() throws {
        let document = try parseSample("004_23e101d349b0cc50.txt").document
        XCTAssertEqual(document.title, "小米汽车将在2024年正式量产，将会与比亚迪、一汽擦出怎样的火花？")
        XCTAssertEqual(document.date, "Tue, 19 Oct 2021 09:20:00 GMT")
        XCTAssertEqual(document.author, "高科技行业门户")
        XCTAssertEqual(document.categories, ["新媒体", "高科技行业门户", "新闻"])
        XCTAssertTrue(document.body.hasPrefix("作者：龚进辉\n在今天举办的投资者日上"), document.body)
    }

    func testNoSampleBodyKeepsMarkupOrBlankLines() throws {
        for name in try CorpusWalker.files(in: corpus) {
            let body = try parseSample(name).document.body
            XCTAssertFalse(body.contains("<"), name)
            XCTAssertFalse(body.contains("\n\n"), name)
            XCTAssertEqual(body, body.trimmingCharacters(in: .whitespacesAndNewlines), name)
        }
    }
}
