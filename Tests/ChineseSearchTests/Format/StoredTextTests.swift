import XCTest
@testable import ChineseSearch

/// The stored text in compressed blocks: every document and every byte range read back equal to the text
/// given, at block sizes from tiny to the default (documents inside one block, crossing boundaries, larger
/// than a block, empty); and damaged blocks and block index entries caught by `verify` and read as failures.
final class StoredTextTests: XCTestCase {
    /// Documents of every size class: empty, tiny, a few hundred bytes, several blocks of the smaller sizes.
    private func documents(seed: UInt64, count: Int) -> [SourceDocument] {
        var random = RandomText(seed: seed)
        return (0..<count).map { i in
            let size = random.pick([0, 1, 3, 20, 200, 2_000])
            let title = random.below(5) == 0 ? "" : GeneratedCorpus.text(&random, pieces: random.below(4))
            let body = size == 0 ? "" : GeneratedCorpus.text(&random, pieces: random.below(size) + 1)
            return SourceDocument(path: "d/\(i).txt", title: title, body: body)
        }
    }

    private func stored(_ d: SourceDocument) -> [UInt8] { Array((d.title + "\n" + d.body).utf8) }

    private func reader(_ bytes: [UInt8]) throws -> IndexReader { try SearchIndex(bytes: bytes).segmentReaders[0] }

    /// The block index of an index's bytes, read by hand from the grammar: (blockSize, textLength, entries).
    private func blockIndex(_ bytes: [UInt8]) throws
        -> (blockSize: Int, textLength: Int, entries: [(offset: Int, length: Int, flags: Int)], at: Int, blocksAt: Int) {
        let sections = IndexResealing.sections(bytes)
        let index = try XCTUnwrap(sections.first { $0.kind == .storedBlocks })
        let blocks = try XCTUnwrap(sections.first { $0.kind == .stored })
        func u(_ o: Int, _ width: Int) -> Int { (0..<width).reduce(0) { $0 | Int(bytes[o + $1]) << (8 * $1) } }
        let entries = stride(from: index.offset + 16, to: index.offset + index.length, by: 16).map {
            (offset: u($0, 8), length: u($0 + 8, 4), flags: u($0 + 12, 4))
        }
        return (u(index.offset, 4), u(index.offset + 8, 8), entries, index.offset, blocks.offset)
    }

    func testEveryDocumentAndRandomRangesReadBackAtEveryBlockSize() throws {
        var random = RandomText(seed: 11)
        var sawRaw = false, sawCompressed = false
        for blockSize in [64, 100, 1_000, 4_096, StoredBlockIndex.blockSize] {
            // Random printable ASCII codes to about its own length and has no repeats for LZ4: raw blocks.
            let noise = String((0..<2_500).map { _ in Character(Unicode.Scalar(UInt8(32 + random.below(95)))) })
            let docs = documents(seed: UInt64(blockSize), count: 150) + [SourceDocument(path: "e/noise.txt", title: "", body: noise)]
            let bytes = try IndexBuilder.buildInMemory(documents: docs, storedBlockSize: blockSize)
            let r = try reader(bytes)
            let index = try blockIndex(bytes)
            let total = docs.reduce(0) { $0 + stored($1).count }
            XCTAssertEqual(index.blockSize, blockSize)
            XCTAssertEqual(index.textLength, total)
            XCTAssertEqual(index.entries.count, (total + blockSize - 1) / blockSize)
            sawRaw = sawRaw || index.entries.contains { $0.flags == 1 }
            sawCompressed = sawCompressed || index.entries.contains { $0.flags == 0 }
            for (d, doc) in docs.enumerated() {
                let text = stored(doc)
                XCTAssertEqual(r.storedLength(d), text.count, "block size \(blockSize), document \(d)")
                XCTAssertEqual(r.storedText(d), text, "block size \(blockSize), document \(d)")
                XCTAssertEqual(r.documentTitle(d), doc.title, "block size \(blockSize), document \(d)")
                for _ in 0..<4 {
                    let a = random.below(text.count + 20), b = random.below(text.count + 20)
                    let range = min(a, b)..<max(a, b)
                    let clamped = range.clamped(to: 0..<text.count)
                    XCTAssertEqual(r.storedBytes(d, in: range), Array(text[clamped]), "block size \(blockSize), document \(d), \(range)")
                }
            }
            XCTAssertNoThrow(try SearchIndex(bytes: bytes).verify(), "block size \(blockSize)")
        }
        XCTAssertTrue(sawRaw && sawCompressed, "both kinds of block were written and read")
    }

