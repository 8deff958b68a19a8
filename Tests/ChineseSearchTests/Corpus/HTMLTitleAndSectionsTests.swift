import Foundation
import XCTest
@testable import ChineseSearch

/// HTML `<title>`, CDATA sections and unclosed constructs.
final class HTMLTitleAndSectionsTests: XCTestCase {
    private func convert(_ html: String) -> (text: String, title: String?) {
        Array(html.utf8).withUnsafeBytes { HTMLText.convert($0) }
    }

    func testTitleElementIsTheTitleAndNotBodyText() {
        let page = convert("<html><head><TITLE lang=zh> 小米&amp;长城\n  汽车 </title></head><body><p>正文</p></body></html>")
        XCTAssertEqual(page.title, "小米&长城 汽车")
        XCTAssertEqual(page.text, "正文")
    }

    func testOnlyTheFirstTitleCountsAndLaterOnesVanishToo() {
        let page = convert("<title>一</title>正文<svg><title>二</title></svg>")
        XCTAssertEqual(page.title, "一")
        XCTAssertEqual(page.text, "正文")
    }

    func testEmptyUnclosedOrSelfClosedTitlesGiveNone() {
        XCTAssertNil(convert("<title> &nbsp; </title>正文").title)
        XCTAssertEqual(convert("<title> &nbsp; </title>正文").text, "正文")
        let unclosed = convert("<title>标题正文")
        XCTAssertNil(unclosed.title)
        XCTAssertEqual(unclosed.text, "标题正文", "an unclosed <title> vanishes like an inline tag")
        XCTAssertNil(convert("<title/>正文").title)
        XCTAssertEqual(convert("<title/>正文").text, "正文")
    }

    func testDocumentTitleComesFromFrontMatterThenHTMLThenFileName() {
        XCTAssertEqual(parse("---\ntitle: 前言标题\n---\n<title>网页标题</title>正文").document.title, "前言标题")
        XCTAssertEqual(parse("---\ntitle: ''\n---\n<title>网页标题</title>正文").document.title, "网页标题")
        XCTAssertEqual(parse("---\nauthor: x\n---\n<title>网页标题</title>正文").document.title, "网页标题")
        XCTAssertEqual(parse("<title>网页标题</title>正文").document.title, "网页标题")
        XCTAssertEqual(parse("<title>网页标题</title>正文").document.body, "正文")
        XCTAssertEqual(parse("正文", path: "a/笔记.html").document.title, "笔记")
    }

    func testCDATAMarkersVanishAndTheContentsAreReadAsHTML() {
        XCTAssertEqual(convert("前<![CDATA[<p>小米 &amp; 长城</p>]]>后").text, "前\n小米 & 长城\n后")
        XCTAssertEqual(convert("<![CDATA[a > b]]>").text, "a > b", "a > inside does not end the section")
        XCTAssertEqual(convert("<![CDATA[x <![CDATA[ y]]>z").text, "x <![CDATA[ yz", "sections do not nest")
        XCTAssertEqual(convert("a]]>b").text, "a]]>b", "a stray closer is text")
    }

    func testUnclosedCommentsAndSectionsStayText() {
        XCTAssertEqual(convert("前<!-- 未闭合 <p>段</p>").text, "前<!-- 未闭合\n段")
        XCTAssertEqual(convert("前<![CDATA[ 未闭合 a > b").text, "前<![CDATA[ 未闭合 a > b")
        XCTAssertEqual(convert("前<!DOCTYPE 未闭合").text, "前<!DOCTYPE 未闭合")
        XCTAssertEqual(convert("<!-- 一 --> 中 <!-- 二").text, "中 <!-- 二")
        XCTAssertEqual(convert("前<script>未闭合的代码").text, "前", "script is the exception: the rest is code")
    }

    func testManyUnclosedOpenersCostLinearTime() {
        for opener in ["<!--", "<![CDATA[", "<title>", "<a ", "<a x=\"", "<a x='"] {
            let html = String(repeating: opener + "字 ", count: 100_000)
            let started = Date()
            let text = convert(html).text
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, opener)
            let expected = opener == "<title>" ? "字 字" : opener.trimmingCharacters(in: .whitespaces) + (opener.hasSuffix(" ") ? " 字" : "字")
            XCTAssertTrue(text.hasPrefix(expected), "\(opener): \(text.prefix(20))")
        }
    }
}
