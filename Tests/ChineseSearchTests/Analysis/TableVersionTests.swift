import XCTest
@testable import ChineseSearch

/// The analyzer's table version, recorded in every index, is the XXH64 of the generated table data: change
/// the tables (run `Scripts/generate-folding-table.swift` with another ICU) and this test names the new value.
final class TableVersionTests: XCTestCase {
    func testTableVersionIsTheHashOfTheGeneratedTables() {
        let data = Array((FoldingTable.foldedScalarLines + "\n" + FoldingTable.scalarClassLines + "\n"
                          + FoldingTable.kanaCompositionLines).utf8)
        let hash = data.withUnsafeBytes { Checksum.xxh64($0) }
        XCTAssertEqual(Analyzer.tableVersion, hash,
                       "the tables changed: set Analyzer.tableVersion to 0x\(String(hash, radix: 16, uppercase: true))")
    }

    func testAnIndexOfOtherTablesIsRefused() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/v.idx"
        _ = try IndexBuilder.build(documents: [SourceDocument(path: "a", title: "", body: "小米")], indexPath: path)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let index = try SearchIndex(path: path)
        let slot = index.snapshot.slot
        // analyzerVersion is at byte 48 of the commit record; reseal the record's checksum in its slot.
        let at = Int(slot.recordOffset) + 48
        for i in 0..<8 { bytes[at + i] ^= 0x5A }
        try Data(IndexResealing.resealedCommit(bytes, slot: slot)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SearchIndex(path: path)) { XCTAssertEqual($0 as? IndexError, .analyzerMismatch(path: path)) }
    }
}
