import Dispatch
import Foundation
import XCTest
@testable import ChineseSearch

/// Damaged index files: opening throws a typed `IndexError` or succeeds; a damaged file that opens fails
/// `verify()`, and queries on it return or throw — never crash, hang or read outside the mapping.
final class IndexDamageTests: XCTestCase {
    private var folder: TemporaryFolder!
    var original: [UInt8] = []
    /// (name, offset, length) of every section, from the section table read by hand (IndexLayout's grammar).
    var sections: [(name: String, offset: Int, length: Int)] = []

    static let queries = ["的", "小米", "北汽 工厂", "\"汽车 工厂\"", "itgc", "香港 OR 国际", "车 -小米", "10", "部署流程",
                          "gen-itgc 灯", "大 的 是"]

    override func setUpWithError() throws {
        folder = try TemporaryFolder(for: self)
        // Enough documents that frequent lists have several blocks (skip entries) and titles have lists too.
        let documents = GeneratedCorpus.documents(seed: 7, count: 600, bodyScale: 8)
        let path = folder.path + "/good.idx"
        _ = try IndexBuilder.build(documents: documents, indexPath: path, options: IndexBuildOptions(threads: 1))
        original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        func u32(_ o: Int) -> Int { (0..<4).reduce(0) { $0 | Int(original[o + $1]) << (8 * $1) } }
        func u64(_ o: Int) -> Int { (0..<8).reduce(0) { $0 | Int(original[o + $1]) << (8 * $1) } }
        // A fresh build holds one segment, right after the file header; section offsets count from its start.
        let base = FileHeader.size
        let count = u32(base + 12)
        for i in 0..<count {
            let e = base + 64 + 32 * i
            let kind = SectionKind(rawValue: UInt32(u32(e)))
            sections.append((kind?.name ?? "kind \(u32(e))", base + u64(e + 8), u64(e + 16)))
        }
        XCTAssertEqual(sections.count, SectionKind.allCases.count)
        XCTAssertTrue(sections.allSatisfy { $0.offset % 8 == 0 }, "sections are 8-byte aligned in the file: \(sections)")
        XCTAssertTrue(sections.allSatisfy { $0.length > 0 }, "every section has bytes to damage: \(sections)")
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        try folder.write(name, bytes: bytes)
    }

    private func openError(_ bytes: [UInt8]) throws -> IndexError? {
        let path = try write(bytes, "damaged.idx")
        do {
            _ = try SearchIndex(path: path)
            return nil
        } catch {
            return error
        }
    }

    /// Opens `bytes` as an index: a typed error, or an index that fails `verify` and survives every query.
    @discardableResult
    func exercise(_ bytes: [UInt8], _ what: String, queries: [String] = IndexDamageTests.queries) throws -> Bool {
        let path = try write(bytes, "damaged.idx")
        let index: SearchIndex
        do {
            index = try SearchIndex(path: path)
        } catch {
            return false  // `throws(IndexError)`: the type system guarantees the error is an IndexError.
        }
        XCTAssertThrowsError(try index.verify(), "\(what): damaged file passes verify")
        for query in queries {
            for mode in MatchMode.allCases {
                var options = SearchOptions()
                options.mode = mode
                options.explain = true
                options.top = 20
                if let results = try? index.search(query, options: options) {
                    // Whatever it answers must be made of real documents.
                    XCTAssertTrue(results.hits.allSatisfy { $0.documentID < index.documentCount }, what)
                }
            }
        }
        return true
    }

