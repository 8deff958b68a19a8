import ChineseSearch
import Foundation
import XCTest

/// Snippets: the extract around the matches and one highlight per occurrence, checked against texts whose
/// byte offsets are worked out by hand (every CJK character and full-width comma here is 3 UTF-8 bytes).
final class SnippetTests: XCTestCase {
    private var path = ""

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("snippets-\(UUID().uuidString).idx").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

    private func snippet(_ body: String, title: String = "标题", query: String) throws -> Snippet {
        _ = try IndexBuilder.build(documents: [SourceDocument(path: "a.txt", title: title, body: body)], indexPath: path,
                                   options: IndexBuildOptions(threads: 1))
        let hit = try XCTUnwrap(try SearchIndex(path: path).search(query).hits.first)
        return try XCTUnwrap(hit.snippet)
    }

    private func highlighted(_ s: Snippet) -> [String] {
        let bytes = Array(s.text.utf8)
        return s.highlights.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func testTwoAdjacentOccurrencesOfATermAreTwoHighlightsNotOne() throws {
        let s = try snippet("香港香港", query: "香港")
        XCTAssertEqual(s.text, "香港香港")
        XCTAssertEqual(s.highlights, [0..<6, 6..<12])
    }

    func testOccurrencesSeparatedByPunctuationAreHighlightedSeparately() throws {
        let s = try snippet("香港，香港。", query: "香港")
        XCTAssertEqual(s.highlights, [0..<6, 9..<15])
        XCTAssertEqual(highlighted(s), ["香港", "香港"])
    }

    func testLoneCharacterHighlightsOnlyThatCharacterInsideLongerWords() throws {
        // 汽车和车载: 车 stands at bytes 3..<6 (inside 汽车) and 9..<12 (starting 车载).
        let s = try snippet("汽车和车载", query: "车")
        XCTAssertEqual(s.highlights, [3..<6, 9..<12])
        XCTAssertEqual(highlighted(s), ["车", "车"])
    }

    func testMultiCharacterTermIsOneHighlightOverAllItsCharacters() throws {
        let s = try snippet("新闻：北汽工厂开工", query: "北汽工厂")
        XCTAssertEqual(highlighted(s), ["北汽工厂"])
        XCTAssertEqual(s.highlights, [9..<21])
    }

    func testWordMatchesAreHighlightedInTheOriginalCase() throws {
        let s = try snippet("小米SU7发布", query: "su7")
        XCTAssertEqual(highlighted(s), ["SU7"])
    }

    func testLongBodyIsCutAroundTheMatchWithEllipsesAndNoLineBreaks() throws {
        let filler = String(repeating: "天气晴朗。\n", count: 60)
        let s = try snippet(filler + "北汽工厂在这里。" + filler, query: "北汽工厂")
        XCTAssertTrue(s.text.hasPrefix("… "), s.text)
        XCTAssertTrue(s.text.hasSuffix(" …"), s.text)
        XCTAssertFalse(s.text.contains("\n"))
        XCTAssertEqual(highlighted(s), ["北汽工厂"])
        XCTAssertLessThan(s.text.utf8.count, 260)
    }

    func testMatchFarIntoALongBodyIsFoundAndHighlighted() throws {
        // 30 KB of filler before the only match: past the first scanned part of the body.
        let filler = String(repeating: "天气晴朗。", count: 2000)
        let s = try snippet(filler + "北汽工厂" + filler, query: "北汽工厂")
        XCTAssertEqual(highlighted(s), ["北汽工厂"])
    }

    func testTheWindowGoesWhereMostDistinctTermsMeet() throws {
        // 北汽 alone early, then 北汽 and 工厂 together 600 bytes later: the window must show both.
        let gap = String(repeating: "天气晴朗。", count: 40)
        let s = try snippet("北汽" + gap + "北汽和工厂", query: "北汽 工厂")
        XCTAssertEqual(Set(highlighted(s)), ["北汽", "工厂"])
    }

    func testMatchOnlyInTheTitleGivesTheStartOfTheBodyWithoutHighlights() throws {
        let s = try snippet("今天天气晴朗。", title: "北汽新闻", query: "北汽")
        XCTAssertEqual(s.text, "今天天气晴朗。")
        XCTAssertEqual(s.highlights, [])
    }
}
