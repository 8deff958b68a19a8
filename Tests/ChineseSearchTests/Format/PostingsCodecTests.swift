import XCTest
@testable import ChineseSearch

/// `PostingsEncoder` and `PostingsCursor` against plain arrays, for list lengths around the block edges.
final class PostingsCodecTests: XCTestCase {
    private func makeList(df: Int, spread: Int, maxTF: Int, random: inout RandomText) -> PlainList {
        var list = PlainList()
        var doc = -1
        for _ in 0..<df {
            doc += 1 + (spread == 0 ? 0 : random.below(spread + 1))
            list.docs.append(UInt32(doc))
            let tf = 1 + random.below(maxTF)
            list.tfs.append(UInt32(tf))
            var p = 0
            var ps: [UInt32] = []
            for k in 0..<tf {
                p += (k == 0 ? 0 : 1) + random.below(random.below(4) == 0 ? 100_000 : 20)
                ps.append(UInt32(p))
            }
            list.positions.append(ps)
        }
        list.documentCount = doc + 1 + random.below(5)
        // Only the listed documents' lengths matter (skip entries keep their minimum); the rest stay cheap.
        list.lengths = [UInt32](repeating: 9999, count: list.documentCount)
        for d in list.docs { list.lengths[Int(d)] = UInt32(1 + random.below(5000)) }
        return list
    }

    private func encode(_ list: PlainList, random: inout RandomText) -> EncodedList {
        EncodedList(list, listStart: random.below(10), positionsStart: random.below(10))
    }

    static let lengths = [1, 2, 127, 128, 129, 255, 256, 257, 1000]

    func testNextVisitsEveryDocumentWithItsTFAndPositions() {
        var random = RandomText(seed: 1)
        for df in Self.lengths {
            for (spread, maxTF) in [(0, 1), (3, 4), (1000, 70), (70_000, 2)] {
                let list = makeList(df: df, spread: spread, maxTF: maxTF, random: &random)
                let encoded = encode(list, random: &random)
                encoded.withCursor(list) { cursor in
                    var i = 0
                    while cursor.doc != PostingsCursor.end && i < df {
                        XCTAssertEqual(cursor.doc, list.docs[i], "df \(df) spread \(spread) at \(i)")
                        XCTAssertEqual(cursor.tf, list.tfs[i], "df \(df) spread \(spread) at \(i)")
                        // Read positions of only some documents: the cursor must skip the others' positions.
                        if i % 3 != 1 {
                            XCTAssertEqual(cursor.allPositions(), list.positions[i], "df \(df) spread \(spread) at \(i)")
                        }
                        cursor.next()
                        i += 1
                    }
                    XCTAssertEqual(i, df, "df \(df) spread \(spread): documents visited")
                    XCTAssertEqual(cursor.doc, PostingsCursor.end)
                    XCTAssertFalse(cursor.damaged)
                }
            }
        }
    }

    func testAdvanceLandsOnTheFirstDocumentAtOrAfterEveryTarget() {
        var random = RandomText(seed: 2)
        for df in Self.lengths {
            for spread in [0, 2, 500] {
                let list = makeList(df: df, spread: spread, maxTF: 5, random: &random)
                let encoded = encode(list, random: &random)
                for _ in 0..<20 {
                    encoded.withCursor(list) { cursor in
                        var steps = 0
                        while cursor.doc != PostingsCursor.end {
                            let current = list.lowerBound(cursor.doc)
                            if random.below(3) == 0 {
                                cursor.next()
                                let expected = current + 1 < df ? list.docs[current + 1] : PostingsCursor.end
                                XCTAssertEqual(cursor.doc, expected, "df \(df) next after \(list.docs[current])")
                            } else {
                                // Targets anywhere from the current document to past the end, often blocks ahead.
                                let reach = random.below(4) == 0 ? list.documentCount + 3 : 300 * (spread + 1)
                                let target = cursor.doc + UInt32(random.below(reach))
                                cursor.advance(to: target)
                                let j = list.lowerBound(target)
                                XCTAssertEqual(cursor.doc, j < df ? list.docs[j] : PostingsCursor.end,
                                               "df \(df) spread \(spread) advance to \(target)")
                                if j < df && cursor.doc == list.docs[j] {
                                    XCTAssertEqual(cursor.tf, list.tfs[j])
                                    if random.below(2) == 0 { XCTAssertEqual(cursor.allPositions(), list.positions[j]) }
                                }
                            }
                            steps += 1
                            if steps > 3 * df + 10 { XCTFail("cursor does not reach the end"); break }
                        }
                        XCTAssertFalse(cursor.damaged)
                    }
                }
            }
        }
    }