    /// Runs `body` on another thread and fails if it does not finish within `seconds` (a hang).
    private func withinDeadline(_ seconds: Double, _ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + seconds), .success, "damaged-file checks did not finish: a hang")
    }

    func testZeroLengthFileIsTruncated() throws {
        XCTAssertEqual(try openError([]), .truncated(path: folder.path + "/damaged.idx", expected: FileHeader.size, actual: 0))
    }

    func testWrongMagicIsNotAnIndex() throws {
        var bytes = original
        bytes[0] = UInt8(ascii: "X")
        XCTAssertEqual(try openError(bytes), .notAnIndex(path: folder.path + "/damaged.idx"))
        XCTAssertEqual(try openError(Array("just some text that is long enough to hold a header, but is text.\n".utf8) + original),
                       .notAnIndex(path: folder.path + "/damaged.idx"))
    }

    func testNewerVersionNumberIsUnsupportedVersion() throws {
        for version: UInt32 in [1, 2, 4, 100, .max] {
            var bytes = original
            for i in 0..<4 { bytes[8 + i] = UInt8(truncatingIfNeeded: version >> (8 * UInt32(i))) }
            XCTAssertEqual(try openError(bytes),
                           .unsupportedVersion(path: folder.path + "/damaged.idx", found: version, supported: IndexLayout.version))
        }
    }

    func testTruncationAtEverySectionBoundaryAndRandomPointsFailsToOpen() throws {
        var cuts = Set([1, 7, 8, 63, 64, 64 + 32 * sections.count, original.count - 16, original.count - 8, original.count - 1])
        for s in sections { cuts.formUnion([s.offset, s.offset + 1, s.offset + s.length - 1, s.offset + s.length]) }
        var random = RandomText(seed: 99)
        for _ in 0..<50 { cuts.insert(1 + random.below(original.count - 1)) }
        for cut in cuts.sorted() where cut < original.count {
            let error = try openError(Array(original[0..<cut]))
            XCTAssertNotNil(error, "truncated to \(cut) of \(original.count) bytes, the file opens")
        }
    }

    func testByteFlipsInEverySectionAreCaughtOrHarmless() throws {
        var random = RandomText(seed: 2024)
        var damaged: [([UInt8], String)] = []
        // The file: header (magic, version, reserved), the current commit slot (a fresh build's commit 1 is in
        // slot 1), reserved bytes, the segment (header, section table, sections, footer), the commit record.
        // The other slot is empty; a torn write there is what an interrupted commit leaves, harmless by design
        // (testDamageInTheInactiveSlotIsHarmless).
        func u64(_ o: Int) -> Int { (0..<8).reduce(0) { $0 | Int(original[o + $1]) << (8 * $1) } }
        let base = FileHeader.size, segmentLength = u64(base + 16)
        let currentSlot = FileHeader.slotOffset(1), recordOffset = u64(currentSlot + 8)
        var regions = sections
        regions.append(("file header", 0, 16))
        regions.append(("current commit slot", currentSlot, CommitSlot.size))
        regions.append(("reserved header bytes", FileHeader.slotOffset(2), FileHeader.size - FileHeader.slotOffset(2)))
        regions.append(("segment header", base, 64))
        regions.append(("section table", base + 64, 32 * sections.count))
        regions.append(("segment footer", base + segmentLength - 16, 16))
        regions.append(("commit record", recordOffset, original.count - recordOffset))
        for region in regions {
            for k in 0..<6 {
                var bytes = original
                // One flipped byte, or a short burst: a few bytes set to random values.
                let burst = k < 4 ? 1 : 1 + random.below(8)
                let start = region.offset + random.below(region.length)
                for i in start..<min(start + burst, region.offset + region.length) {
                    bytes[i] ^= UInt8(1 + random.below(255))
                }
                damaged.append((bytes, "\(region.name) byte \(start - region.offset) (burst \(burst))"))
            }
        }
        // Large values in the places a reader trusts most: the first bytes of postings lists (widths) and dictionaries.
        for name in ["postings", "CJK term entries", "character entries", "word term offsets", "documents"] {
            guard let s = sections.first(where: { $0.name == name }) else { continue }
            for at in [0, 1, 4, 8, 16, s.length / 2] where at < s.length {
                var bytes = original
                bytes[s.offset + at] = 0xFF
                damaged.append((bytes, "\(name) byte \(at) set to 0xFF"))
            }
        }
        let cases = damaged
        nonisolated(unsafe) let test = self
        let opened = OpenedCount()
        withinDeadline(120) {
            for (bytes, what) in cases {
                do { if try test.exercise(bytes, what) { opened.add() } } catch { XCTFail("\(what): \(error)") }
            }
        }
        // Open checks only header and meta, so damage in the other sections reaches verify and the queries.
        XCTAssertGreaterThan(opened.value, cases.count / 2, "the damaged files that open are the point of this test")
    }

    /// The slot a commit overwrites may be left torn by a crash: the reader takes the other slot, so the
    /// index answers as before and verifies clean.
    func testDamageInTheInactiveSlotIsHarmless() throws {
        let path = try write(original, "good.idx")
        let expected = try SearchIndex(path: path).search("小米").hits.map(\.path)
        var random = RandomText(seed: 8)
        for _ in 0..<20 {
            var bytes = original
            let at = FileHeader.slotOffset(0) + random.below(CommitSlot.size)
            bytes[at] ^= UInt8(1 + random.below(255))
            let damaged = try write(bytes, "inactive.idx")
            let index = try SearchIndex(path: damaged)
            XCTAssertNoThrow(try index.verify())
            XCTAssertEqual(try index.search("小米").hits.map(\.path), expected)
        }
    }

    func testUndamagedFileOpensVerifiesAndAnswers() throws {
        let index = try SearchIndex(path: try write(original, "copy.idx"))
        XCTAssertNoThrow(try index.verify())
        XCTAssertGreaterThan(try index.search("的").total, 0)
    }
}

/// A counter shared with the checking thread.
private final class OpenedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

