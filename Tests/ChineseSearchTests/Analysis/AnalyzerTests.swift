import XCTest
import ChineseSearch

/// Named cases of the token stream, each built by hand from the specification.
final class AnalyzerTests: XCTestCase {
    private let analyzer = Analyzer()

    private func texts(_ text: String) -> [String] { analyzer.tokens(of: text).map(\.text) }
    private func keys(_ text: String) -> [UInt64] { analyzer.tokens(of: text).compactMap(\.key) }

    func testEmptyTextGivesNoTokens() {
        XCTAssertEqual(analyzer.tokens(of: ""), [])
        var recorder = TokenRecorder()
        XCTAssertEqual(analyzer.tokenize(UnsafeBufferPointer(start: nil, count: 0), firstPosition: 7, into: &recorder), 7)
        XCTAssertTrue(recorder.tokens.isEmpty)
    }

    func testOnlyPunctuationSymbolsAndSpacesGiveNoTokens() {
        XCTAssertEqual(analyzer.tokens(of: "，。！？、；：「」『』（）《》…—!?.,;:'\"()[]{} \t\n\u{3000}😀©"), [])
        XCTAssertEqual(texts("™"), ["tm"])   // NFKC makes letters of some symbols
    }

    func testLoneCharacterBetweenPunctuationGivesOneRunEndToken() {
        XCTAssertEqual(analyzer.tokens(of: "，车。"), [
            AnalyzedToken(text: "车", kind: .end, position: 0, utf8Range: 3..<6, scalarRange: 1..<2, key: CJKKey.make(0x8F66, 0)),
        ])
    }

    func testCJKRunGivesBigramsThenRunEndWithByteAndScalarRanges() {
        XCTAssertEqual(analyzer.tokens(of: "a 中国人"), [
            AnalyzedToken(text: "a", kind: .word, position: 0, utf8Range: 0..<1, scalarRange: 0..<1, key: nil),
            AnalyzedToken(text: "中国", kind: .bigram, position: 1, utf8Range: 2..<8, scalarRange: 2..<4, key: CJKKey.make(0x4E2D, 0x56FD)),
            AnalyzedToken(text: "国人", kind: .bigram, position: 2, utf8Range: 5..<11, scalarRange: 3..<5, key: CJKKey.make(0x56FD, 0x4EBA)),
            AnalyzedToken(text: "人", kind: .end, position: 3, utf8Range: 8..<11, scalarRange: 4..<5, key: CJKKey.make(0x4EBA, 0)),
        ])
    }

    func testSurrogatePlaneHanIsBigrammedWithFourByteRanges() {
        XCTAssertEqual(analyzer.tokens(of: "𠀀𠀁"), [
            AnalyzedToken(text: "𠀀𠀁", kind: .bigram, position: 0, utf8Range: 0..<8, scalarRange: 0..<2, key: CJKKey.make(0x20000, 0x20001)),
            AnalyzedToken(text: "𠀁", kind: .end, position: 1, utf8Range: 4..<8, scalarRange: 1..<2, key: CJKKey.make(0x20001, 0)),
        ])
    }

    func testTraditionalAndSimplifiedGiveTheSameKeys() {
        XCTAssertEqual(keys("國際"), keys("国际"))
        XCTAssertEqual(keys("國際"), [CJKKey.make(0x56FD, 0x9645), CJKKey.make(0x9645, 0)])
        XCTAssertEqual(keys("說"), keys("说"))
        XCTAssertEqual(texts("臺灣說話"), ["台湾", "湾说", "说话", "话"])
    }

    func testFullWidthDigitsAndLettersEqualASCII() {
        XCTAssertEqual(texts("１０"), ["10"])
        XCTAssertEqual(texts("10"), ["10"])
        XCTAssertEqual(texts("ＡＢＣ１２３"), ["abc123"])
        XCTAssertEqual(analyzer.tokens(of: "１０").first?.utf8Range, 0..<6)
    }

    func testWordInsideCJKIsFoundBetweenPunctuation() {
        XCTAssertEqual(texts("重跑gen-itgc后"), ["重跑", "跑", "gen", "itgc", "后"])
    }

    func testLettersAndDigitsAfterCJKFormOneLowercaseWord() {
        let tokens = analyzer.tokens(of: "小米SU7")
        XCTAssertEqual(tokens.map(\.text), ["小米", "米", "su7"])
        XCTAssertEqual(tokens.map(\.kind), [.bigram, .end, .word])
        XCTAssertEqual(tokens.last?.utf8Range, 6..<9)
    }

    func testCompatibilityCharactersMapToTheirSequences() {
        XCTAssertEqual(texts("㈠"), ["一"])
        XCTAssertEqual(analyzer.tokens(of: "x㈠").last?.utf8Range, 1..<4)
        XCTAssertEqual(texts("ﬁle ㎏ ①"), ["file", "kg", "1"])
        XCTAssertEqual(texts("豈"), ["岂"])   // U+F900 → 豈 U+8C48 → simplified 岂
        XCTAssertEqual(texts("㍻"), ["平成", "成"])
    }