    func testDocumentsOfExactlyAndMoreThanABlockAndManyTinyOnes() throws {
        var random = RandomText(seed: 12)
        let blockSize = StoredBlockIndex.blockSize
        var docs: [SourceDocument] = []
        // Exactly one block (stored text = title + "\n" + body), starting a block: fills it precisely.
        docs.append(SourceDocument(path: "a/exact.txt", title: "块", body: String(repeating: "x", count: blockSize - 4)))
        docs.append(SourceDocument(path: "b/large.txt", title: "长文", body: GeneratedCorpus.text(&random, pieces: 12_000)))
        for i in 0..<3_000 { docs.append(SourceDocument(path: "c/tiny-\(i).txt", title: "", body: random.below(3) == 0 ? "" : "香港")) }
        docs.append(SourceDocument(path: "d/exact-again.txt", title: "", body: String(repeating: "的", count: blockSize / 3)))
        let bytes = try IndexBuilder.buildInMemory(documents: docs)
        let r = try reader(bytes)
        XCTAssertEqual(r.storedLength(0), blockSize)
        XCTAssertGreaterThan(r.storedLength(1), 5 * blockSize)
        for (d, doc) in docs.enumerated() { XCTAssertEqual(r.storedText(d), stored(doc), "document \(d)") }
        let large = stored(docs[1])
        for range in [0..<1, (blockSize - 7)..<(blockSize + 7), (2 * blockSize)..<(4 * blockSize + 1), 0..<large.count] {
            XCTAssertEqual(r.storedBytes(1, in: range), Array(large[range]), "\(range)")
        }
        XCTAssertNoThrow(try SearchIndex(bytes: bytes).verify())
    }

    /// Blocks are coded on the workers in batches: one, two and three threads write the same bytes, over many
    /// batches (small blocks) and a last batch cut short.
    func testBlocksCodedOnSeveralThreadsGiveTheSameBytes() throws {
        let docs = documents(seed: 16, count: 120)
        for blockSize in [64, 1_000] {
            let one = try IndexBuilder.buildInMemory(documents: docs, threads: 1, storedBlockSize: blockSize)
            let index = try blockIndex(one)
            XCTAssertGreaterThan(index.entries.count, 3 * 16 * 3, "several batches of three workers")
            for threads in [2, 3] {
                XCTAssertEqual(try IndexBuilder.buildInMemory(documents: docs, threads: threads, storedBlockSize: blockSize), one,
                               "\(threads) threads, blocks of \(blockSize)")
            }
        }
    }

