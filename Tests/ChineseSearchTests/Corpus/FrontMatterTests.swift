import XCTest
@testable import ChineseSearch

final class FrontMatterTests: XCTestCase {
    func testSingleQuotedValueTurnsDoubledQuoteIntoOne() {
        let document = parse("---\ntitle: 'It''s 小米'\n---\nbody").document
        XCTAssertEqual(document.title, "It's 小米")
    }

    func testDoubleQuotedValueDecodesEscapes() {
        let document = parse(#"""
        ---
        title: "say \"hi\" \\ back\tslash\nnew \u5C0F\u7C73 \U0001F600 \uD83D\uDE00 \x41 \q"
        ---
        body
        """#).document
        XCTAssertEqual(document.title, "say \"hi\" \\ back\tslash\nnew 小米 😀 😀 A \\q")
    }

    func testBareValueIsTrimmedAndEndsAtComment() {
        let document = parse("---\ntitle:   小米 汽车   # a comment\nauthor: C#作者\n---\nbody").document
        XCTAssertEqual(document.title, "小米 汽车")
        XCTAssertEqual(document.author, "C#作者", "a # without a space before it is text")
    }

    func testQuotedValueKeepsHashAndColon() {
        let document = parse("---\ntitle: '第 #1 名: 小米'  # comment\ndate: \"2021-03-26\"\n---\n").document
        XCTAssertEqual(document.title, "第 #1 名: 小米")
        XCTAssertEqual(document.date, "2021-03-26")
    }

    func testCategoriesAsIndentedBlockList() {
        let document = parse("---\ncategories: \n - 新媒体\n - 'IT 之家'\n - \"热榜\"\nauthor: x\n---\n").document
        XCTAssertEqual(document.categories, ["新媒体", "IT 之家", "热榜"])
        XCTAssertEqual(document.author, "x")
    }

    func testCategoriesAsUnindentedBlockList() {
        let document = parse("---\ncategories:\n- a\n- b\ntitle: t\n---\n").document
        XCTAssertEqual(document.categories, ["a", "b"])
        XCTAssertEqual(document.title, "t")
    }

    func testCategoriesAsInlineFlowList() {
        let document = parse("---\ncategories: [新媒体, 'IT, 之家' , \"热榜\",,  ]\n---\n").document
        XCTAssertEqual(document.categories, ["新媒体", "IT, 之家", "热榜"])
    }

    func testCategoriesAsSingleValue() {
        XCTAssertEqual(parse("---\ncategories: 新闻\n---\n").document.categories, ["新闻"])
        XCTAssertEqual(parse("---\ncategories: []\n---\n").document.categories, [])
    }

    func testFlowListOverIndentedLines() {
        let document = parse("---\ncategories: [新媒体,  # 注释\n   'IT 之家',\n\t热榜\n  ]\ntitle: t\n---\n").document
        XCTAssertEqual(document.categories, ["新媒体", "IT 之家", "热榜"])
        XCTAssertEqual(document.title, "t")
    }

    func testUnclosedFlowListStopsAtTheNextKey() {
        let document = parse("---\ncategories: [a, b\ntitle: t\n---\n").document
        XCTAssertEqual(document.categories, ["a", "b"])
        XCTAssertEqual(document.title, "t")
    }

    func testCategoryIsAnotherNameForCategories() {
        XCTAssertEqual(parse("---\ncategory: 新闻\n---\n").document.categories, ["新闻"])
        XCTAssertEqual(parse("---\ncategory:\n - a\n - b\n---\n").document.categories, ["a", "b"])
        XCTAssertEqual(parse("---\ncategory: a\ncategories: [b]\n---\n").document.categories, ["b"], "the last one wins")
    }

    func testEmptyListItemsAreDropped() {
        XCTAssertEqual(parse("---\ncategories:\n -\n - ''\n - a\n---\n").document.categories, ["a"])
    }

    func testListItemsOfUnknownFieldsAreIgnored() {
        let document = parse("---\ntags:\n - x\n - y\ncategories:\n - a\n---\n").document
        XCTAssertEqual(document.categories, ["a"])
    }

    func testUnknownFieldsAreIgnored() {
        let document = parse("---\nheadimg: 'https://a/b.jpg'\ncomments: false\ntitle: t\n---\nbody").document
        XCTAssertEqual(document, SourceDocument(path: "dir/article.txt", title: "t", body: "body"))
    }

    func testFileWithoutFrontMatterIsAllBodyTitledByFileName() {
        let document = parse("第一行\n第二行", path: "news/2021/小米.汽车.html").document
        XCTAssertEqual(document, SourceDocument(path: "news/2021/小米.汽车.html", title: "小米.汽车", body: "第一行\n第二行"))
    }

    func testFileNameWithoutExtensionIsTheTitleAsIs() {
        XCTAssertEqual(parse("text", path: "README").document.title, "README")
        XCTAssertEqual(parse("text", path: "a/.notes").document.title, ".notes")
    }

    func testMissingOrEmptyTitleFallsBackToFileName() {
        XCTAssertEqual(parse("---\nauthor: a\n---\nbody", path: "x/文章.txt").document.title, "文章")
        XCTAssertEqual(parse("---\ntitle: ''\n---\nbody", path: "x/文章.txt").document.title, "文章")
    }

    func testBlankLinesBeforeFrontMatterAreAllowed() {
        let document = parse("\n  \n\r\n---\ntitle: t\n---\n\n<p>正文</p>\n").document
        XCTAssertEqual(document.title, "t")
        XCTAssertEqual(document.body, "正文")
    }

    func testByteOrderMarkBeforeFrontMatterIsSkipped() {
        let document = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: t\n---\nbody".utf8)).document
        XCTAssertEqual(document.title, "t")
        XCTAssertEqual(document.body, "body")
    }

    func testByteOrderMarkIsNotPartOfABodyWithoutFrontMatter() {
        let parsed = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("正文".utf8), path: "a.txt")
        XCTAssertEqual(parsed.document.body, "正文")
        XCTAssertFalse(parsed.invalidUTF8)
    }

    func testWindowsLineEndings() {
        let document = parse("---\r\ntitle: 't'\r\ncategories:\r\n - a\r\n---\r\n第一行\r\n第二行\r\n").document
        XCTAssertEqual(document.title, "t")
        XCTAssertEqual(document.categories, ["a"])
        XCTAssertEqual(document.body, "第一行\n第二行")
    }

    func testUnterminatedFrontMatterMakesTheWholeFileBody() {
        let document = parse("---\ntitle: t\n正文", path: "a.txt").document
        XCTAssertEqual(document.title, "a")
        XCTAssertEqual(document.body, "---\ntitle: t\n正文")
    }

    func testTextBeforeTheDashesMeansNoFrontMatter() {
        let document = parse("intro\n---\ntitle: t\n---\n", path: "a.txt").document
        XCTAssertEqual(document.title, "a")
        XCTAssertEqual(document.body, "intro\n---\ntitle: t\n---")
    }

    func testFrontMatterWithoutBodyGivesEmptyBody() {
        let document = parse("---\ntitle: t\n---").document
        XCTAssertEqual(document.title, "t")
        XCTAssertEqual(document.body, "")
    }
}