    func testIdeographicSpaceSeparates() {
        XCTAssertEqual(texts("中\u{3000}国"), ["中", "国"])
    }

    func testHalfWidthKatakanaWithVoicingMarkComposes() {
        XCTAssertEqual(texts("ｶﾞｷﾞ"), ["ガギ", "ギ"])
        XCTAssertEqual(texts("か\u{3099}"), ["が"])
        XCTAssertEqual(analyzer.tokens(of: "か\u{3099}").first?.utf8Range, 0..<6)
    }

    func testCombiningMarksComposeInsideWords() {
        XCTAssertEqual(texts("Cafe\u{301} café CAFÉ"), ["café", "café", "café"])
        XCTAssertEqual(texts("\u{301}a"), ["a"])    // a mark that begins no word is a separator
        XCTAssertEqual(texts("中\u{301}国"), ["中", "国"])
    }

    func testDeliberateDifferencesFromWholeTextNFKC() {
        XCTAssertEqual(texts("か\u{301}\u{3099}"), ["か"])                  // no reordering after CJK
        XCTAssertEqual(analyzer.tokens(of: "\u{1100}\u{1161}").map(\.kind), [.word])  // jamo: a word…
        XCTAssertEqual(texts("\u{1100}\u{1161}"), ["가"])                   // …that NFKC composes
    }

    func testSupplementaryStartersAreNotComposedAsTheirLow16Bits() {
        // Foundation's precomposedString…Mapping on Linux turns U+10041 + ◌́ into Á and U+2304B + ◌゙ into が.
        XCTAssertEqual(texts("\u{10041}\u{301}"), ["\u{10041}\u{301}"])
        XCTAssertEqual(texts("\u{2304B}\u{3099}"), ["\u{2304B}"])
        XCTAssertEqual(analyzer.tokens(of: "\u{11099}\u{110BA}").map { $0.text.unicodeScalars.map(\.value) }, [[0x1109A]])
    }

    func testIterationMarkJoinsTheCJKRun() {
        XCTAssertEqual(texts("人々"), ["人々", "々"])
    }

    func testInvalidUTF8IsASeparatorAndNeverCrashes() {
        let zhong: [UInt8] = [0xE4, 0xB8, 0xAD]
        let cases: [([UInt8], [String])] = [
            (zhong + [0xFF] + zhong, ["中", "中"]),
            ([0xE4, 0xB8] + Array("ab".utf8), ["ab"]),
            (Array("a".utf8) + [0xC0, 0x80] + Array("b".utf8), ["a", "b"]),      // overlong NUL
            (Array("a".utf8) + [0xED, 0xA0, 0x80] + Array("b".utf8), ["a", "b"]), // surrogate
            (Array("a".utf8) + [0xF4, 0x90, 0x80, 0x80], ["a"]),                  // above U+10FFFF
            (zhong + [0xE4, 0xB8], ["中"]),                                        // truncated at the end
            ([0x80, 0xBF, 0xF0, 0x9F], []),
        ]
        for (bytes, expected) in cases {
            XCTAssertEqual(TokenRecorder.tokens(of: bytes).tokens.map(\.text), expected, "\(bytes)")
        }
        XCTAssertEqual(TokenRecorder.tokens(of: zhong + [0xFF] + Array("x".utf8)).tokens.last?.utf8Range, 4..<5)
    }

    func testPositionsContinueFromFirstPositionAndTheNextIsReturned() {
        let (tokens, next) = TokenRecorder.tokens(of: Array("中国 ab 人".utf8), firstPosition: 10)
        XCTAssertEqual(tokens.map(\.position), [10, 11, 12, 13])
        XCTAssertEqual(next, 14)
    }

    func testWordsLongerThanTheStackBufferAreWholeAndLowercase() {
        let long = String(repeating: "AbC", count: 3000)
        XCTAssertEqual(texts(long + " 中"), [long.lowercased(), "中"])
    }

    func testManyThreadsCanShareOneAnalyzer() {
        let text = Array(String(repeating: "國際新聞 Breaking NEWS ｶﾞ café 小米SU7，", count: 200).utf8)
        let expected = TokenRecorder.tokens(of: text).tokens
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 8)
        defer { results.deallocate() }
        nonisolated(unsafe) let shared = results
        let analyzer = self.analyzer
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            var recorder = TokenRecorder()
            _ = text.withUnsafeBufferPointer { analyzer.tokenize($0, into: &recorder) }
            shared[index] = recorder.tokens == expected
        }
        XCTAssertEqual(Array(results), Array(repeating: true, count: 8))
    }
}