    /// A byte of a compressed block changed so that the block no longer decodes, every checksum resealed: only
    /// the content check catches it. `verify` names the block; reads that decode the block to its end fail, the
    /// other documents read as before, and queries still answer.
    func testABrokenCompressedBlockFailsVerifyAndReadsAsDamage() throws {
        let docs = documents(seed: 13, count: 200)
        let original = try IndexBuilder.buildInMemory(documents: docs, storedBlockSize: 1_000)
        let index = try blockIndex(original)
        let block = try XCTUnwrap(index.entries.indices.first { index.entries[$0].flags == 0 && $0 > 0 })
        let entry = index.entries[block]
        let blockText = (block * index.blockSize)..<min(index.textLength, (block + 1) * index.blockSize)
        // The first change (position, xor) the codec itself rejects.
        var damaged: [UInt8]?
        search: for at in 0..<entry.length {
            for flip: UInt8 in [0xFF, 0x80, 0x0F, 0x01] {
                var candidate = Array(original[(index.blocksAt + entry.offset)..<(index.blocksAt + entry.offset + entry.length)])
                candidate[at] ^= flip
                var out = [UInt8](repeating: 0, count: blockText.count)
                let ok = candidate.withUnsafeBytes { s in out.withUnsafeMutableBytes { LZ4Block.decompress(s, into: $0) } }
                if !ok {
                    var bytes = original
                    bytes[index.blocksAt + entry.offset + at] ^= flip
                    damaged = IndexResealing.resealed(bytes)
                    break search
                }
            }
        }
        let bytes = try XCTUnwrap(damaged)
        let search = try SearchIndex(bytes: bytes)
        XCTAssertThrowsError(try search.verify()) { error in
            XCTAssertTrue("\(error)".contains("stored text block \(block) "), "\(error)")
        }
        let r = search.segmentReaders[0]
        var offset = 0, touched = 0
        for (d, doc) in docs.enumerated() {
            let text = stored(doc)
            let range = offset..<(offset + text.count)
            offset += text.count
            if range.overlaps(blockText) {
                // A read that decodes the block to its end fails; one that ends earlier decodes only a prefix of
                // the block and may stop before the damage.
                _ = r.storedText(d)
                if range.upperBound >= blockText.upperBound {
                    touched += 1
                    XCTAssertNil(r.storedText(d), "document \(d) in the broken block")
                    XCTAssertEqual(r.storedBytes(d, in: 0..<text.count), [], "document \(d) in the broken block")
                }
            } else {
                XCTAssertEqual(r.storedText(d), text, "document \(d) outside the broken block")
            }
        }
        XCTAssertGreaterThan(touched, 0)
        for query in ["的", "香港", "itgc 工厂"] { _ = try search.search(query) }
    }

    /// Extreme values in the block index (header and entries), resealed: opening refuses the file, or `verify`
    /// rejects it and every read returns its text or a failure, never a crash.
    /// The marks before a coded block's LZ4 data, damaged with every checksum resealed: a mark moved off its code
    /// boundary, to another text offset, past the codes, or to zero fails `verify` naming the block; reads of
    /// the damaged block give wrong bytes or failures, never a crash, and the other blocks read as before.
    func testDamagedMarksFailVerifyAndReadsStaySafe() throws {
        var random = RandomText(seed: 16)
        let docs = [SourceDocument(path: "a/long.txt", title: "长文", body: GeneratedCorpus.text(&random, pieces: 6_000))]
            + documents(seed: 16, count: 40)
        let original = try IndexBuilder.buildInMemory(documents: docs)
        XCTAssertNoThrow(try SearchIndex(bytes: original).verify())
        let index = try blockIndex(original)
        let block = try XCTUnwrap(index.entries.indices.first { index.entries[$0].flags == 0 && $0 > 0 })
        let length = min(index.textLength, (block + 1) * index.blockSize) - block * index.blockSize
        XCTAssertGreaterThanOrEqual(StoredBlockMarks.count(length: length), 3)
        let at = index.blocksAt + index.entries[block].offset + 4  // mark 2
        let word = IndexResealing.u64(original, at) & 0xFFFF_FFFF
        for value in [0, word + 4, word - 4, word ^ 1, word ^ 2, 0xFFFF_FFFC, 0xFFFF_FFFF] where value != word {
            var bytes = original
            IndexResealing.put(&bytes, at, value, width: 4)
            let search = try SearchIndex(bytes: IndexResealing.resealed(bytes))
            XCTAssertThrowsError(try search.verify(), "mark 2 = \(value)") { error in
                XCTAssertTrue("\(error)".contains("stored text block \(block) "), "\(error)")
            }
            let r = search.segmentReaders[0]
            let text = stored(docs[0])
            XCTAssertEqual(r.storedText(0), text, "a whole read decodes from the block's start: marks unused")
            // Reads starting after mark 2 of the damaged block start from it.
            let blockStart = block * index.blockSize
            for offset in stride(from: blockStart + 2 * StoredBlockMarks.interval, to: blockStart + length - 300, by: 1_000)
                where offset + 300 <= text.count {
                let read = r.storedBytes(0, in: offset..<(offset + 300))
                XCTAssertLessThanOrEqual(read.count, 300)
            }
            XCTAssertEqual(r.storedBytes(0, in: 0..<100), Array(text[0..<100]), "block 0 reads as before")
            _ = try readAll(search, docs, "mark 2 = \(value)")
        }
    }

