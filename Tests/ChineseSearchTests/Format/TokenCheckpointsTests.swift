import Foundation
import XCTest
@testable import ChineseSearch

/// The token checkpoints section: a build writes, for every document, exactly the checkpoints the picker takes
/// from its stored text, lists only documents that have some, and merges and compaction carry them over.
final class TokenCheckpointsTests: XCTestCase {
    private struct PickerSink: TokenSink {
        var picker = CheckpointPicker()
        mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
            picker.token(position: position, start: start, end: end, bigram: CJKKey.second(key) != 0)
        }
        mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
            picker.token(position: position, start: start, end: end, bigram: false)
        }
    }

    /// The checkpoints the picker takes from `text` with the index's spacing.
    private func picked(_ text: [UInt8]) -> [[Int]] {
        var sink = PickerSink()
        text.withUnsafeBufferPointer { _ = Analyzer().tokenize($0, into: &sink) }
        text.withUnsafeBufferPointer { sink.picker.finish(text: $0) }
        return zip(sink.picker.positions, sink.picker.offsets).map { [Int($0), Int($1)] }
    }

    /// Every document of every segment of `index` has the picker's checkpoints; returns how many documents have any.
    @discardableResult
    private func assertCheckpointsArePicked(_ index: SearchIndex, file: StaticString = #filePath, line: UInt = #line) -> Int {
        var listed = 0
        for reader in index.segmentReaders {
            let c = reader.tokenCheckpoints
            var listedHere = 0
            for d in 0..<reader.statistics.documentCount {
                let stored = c.checkpoints(of: d).map { [c.position(at: $0), c.offset(at: $0)] }
                XCTAssertEqual(stored, picked(reader.storedText(d)!), "document \(d)", file: file, line: line)
                if !stored.isEmpty { listedHere += 1 }
            }
            XCTAssertEqual(listedHere, c.documentCount, file: file, line: line)
            listed += listedHere
        }
        return listed
    }

    private func documents(seed: UInt64, count: Int) -> [SourceDocument] {
        var corpus = RandomCorpus(seed: seed)
        return (0..<count).map { i in
            // One in four is long: 600 to 6,000 pieces of text, up to about 40 KB.
            let long = corpus.random.below(4) == 0
            return corpus.document(i, bodySegments: long ? 600...6000 : 3...40)
        }
    }

    func testABuildStoresThePickersCheckpointsForTheLongDocumentsOnly() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/c.idx"
        let docs = documents(seed: 31, count: 80)
        _ = try IndexBuilder.build(documents: docs, indexPath: path, options: IndexBuildOptions(threads: 2))
        let index = try SearchIndex(path: path)
        try index.verify()
        let listed = assertCheckpointsArePicked(index)
        XCTAssertGreaterThan(listed, 5)
        XCTAssertLessThan(listed, docs.count / 2, "short documents are not listed")
    }

    func testMergesAndCompactionCarryTheCheckpointsOfTheLiveDocuments() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/w.idx"
        let writer = try IndexWriter(path: path)
        var docs = documents(seed: 32, count: 90)
        for (i, d) in docs.enumerated() {
            docs[i] = SourceDocument(path: "d\(i).md", title: d.title, body: d.body)
            writer.add(docs[i])
            if i % 10 == 9 { try writer.commit() }  // nine commits: the ninth segment of a tier merges them
        }
        for i in stride(from: 0, to: docs.count, by: 7) { writer.delete(path: "d\(i).md") }
        try writer.commit()
        let merged = try writer.currentIndex()
        XCTAssertLessThan(merged.segments.count, 10, "a merge happened")
        try merged.verify()
        assertCheckpointsArePicked(merged)
        _ = try writer.compact()
        let compacted = try writer.currentIndex()
        XCTAssertEqual(compacted.segments.count, 1)
        try compacted.verify()
        XCTAssertGreaterThan(assertCheckpointsArePicked(compacted), 5)
    }
}
