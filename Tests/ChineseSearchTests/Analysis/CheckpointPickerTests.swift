import XCTest
@testable import ChineseSearch

/// Token checkpoints against the whole text's tokenization: restarting at any checkpoint, and cutting anywhere
/// `CheckpointPicker.cut` allows, must give exactly the whole text's tokens, on random text of every kind the
/// analyzer handles specially (CJK runs, words, numbers, punctuation, traditional and full-width forms,
/// compatibility characters folded to several, combining marks, kana voicing, Hangul jamo, broken UTF-8).
final class CheckpointPickerTests: XCTestCase {
    /// Feeds a picker from the analyzer, as the index build does.
    private struct PickerSink: TokenSink {
        var picker: CheckpointPicker
        mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
            picker.token(position: position, start: start, end: end, bigram: CJKKey.second(key) != 0)
        }
        mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
            picker.token(position: position, start: start, end: end, bigram: false)
        }
    }

    private func checkpoints(_ bytes: [UInt8], tokenInterval: Int = 1, byteInterval: Int = .max) -> [(position: Int, offset: Int)] {
        var sink = PickerSink(picker: CheckpointPicker(tokenInterval: tokenInterval, byteInterval: byteInterval))
        bytes.withUnsafeBufferPointer { _ = Analyzer().tokenize($0, into: &sink) }
        bytes.withUnsafeBufferPointer { sink.picker.finish(text: $0) }
        return zip(sink.picker.positions, sink.picker.offsets).map { (Int($0), Int($1)) }
    }

    /// The tokens of `bytes[from ..< to]` from `position`, with byte ranges of the whole text.
    private func tokens(_ bytes: [UInt8], from: Int, to: Int, position: Int) -> [AnalyzedToken] {
        TokenRecorder.tokens(of: Array(bytes[from..<to]), firstPosition: position).tokens.map { t in
            var shifted = t
            shifted.utf8Range = (t.utf8Range.lowerBound + from)..<(t.utf8Range.upperBound + from)
            return shifted
        }
    }

    /// Random text: pieces of every pool, realistic runs, and now and then a long stretch of separators.
    private func text(_ random: inout RandomText, corpus: inout RandomCorpus, pieces: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<pieces {
            switch random.below(10) {
            case 0..<4: bytes += Array(random.string(maxScalars: 24).utf8)
            case 4: bytes += random.brokenUTF8(maxScalars: 12)
            case 5: bytes += Array(String(repeating: random.pick(["，", "。", " ", "\n", "😀", "——"]), count: 50 + random.below(200)).utf8)
            default: bytes += Array(corpus.text(segments: 1 + random.below(6)).utf8)
            }
        }
        return bytes
    }

    private func assertRestartsAndCuts(_ bytes: [UInt8], _ points: [(position: Int, offset: Int)], _ random: inout RandomText,
                                       file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let whole = TokenRecorder.tokens(of: bytes).tokens
        for (position, offset) in points {
            let expected = Array(whole.drop { $0.position < position })
            guard tokens(bytes, from: offset, to: bytes.count, position: position) == expected else {
                XCTFail("restart at byte \(offset), position \(position) of \(bytes)", file: file, line: line)
                return false
            }
            let cut = bytes.withUnsafeBytes { CheckpointPicker.cut($0, atOrAfter: offset + random.below(bytes.count - offset + 1)) }
            let before = tokens(bytes, from: offset, to: cut, position: position).prefix { $0.utf8Range.upperBound < cut }
            guard Array(before) == expected.filter({ $0.utf8Range.upperBound < cut }) else {
                XCTFail("cut at \(cut) after a restart at byte \(offset), position \(position) of \(bytes)", file: file, line: line)
                return false
            }
        }
        return true
    }

    func testEveryCheckpointRestartsToTheWholeTextsTokensAndCutsKeepThem() {
        var random = RandomText(seed: 2026_12_02)
        var corpus = RandomCorpus(seed: 5)
        var total = 0
        for _ in 0..<300 {
            let bytes = text(&random, corpus: &corpus, pieces: 1 + random.below(30))
            // Every qualifying token: the strongest form of the promise.
            let points = checkpoints(bytes)
            total += points.count
            guard assertRestartsAndCuts(bytes, points, &random) else { return }
        }
        XCTAssertGreaterThan(total, 10_000)
    }

    func testTheIndexSpacingKeepsCheckpointsWithinItsIntervals() {
        var random = RandomText(seed: 9)
        var corpus = RandomCorpus(seed: 10)
        for _ in 0..<6 {
            let bytes = text(&random, corpus: &corpus, pieces: 3000)
            let points = checkpoints(bytes, tokenInterval: CheckpointPicker.defaultTokenInterval,
                                     byteInterval: CheckpointPicker.defaultByteInterval)
            XCTAssertGreaterThan(points.count, 5)
            guard assertRestartsAndCuts(bytes, points, &random) else { return }
            for (a, b) in zip([(position: 0, offset: 0)] + points, points) {
                XCTAssertTrue(a.position < b.position || a.position == 0 && b.position == 0)
                XCTAssertLessThan(a.offset, b.offset)
            }
        }
    }

    func testATokenSharingItsScalarWithTheTokenBeforeIsNoCheckpoint() {
        // ㏠ folds to 1日: its 1 ends the word abc1, its 日 starts the run-end token 日∎ at the same byte.
        // Restarting there would give a word 1 first; the first checkpoint is x, after every token's end.
        XCTAssertEqual(checkpoints(Array("abc㏠x".utf8)).map(\.position), [2])
        XCTAssertEqual(checkpoints(Array("abc㏠x".utf8)).map(\.offset), [6])
        // ㍿ folds to 株式会社: four tokens start at its byte; only the first of them (株式, after the bigram 中株) is one.
        XCTAssertEqual(checkpoints(Array("中㍿".utf8)).map(\.position), [1])
        XCTAssertEqual(checkpoints(Array("中㍿".utf8)).map(\.offset), [3])
    }

    func testACheckpointAfterALongGapLiesJustBeforeItsToken() {
        let bytes = Array(("北京" + String(repeating: "。", count: 400) + "上海").utf8)
        let points = checkpoints(bytes)
        // 北京 (0) and 京∎ (1, inside the run); 上海 (2) after 1,200 bytes of 。 (bytes 6 ..< 1206): 256 bytes
        // before it is byte 950, inside a 。, so the next character's start, 6 + 3 · 315; then 海∎ (3).
        XCTAssertEqual(points.map(\.position), [1, 2, 3])
        XCTAssertEqual(points.map(\.offset), [3, 951, 1209])
    }
}