    func testExtremeValuesInTheBlockIndexAreCaughtOrHarmless() throws {
        let docs = documents(seed: 14, count: 120)
        let original = try IndexBuilder.buildInMemory(documents: docs, storedBlockSize: 500)
        let index = try blockIndex(original)
        XCTAssertEqual(IndexResealing.resealed(original), original)
        let last = 16 + 16 * (index.entries.count - 1)
        let fields: [(at: Int, width: Int)] = [(0, 4), (8, 8), (16, 8), (24, 4), (28, 4), (16 + 16 * 3, 8), (16 + 16 * 3 + 8, 4),
                                              (16 + 16 * 3 + 12, 4), (last, 8), (last + 8, 4), (last + 12, 4)]
        for field in fields {
            for value: UInt64 in [0, 1, 2, 63, 0x7FFF_FFFF, 0xFFFF_FFFF, .max] {
                var bytes = original
                IndexResealing.put(&bytes, index.at + field.at, value, width: field.width)
                if bytes == original { continue }
                let what = "block index @\(field.at) = \(value)"
                let search: SearchIndex
                do { search = try SearchIndex(bytes: IndexResealing.resealed(bytes)) } catch { continue }
                XCTAssertThrowsError(try search.verify(), what)
                let r = search.segmentReaders[0]
                for d in docs.indices {
                    if let text = r.storedText(d) { XCTAssertEqual(text.count, r.storedLength(d), what) }
                    _ = r.storedBytes(d, in: 0..<40)
                    _ = r.documentTitle(d)
                }
                for query in ["的", "香港"] { _ = try search.search(query) }
            }
        }
    }

    /// Reads every document of `search` (whole, a prefix, the title) and runs queries: each read gives the text or
    /// a failure, never a crash. Returns how many documents read back wrong or failed.
    private func readAll(_ search: SearchIndex, _ docs: [SourceDocument], _ what: String) throws -> Int {
        let r = search.segmentReaders[0]
        var differing = 0
        for (d, doc) in docs.enumerated() {
            let text = r.storedText(d)
            if let text { XCTAssertEqual(text.count, r.storedLength(d), what) }
            if text != stored(doc) { differing += 1 }
            _ = r.storedBytes(d, in: 0..<40)
            _ = r.documentTitle(d)
        }
        for query in ["的", "香港"] { _ = try search.search(query) }
        return differing
    }

