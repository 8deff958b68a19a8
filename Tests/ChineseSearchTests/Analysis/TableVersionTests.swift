import XCTest
@testable import ChineseSearch

/// The analyzer's table version, recorded in every index, is the XXH64 of the tables' content in the generator's
/// text form, read back from the compiled tables: a line per folded scalar ("SOURCE TARGET…"), then a line per
/// class range ("FIRST BITS"), then a line per kana composition ("KANA MARK COMPOSITE"), in hexadecimal. Change
/// the tables (run `Scripts/generate-folding-table.swift` with another ICU) and this test names the new value.
final class TableVersionTests: XCTestCase {
    func testTableVersionIsTheHashOfTheTablesContent() {
        func hex(_ values: [UInt32]) -> String { values.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ") }
        var lines: [String] = []
        for value in UInt32(0)...0x10FFFF where Unicode.Scalar(value) != nil {
            let folded = FoldingTableTests.entries(of: value).map { $0 & FoldingTable.scalarMask }
            if folded != [value] { lines.append(hex([value] + folded)) }
        }
        let ranges = TableUnits(FoldingTable.classRangeUnits)
        for k in 0..<ranges.count / 2 { lines.append(hex([ranges[2 * k], ranges[2 * k + 1]])) }
        let kana = TableUnits(FoldingTable.kanaCompositionUnits)
        for k in 0..<kana.count / 3 { lines.append(hex([kana[3 * k], kana[3 * k + 1], kana[3 * k + 2]])) }
        XCTAssertEqual(lines.count, 9_441 + 1_976 + 58)
        let data = Array(lines.joined(separator: "\n").utf8)
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
