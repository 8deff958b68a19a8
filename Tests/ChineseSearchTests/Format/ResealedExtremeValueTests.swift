import Foundation
import XCTest
@testable import ChineseSearch

/// Extreme values (0, 2^31 − 1, 2^32 − 1, 2^63 − 1, 2^64 − 1) in the fields of every structure of the format,
/// with every checksum recomputed to match, so the damage reaches the structure readers themselves: opening
/// throws a typed error or succeeds; `verify()` throws where the value breaks a rule it checks, and never traps;
/// queries on the damaged file return real documents or throw.
final class ResealedExtremeValueTests: XCTestCase {
    private static let extremes: [UInt64] = [0, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x7FFF_FFFF_FFFF_FFFF, .max]
    private static let queries = ["的", "小米", "北汽 工厂", "\"汽车 工厂\"", "itgc", "香港 OR 国际", "车 -小米", "车"]

    private var folder: TemporaryFolder!
    private var original: [UInt8] = []
    private var reader: IndexReader!

    override func setUpWithError() throws {
        folder = try TemporaryFolder(for: self)
        let path = folder.path + "/good.idx"
        let documents = GeneratedCorpus.documents(seed: 7, count: 600, bodyScale: 8)
        _ = try IndexBuilder.build(documents: documents, indexPath: path, options: IndexBuildOptions(threads: 1))
        original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        reader = try SearchIndex(path: path).segmentReaders[0]
        XCTAssertEqual(IndexResealing.resealed(original), original, "resealing an intact file changes nothing")
    }

    private func section(_ kind: SectionKind) throws -> (offset: Int, length: Int) {
        let s = try XCTUnwrap(IndexResealing.sections(original).first { $0.kind == kind })
        return (s.offset, s.length)
    }

    /// Writes `value` into `width` bytes at `offset` of section `kind`, reseals, and exercises the file.
    /// Returns whether `verify` rejected it (nil when opening already did).
    @discardableResult
    private func exercise(_ kind: SectionKind, at offset: Int, width: Int, value: UInt64, mustReject: Bool,
                          line: UInt = #line) throws -> Bool? {
        let s = try section(kind)
        guard offset + width <= s.length else { return nil }
        var bytes = original
        IndexResealing.put(&bytes, s.offset + offset, value, width: width)
        if bytes == original { return nil }
        let what = "\(kind.name) @\(offset) (\(width) bytes) = \(value)"
        let path = try folder.write("damaged.idx", bytes: IndexResealing.resealed(bytes))
        let index: SearchIndex
        do { index = try SearchIndex(path: path) } catch { return nil }
        var rejected = false
        do { try index.verify() } catch { rejected = true }
        if mustReject { XCTAssertTrue(rejected, "\(what): verify passes", line: line) }
        for query in Self.queries {
            for mode in MatchMode.allCases {
                var options = SearchOptions()
                options.mode = mode
                options.explain = true
                options.top = 50
                if let results = try? index.search(query, options: options) {
                    XCTAssertTrue(results.hits.allSatisfy { $0.documentID < index.documentCount }, what, line: line)
                }
            }
        }
        return rejected
    }

    func testDocumentRecords() throws {
        let last = reader.statistics.documentCount - 1
        // storedOffset u64, storedLength u32, titleBytes u32, pathOffset u64, pathLength u32, dateLength u32,
        // titleTokens u32, textTokens u32: the offsets and lengths are checked by verify, the token counts are not.
        for doc in [0, last] {
            for (field, width, checked) in [(0, 8, true), (8, 4, true), (12, 4, true), (16, 8, true), (24, 4, true),
                                            (28, 4, true), (32, 4, false), (36, 4, false)] {
                for value in Self.extremes where value >= 0x7FFF_FFFF {
                    try exercise(.documents, at: doc * 40 + field, width: width, value: value, mustReject: checked)
                }
                try exercise(.documents, at: doc * 40 + field, width: width, value: 0, mustReject: false)
            }
        }
    }

    func testCharacterAndCJKDictionaries() throws {
        let chars = reader.statistics.charTermCount, tokens = reader.statistics.cjkTermCount
        for i in [0, chars / 2, chars - 1] {
            // Character entry: list offset u64, tokens base u64, first token u32.
            for (field, width) in [(0, 8), (8, 8), (16, 4)] {
                for value in Self.extremes {
                    try exercise(.charTerms, at: i * 24 + field, width: width, value: value, mustReject: value > 0xFFFF_FFFF)
                }
            }
            for value in Self.extremes { try exercise(.charKeys, at: i * 4, width: 4, value: value, mustReject: false) }
        }
        for i in [0, tokens / 2, tokens - 1] {
            for value in Self.extremes {
                try exercise(.cjkTerms, at: i * 4, width: 4, value: value, mustReject: value >= 0x7FFF_FFFF)
                try exercise(.cjkKeys, at: i * 4, width: 4, value: value, mustReject: false)
            }
        }
    }

    func testWordDictionary() throws {
        let words = reader.statistics.wordTermCount
        for i in [0, words / 2, words - 1] {
            for value in Self.extremes {
                try exercise(.wordTerms, at: i * 8, width: 8, value: value, mustReject: value >= 0x7FFF_FFFF)
                try exercise(.wordOffsets, at: i * 8, width: 8, value: value, mustReject: value >= 0x7FFF_FFFF)
                try exercise(.wordOffsets, at: i * 8 + 8, width: 8, value: value, mustReject: value >= 0x7FFF_FFFF)
            }
        }
    }

