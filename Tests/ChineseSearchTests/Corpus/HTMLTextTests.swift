import XCTest
@testable import ChineseSearch

final class HTMLTextTests: XCTestCase {
    func testInlineTagsVanishWithoutBreakingTheRun() {
        XCTAssertEqual(plainText("车载空气<a href=\"x\">净化器</a>、<span><strong>小米</strong></span><img src=a.png>汽车"),
                       "车载空气净化器、小米汽车")
    }

    func testBlockTagsBecomeOneLineBreak() {
        XCTAssertEqual(plainText("<div><p>第一段</p><p>第二段<br>第三行<BR/>第四行</p></div><ul><li>甲</li><li>乙</li></ul><h2>标题</h2><hr>尾"),
                       "第一段\n第二段\n第三行\n第四行\n甲\n乙\n标题\n尾")
    }

    func testTableCellsAreSeparateLines() {
        XCTAssertEqual(plainText("<table><tr><th>名</th><td>值</td></tr></table>"), "名\n值")
    }

    func testScriptAndStyleContentsAreDropped() {
        XCTAssertEqual(plainText("前<script type=\"text/javascript\">var a = '<p>' < 3;</script>中<STYLE>p { color: red }</Style >后"),
                       "前中后")
        XCTAssertEqual(plainText("前<script>if (a </scripts) {}</script>后"), "前后", "only </script followed by a non-name byte closes")
    }

    func testSelfClosedScriptHasNoContents() {
        XCTAssertEqual(plainText("前<script src=\"a.js\"/>后<style/>尾"), "前后尾")
    }

    func testUnclosedScriptDropsTheRest() {
        XCTAssertEqual(plainText("前<script>alert(1)"), "前")
    }

    func testCommentsAndDeclarationsVanish() {
        XCTAssertEqual(plainText("<!DOCTYPE html>前<!-- <p>注释</p> -- -->后<?xml version=\"1.0\"?>"), "前后")
    }

    func testQuotedAttributeMayContainGreaterThan() {
        XCTAssertEqual(plainText("<a title=\"a > b\" data-x='>'>链接</a>"), "链接")
    }

    func testLessThanThatOpensNoTagStaysText() {
        XCTAssertEqual(plainText("a < b, 3<5, x <= y, </ >"), "a < b, 3<5, x <= y, </ >")
        XCTAssertEqual(plainText("前<b 未闭合"), "前<b 未闭合")
        XCTAssertEqual(plainText("前<!-- 未闭合"), "前<!-- 未闭合")
    }

    func testNamedEntitiesAreDecoded() {
        XCTAssertEqual(plainText("&lt;p&gt; &amp; &quot;x&quot; &apos;y&apos; &copy;&eacute;&Omega;&hellip;&euro;&thetasym;&frac12;"),
                       "<p> & \"x\" 'y' ©éΩ…€ϑ½")
        XCTAssertEqual(plainText("a&nbsp;b"), "a\u{00A0}b")
    }

    func testDecodedLessThanIsTextNotATag() {
        XCTAssertEqual(plainText("&lt;p&gt;不是段落&lt;/p&gt;"), "<p>不是段落</p>")
    }

    func testNumericEntitiesAreDecoded() {
        XCTAssertEqual(plainText("&#22823;&#x5C0F;&#X7C73;&#128512;&#65"), "大小米😀A")
    }

    func testInvalidNumericEntitiesBecomeReplacementCharacter() {
        XCTAssertEqual(plainText("&#0;&#xD800;&#x110000;&#99999999999;"), "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    func testUnknownOrUnterminatedEntitiesStayAsWritten() {
        XCTAssertEqual(plainText("&foo; &amp &; &# &#x; a&b R&D ?a=1&copy=2 &AMP;"),
                       "&foo; &amp &; &# &#x; a&b R&D ?a=1&copy=2 &AMP;")
    }

    func testBlankLinesCollapseAndLinesAreTrimmed() {
        XCTAssertEqual(plainText("\n\n  <div>   \n  <p> 第一段 </p> \n\n\n  第二段\t\n\n</div>  \n"), "第一段\n第二段")
    }

    func testNoBreakAndIdeographicSpacesAreTrimmedAtLineEdgesOnly() {
        XCTAssertEqual(plainText("<p>\u{3000}\u{3000}第一段\u{3000}</p><p>&nbsp; &nbsp;第二&nbsp;段 \u{00A0}&#12288;</p>"),
                       "第一段\n第二\u{00A0}段")
    }

    func testEntityLineBreakAndSpacesFollowTheSameRules() {
        XCTAssertEqual(plainText("a&#10;&#10;b&#32;&#32;"), "a\nb")
    }

    func testPlainTextComesOutAsItIs() {
        let text = "小米汽车将于2024年上半年正式量产。\n此外，目前小米汽车已收到2万份简历 (20,000 份)。\n第三行 a-b_c"
        XCTAssertEqual(plainText(text), text)
    }

    func testEmptyAndWhitespaceOnlyBodiesGiveEmptyText() {
        XCTAssertEqual(plainText(""), "")
        XCTAssertEqual(plainText(" \n\t\n "), "")
        XCTAssertEqual(plainText("<p></p><br>"), "")
    }
}
