import XCTest
import ChineseSearch

/// The analyzer against the deliberately simple `ReferenceTokenizer` on deterministic random text.
final class AnalyzerReferenceTests: XCTestCase {
    func testRandomMixedScriptTextGivesTheReferenceTokens() {
        var random = RandomText(seed: 20_240_601)
        let reference = ReferenceTokenizer()
        var coverage: [String: Int] = [:]
        for round in 0..<3000 {
            let text = random.string(maxScalars: 24)
            let bytes = Array(text.utf8)
            let expected = reference.tokens(of: bytes, firstPosition: round)
            let (actual, next) = TokenRecorder.tokens(of: bytes, firstPosition: round)
            XCTAssertEqual(actual, expected, "text \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(next, round + expected.count)
            if actual != expected { return }
            for token in actual {
                let source = String(decoding: bytes[token.utf8Range], as: UTF8.self)
                coverage["\(token.kind)", default: 0] += 1
                if token.kind == .word && !token.text.utf8.allSatisfy({ $0 < 0x80 }) { coverage["non-ASCII word", default: 0] += 1 }
                if token.kind == .word && token.text.unicodeScalars.count < source.unicodeScalars.count {
                    coverage["composed word", default: 0] += 1
                }
                if token.kind != .word && source.unicodeScalars.count > token.text.unicodeScalars.count {
                    coverage["composed kana or Hangul", default: 0] += 1
                }
                if token.kind != .word && !source.unicodeScalars.elementsEqual(token.text.unicodeScalars) {
                    coverage["folded CJK", default: 0] += 1
                }
            }
        }
        // The generator stays honest: every kind of case the analyzer handles specially comes up.
        for name in ["bigram", "end", "word", "non-ASCII word", "composed word", "composed kana or Hangul", "folded CJK"] {
            XCTAssertGreaterThan(coverage[name, default: 0], 10, "random texts rarely give: \(name) (\(coverage))")
        }
    }

    func testRandomBrokenUTF8GivesTheReferenceTokensWithoutReadingOutOfBounds() {
        var random = RandomText(seed: 7)
        let reference = ReferenceTokenizer()
        for _ in 0..<1500 {
            let bytes = random.brokenUTF8(maxScalars: 16)
            // An exact-size heap copy, so that a read past the end would be caught by the address sanitizer.
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = buffer.initialize(from: bytes)
            defer { buffer.deallocate() }
            var recorder = TokenRecorder()
            _ = Analyzer().tokenize(UnsafeBufferPointer(buffer), into: &recorder)
            XCTAssertEqual(recorder.tokens, reference.tokens(of: bytes), "bytes \(bytes)")
            if recorder.tokens != reference.tokens(of: bytes) { return }
        }
    }

    func testEveryBMPScalarAloneGivesTheReferenceTokens() {
        let reference = ReferenceTokenizer()
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8) + Array(" a".utf8)
            let actual = TokenRecorder.tokens(of: bytes).tokens
            let expected = reference.tokens(of: bytes)
            XCTAssertEqual(actual, expected, "U+\(String(value, radix: 16))")
        }
    }
}