    func testBlockBoundsDescribeEveryBlockFromItsSkipEntryWithoutMovingTheCursor() {
        var random = RandomText(seed: 3)
        for df in Self.lengths {
            let list = makeList(df: df, spread: 9, maxTF: 30, random: &random)
            let encoded = encode(list, random: &random)
            let blocks = (df + 127) / 128
            func range(_ b: Int) -> Range<Int> { (b * 128)..<min(df, b * 128 + 128) }
            encoded.withCursor(list) { cursor in
                XCTAssertEqual(cursor.listMaxTF(), list.tfs.max())
                XCTAssertEqual(cursor.blocks, blocks)
                for b in 0..<blocks {
                    XCTAssertEqual(cursor.lastDoc(ofBlock: b), list.docs[range(b).upperBound - 1], "df \(df) block \(b)")
                    if df > 128 {
                        XCTAssertEqual(cursor.bounds(ofBlock: b)?.maxTF, list.tfs[range(b)].max(), "df \(df) block \(b)")
                        XCTAssertEqual(cursor.bounds(ofBlock: b)?.minLength, range(b).map { list.lengths[Int(list.docs[$0])] }.min())
                    } else {
                        XCTAssertNil(cursor.bounds(ofBlock: b))
                    }
                }
                var i = 0
                while cursor.doc != PostingsCursor.end {
                    XCTAssertEqual(cursor.currentBlock, i / 128, "df \(df) at \(i)")
                    // Shallow: the block that would hold a target ahead, and the bounds over a range of documents.
                    let target = cursor.doc + UInt32(random.below(600))
                    let j = list.lowerBound(target)
                    XCTAssertEqual(cursor.blockIndex(holding: target, from: cursor.currentBlock), j < df ? j / 128 : blocks)
                    let hi = target + UInt32(random.below(400))
                    let expected = expectedBounds(list, from: i, lo: target, hi: hi)
                    let actual = cursor.bounds(from: target, through: hi)
                    XCTAssertEqual(actual?.maxTF, expected?.maxTF, "df \(df) at \(i), \(target)…\(hi)")
                    XCTAssertEqual(actual?.minLength, expected?.minLength, "df \(df) at \(i), \(target)…\(hi)")
                    XCTAssertEqual(cursor.doc, list.docs[i], "shallow reads moved the cursor")
                    if i % 50 == 7 {
                        cursor.advance(to: cursor.lastDoc(ofBlock: cursor.currentBlock) + 1)
                        i = range(i / 128).upperBound
                    } else {
                        cursor.next()
                        i += 1
                    }
                    XCTAssertEqual(cursor.doc, i < df ? list.docs[i] : PostingsCursor.end, "df \(df) at \(i)")
                }
            }
        }
    }

    /// What `bounds(from:through:)` must say with the cursor on document i: of the blocks from i's on, those
    /// that may hold a document in lo…hi (i's own block by its documents from i on, later ones by their skip
    /// entries' last documents), the largest tf and shortest length; a one-block list's exact largest tf.
    private func expectedBounds(_ list: PlainList, from i: Int, lo: UInt32, hi: UInt32) -> (maxTF: UInt32, minLength: UInt32?)? {
        let df = list.docs.count
        let own = i / 128
        let inRange = (i..<min(df, own * 128 + 128)).filter { list.docs[$0] >= lo && list.docs[$0] <= hi }
        if df <= 128 { return inRange.isEmpty ? nil : (inRange.map { list.tfs[$0] }.max()!, nil) }
        var blocks = inRange.isEmpty ? [] : [own]
        for b in (own + 1)..<((df + 127) / 128) {
            let last = list.docs[min(df, b * 128 + 128) - 1], previous = list.docs[b * 128 - 1]
            if last >= lo && previous < hi { blocks.append(b) }
        }
        guard !blocks.isEmpty else { return nil }
        let members = blocks.flatMap { (($0 * 128)..<min(df, $0 * 128 + 128)) }
        return (members.map { list.tfs[$0] }.max()!, members.map { list.lengths[Int(list.docs[$0])] }.min()!)
    }

    func testForEachPositionStopsWhenTheBodyReturnsFalse() {
        var random = RandomText(seed: 4)
        var list = makeList(df: 3, spread: 1, maxTF: 1, random: &random)
        list.tfs = [5, 5, 5]
        list.positions = [[1, 2, 3, 4, 5], [0, 10, 20, 30, 40], [7, 8, 9, 100, 1000]]
        let encoded = encode(list, random: &random)
        encoded.withCursor(list) { cursor in
            var seen: [UInt32] = []
            cursor.forEachPosition { seen.append($0); return seen.count < 2 }
            XCTAssertEqual(seen, [1, 2])
            cursor.next()
            XCTAssertEqual(cursor.allPositions(), [0, 10, 20, 30, 40])
            cursor.next()
            XCTAssertEqual(cursor.allPositions(), [7, 8, 9, 100, 1000])
        }
    }
}
