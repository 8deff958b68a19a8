import XCTest
@testable import ChineseSearch

/// Field values (author, category) normalized for matching.
final class FieldValueTests: XCTestCase {
    private let analyzer = Analyzer()

    func testValuesFoldLikeText() {
        XCTAssertEqual(analyzer.normalizedFieldValue("國際"), "国际", "traditional → simplified")
        XCTAssertEqual(analyzer.normalizedFieldValue("ＩＴ之家"), "it之家", "full width → ASCII, lowercase")
        XCTAssertEqual(analyzer.normalizedFieldValue("高科技行业门户"), "高科技行业门户")
        XCTAssertEqual(analyzer.normalizedFieldValue("Ｎｅｗｓ"), "news")
        XCTAssertEqual(analyzer.normalizedFieldValue("１０"), "10")
        XCTAssertEqual(analyzer.normalizedFieldValue("㈠"), "(一)", "one scalar to several")
        XCTAssertEqual(analyzer.normalizedFieldValue("Cafe\u{301}"), "café", "combining mark composed")
        XCTAssertEqual(analyzer.normalizedFieldValue("Caf\u{E9}"), "café")
        XCTAssertEqual(analyzer.normalizedFieldValue("か\u{3099}"), "が")
    }

    func testWhiteSpaceIsTrimmedAndCollapsed() {
        XCTAssertEqual(analyzer.normalizedFieldValue("  张\u{3000}\u{3000}三 "), "张 三")
        XCTAssertEqual(analyzer.normalizedFieldValue("张\t\n三"), "张 三")
        XCTAssertEqual(analyzer.normalizedFieldValue("张\u{A0}三"), "张 三")
        XCTAssertEqual(analyzer.normalizedFieldValue(" \u{3000} "), "")
        XCTAssertEqual(analyzer.normalizedFieldValue(""), "")
    }

    func testPunctuationIsKept() {
        XCTAssertEqual(analyzer.normalizedFieldValue("C++"), "c++")
        XCTAssertNotEqual(analyzer.normalizedFieldValue("C++"), analyzer.normalizedFieldValue("C"))
        XCTAssertEqual(analyzer.normalizedFieldValue("新闻，科技"), "新闻,科技", "full-width comma is NFKC's comma")
    }

    /// The field form of a single word spells exactly the word token the tokenizer indexes for it, and
    /// tokenizing the field form gives the tokens of the original, on random text from the analyzer's test
    /// alphabet: the two share one normalization. Left out: the tokenizer's documented departures from NFKC
    /// of the whole text (marks that are not voicing marks, unprecomposed Hangul jamo), which the field form,
    /// being NFKC of the whole value, does not make.
    func testAgreesWithTheTokenizerOnRandomText() {
        var random = RandomText(seed: 0xF1E1D)
        var words = 0
        for _ in 0..<3_000 {
            let text = random.string(maxScalars: 6)
            guard !text.unicodeScalars.contains(where: departsFromWholeTextNFKC) else { continue }
            let tokens = analyzer.tokens(of: text)
            let field = analyzer.normalizedFieldValue(text)
            let onlyLetters = field.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            if onlyLetters, tokens.count == 1, tokens[0].kind == .word, tokens[0].utf8Range == 0..<text.utf8.count {
                XCTAssertEqual(field, tokens[0].text, "«\(text)»")
                words += 1
            }
            XCTAssertEqual(analyzer.tokens(of: field).map(\.text), tokens.map(\.text), "«\(text)» → «\(field)»")
        }
        XCTAssertGreaterThan(words, 100)
    }

    /// Combining marks other than the kana voicing marks, and conjoining Hangul jamo.
    private func departsFromWholeTextNFKC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3099, 0x309A, 0xFF9E, 0xFF9F: return false
        case 0x1100...0x11FF, 0x3130...0x318F, 0xFFA0...0xFFDC: return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }
}
