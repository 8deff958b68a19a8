import Foundation
import XCTest
@testable import ChineseSearch

/// Builds indexes of seeded random corpora and reads every list, length and stored field back through
/// `IndexReader`, comparing with `NaiveIndex` (the inverted index by definition, computed in the test).
final class IndexRoundTripTests: XCTestCase {
    /// Hand-picked edge cases first, then random documents: ~2.6 MB, so the build inverts several chunks
    /// (chunks are at least 1 MB) and merges their runs; frequent terms have lists of many blocks.
    static let corpus: [SourceDocument] = {
        var documents = [
            SourceDocument(path: "edge/empty.txt", title: "", body: ""),
            SourceDocument(path: "edge/title-only.txt", title: "國際香港", date: "2020-01-01", body: ""),
            SourceDocument(path: "edge/body-only.txt", title: "", body: "部署完成。署流异常。流程结束 重跑gen-itgc后 １０ 10"),
            SourceDocument(path: "edge/punctuation.txt", title: "。，！", body: "……——  \n\n"),
            SourceDocument(path: "edge/灯.txt", title: "灯", body: "大灯 灯 香港 香港"),
        ]
        documents += GeneratedCorpus.documents(seed: 42, count: 1100, bodyScale: 320)
        return documents
    }()

    static let naive = NaiveIndex(corpus)

    private func build(_ documents: [SourceDocument], threads: Int, memoryLimitMB: Int? = nil,
                       in folder: TemporaryFolder, name: String) throws -> (String, IndexBuildSummary) {
        var options = IndexBuildOptions(threads: threads)
        // The initializer keeps the limit ≥ 16 MB; the property is public and unclamped, so 0 spills every run
        // without a corpus of more than 16 MB.
        if let memoryLimitMB { options.memoryLimitMB = memoryLimitMB }
        let path = folder.path + "/" + name
        let summary = try IndexBuilder.build(documents: documents, indexPath: path, options: options)
        return (path, summary)
    }

    /// Every posting of a list as (doc, tf, positions), positions only when asked for.
    private func read(_ cursor: PostingsCursor?, positions: Bool) -> [NaiveIndex.Posting] {
        guard let cursor else { return [] }
        var out: [NaiveIndex.Posting] = []
        while cursor.doc != PostingsCursor.end {
            var ps: [UInt32] = []
            if positions { cursor.forEachPosition { ps.append($0); return true } }
            out.append(NaiveIndex.Posting(doc: cursor.doc, tf: cursor.tf, positions: ps))
            cursor.next()
        }
        XCTAssertFalse(cursor.damaged)
        return out
    }

