import Foundation
import XCTest
@testable import ChineseSearch

/// Merging segments (`SegmentRun` back into runs, then the build's merge) writes the lists a fresh build of the
/// same documents writes, byte for byte: postings, positions, dictionaries, and the stored text coded with a
/// symbol table of the merged text.
final class SegmentMergeTests: XCTestCase {
    /// Documents in path order (a fresh build's order and the merged segment's), some with very long position
    /// lists: a term 100,000 times in one document, others a few hundred times, across several blocks.
    private static let documents: [SourceDocument] = {
        var documents = GeneratedCorpus.documents(seed: 77, count: 420, bodyScale: 12)
        documents.append(SourceDocument(path: "zz/long.txt", title: "哈哈", body: String(repeating: "哈", count: 100_001)))
        for i in 0..<150 {
            let repeats = 1 + (i * 37) % 300
            documents.append(SourceDocument(path: "zz/repeat-\(1000 + i).txt", title: "",
                                            body: String(repeating: "香港 ", count: repeats) + "国际 \(i)"))
        }
        return documents.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }()

    private func sections(_ path: String) throws -> [SectionKind: [UInt8]] {
        let reader = try SearchIndex(path: path).segmentReaders[0]
        var sections: [SectionKind: [UInt8]] = [
            .postings: Array(reader.postings), .cjkKeys: Array(reader.cjkKeys),
            .cjkTerms: Array(reader.cjkTerms), .wordTerms: Array(reader.wordTerms), .charTerms: Array(reader.charTerms)]
        // The stored text as coded blocks, their index and the symbol table counted from the merged text.
        for section in reader.sectionTable where [.stored, .storedBlocks, .storedSymbols].contains(section.kind) {
            sections[section.kind] = Array(reader.bytes[section.offset..<(section.offset + section.length)])
        }
        return sections
    }

    func testCompactionOfSeveralSegmentsWritesTheListsOfAFreshBuild() throws {
        let folder = try TemporaryFolder(for: self)
        let deleted = Set([3, 200, 430].map { Self.documents[$0].path })
        let merged = folder.path + "/merged.idx"
        let writer = try IndexWriter(path: merged, options: IndexBuildOptions(threads: 2))
        // Three commits of consecutive path ranges, then deletions, then one segment.
        for part in [0..<150, 150..<400, 400..<Self.documents.count] {
            for d in Self.documents[part] { writer.add(d) }
            try writer.commit()
        }
        XCTAssertEqual(try SearchIndex(path: merged).segments.count, 3)
        for path in deleted { writer.delete(path: path) }
        try writer.compact()
        XCTAssertEqual(try SearchIndex(path: merged).segments.count, 1)
        XCTAssertNoThrow(try SearchIndex(path: merged).verify())

        let fresh = folder.path + "/fresh.idx"
        let live = Self.documents.filter { !deleted.contains($0.path) }
        _ = try IndexBuilder.build(documents: live, indexPath: fresh, options: IndexBuildOptions(threads: 1))
        let built = try sections(fresh), actual = try sections(merged)
        for kind in built.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            XCTAssertTrue(built[kind] == actual[kind], "\(kind.name) differs from a fresh build's")
        }
        // The long document's list through the cursor: its 100,000 positions, in order.
        let reader = try SearchIndex(path: merged).segmentReaders[0]
        let ha = UInt32(("哈" as Unicode.Scalar).value)
        let key = CJKKey.make(ha, ha)
        let long = try XCTUnwrap(live.firstIndex { $0.path == "zz/long.txt" })
        let expected = Analyzer().tokens(of: live[long].title + "\n" + live[long].body).filter { $0.key == key }.map { UInt32($0.position) }
        XCTAssertGreaterThan(expected.count, 100_000)
        let cursor = reader.textCursor(reader.cjkEntry(try XCTUnwrap(reader.cjkIndex(of: key))))
        cursor.advance(to: UInt32(long))
        XCTAssertEqual(cursor.doc, UInt32(long))
        XCTAssertEqual(cursor.allPositions(), expected)
    }
}
