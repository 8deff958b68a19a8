import XCTest
@testable import ChineseSearch

/// The build's merge in ranges of the term order (`TermRange`, `TermMerger`) writes the same file for any
/// number of ranges and workers as one range on one worker.
final class TermMergeTests: XCTestCase {
    /// Runs of a corpus of CJK text, words and documents of words only (2.6 MB: several chunks).
    private static let runs: [Run] = {
        var documents = IndexRoundTripTests.corpus
        for i in 0..<200 {
            documents.append(SourceDocument(path: "words/\(i).txt", title: "w\(i % 7)",
                                            body: (0..<(5 + i % 40)).map { "word\(($0 * 7 + i) % 97) x\($0 % 13)" }.joined(separator: " ")))
        }
        let corpus = documents
        let sizes = documents.map { $0.title.utf8.count + $0.body.utf8.count + 1 }
        let inverted = try! IndexBuilder.invert(sizes: sizes, names: documents.map(\.path),
                                                options: IndexBuildOptions(threads: 4, memoryLimitMB: 1 << 20),
                                                spillPrefix: nil, started: .now(),
                                                makeLoader: { { .document(corpus[$0], invalidUTF8: false, stamp: .none) } })
        return inverted.runs
    }()

    private func segment(threads: Int) throws -> [UInt8] {
        let file = IndexFileWriter()
        var assembler = IndexAssembler(runs: Self.runs, file: file, spillPath: nil, threads: threads)
        try assembler.write()
        return file.finishInMemory()
    }

    func testEveryNumberOfRangesWritesTheSameSegment() throws {
        XCTAssertGreaterThan(Self.runs.count, 2, "the corpus is inverted in several runs")
        let one = try segment(threads: 1)
        for threads in [2, 3, 16] {
            XCTAssertTrue(try segment(threads: threads) == one, "\(threads) threads (\(threads * 4) ranges) differ from one")
        }
    }

    func testRangesAreConsecutiveCoverEveryTermAndCutOnlyBetweenCharacters() {
        for parts in [2, 8, 64] {
            let ranges = TermRange.plan(Self.runs, parts: parts)
            XCTAssertGreaterThan(ranges.count, parts / 2, "\(parts) parts")
            XCTAssertLessThanOrEqual(ranges.count, parts)
            XCTAssertNil(ranges.first?.lower)
            XCTAssertNil(ranges.last?.upper)
            for (a, b) in zip(ranges, ranges.dropFirst()) { XCTAssertEqual(a.upper, b.lower) }
            for range in ranges {
                if case .cjk(let key)? = range.lower { XCTAssertEqual(CJKKey.second(key), 0, "a cut inside a character") }
            }
        }
        // Among 64 ranges, some begin among the words.
        XCTAssertTrue(TermRange.plan(Self.runs, parts: 64).contains { if case .word? = $0.lower { return true } else { return false } })
        XCTAssertEqual(TermRange.plan(Self.runs, parts: 1).count, 1)
    }

    /// Every run reader started at a bound is on the first term at or after it, as reading from the start finds.
    func testReadersStartAtTheFirstTermOfTheirRange() {
        for range in TermRange.plan(Self.runs, parts: 64) {
            guard let lower = range.lower else { continue }
            for run in Self.runs {
                var scan = RunTermReader(run: run, runIndex: 0, documentBase: 0)
                while scan.valid && lower.follows(scan) { scan.skipPostings(); scan.advance() }
                let seek = RunTermReader(run: run, runIndex: 0, documentBase: 0, from: lower)
                XCTAssertEqual(seek.valid, scan.valid)
                if seek.valid { XCTAssertEqual(RunTermReader.compareTerms(seek, scan), 0) }
            }
        }
    }
}