    /// Compares the index at `path` with the naive index of `documents`; stops after a few mismatches.
    private func assertMatchesNaiveIndex(_ path: String, _ documents: [SourceDocument], _ naive: NaiveIndex,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let index = try SearchIndex(path: path)
        let reader = index.segmentReaders[0]
        var failures = 0
        func check(_ ok: Bool, _ message: @autoclosure () -> String) {
            guard !ok else { return }
            failures += 1
            if failures <= 5 { XCTFail(message(), file: file, line: line) }
        }
        let stats = reader.statistics
        check(stats.documentCount == documents.count, "documents \(stats.documentCount)")
        check(stats.textTokens == naive.textTokens, "text tokens \(stats.textTokens) vs \(naive.textTokens)")
        check(stats.titleTokens == naive.titleTokens, "title tokens \(stats.titleTokens) vs \(naive.titleTokens)")
        check(stats.minTextLength == Int(naive.textLengths.min() ?? 0), "min text length")
        check(stats.minTitleLength == Int(naive.titleLengths.min() ?? 0), "min title length")
        let postings = naive.cjk.values.reduce(0) { $0 + $1.text.count } + naive.words.values.reduce(0) { $0 + $1.text.count }
        check(stats.postingCount == postings, "postings \(stats.postingCount) vs \(postings)")

        // CJK terms: keys ascending, each with its text list (with positions) and title list.
        let cjkKeys = naive.cjk.keys.sorted()
        check(stats.cjkTermCount == cjkKeys.count, "CJK terms \(stats.cjkTermCount) vs \(cjkKeys.count)")
        for (i, key) in cjkKeys.enumerated() where i < stats.cjkTermCount {
            check(reader.cjkKey(at: i) == key, "CJK key \(i)")
            let entry = reader.cjkEntry(i), expected = naive.cjk[key]!
            check(Int(entry.df) == expected.text.count && Int(entry.titleDf) == expected.title.count, "df of CJK \(key)")
            check(read(reader.textCursor(entry), positions: true) == expected.text, "text list of CJK key \(key)")
            check(read(reader.titleCursor(entry), positions: false) == expected.title, "title list of CJK key \(key)")
        }

        // Word terms: by normalized bytes.
        let words = naive.words.keys.sorted { $0.lexicographicallyPrecedes($1) }
        check(stats.wordTermCount == words.count, "word terms \(stats.wordTermCount) vs \(words.count)")
        for (i, word) in words.enumerated() where i < stats.wordTermCount {
            let stored = reader.wordText(i).map { Array($0) }
            check(stored == word, "word \(i): \(String(decoding: word, as: UTF8.self))")
            let entry = reader.wordEntry(at: i), expected = naive.words[word]!
            check(Int(entry.df) == expected.text.count && Int(entry.titleDf) == expected.title.count, "df of word \(word)")
            check(read(reader.textCursor(entry), positions: true) == expected.text, "text list of word \(word)")
            check(read(reader.titleCursor(entry), positions: false) == expected.title, "title list of word \(word)")
            check(word.withUnsafeBytes { reader.wordEntry($0) } == entry, "lookup of word \(word)")
        }

        // Single-character lists, without positions.
        let characters = naive.characters.keys.sorted()
        check(stats.charTermCount == characters.count, "characters \(stats.charTermCount) vs \(characters.count)")
        for (i, c) in characters.enumerated() where i < stats.charTermCount {
            check(reader.charKeys.u32Unchecked(at: i * 4) == c, "character key \(i)")
            guard let entry = reader.charEntry(c) else { check(false, "character \(c) missing"); continue }
            let expected = naive.characters[c]!
            check(read(reader.textCursor(entry), positions: false) == expected.text, "text list of character \(c)")
            check(read(reader.titleCursor(entry), positions: false) == expected.title, "title list of character \(c)")
        }

        // Documents: lengths and stored fields.
        for (d, document) in documents.enumerated() where d < stats.documentCount {
            check(reader.textLength(UInt32(d)) == naive.textLengths[d], "text length of document \(d)")
            check(reader.titleLength(UInt32(d)) == naive.titleLengths[d], "title length of document \(d)")
            check(reader.documentPath(d) == document.path, "path of document \(d)")
            check(reader.documentTitle(d) == document.title, "title of document \(d)")
            check(reader.documentDate(d) == document.date, "date of document \(d)")
            check(reader.storedText(d) == Array((document.title + "\n" + document.body).utf8), "stored text of \(d)")
        }
        XCTAssertNoThrow(try index.verify(), file: file, line: line)
    }

    func testSingleThreadedBuildOfSeveralRunsHoldsExactlyTheNaiveIndex() throws {
        let folder = try TemporaryFolder(for: self)
        let (path, summary) = try build(Self.corpus, threads: 1, in: folder, name: "one.idx")
        XCTAssertEqual(summary.documents, Self.corpus.count)
        XCTAssertEqual(summary.spilledRuns, 0)
        // The corpus has the shape the test relies on: more than two 1 MB chunks, lists of many blocks.
        XCTAssertGreaterThan(Self.corpus.reduce(0) { $0 + $1.title.utf8.count + $1.body.utf8.count }, 2 << 20)
        XCTAssertGreaterThan(Self.naive.cjk.values.map(\.text.count).max() ?? 0, 2 * PostingsFormat.blockSize)
        XCTAssertGreaterThan(Self.naive.cjk.values.map(\.title.count).max() ?? 0, PostingsFormat.blockSize)
        try assertMatchesNaiveIndex(path, Self.corpus, Self.naive)
    }

