import XCTest
@testable import ChineseSearch

/// `PositionsEncoder`, `PositionsFormat` and the cursor's positions against plain arrays: every value width
/// 0…32 and every tail length 0…127 of a block's chunks, documents crossing chunks, long documents, extreme
/// positions, and damage (truncated chunks, bad parameters and lengths, starts out of range) that must stop
/// cleanly.
final class PositionsCodecTests: XCTestCase {
    /// One block of `values` through the encoder: its bytes.
    private func encodeBlock(_ values: [UInt32]) -> [UInt8] {
        var encoder = PositionsEncoder()
        encoder.beginList()
        for v in values { encoder.append(v) }
        encoder.endBlock()
        var bytes: [UInt8] = []
        encoder.take { bytes.append(contentsOf: $0) }
        XCTAssertEqual(encoder.listBytes, bytes.count)
        return bytes
    }

    /// The chunks of a block of `total` values by the grammar, decoded: a full chunk's `chunkBytes` must lead to
    /// the next one; returns the values and the offset after the last chunk.
    private func decodeBlock(_ bytes: [UInt8], total: Int) -> (values: [UInt32], end: Int)? {
        let buffer = bytes + [UInt8](repeating: 0, count: BitPacking.paddingBytes)
        return buffer.withUnsafeBytes { raw -> ([UInt32], Int)? in
            var values: [UInt32] = []
            var offset = 0
            var chunk = [UInt32](repeating: 0, count: PositionsFormat.chunkSize)
            var c = 0
            while c * PositionsFormat.chunkSize < total {
                let n = PositionsFormat.chunkCount(c, total: total)
                let end = chunk.withUnsafeMutableBufferPointer {
                    PositionsFormat.decodeChunk(raw, at: offset, count: n, into: $0.baseAddress!)
                }
                guard let end else { return nil }
                if n == PositionsFormat.chunkSize { XCTAssertEqual(end, offset + 2 + PositionsFormat.chunkBytes(raw, at: offset)!) }
                values += chunk.prefix(n)
                offset = end
                c += 1
            }
            return (values, offset)
        }
    }