    func testMetaCounts() throws {
        for field in stride(from: 0, to: IndexLayout.metaSize, by: 8) {
            for value in Self.extremes where value != 0 {
                try exercise(.meta, at: field, width: 8, value: value, mustReject: false)
            }
        }
    }

    func testTermHeadersSkipEntriesBlocksAndPositions() throws {
        // The list with the most documents has skip entries; its term header, skip fields and first block.
        let stats = reader.statistics
        let longest = try XCTUnwrap((0..<stats.cjkTermCount).max { reader.cjkEntry($0).df < reader.cjkEntry($1).df })
        let entry = reader.cjkEntry(longest)
        XCTAssertGreaterThan(entry.df, 128, "a list with skip entries")
        let header = Int(reader.cjkTermOffset(longest)), list = Int(entry.postingsOffset)
        var rejected = 0, cases = 0
        // Header varints: 10 bytes of a maximal varint from each of its first bytes.
        for start in header..<list {
            var bytes = original
            let s = try section(.postings)
            for i in 0..<10 where start + i < s.length { bytes[s.offset + start + i] = i == 9 ? 0x01 : 0xFF }
            let path = try folder.write("damaged.idx", bytes: IndexResealing.resealed(bytes))
            if let index = try? SearchIndex(path: path) {
                XCTAssertThrowsError(try index.verify(), "term header byte \(start - header)")
                _ = try? index.search("的")
            }
        }
        let blocks = PostingsFormat.blockCount(df: Int(entry.df))
        for block in [0, blocks - 1] {
            for field in 0..<5 {
                for value in Self.extremes {
                    cases += 1
                    // lastDoc, blockEnd and positionsStart are checked against the decoded data; maxTF and
                    // minLength only bound scores (verify cannot tell a loose bound from a tight one).
                    let checked = field < 3 && value >= 0x7FFF_FFFF
                    if try exercise(.postings, at: list + block * 20 + field * 4, width: 4, value: value,
                                    mustReject: checked) == true { rejected += 1 }
                }
            }
        }
        // The first block's bit widths (u8 each), right after the skip table.
        for value: UInt64 in [33, 0xFF] {
            try exercise(.postings, at: list + blocks * 20, width: 1, value: value, mustReject: true)
            try exercise(.postings, at: list + blocks * 20 + 1, width: 1, value: value, mustReject: true)
        }
        // Positions, behind the term's lists in the postings section: the first block's first chunk is full
        // (128 documents, each tf ≥ 1): its chunkBytes u16 and its Rice parameter k u8 (0…32).
        let positions = Int(entry.positionsOffset)
        for width in [1, 2, 5, 8] {
            try exercise(.postings, at: positions, width: width, value: .max, mustReject: true)
        }
        for value: UInt64 in [0, 33, 0xFF] {
            try exercise(.postings, at: positions, width: 2, value: value, mustReject: true)
            try exercise(.postings, at: positions + 2, width: 1, value: value, mustReject: value > 32)
        }
        XCTAssertGreaterThan(rejected, cases / 4)
    }

    func testTokenCheckpoints() throws {
        // The documents of setUp are short: this file adds long ones, which have checkpoints.
        var random = RandomText(seed: 8)
        let documents = GeneratedCorpus.documents(seed: 7, count: 60, bodyScale: 8)
            + (0..<4).map { GeneratedCorpus.document(&random, index: 1000 + $0, bodyScale: 4000) }
        let path = folder.path + "/long.idx"
        _ = try IndexBuilder.build(documents: documents, indexPath: path, options: IndexBuildOptions(threads: 1))
        original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        reader = try SearchIndex(path: path).segmentReaders[0]
        let checkpoints = reader.tokenCheckpoints
        XCTAssertGreaterThan(checkpoints.documentCount, 1, "documents long enough to have checkpoints")
        // Counts u32 (opening compares them with the length), then per listed document: doc u32, first u32, and
        // per checkpoint: position u32, offset u32; every extreme value there breaks an order or a bound.
        for field in [0, 4] {
            for value in Self.extremes { try exercise(.tokenCheckpoints, at: field, width: 4, value: value, mustReject: false) }
        }
        let directory = TokenCheckpoints.headerSize
        let entries = directory + checkpoints.documentCount * TokenCheckpoints.entrySize
        for i in [0, checkpoints.documentCount - 1] {
            for value in Self.extremes where value >= 0x7FFF_FFFF {
                try exercise(.tokenCheckpoints, at: directory + i * 8, width: 4, value: value, mustReject: true)
                try exercise(.tokenCheckpoints, at: directory + i * 8 + 4, width: 4, value: value, mustReject: true)
            }
        }
        for k in [0, checkpoints.checkpointCount / 2, checkpoints.checkpointCount - 1] {
            for value in Self.extremes {
                try exercise(.tokenCheckpoints, at: entries + k * 8, width: 4, value: value, mustReject: value >= 0x7FFF_FFFF)
                try exercise(.tokenCheckpoints, at: entries + k * 8 + 4, width: 4, value: value, mustReject: value >= 0x7FFF_FFFF)
            }
        }
    }
}