    /// The symbol table damaged with every checksum resealed: a header beyond 255 one-byte ranks or a count of them
    /// too small for the table's entries is refused on opening; other header values, entries that are not one
    /// scalar, a scalar listed twice and a table cut short (so blocks hold ranks beyond it) fail `verify`, and
    /// reads give text or failures, never a crash.
    func testADamagedSymbolTableIsCaughtAndReadsStaySafe() throws {
        let docs = documents(seed: 15, count: 150)
        let original = try IndexBuilder.buildInMemory(documents: docs, storedBlockSize: 700)
        let table = try XCTUnwrap(IndexResealing.sections(original).first { $0.kind == .storedSymbols })
        let single = Int(original[table.offset]), count = (table.length - 4) / 4
        XCTAssertGreaterThan(count, single, "two-byte ranks in use")
        for value: UInt64 in [0, 1, 127, 128, UInt64(single - 1), UInt64(single + 1), 254, 255, 256, 0xFFFF_FFFF] where value != UInt64(single) {
            var bytes = original
            IndexResealing.put(&bytes, table.offset, value, width: 4)
            let what = "one-byte ranks \(value)"
            guard value <= 255, count <= SymbolCode.capacity(singleByteRanks: Int(value)) else {
                XCTAssertThrowsError(try SearchIndex(bytes: IndexResealing.resealed(bytes)), what)
                continue
            }
            let search = try SearchIndex(bytes: IndexResealing.resealed(bytes))
            XCTAssertThrowsError(try search.verify(), what)
            XCTAssertGreaterThan(try readAll(search, docs, what), 0, what)
        }
        let entries: [(rank: Int, word: UInt64, message: String)] = [
            (0, 0, "stored text symbol 0 is not the UTF-8 of one scalar"),
            (count - 1, 0xFFFF_FFFF, "stored text symbol \(count - 1) is not the UTF-8 of one scalar"),
            (3, UInt64(original[table.offset + 4]) | UInt64(original[table.offset + 5]) << 8
                | UInt64(original[table.offset + 6]) << 16 | UInt64(original[table.offset + 7]) << 24,
             "stored text symbols list a scalar twice"),
        ]
        for entry in entries {
            var bytes = original
            IndexResealing.put(&bytes, table.offset + 4 + 4 * entry.rank, entry.word, width: 4)
            let search = try SearchIndex(bytes: IndexResealing.resealed(bytes))
            XCTAssertThrowsError(try search.verify()) { error in
                XCTAssertTrue("\(error)".contains(entry.message), "\(error)")
            }
            _ = try readAll(search, docs, entry.message)
        }
        // The table cut to its first half (the section's length in the section table): codes of the rest are
        // ranks beyond it.
        var bytes = original
        let base = IndexResealing.segment(original).base
        let sectionEntry = try XCTUnwrap((0..<SectionKind.allCases.count)
            .map { base + IndexLayout.headerSize + IndexLayout.sectionEntrySize * $0 }
            .first { IndexResealing.u64(original, $0) & 0xFFFF_FFFF == UInt64(SectionKind.storedSymbols.rawValue) })
        IndexResealing.put(&bytes, sectionEntry + 16, UInt64(4 + 4 * (count / 2)), width: 8)
        let search = try SearchIndex(bytes: IndexResealing.resealed(bytes))
        XCTAssertThrowsError(try search.verify()) { error in
            XCTAssertTrue("\(error)".contains("does not decode"), "\(error)")
        }
        let r = search.segmentReaders[0]
        XCTAssertTrue(docs.indices.contains { r.storedText($0) == nil }, "a read meets a rank beyond the table")
        _ = try readAll(search, docs, "table cut")
    }

    func testTitlesAreReadWithoutTheStoredTextAndVerifyComparesTheCopy() throws {
        let docs = [SourceDocument(path: "a.txt", title: "北汽工厂标题", body: "正文的内容。"),
                    SourceDocument(path: "b.txt", title: "", body: "没有标题"),
                    SourceDocument(path: "c.txt", title: "Title 香港", body: "body")]
        let original = try IndexBuilder.buildInMemory(documents: docs, storedBlockSize: 64)
        let r = try reader(original)
        for (d, doc) in docs.enumerated() { XCTAssertEqual(r.documentTitle(d), doc.title, "document \(d)") }
        // Change one byte of the first title's copy in the strings section (not the stored text), checksums resealed.
        let strings = try XCTUnwrap(IndexResealing.sections(original).first { $0.kind == .strings })
        let title = Array(docs[0].title.utf8)
        let section = Array(original[strings.offset..<(strings.offset + strings.length)])
        let at = try XCTUnwrap((0...(section.count - title.count)).first { Array(section[$0..<($0 + title.count)]) == title })
        var bytes = original
        bytes[strings.offset + at + 2] ^= 0x01
        let damaged = try SearchIndex(bytes: IndexResealing.resealed(bytes))
        XCTAssertThrowsError(try damaged.verify()) { error in
            XCTAssertTrue("\(error)".contains("title of document 0 differs"), "\(error)")
        }
    }
}