    func testThreeThreadsAndSpilledRunsWriteTheSameBytesAsOneThread() throws {
        let folder = try TemporaryFolder(for: self)
        let (one, _) = try build(Self.corpus, threads: 1, in: folder, name: "one.idx")
        let (three, _) = try build(Self.corpus, threads: 3, in: folder, name: "three.idx")
        let (spilled, summary) = try build(Self.corpus, threads: 3, memoryLimitMB: 0, in: folder, name: "spilled.idx")
        XCTAssertGreaterThan(summary.spilledRuns, 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: one))
        XCTAssertTrue(bytes == (try Data(contentsOf: URL(fileURLWithPath: three))), "threads 1 and 3 differ")
        XCTAssertTrue(bytes == (try Data(contentsOf: URL(fileURLWithPath: spilled))), "spilled build differs")
        // Byte equality with a checked index would carry over, but check the spilled one on its own too.
        try assertMatchesNaiveIndex(spilled, Self.corpus, Self.naive)
        // What stays: the index files and the writers' lock files beside them (never removed, so two writers
        // can never lock two different files of one name).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["one.idx", "one.idx.lock", "spilled.idx", "spilled.idx.lock", "three.idx", "three.idx.lock"],
                       "temporary files are removed")
    }

    func testSmallCorporaOfEveryShapeMatchTheNaiveIndex() throws {
        let folder = try TemporaryFolder(for: self)
        for (seed, count, scale) in [(1, 1, 0), (2, 1, 40), (3, 7, 3), (4, 130, 8), (5, 300, 2)] as [(UInt64, Int, Int)] {
            let documents = GeneratedCorpus.documents(seed: seed, count: count, bodyScale: scale)
            for threads in [1, 3] {
                let (path, _) = try build(documents, threads: threads, in: folder, name: "small-\(seed)-\(threads).idx")
                try assertMatchesNaiveIndex(path, documents, NaiveIndex(documents))
            }
        }
    }

    /// Position lists that cross the positions chunks: a term 100,000 times in one document, and documents
    /// holding terms a few to a few hundred times, so blocks sum to hundreds or thousands of positions.
    func testLongPositionListsMatchTheNaiveIndex() throws {
        let folder = try TemporaryFolder(for: self)
        var documents = GeneratedCorpus.documents(seed: 9, count: 200, bodyScale: 6)
        documents.append(SourceDocument(path: "long.txt", title: "哈", body: String(repeating: "哈", count: 100_001) + " 香港"))
        for i in 0..<300 {
            documents.append(SourceDocument(path: "repeat-\(i).txt", title: "香港",
                                            body: String(repeating: "香港 itgc ", count: 1 + (i * 37) % 260) + "国际"))
        }
        for threads in [1, 3] {
            let (path, _) = try build(documents, threads: threads, in: folder, name: "long-\(threads).idx")
            try assertMatchesNaiveIndex(path, documents, NaiveIndex(documents))
        }
    }

    func testEmptyCorpusGivesAnIndexWithNoDocuments() throws {
        let folder = try TemporaryFolder(for: self)
        let (path, summary) = try build([], threads: 2, in: folder, name: "empty.idx")
        XCTAssertEqual(summary.documents, 0)
        let index = try SearchIndex(path: path)
        XCTAssertEqual(index.documentCount, 0)
        XCTAssertNoThrow(try index.verify())
        XCTAssertEqual(try index.search("小米").total, 0)
    }
}

/// Sections start 8-byte aligned in the file also when the writer's buffer was flushed at odd offsets.
final class SectionAlignmentTests: XCTestCase {
    func testSectionsOfAnIndexLargerThanTheWriteBufferAreAligned() throws {
        let folder = try TemporaryFolder(for: self)
        var generator = RandomCorpus(seed: 77)
        let documents = generator.corpus(count: 80, bodySegments: 3000...4000)
        let path = folder.path + "/big.idx"
        _ = try IndexBuilder.build(documents: documents, indexPath: path, options: IndexBuildOptions(threads: 1))
        let reader = try SearchIndex(path: path).segmentReaders[0]
        XCTAssertGreaterThan(reader.segmentSize, 1 << 20, "the writer flushed its 1 MB buffer")
        let base = try SearchIndex(path: path).snapshot.segments[0].reference.offset
        for section in reader.sectionTable {
            XCTAssertEqual((Int(base) + section.offset) % 8, 0, "section \(section.kind.name) at \(section.offset)")
        }
    }
}