    func testEveryValueWidthAndEveryTailLengthRoundTrip() throws {
        var random = RandomText(seed: 0x9051)
        for w in 0...32 {
            for total in Array(0...128) + (129...255).filter({ $0 % 3 == 0 || $0 == 255 }) + [256, 300, 1000] {
                let mask = w == 0 ? 0 : UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(w)) - 1)
                var values = (0..<total).map { _ in
                    random.below(3) == 0 ? UInt32(truncatingIfNeeded: random.next()) & mask : UInt32(random.below(20)) & mask
                }
                // Every chunk holds a value of exactly width w, so a mask or parameter one bit short is caught.
                for c in stride(from: 0, to: total, by: 128) { values[c + random.below(min(128, total - c))] = mask }
                let bytes = encodeBlock(values)
                let decoded = try XCTUnwrap(decodeBlock(bytes, total: total), "width \(w), \(total) values")
                XCTAssertEqual(decoded.values, values, "width \(w), \(total) values")
                XCTAssertEqual(decoded.end, bytes.count, "width \(w), \(total) values: the block's end")
            }
        }
    }

    func testChunkLayoutFollowsTheGrammar() {
        // Fewer than 4 values: varints, nothing else.
        for values: [UInt32] in [[], [0], [300, 5], [UInt32.max, 0, 127]] {
            var expected = ByteWriter()
            for v in values { expected.varint(UInt64(v)) }
            XCTAssertEqual(encodeBlock(values), expected.bytes)
        }
        // 4…127 values: k, then the Rice codes.
        let tail: [UInt32] = [3, 1000, 7, 12, 99]
        var codes = ByteWriter()
        let k = tail.withUnsafeBufferPointer { RiceCoding.parameter($0.baseAddress!, count: tail.count) }
        tail.withUnsafeBufferPointer { RiceCoding.encode($0.baseAddress!, count: tail.count, k: k, into: &codes) }
        XCTAssertEqual(encodeBlock(tail), [UInt8(k)] + codes.bytes)
        // 128 values: chunkBytes u16 (the bytes after it), k, codes; then the next chunk.
        let full = (0..<128).map { UInt32($0 * 37 % 500) }
        let bytes = encodeBlock(full + [9])
        var fullCodes = ByteWriter()
        let fullK = full.withUnsafeBufferPointer { RiceCoding.parameter($0.baseAddress!, count: 128) }
        full.withUnsafeBufferPointer { RiceCoding.encode($0.baseAddress!, count: 128, k: fullK, into: &fullCodes) }
        let length = 1 + fullCodes.count
        XCTAssertEqual(bytes, [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(fullK)] + fullCodes.bytes + [9])
    }

    /// A list whose documents have the given tfs, positions random and ascending (gaps up to `maxGap`).
    private func list(tfs: [Int], maxGap: Int, random: inout RandomText) -> PlainList {
        PlainList(positions: tfs.map { tf in
            var p = UInt32(random.below(maxGap))
            var ps: [UInt32] = []
            for i in 0..<tf {
                if i > 0 { p += 1 + UInt32(random.below(maxGap)) }
                ps.append(p)
            }
            return ps
        })
    }

    /// Reads the positions of every document (some twice, some not at all), through `next` and `advance(to:)`.
    private func assertCursorReads(_ list: PlainList, random: inout RandomText, _ what: String) {
        let encoded = EncodedList(list, listStart: random.below(5), positionsStart: random.below(5))
        for pass in 0..<3 {
            encoded.withCursor(list) { cursor in
                var i = 0
                while cursor.doc != PostingsCursor.end {
                    XCTAssertEqual(cursor.doc, list.docs[i], what)
                    if pass == 0 || random.below(3) != 0 {
                        XCTAssertEqual(cursor.allPositions(), list.positions[i], "\(what): document \(i)")
                        if random.below(4) == 0 { XCTAssertEqual(cursor.allPositions(), list.positions[i], "\(what): again") }
                    }
                    if pass == 2 && random.below(10) == 0 {
                        cursor.advance(to: cursor.doc + UInt32(1 + random.below(300)))
                        i = list.lowerBound(cursor.doc)
                    } else {
                        cursor.next()
                        i += 1
                    }
                }
                XCTAssertFalse(cursor.damaged, what)
            }
        }
    }

    func testDocumentsCrossingChunksAndBlocksReadTheirOwnPositions() {
        var random = RandomText(seed: 0x7F5)
        // tf sums that cross chunk boundaries inside a document, documents of more than 128 positions, blocks
        // whose sum is a multiple of 128, and single-value documents between them.
        let shapes: [[Int]] = [
            [100, 50, 200, 1, 127, 129, 300, 1, 1, 128, 128, 2, 3],
            [Int](repeating: 1, count: 128) + [Int](repeating: 2, count: 128) + [3],
            [Int](repeating: 1, count: 300),
            (0..<700).map { _ in 1 + (random.below(8) == 0 ? random.below(400) : random.below(5)) },
            [129], [128], [127], [4], [3], [1],
        ]
        for (s, tfs) in shapes.enumerated() {
            for maxGap in [1, 30, 5000] {
                assertCursorReads(list(tfs: tfs, maxGap: maxGap, random: &random), random: &random, "shape \(s), gaps \(maxGap)")
            }
        }
    }

    func testASingleDocumentWithAHundredThousandPositions() {
        var random = RandomText(seed: 0x100)
        let long = list(tfs: [100_000], maxGap: 40, random: &random)
        assertCursorReads(long, random: &random, "one document")
        let around = list(tfs: [2] + [100_000] + [Int](repeating: 1, count: 200), maxGap: 3, random: &random)
        assertCursorReads(around, random: &random, "among others")
    }

    func testPositionsUpToTheLargestUInt32() {
        var random = RandomText(seed: 0xFFFF)
        let top = UInt32.max
        var positions: [[UInt32]] = [[top], [0, top], [top - 1, top], [0], [1 << 31, top]]
        positions += (0..<200).map { _ in [UInt32(truncatingIfNeeded: random.next()) | 1 << 31] }
        positions += [(0..<300).map { top - 299 + UInt32($0) }]
        assertCursorReads(PlainList(positions: positions), random: &random, "extreme positions")
    }

    // MARK: Damage

    /// Reads every document's positions of `list` from `positions` in place of its own; whether the cursor
    /// reported damage. Positions it does return must be the true ones, up to where damage stopped it.
    private func readDamaged(_ list: PlainList, _ encoded: EncodedList, positions: [UInt8],
                             positionsStart: Int? = nil) -> Bool {
        var damaged = encoded
        damaged.positions = positions
        if let positionsStart { damaged.positionsStart = positionsStart }
        var sawDamage = false
        damaged.withCursor(list) { cursor in
            var i = 0
            while cursor.doc != PostingsCursor.end {
                var seen: [UInt32] = []
                cursor.forEachPosition { seen.append($0); return true }
                if cursor.damaged {
                    sawDamage = true
                    XCTAssertEqual(seen, Array(list.positions[i].prefix(seen.count)), "positions before damage")
                    break
                }
                XCTAssertEqual(seen, list.positions[i])
                cursor.next()
                i += 1
            }
        }
        return sawDamage
    }

    private func damageFixture() -> (PlainList, EncodedList) {
        var random = RandomText(seed: 0xDA)
        let list = list(tfs: [3, 200, 1, 1, 60] + [Int](repeating: 2, count: 140), maxGap: 900, random: &random)
        return (list, EncodedList(list, listStart: 0, positionsStart: 0))
    }

    func testTruncatedChunksStopTheCursor() {
        let (list, encoded) = damageFixture()
        let dataEnd = encoded.positions.count - BitPacking.paddingBytes
        for cut in 0..<dataEnd {
            XCTAssertTrue(readDamaged(list, encoded, positions: Array(encoded.positions.prefix(cut))), "cut to \(cut)")
        }
        // Without the padding the decoder's 8-byte loads need, a Rice chunk at the end is damaged as well.
        XCTAssertTrue(readDamaged(list, encoded, positions: Array(encoded.positions.prefix(dataEnd))))
        XCTAssertFalse(readDamaged(list, encoded, positions: encoded.positions))
    }

    func testBadParametersAndChunkLengthsStopTheCursor() {
        let (list, encoded) = damageFixture()
        // Block 0 is 3 + 200 + 1 + 1 + 60 + 2·123 = 511 values: full chunks at 0, then chunk by chunk.
        var offset = 0
        for chunk in 0..<3 {
            let length = Int(encoded.positions[offset]) | Int(encoded.positions[offset + 1]) << 8
            for k: UInt8 in [33, 64, 0xFF] {
                var bytes = encoded.positions
                bytes[offset + 2] = k
                XCTAssertTrue(readDamaged(list, encoded, positions: bytes), "chunk \(chunk): k \(k)")
            }
            for wrong in [0, length - 1, length + 1, 0xFFFF] where wrong != length {
                var bytes = encoded.positions
                bytes[offset] = UInt8(wrong & 0xFF)
                bytes[offset + 1] = UInt8(wrong >> 8)
                XCTAssertTrue(readDamaged(list, encoded, positions: bytes), "chunk \(chunk): chunkBytes \(wrong) for \(length)")
            }
            offset += 2 + length
        }
    }

    func testPositionsStartsOutOfRangeStopTheCursor() {
        let (list, encoded) = damageFixture()
        for start in [encoded.positions.count - 1, encoded.positions.count, encoded.positions.count + 5, Int.max] {
            XCTAssertTrue(readDamaged(list, encoded, positions: encoded.positions, positionsStart: start), "start \(start)")
        }
        // Block 1's skip entry (the third u32 of the second entry): past the section, or anywhere but the end of
        // block 0, whose last chunk must end where block 1 begins.
        let blockOne = encoded.blockStarts[1]
        for value: UInt32 in [UInt32(encoded.positions.count), .max, 0, 1, blockOne - 1, blockOne + 1] {
            var damaged = encoded
            let field = encoded.listStart + PostingsFormat.skipEntrySize + 8
            for i in 0..<4 { damaged.postings[field + i] = UInt8(truncatingIfNeeded: value >> UInt32(8 * i)) }
            var sawDamage = false
            damaged.withCursor(list) { cursor in
                while cursor.doc != PostingsCursor.end && !cursor.damaged {
                    _ = cursor.allPositions()
                    cursor.next()
                }
                sawDamage = cursor.damaged
            }
            XCTAssertTrue(sawDamage, "block 1 positions start \(value)")
        }
    }
}