extension IndexDamageTests {
    /// Extreme values in the fields of term entries, which open does not check: offsets near 2^64 and counts
    /// near 2^32 must not overflow arithmetic in the cursors (a trap is a crash). Each case also queries the
    /// damaged term itself, so the query path reads the damaged entry.
    func testExtremeValuesInTermEntriesAreCaughtOrHarmless() throws {
        let index = try SearchIndex(path: try folder.write("probe.idx", bytes: original))
        let reader = index.segmentReaders[0]
        let stats = reader.statistics
        func longest(_ count: Int, _ entry: (Int) -> TermEntry) -> Int { (0..<count).max { entry($0).df < entry($1).df } ?? 0 }
        func cjkText(_ i: Int) -> String {
            let key = reader.cjkKey(at: i)
            var s = String(Unicode.Scalar(CJKKey.first(key))!)
            if CJKKey.second(key) != 0 { s.unicodeScalars.append(Unicode.Scalar(CJKKey.second(key))!) }
            return s
        }
        let charKey = { (i: Int) in String(Unicode.Scalar(reader.charKey(at: i))!) }
        // (section, entry, the query that reads it): the first entry and the one with the longest list.
        var targets: [(String, Int, String)] = []
        for i in Set([0, longest(stats.cjkTermCount, reader.cjkEntry)]) { targets.append(("CJK term entries", i, cjkText(i))) }
        for i in Set([0, longest(stats.wordTermCount, reader.wordEntry(at:))]) {
            targets.append(("word term entries", i, String(decoding: reader.wordText(i)!, as: UTF8.self)))
        }
        for i in Set([0, longest(stats.charTermCount, reader.charEntry(at:))]) {
            targets.append(("character entries", i, charKey(i)))
        }
        XCTAssertGreaterThan(reader.cjkEntry(longest(stats.cjkTermCount, reader.cjkEntry)).df, 128, "a list with skip entries")

        let extremes: [UInt64] = [0x7FFF_FFFF, 0xFFFF_FFFF, 0x7FFF_FFFF_FFFF_FFFF, .max]
        // Varints for the term header: 2^32 − 1, 2^63, and a run of continuation bytes that never ends.
        let headerPatterns: [[UInt8]] = [[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
                                         [UInt8](repeating: 0xFF, count: 12), [0x00]]
        let postings = try XCTUnwrap(sections.first { $0.name == "postings" })
        var cases = 0
        for (name, entry, query) in targets {
            let s = try XCTUnwrap(sections.first { $0.name == name })
            // The fields of a dictionary entry (offset in its section, width): a CJK token's u32 offset from its
            // character's base; a word's u64 term offset; a character's list offset, tokens base and first token.
            let fields: [(Int, Int)]
            let header: Int
            switch name {
            case "CJK term entries":
                fields = [(entry * 4, 4)]
                header = postings.offset + Int(reader.cjkTermOffset(entry))
            case "word term entries":
                fields = [(entry * 8, 8)]
                header = postings.offset + Int(reader.wordTermOffset(entry))
            default:
                fields = [(entry * 24, 8), (entry * 24 + 8, 8), (entry * 24 + 16, 4)]
                header = postings.offset + Int(reader.charTermOffset(entry))
            }
            for (field, width) in fields {
                for value in extremes {
                    var bytes = original
                    for i in 0..<width { bytes[s.offset + field + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
                    if bytes == original { continue }
                    cases += 1
                    try exercise(bytes, "\(name) entry \(entry) (\(query)) field @\(field) = \(value)",
                                 queries: [query, query + " " + query, "\"\(query)\""])
                }
            }
            // The header's varints (df, titleDf, text list bytes, positions offset), overwritten from each of its
            // first four bytes on.
            for start in 0..<4 {
                for pattern in headerPatterns {
                    var bytes = original
                    for (i, b) in pattern.enumerated() where header + start + i < postings.offset + postings.length {
                        bytes[header + start + i] = b
                    }
                    if bytes == original { continue }
                    cases += 1
                    try exercise(bytes, "\(name) entry \(entry) (\(query)) header byte \(start) = \(pattern)",
                                 queries: [query, query + " " + query, "\"\(query)\""])
                }
            }
        }
        XCTAssertGreaterThan(cases, 100)
    }
}

extension IndexDamageTests {
    /// Extreme values in every field of the document record of a top hit, which queries then read for the
    /// score (lengths), the hit (path, date, title) and the snippet (stored text).
    func testExtremeValuesInADocumentRecordAreCaughtOrHarmless() throws {
        let index = try SearchIndex(path: try folder.write("probe.idx", bytes: original))
        let query = "的"
        let top = try XCTUnwrap(try index.search(query).hits.first).documentID
        let s = try XCTUnwrap(sections.first { $0.name == "documents" })
        let extremes: [UInt64] = [0, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x7FFF_FFFF_FFFF_FFFF, .max]
        // DocumentRecord: storedOffset u64, storedLength u32, titleBytes u32, pathOffset u64, pathLength u32,
        // dateLength u32, titleTokens u32, textTokens u32.
        for (field, width) in [(0, 8), (8, 4), (12, 4), (16, 8), (24, 4), (28, 4), (32, 4), (36, 4)] {
            for value in extremes {
                var bytes = original
                for i in 0..<width { bytes[s.offset + top * 40 + field + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
                if bytes == original { continue }
                try exercise(bytes, "document \(top) field @\(field) = \(value)", queries: [query, "\"\(query)\""])
            }
        }
    }
}
