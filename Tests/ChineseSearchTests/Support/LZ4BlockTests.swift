import XCTest
@testable import ChineseSearch

/// The LZ4 block codec: round trips on every kind of input, the compressor's output checked against a decoder
/// written here from the specification (and its end rules), and malformed blocks built by hand, each of which
/// must fail without writing past the output.
final class LZ4BlockTests: XCTestCase {
    // MARK: Helpers

    /// `bytes` compressed with room for the worst case.
    private func compressed(_ bytes: [UInt8], _ compressor: inout LZ4BlockCompressor) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: LZ4Block.maximumCompressedLength(bytes.count))
        let n = bytes.withUnsafeBytes { source in out.withUnsafeMutableBytes { compressor.compress(source, into: $0) } }
        return Array(out[0..<n!])
    }

    /// Decodes `block` into exactly `count` bytes; nil on failure. The destination sits inside a larger buffer
    /// whose bytes around it must stay untouched.
    private func decoded(_ block: [UInt8], count: Int, line: UInt = #line) -> [UInt8]? {
        let guardBytes = 64
        var buffer = [UInt8](repeating: 0xA5, count: count + 2 * guardBytes)
        let ok = block.withUnsafeBytes { source in
            buffer.withUnsafeMutableBytes { all in
                LZ4Block.decompress(source, into: UnsafeMutableRawBufferPointer(rebasing: all[guardBytes..<(guardBytes + count)]))
            }
        }
        XCTAssertTrue(buffer[0..<guardBytes].allSatisfy { $0 == 0xA5 }, "wrote before the output", line: line)
        XCTAssertTrue(buffer[(guardBytes + count)...].allSatisfy { $0 == 0xA5 }, "wrote past the output", line: line)
        return ok ? Array(buffer[guardBytes..<(guardBytes + count)]) : nil
    }

    /// A decoder written from `doc/lz4_Block_format.md` with arrays and no shortcuts, which also reports where
    /// the last match started and ended (the end rules). nil for anything malformed.
    private func referenceDecode(_ block: [UInt8]) -> (bytes: [UInt8], lastMatch: Range<Int>?)? {
        var out: [UInt8] = [], i = 0, lastMatch: Range<Int>?
        func length(_ field: Int) -> Int? {
            var n = field
            if field == 15 {
                while true {
                    guard i < block.count else { return nil }
                    n += Int(block[i]); i += 1
                    if block[i - 1] != 255 { break }
                }
            }
            return n
        }
        while true {
            guard i < block.count else { return nil }
            let token = Int(block[i]); i += 1
            guard let literals = length(token >> 4), i + literals <= block.count else { return nil }
            out += block[i..<(i + literals)]; i += literals
            if i == block.count { return (out, lastMatch) }
            guard i + 2 <= block.count else { return nil }
            let offset = Int(block[i]) | Int(block[i + 1]) << 8; i += 2
            guard offset > 0, offset <= out.count, let extra = length(token & 15) else { return nil }
            let start = out.count
            for _ in 0..<(extra + 4) { out.append(out[out.count - offset]) }
            lastMatch = start..<out.count
        }
    }

    /// Compresses `input`, checks the block with the reference decoder and the end rules, and decodes it back.
    private func assertRoundTrip(_ input: [UInt8], _ compressor: inout LZ4BlockCompressor, _ what: String,
                                 line: UInt = #line) {
        let block = compressed(input, &compressor)
        XCTAssertLessThanOrEqual(block.count, LZ4Block.maximumCompressedLength(input.count), what, line: line)
        guard let reference = referenceDecode(block) else { return XCTFail("\(what): not a valid block", line: line) }
        XCTAssertEqual(reference.bytes, input, "\(what): the reference decoder disagrees", line: line)
        if let last = reference.lastMatch {
            XCTAssertLessThanOrEqual(last.lowerBound, input.count - 12, "\(what): a match starts in the last 12 bytes", line: line)
            XCTAssertLessThanOrEqual(last.upperBound, input.count - 5, "\(what): the last 5 bytes are not literals", line: line)
        }
        XCTAssertEqual(decoded(block, count: input.count, line: line), input, "\(what): round trip", line: line)
    }

    private func randomBytes(_ random: inout RandomText, count: Int, alphabet: Int = 256) -> [UInt8] {
        (0..<count).map { _ in UInt8(random.below(alphabet)) }
    }

    /// Chinese-looking UTF-8: the test corpus's text, many pieces.
    private func chinese(_ random: inout RandomText, pieces: Int) -> [UInt8] {
        Array(GeneratedCorpus.text(&random, pieces: pieces).utf8)
    }

    // MARK: Round trips

    func testEmptyInputIsOneZeroToken() {
        var compressor = LZ4BlockCompressor()
        XCTAssertEqual(compressed([], &compressor), [0])
        XCTAssertEqual(decoded([0], count: 0), [])
        assertRoundTrip([], &compressor, "empty")
    }

    func testEveryLengthFromZeroTo300() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 1)
        for n in 0...300 {
            assertRoundTrip(randomBytes(&random, count: n), &compressor, "random \(n)")
            assertRoundTrip(randomBytes(&random, count: n, alphabet: 3), &compressor, "three symbols \(n)")
            assertRoundTrip([UInt8](repeating: UInt8(n & 0xFF), count: n), &compressor, "all equal \(n)")
        }
    }

    func testRandomBytesAndIncompressibleData() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 2)
        for n in [1_000, 16_383, 16_384, 16_385, 65_536, 200_000] {
            let input = randomBytes(&random, count: n)
            assertRoundTrip(input, &compressor, "random \(n)")
            // Incompressible input does not shrink: asked for less room than the input, compression gives up.
            var out = [UInt8](repeating: 0, count: n - 1)
            let result = input.withUnsafeBytes { s in out.withUnsafeMutableBytes { compressor.compress(s, into: $0) } }
            XCTAssertNil(result, "random \(n) shrank")
        }
    }

    func testAllEqualBytesAndLongOverlappingMatches() {
        var compressor = LZ4BlockCompressor()
        for n in [1_000, 16_384, 70_000, 300_000] {
            let input = [UInt8](repeating: 0x61, count: n)
            let block = compressed(input, &compressor)
            XCTAssertLessThan(block.count, n / 200 + 20, "all equal \(n): one long match of offset 1")
            assertRoundTrip(input, &compressor, "all equal \(n)")
        }
        // Period 3 (offset 3 < match length), a Chinese character repeated (offset 3 again), period 7, period 300.
        let patterns: [[UInt8]] = [Array("abc".utf8), Array("的".utf8), Array("abcdefg".utf8), (0..<300).map { UInt8($0 % 251) }]
        for pattern in patterns {
            let input = Array((0..<(100_000 / pattern.count)).map { _ in pattern }.joined())
            assertRoundTrip(input, &compressor, "period \(pattern.count)")
        }
    }

    func testChineseTextCompressesAndRoundTrips() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 3)
        var total = 0, packed = 0
        for pieces in [1, 10, 100, 1_000, 5_000] {
            let input = chinese(&random, pieces: pieces)
            assertRoundTrip(input, &compressor, "chinese \(pieces) pieces")
            total += input.count
            packed += compressed(input, &compressor).count
        }
        XCTAssertLessThan(packed, total * 3 / 4, "repetitive Chinese text shrinks")
    }

    func testBlocksOfExactlyAndMoreThanTheBlockSize() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 4)
        let text = chinese(&random, pieces: 20_000)
        for n in [StoredBlockIndex.blockSize - 1, StoredBlockIndex.blockSize, StoredBlockIndex.blockSize + 1,
                  3 * StoredBlockIndex.blockSize, 65_535, 65_536, 65_537, 140_000] {
            assertRoundTrip(Array(text.prefix(n)), &compressor, "chinese \(n) bytes")
        }
    }

    /// The table is reused: a block that repeats the previous one must not refer back into it (each block
    /// decodes alone), and a fresh compressor gives the same bytes as a reused one.
    func testReusedTableNeverReachesIntoAnEarlierBlock() {
        var reused = LZ4BlockCompressor()
        var random = RandomText(seed: 5)
        for round in 0..<40 {
            let input = round % 2 == 0 ? chinese(&random, pieces: random.below(2_000)) : randomBytes(&random, count: random.below(5_000), alphabet: 4)
            let again = compressed(input, &reused)
            var fresh = LZ4BlockCompressor()
            XCTAssertEqual(again, compressed(input, &fresh), "round \(round): the reused table changed the output")
            assertRoundTrip(input, &reused, "round \(round)")
        }
    }

    func testTooSmallOutputGivesNilAndNeverWritesPastIt() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 6)
        let input = chinese(&random, pieces: 300)
        let full = compressed(input, &compressor).count
        for capacity in [0, 1, 2, full / 2, full - 1, full] {
            var buffer = [UInt8](repeating: 0xA5, count: capacity + 32)
            let result = input.withUnsafeBytes { s in
                buffer.withUnsafeMutableBytes { compressor.compress(s, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<capacity])) }
            }
            XCTAssertEqual(result, capacity >= full ? full : nil, "capacity \(capacity)")
            XCTAssertTrue(buffer[capacity...].allSatisfy { $0 == 0xA5 }, "capacity \(capacity): wrote past the output")
        }
    }

    /// A prefix decode writes the same first bytes as a whole one and stops there; asked for the whole length it
    /// is the whole decode, checks included.
    func testPrefixDecodeGivesTheFirstBytesOfTheBlock() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 10)
        let input = chinese(&random, pieces: 1_500)
        let block = compressed(input, &compressor)
        for prefix in [0, 1, 2, 15, 16, 17, 100, input.count / 2, input.count - 1, input.count, input.count + 5] {
            var out = [UInt8](repeating: 0, count: input.count)
            let ok = block.withUnsafeBytes { s in out.withUnsafeMutableBytes { LZ4Block.decompress(s, into: $0, prefix: prefix) } }
            XCTAssertTrue(ok, "prefix \(prefix)")
            let n = min(prefix, input.count)
            XCTAssertEqual(Array(out[0..<n]), Array(input[0..<n]), "prefix \(prefix)")
        }
        // The whole length still demands an exact end; a prefix ending before a cut does not read the cut.
        let cut = Array(block[0..<(block.count - 3)])
        var out = [UInt8](repeating: 0, count: input.count)
        XCTAssertFalse(cut.withUnsafeBytes { s in out.withUnsafeMutableBytes { LZ4Block.decompress(s, into: $0, prefix: input.count) } })
        XCTAssertTrue(cut.withUnsafeBytes { s in out.withUnsafeMutableBytes { LZ4Block.decompress(s, into: $0, prefix: 100) } })
        XCTAssertEqual(Array(out[0..<100]), Array(input[0..<100]))
    }

    /// Decoding in steps (each call resuming where the last stopped, into a destination larger than the block's
    /// output) gives the block's bytes, ends with `finished` exactly at its end, and never stops before `until`.
    func testResumedDecodingInStepsGivesTheWholeBlock() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 11)
        for pieces in [0, 1, 40, 1_500] {
            let input = chinese(&random, pieces: pieces)
            let block = compressed(input, &compressor)
            var out = [UInt8](repeating: 0, count: input.count + 100)
            var progress = LZ4Block.Progress()
            var steps = 0
            while !progress.finished {
                let until = progress.output + 1 + random.below(300)
                let ok = block.withUnsafeBytes { s in
                    out.withUnsafeMutableBytes { LZ4Block.decompress(s, into: $0, resuming: &progress, until: until) }
                }
                XCTAssertTrue(ok, "\(pieces) pieces, step \(steps)")
                XCTAssertTrue(progress.finished || progress.output >= until, "stopped short of \(until)")
                steps += 1
            }
            XCTAssertEqual(progress.input, block.count)
            XCTAssertEqual(Array(out[0..<progress.output]), input, "\(pieces) pieces in \(steps) steps")
            let again = block.withUnsafeBytes { s in
                out.withUnsafeMutableBytes { LZ4Block.decompress(s, into: $0, resuming: &progress, until: .max) }
            }
            XCTAssertTrue(again, "a finished block stays finished")
        }
    }

    // MARK: Malformed blocks

    func testTruncatedBlocksFail() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 7)
        let input = chinese(&random, pieces: 400)
        let block = compressed(input, &compressor)
        for cut in 0..<block.count {
            XCTAssertNil(decoded(Array(block[0..<cut]), count: input.count), "a block cut at \(cut) decodes")
        }
    }

    func testWrongExpectedLengthFails() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 8)
        let input = chinese(&random, pieces: 400)
        let block = compressed(input, &compressor)
        for count in [0, 1, input.count - 1, input.count + 1, input.count + 100] {
            XCTAssertNil(decoded(block, count: count), "decoded into \(count) bytes instead of \(input.count)")
        }
        XCTAssertNil(decoded([], count: 0), "an empty input is not a block")
    }

    func testBadOffsetsFail() {
        // "abcd", then a match of 4 at the given offset, then the 5-byte tail.
        func block(offset: Int) -> [UInt8] { [0x40] + Array("abcd".utf8) + [UInt8(offset & 0xFF), UInt8(offset >> 8), 0x50] + Array("vwxyz".utf8) }
        XCTAssertEqual(decoded(block(offset: 4), count: 13), Array("abcdabcdvwxyz".utf8))
        XCTAssertEqual(decoded(block(offset: 1), count: 13), Array("abcddddd".utf8) + Array("vwxyz".utf8))
        XCTAssertNil(decoded(block(offset: 0), count: 13), "offset 0")
        XCTAssertNil(decoded(block(offset: 5), count: 13), "offset before the output's start")
        XCTAssertNil(decoded(block(offset: 65_535), count: 13), "offset far before the output's start")
        XCTAssertNil(decoded([0x00, 0x01, 0x00, 0x00], count: 4), "a match before any output")
    }

    func testLengthsRunningPastEitherEndFail() {
        let tail: [UInt8] = [0x50] + Array("vwxyz".utf8)
        // Literal length 5 with 4 literals present; 15 + extra bytes running past the input.
        XCTAssertNil(decoded([0x50] + Array("abcd".utf8), count: 5))
        XCTAssertNil(decoded([0xF0, 255, 255], count: 600))
        XCTAssertNil(decoded([0xF0] + [UInt8](repeating: 255, count: 10_000), count: 100), "long extra bytes stop at the output's size")
        // Literals longer than the output.
        XCTAssertNil(decoded([0x50] + Array("abcde".utf8), count: 4))
        // Match longer than the output (4 + 15 + 200 bytes into 30), and a match whose extra bytes run off the input.
        XCTAssertNil(decoded([0x4F] + Array("abcd".utf8) + [4, 0, 200] + tail, count: 30))
        XCTAssertNil(decoded([0x4F] + Array("abcd".utf8) + [4, 0, 255], count: 300))
        XCTAssertEqual(decoded([0x4F] + Array("abcd".utf8) + [4, 0, 0] + tail, count: 28),
                       Array(String(repeating: "abcd", count: 5).utf8) + [0x61, 0x62, 0x63] + Array("vwxyz".utf8))
        // An offset cut short, and a block that ends after a match (the last sequence must be literals).
        XCTAssertNil(decoded([0x40] + Array("abcd".utf8) + [4], count: 8))
        XCTAssertNil(decoded([0x40] + Array("abcd".utf8) + [4, 0], count: 8))
    }

    /// Random damage to real blocks: decoding returns (true or false) without writing outside its output.
    func testRandomDamageNeverWritesOutsideTheOutput() {
        var compressor = LZ4BlockCompressor()
        var random = RandomText(seed: 9)
        for round in 0..<300 {
            let input = chinese(&random, pieces: 1 + random.below(300))
            var block = compressed(input, &compressor)
            for _ in 0...random.below(4) { block[random.below(block.count)] ^= UInt8(1 + random.below(255)) }
            let count = random.below(3) == 0 ? random.below(2 * input.count + 1) : input.count
            if let out = decoded(block, count: count) {
                XCTAssertEqual(out.count, count, "round \(round)")
                XCTAssertEqual(referenceDecode(block)?.bytes, out, "round \(round): accepted what the reference rejects")
            }
        }
    }
}
