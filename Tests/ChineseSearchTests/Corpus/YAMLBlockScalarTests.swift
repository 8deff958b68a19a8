import XCTest
@testable import ChineseSearch

/// Block scalars decoded as YAML 1.2 does (expected values from the specification's rules, worked by hand).
final class YAMLBlockScalarTests: XCTestCase {
    /// The decoded block of `yaml`, whose first line is the header value and the rest the block's lines.
    private func block(_ header: String, _ lines: String) -> (text: String, rest: String)? {
        let bytes = Array((header + "\n" + lines).utf8)
        return bytes.withUnsafeBytes { raw in
            let headerEnd = header.utf8.count
            guard let parsed = YAMLBlockScalar.header(raw, from: 0, to: headerEnd) else { return nil }
            let (text, next) = YAMLBlockScalar.decode(raw, parsed, linesFrom: headerEnd + 1, to: raw.count)
            return (text, raw.text(from: next, to: raw.count))
        }
    }

    func testHeaders() {
        let bytes = Array("|".utf8) + Array(">-".utf8) + Array("|+2".utf8) + Array(">2-  # note".utf8) + Array("|x".utf8) + Array("|--".utf8) + Array("|0".utf8)
        bytes.withUnsafeBytes { raw in
            XCTAssertEqual(YAMLBlockScalar.header(raw, from: 0, to: 1), .init(folded: false))
            XCTAssertEqual(YAMLBlockScalar.header(raw, from: 1, to: 3), .init(folded: true, chomping: .strip))
            XCTAssertEqual(YAMLBlockScalar.header(raw, from: 3, to: 6), .init(folded: false, chomping: .keep, indentation: 2))
            XCTAssertEqual(YAMLBlockScalar.header(raw, from: 6, to: 17), .init(folded: true, chomping: .strip, indentation: 2))
            XCTAssertNil(YAMLBlockScalar.header(raw, from: 17, to: 19), "|x is no header")
            XCTAssertNil(YAMLBlockScalar.header(raw, from: 19, to: 22), "two chomping indicators")
            XCTAssertNil(YAMLBlockScalar.header(raw, from: 22, to: 24), "indentation 0")
        }
    }

    func testLiteralKeepsLineBreaksAndChomps() {
        XCTAssertEqual(block("|", "  第一行\n  第二行\n\nnext: x")?.text, "第一行\n第二行\n")
        XCTAssertEqual(block("|", "  第一行\n  第二行\n\nnext: x")?.rest, "next: x")
        XCTAssertEqual(block("|-", "  第一行\n  第二行\n\n")?.text, "第一行\n第二行")
        XCTAssertEqual(block("|+", "  第一行\n  第二行\n\n\nnext: x")?.text, "第一行\n第二行\n\n\n")
        XCTAssertEqual(block("|", "  a\n\n    b\n  c")?.text, "a\n\n  b\nc\n", "more indentation is kept")
        XCTAssertEqual(block("|", "\n  a")?.text, "\na\n", "leading blank lines are kept")
        XCTAssertEqual(block("|1", "  a\n b")?.text, " a\nb\n", "explicit indentation")
        XCTAssertEqual(block("|", "  a\r\n  b\r\n")?.text, "a\nb\n", "\\r\\n line ends")
    }

    func testFoldedJoinsLines() {
        // YAML 1.2 example 8.10 (folded lines), indented by one space.
        let lines = " folded\n line\n\n next\n line\n   * bullet\n\n   * list\n   * lines\n\n last\n line\n"
        XCTAssertEqual(block(">", lines)?.text, "folded line\nnext line\n  * bullet\n\n  * list\n  * lines\n\nlast line\n")
        XCTAssertEqual(block(">-", "  小米\n  汽车")?.text, "小米 汽车")
        XCTAssertEqual(block(">", "  a\n\n\n  b")?.text, "a\n\nb\n", "n blank lines give n breaks")
    }

    func testEmptyBlocksAndBlocksEndedByTheNextKey() {
        XCTAssertEqual(block("|", "next: x")?.text, "")
        XCTAssertEqual(block("|", "next: x")?.rest, "next: x")
        XCTAssertEqual(block("|+", "\n\nnext: x")?.text, "\n\n")
        XCTAssertEqual(block(">", "")?.text, "")
    }

    func testFrontMatterFieldsReadBlocks() {
        let document = parse("""
        ---
        title: |
          小米汽车
          正式量产
        author: >-
          高科技
          行业门户
        date: >
          2022-08-30

        categories: |-
          新闻
        ---
        正文
        """).document
        XCTAssertEqual(document.title, "小米汽车\n正式量产", "the final line break is trimmed from the field")
        XCTAssertEqual(document.author, "高科技 行业门户")
        XCTAssertEqual(document.date, "2022-08-30")
        XCTAssertEqual(document.categories, ["新闻"])
        XCTAssertEqual(document.body, "正文")
    }

    func testBlockLinesAreNotReadAsKeysOrListItems() {
        let document = parse("---\ntitle: >\n  author: 不是作者\n  - 不是分类\ncategories:\n - 真分类\n---\n").document
        XCTAssertEqual(document.title, "author: 不是作者 - 不是分类")
        XCTAssertEqual(document.author, "")
        XCTAssertEqual(document.categories, ["真分类"])
    }

    func testUnindentedLinesAfterTheHeaderMeanAnEmptyBlock() {
        let document = parse("---\ntitle: |\nauthor: 作者\n---\n正文", path: "a/文件.md").document
        XCTAssertEqual(document.title, "文件", "an empty title falls back to the file name")
        XCTAssertEqual(document.author, "作者")
    }

    func testBlockToTheEndOfTheFrontMatter() {
        XCTAssertEqual(parse("---\ntitle: |\n  最后\n---\n正文").document.title, "最后")
        XCTAssertEqual(parse("---\ntitle: |\n---\n正文").document.title, "article")
    }
}
