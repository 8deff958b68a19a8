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

    func testBlockBoundsDescribeTheBlockOfTheCurrentDocument() {
        var random = RandomText(seed: 3)
        for df in Self.lengths {
            let list = makeList(df: df, spread: 9, maxTF: 30, random: &random)
            let encoded = encode(list, random: &random)
            encoded.withCursor(list) { cursor in
                XCTAssertEqual(cursor.listMaxTF(), list.tfs.max())
                var i = 0
                while cursor.doc != PostingsCursor.end {
                    let block = i / 128
                    let range = (block * 128)..<min(df, block * 128 + 128)
                    XCTAssertEqual(cursor.blockLastDoc, list.docs[range.upperBound - 1], "df \(df) at \(i)")
                    if df > 128 {
                        XCTAssertEqual(cursor.blockMaxTF, list.tfs[range].max(), "df \(df) at \(i)")
                        XCTAssertEqual(cursor.blockMinLength, range.map { list.lengths[Int(list.docs[$0])] }.min(), "df \(df) at \(i)")
                    } else {
                        XCTAssertNil(cursor.blockMaxTF)
                        XCTAssertNil(cursor.blockMinLength)
                    }
                    if i % 50 == 7 {
                        cursor.skipBlock()
                        i = range.upperBound
                    } else {
                        cursor.next()
                        i += 1
                    }
                    XCTAssertEqual(cursor.doc, i < df ? list.docs[i] : PostingsCursor.end, "df \(df) at \(i)")
                }
            }
        }
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
