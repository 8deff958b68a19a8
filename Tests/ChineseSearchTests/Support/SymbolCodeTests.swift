import XCTest
@testable import ChineseSearch

/// The stored text's symbol code: the ranking's choice of one-byte ranks against every alternative, round trips of
/// code + LZ4 on every kind of input (random bytes, Chinese text, incompressible data, empty, scalars the table
/// lacks, blocks cut inside scalars), the codes checked against a decoder written here from the grammar, prefix
/// reads, and hostile codes and tables, each of which must fail (or read wrong bytes) without writing past the
/// output.
final class SymbolCodeTests: XCTestCase {
    // MARK: Helpers

    /// The ranking of the well-formed scalars of `text`, as a segment's writer makes it.
    private func ranking(of text: [UInt8]) -> SymbolRanking {
        var counter = SymbolCounter()
        text.withUnsafeBytes { counter.count($0) }
        return counter.ranking()
    }

    private func codes(_ text: [UInt8], _ ranking: SymbolRanking) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: SymbolCode.maximumCodedLength(text.count))
        let n = text.withUnsafeBytes { t in out.withUnsafeMutableBytes { SymbolEncoder(ranking).encode(t, into: $0) } }
        return Array(out[0..<n])
    }

    /// Decodes codes from the grammar with arrays: nil for a rank beyond the table or a cut code.
    private func referenceDecode(_ codes: [UInt8], _ ranking: SymbolRanking) -> [UInt8]? {
        var out: [UInt8] = [], i = 0
        let s = ranking.singleByteRanks
        while i < codes.count {
            let lead = Int(codes[i])
            var rank = lead
            if lead >= s {
                guard i + 1 < codes.count else { return nil }
                if lead == 255 { out.append(codes[i + 1]); i += 2; continue }
                rank = s + (lead - s) * 256 + Int(codes[i + 1])
                i += 1
            }
            i += 1
            guard rank < ranking.scalars.count else { return nil }
            out += Array(String(Character(Unicode.Scalar(ranking.scalars[rank])!)).utf8)
        }
        return out
    }

    /// LZ4 over the codes of `text`, with room for the worst case.
    private func block(_ text: [UInt8], _ ranking: SymbolRanking) -> [UInt8] {
        let c = codes(text, ranking)
        var out = [UInt8](repeating: 0, count: LZ4Block.maximumCompressedLength(c.count))
        var compressor = LZ4BlockCompressor()
        let n = c.withUnsafeBytes { s in out.withUnsafeMutableBytes { compressor.compress(s, into: $0) } }!
        return Array(out[0..<n])
    }

    /// Decodes `block` into exactly `count` bytes (or its first `prefix`) inside a guarded buffer; nil on failure.
    private func decoded(_ block: [UInt8], _ table: [UInt8], count: Int, prefix: Int? = nil, line: UInt = #line) -> [UInt8]? {
        let guardBytes = 64
        var buffer = [UInt8](repeating: 0xA5, count: count + 2 * guardBytes)
        var codes = [UInt8](repeating: 0, count: SymbolCode.maximumCodedLength(count))
        let ok = block.withUnsafeBytes { source in
            table.withUnsafeBytes { table in
                buffer.withUnsafeMutableBytes { all in
                    codes.withUnsafeMutableBytes { codes in
                        SymbolCode.decompress(source, table: SymbolTable(table)!,
                                              into: UnsafeMutableRawBufferPointer(rebasing: all[guardBytes..<(guardBytes + count)]),
                                              prefix: prefix ?? count, coded: codes)
                    }
                }
            }
        }
        XCTAssertTrue(buffer[0..<guardBytes].allSatisfy { $0 == 0xA5 }, "wrote before the output", line: line)
        XCTAssertTrue(buffer[(guardBytes + count)...].allSatisfy { $0 == 0xA5 }, "wrote past the output", line: line)
        return ok ? Array(buffer[guardBytes..<(guardBytes + (prefix.map { min($0, count) } ?? count))]) : nil
    }

    /// Codes `text` with `ranking`, checks the codes with the reference decoder and the round trip whole and in
    /// prefixes.
    private func assertRoundTrip(_ text: [UInt8], _ ranking: SymbolRanking, _ what: String, line: UInt = #line) {
        let c = codes(text, ranking)
        XCTAssertLessThanOrEqual(c.count, 2 * text.count, what, line: line)
        XCTAssertEqual(referenceDecode(c, ranking), text, "\(what): the reference decoder disagrees", line: line)
        let b = block(text, ranking), table = ranking.tableBytes
        XCTAssertEqual(decoded(b, table, count: text.count, line: line), text, "\(what): round trip", line: line)
        for prefix in Set([0, 1, 2, 3, text.count / 3, text.count / 2, max(0, text.count - 1)]) where prefix < text.count {
            XCTAssertEqual(decoded(b, table, count: text.count, prefix: prefix, line: line), Array(text[0..<prefix]),
                           "\(what): prefix \(prefix)", line: line)
        }
        for interval in [4, 7, 64, StoredBlockMarks.interval] { assertMarks(text, ranking, interval: interval, what, line: line) }
    }

    /// Where each code of `codes` begins, in the codes and in the text, from the grammar (as `referenceDecode`),
    /// then the end of both.
    private func referenceBoundaries(_ codes: [UInt8], _ ranking: SymbolRanking) -> [(code: Int, text: Int)] {
        var out: [(code: Int, text: Int)] = [], i = 0, t = 0
        let s = ranking.singleByteRanks
        while i < codes.count {
            out.append((i, t))
            let lead = Int(codes[i])
            if lead >= s && lead == 255 { i += 2; t += 1; continue }
            let rank = lead >= s ? s + (lead - s) * 256 + Int(codes[i + 1]) : lead
            i += lead >= s ? 2 : 1
            t += String(Character(Unicode.Scalar(ranking.scalars[rank])!)).utf8.count
        }
        out.append((i, t))
        return out
    }

    /// The marks the encoder gives every `interval` bytes are the first code boundaries at or after each
    /// multiple (from the reference walk), and decoding from the mark before any range (LZ4 only as far as the
    /// mark after it) gives exactly that range's bytes.
    private func assertMarks(_ text: [UInt8], _ ranking: SymbolRanking, interval: Int, _ what: String, line: UInt = #line) {
        var out = [UInt8](repeating: 0, count: SymbolCode.maximumCodedLength(text.count))
        var words: [UInt32] = [99]
        let n = text.withUnsafeBytes { t in
            out.withUnsafeMutableBytes { SymbolEncoder(ranking).encode(t, into: $0, marksEvery: interval, marks: &words) }
        }
        let c = Array(out[0..<n])
        XCTAssertEqual(c, codes(text, ranking), "\(what): marks do not change the codes", line: line)
        let boundaries = referenceBoundaries(c, ranking)
        let multiples = Array(stride(from: interval, to: text.count, by: interval))
        var next = 0
        let expected = multiples.map { m in
            while boundaries[next].text < m { next += 1 }
            return boundaries[next]
        }
        let marks = zip(1..., words).map { k, w in (code: Int(w >> 2), text: k * interval + Int(w & 3)) }
        XCTAssertEqual(marks.map(\.code), expected.map(\.code), "\(what), every \(interval): code offsets", line: line)
        XCTAssertEqual(marks.map(\.text), expected.map(\.text), "\(what), every \(interval): text offsets", line: line)
        guard !text.isEmpty else { return }
        let b = block(text, ranking), table = ranking.tableBytes
        let starts = [(code: 0, text: 0)] + marks
        var random = RandomText(seed: UInt64(text.count * 31 + interval))
        for _ in 0..<12 {
            let x = random.below(text.count), y = random.below(text.count + 1)
            let range = min(x, y)..<max(x, y)
            let from = starts.last { $0.text <= range.lowerBound }!
            let needed = marks.first { $0.text >= range.upperBound }?.code
            var decoded = [UInt8](repeating: 0, count: text.count)
            var scratch = [UInt8](repeating: 0, count: SymbolCode.maximumCodedLength(text.count))
            let ok = b.withUnsafeBytes { source in
                table.withUnsafeBytes { table in
                    decoded.withUnsafeMutableBytes { d in
                        scratch.withUnsafeMutableBytes { codes in
                            SymbolCode.decompress(source, table: SymbolTable(table)!, into: d, until: range.upperBound,
                                                  from: from, codesNeeded: needed, coded: codes)
                        }
                    }
                }
            }
            XCTAssertTrue(ok, "\(what), every \(interval): \(range)", line: line)
            XCTAssertEqual(decoded[range], text[range], "\(what), every \(interval): \(range) from mark at \(from)", line: line)
        }
    }

    private func randomBytes(_ random: inout RandomText, count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(random.below(256)) } }

    private func chinese(_ random: inout RandomText, pieces: Int) -> [UInt8] { Array(GeneratedCorpus.text(&random, pieces: pieces).utf8) }

    // MARK: Round trips

    func testEmptyTextAndEmptyTable() {
        let empty = ranking(of: [])
        XCTAssertEqual(empty.scalars, [])
        assertRoundTrip([], empty, "empty")
        assertRoundTrip(Array("abc香港".utf8), empty, "nothing listed: all escaped")
    }

    func testChineseTextRoundTripsAndShrinks() {
        var random = RandomText(seed: 1)
        for pieces in [1, 10, 100, 1_000, 5_000] {
            let text = chinese(&random, pieces: pieces)
            let r = ranking(of: text)
            assertRoundTrip(text, r, "chinese \(pieces) pieces")
            if pieces >= 100 { XCTAssertLessThan(codes(text, r).count, text.count * 2 / 3, "codes of \(pieces) pieces shrink") }
        }
    }

    func testRandomBytesAndIncompressibleDataRoundTrip() {
        var random = RandomText(seed: 2)
        for n in [1, 2, 3, 4, 5, 100, 1_000, 16_384, 70_000] {
            let bytes = randomBytes(&random, count: n)
            assertRoundTrip(bytes, ranking(of: bytes), "random \(n)")
        }
        // Random scalars from a wide pool: each about once, so nothing repeats for LZ4.
        let wide = (0..<20_000).map { _ in UInt32(0x4E00 + random.below(0x5200)) }
        let text = Array(String(String.UnicodeScalarView(wide.map { Unicode.Scalar($0)! })).utf8)
        assertRoundTrip(text, ranking(of: text), "wide scalars")
    }

    /// A table made from one text codes another: scalars it lacks (and NUL, and supplementary ones) are escaped.
    func testScalarsOutsideTheTableAreEscaped() {
        var random = RandomText(seed: 3)
        let table = ranking(of: chinese(&random, pieces: 500))
        let other = Array("\0𠀀𠀁 emoji 😀 Ω ü 丂丄 \u{10FFFF}".utf8) + chinese(&random, pieces: 300)
        assertRoundTrip(other, table, "other text")
        let zero = ranking(of: [0, 0, 0, 0x41])
        XCTAssertEqual(zero.scalars, [0x41], "NUL is never listed")
        assertRoundTrip([0, 0, 0x41, 0], zero, "NUL")
    }

    /// Blocks cut anywhere, inside scalars too, and ill-formed UTF-8 (overlong, surrogates, stray continuation
    /// bytes, cut sequences) round-trip byte for byte.
    func testCutScalarsAndIllFormedBytesRoundTrip() {
        var random = RandomText(seed: 4)
        let text = chinese(&random, pieces: 400) + Array("𠀀😀".utf8)
        let r = ranking(of: text)
        for _ in 0..<200 {
            let a = random.below(text.count), b = random.below(text.count)
            assertRoundTrip(Array(text[min(a, b)..<max(a, b)]), r, "cut \(min(a, b))..<\(max(a, b))")
        }
        let illFormed: [[UInt8]] = [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                    [0x80], [0xBF, 0x41], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xFF, 0xFE], [0xF5, 0x80]]
        for bytes in illFormed { assertRoundTrip(bytes + Array("香港".utf8) + bytes, r, "ill-formed \(bytes)") }
    }

    /// Every one-byte rank count 0…255 (two-byte codes from every lead byte, none at 255) codes and decodes.
    func testEveryCountOfOneByteRanks() {
        var random = RandomText(seed: 5)
        let text = chinese(&random, pieces: 3_000)
        let scalars = ranking(of: text).scalars
        for single in [0, 1, 127, 128, 129, 200, 254, 255] {
            let r = SymbolRanking(singleByteRanks: single, scalars: Array(scalars.prefix(SymbolCode.capacity(singleByteRanks: single))))
            assertRoundTrip(text, r, "S = \(single)")
        }
    }

    // MARK: The ranking

    /// The chosen number of one-byte ranks gives the fewest code bytes of the counted text among all of 128…255
    /// (the larger on a tie), found here by coding the text with each.
    func testTheChosenSplitCodesTheTextInTheFewestBytes() {
        var random = RandomText(seed: 6)
        let texts = [chinese(&random, pieces: 50), chinese(&random, pieces: 4_000), Array("aaaa bbb cc d 香港".utf8),
                     Array(String(String.UnicodeScalarView((0..<40_000).map { _ in Unicode.Scalar(UInt32(0x4E00 + random.below(0x5200)))! })).utf8)]
        for text in texts {
            let chosen = ranking(of: text)
            var counts: [UInt32: Int] = [:]
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars { counts[scalar.value, default: 0] += 1 }
            let byRank = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            XCTAssertEqual(chosen.scalars, Array(byRank.prefix(chosen.scalars.count)), "rank order")
            var best = (single: -1, bytes: Int.max)
            for single in 128...255 {
                let r = SymbolRanking(singleByteRanks: single, scalars: Array(byRank.prefix(SymbolCode.capacity(singleByteRanks: single))))
                let n = codes(text, r).count
                if n <= best.bytes { best = (single, n) }
            }
            XCTAssertEqual(chosen.singleByteRanks, best.single, "text of \(text.count) bytes")
        }
    }

    func testTableBytesFollowTheGrammar() {
        let r = SymbolRanking(singleByteRanks: 200, scalars: [0x41, 0x00E9, 0x9999, 0x2_0000])
        XCTAssertEqual(r.tableBytes, [200, 0, 0, 0, 0x41, 0, 0, 0, 0xC3, 0xA9, 0, 0, 0xE9, 0xA6, 0x99, 0, 0xF0, 0xA0, 0x80, 0x80])
    }

    // MARK: Hostile codes and tables

    func testHostileCodesFailWithoutWritingPastTheOutput() {
        // 102 symbols: ranks 102…127 and every two-byte rank lie beyond the table.
        let r = SymbolRanking(singleByteRanks: 128, scalars: [0x41, 0x9999] + (0..<100).map { 0x4E00 + $0 })
        let table = r.tableBytes
        func lz4(_ codes: [UInt8]) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: LZ4Block.maximumCompressedLength(codes.count))
            var compressor = LZ4BlockCompressor()
            let n = codes.withUnsafeBytes { s in out.withUnsafeMutableBytes { compressor.compress(s, into: $0) } }!
            return Array(out[0..<n])
        }
        XCTAssertEqual(decoded(lz4([0, 1, 101]), table, count: 7), Array("A香\u{4E63}".utf8), "well-formed codes decode")
        let cases: [(codes: [UInt8], count: Int, what: String)] = [
            ([0, 127], 4, "one-byte rank beyond the table"),
            ([0, 129, 0], 4, "two-byte rank beyond the table"),
            ([0, 254, 255], 4, "the last lead byte"),
            ([0, 128], 4, "a two-byte code cut by the end"),
            ([0, 255], 2, "an escape cut by the end"),
            ([0, 1], 3, "a symbol running past the block"),
            ([0, 1], 5, "codes giving fewer bytes than the block"),
            ([0, 1, 0], 4, "codes giving more bytes than the block"),
            ([1], 2, "a symbol longer than the whole block"),
            ([255, 7, 255], 1, "an escape cut after the block's bytes"),
        ]
        for c in cases { XCTAssertNil(decoded(lz4(c.codes), table, count: c.count), c.what) }
    }

    /// Starts a damaged mark could give: past the codes, past the wanted bytes, negative, inside a code, with a
    /// wrong text offset or a wrong count of codes needed. Each fails or reads wrong bytes, never past the output.
    func testHostileStartsFailOrReadInsideTheOutput() {
        var random = RandomText(seed: 9)
        let text = chinese(&random, pieces: 300)
        let r = ranking(of: text), b = block(text, r), table = r.tableBytes
        let n = codes(text, r).count
        let starts: [(code: Int, text: Int, needed: Int?, fails: Bool)] = [
            (n + 1, 10, nil, true), (Int.max / 4, 10, nil, true), (0, text.count + 1, nil, true), (-1, 0, nil, true),
            (0, -5, nil, true), (1, 0, nil, false), (3, 1, 2, false), (n, text.count - 50, 0, false), (0, 0, Int.max, false),
        ]
        for start in starts {
            let guardBytes = 64
            var buffer = [UInt8](repeating: 0xA5, count: text.count + 2 * guardBytes)
            var scratch = [UInt8](repeating: 0, count: SymbolCode.maximumCodedLength(text.count))
            let ok = b.withUnsafeBytes { source in
                table.withUnsafeBytes { table in
                    buffer.withUnsafeMutableBytes { all in
                        scratch.withUnsafeMutableBytes { codes in
                            SymbolCode.decompress(source, table: SymbolTable(table)!,
                                                  into: UnsafeMutableRawBufferPointer(rebasing: all[guardBytes..<(guardBytes + text.count)]),
                                                  until: text.count - 20, from: (start.code, start.text),
                                                  codesNeeded: start.needed, coded: codes)
                        }
                    }
                }
            }
            if start.fails { XCTAssertFalse(ok, "\(start)") }
            XCTAssertTrue(buffer[0..<guardBytes].allSatisfy { $0 == 0xA5 }, "wrote before the output: \(start)")
            XCTAssertTrue(buffer[(guardBytes + text.count)...].allSatisfy { $0 == 0xA5 }, "wrote past the output: \(start)")
        }
    }

    func testRandomDamageNeverWritesOutsideTheOutput() {
        var random = RandomText(seed: 7)
        let text = chinese(&random, pieces: 600)
        let r = ranking(of: text)
        let good = block(text, r), table = r.tableBytes
        for _ in 0..<2_000 {
            var damaged = good
            for _ in 0..<(1 + random.below(3)) { damaged[random.below(damaged.count)] ^= UInt8(1 + random.below(255)) }
            let prefix = random.below(2) == 0 ? nil : random.below(text.count)
            _ = decoded(damaged, table, count: text.count, prefix: prefix)
        }
    }

    func testTablesOfBadSizesAreRefusedAndBadEntriesReported() {
        func table(_ bytes: [UInt8]) -> SymbolTable? { bytes.withUnsafeBytes { SymbolTable($0) } }
        func damage(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBytes { SymbolTable($0)!.firstDamage() } }
        XCTAssertNil(table([]), "no header")
        XCTAssertNil(table([128, 0, 0]), "short header")
        XCTAssertNil(table([0, 1, 0, 0]), "256 one-byte ranks")
        XCTAssertNil(table([0xFF, 0xFF, 0xFF, 0xFF]), "absurd header")
        XCTAssertNil(table([128, 0, 0, 0, 0x41, 0, 0]), "a cut entry")
        XCTAssertNil(table([255, 0, 0, 0] + [UInt8](repeating: 0x41, count: 4 * 256)), "more symbols than 255 one-byte ranks hold")
        XCTAssertNotNil(table([255, 0, 0, 0] + (0..<255).flatMap { [UInt8](String(Character(Unicode.Scalar(0x4E00 + UInt32($0))!)).utf8) + [0] }))
        XCTAssertNil(damage(SymbolRanking(singleByteRanks: 200, scalars: [0x41, 0x9999, 0x2_0000]).tableBytes))
        let bad: [([UInt8], String)] = [([0, 0, 0, 0], "empty entry"), ([0x41, 0, 0x42, 0], "a zero inside"),
                                        ([0x41, 0x42, 0, 0], "two scalars"), ([0xC0, 0x80, 0, 0], "overlong"),
                                        ([0xED, 0xA0, 0x80, 0], "surrogate"), ([0xF4, 0x90, 0x80, 0x80], "past U+10FFFF"),
                                        ([0xE9, 0xA6, 0, 0], "cut scalar"), ([0x80, 0, 0, 0], "continuation byte"),
                                        ([0xFF, 0xFF, 0xFF, 0xFF], "not UTF-8")]
        for (entry, what) in bad {
            XCTAssertEqual(damage([128, 0, 0, 0, 0x41, 0, 0, 0] + entry), "stored text symbol 1 is not the UTF-8 of one scalar", what)
        }
        XCTAssertEqual(damage([128, 0, 0, 0, 0xE9, 0xA6, 0x99, 0, 0x41, 0, 0, 0, 0xE9, 0xA6, 0x99, 0]),
                       "stored text symbols list a scalar twice")
    }
}
