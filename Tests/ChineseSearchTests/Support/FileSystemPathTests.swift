import Foundation
import XCTest
@testable import ChineseSearch

/// Paths that are not UTF-8 survive the trip through `String` and back to the system unchanged.
final class FileSystemPathTests: XCTestCase {
    func testRandomBytesRoundTripAndValidUTF8IsItsOwnText() {
        var random = RandomText(seed: 9)
        for _ in 0..<2000 {
            let bytes = (0..<random.below(24)).map { _ in UInt8(1 + random.below(255)) }
            let text = FileSystemPath.string(fromBytes: bytes)
            XCTAssertEqual(FileSystemPath.bytes(of: text), bytes, "\(bytes)")
            if let valid = String(validating: bytes, as: UTF8.self) { XCTAssertEqual(text, valid) }
        }
        XCTAssertEqual(FileSystemPath.string(fromBytes: Array("小米/a.txt".utf8)), "小米/a.txt")
        let latin1 = FileSystemPath.string(fromBytes: [0x63, 0xE9, 0x2E, 0x74])  // "cé.t" in Latin-1
        XCTAssertEqual(latin1.unicodeScalars.map(\.value), [0x63, 0x10FEE9, 0x2E, 0x74])
    }

    func testACorpusFolderAndFileNamedInLatin1AreWalkedAndRead() throws {
        let folder = try TemporaryFolder(for: self)
        let name = FileSystemPath.string(fromBytes: [0x63, 0xE9])          // "c\xE9"
        let file = FileSystemPath.string(fromBytes: [0x66, 0xFF, 0x2E, 0x74, 0x78, 0x74])  // "f\xFF.txt"
        try SystemFile.createFolders(folder.path + "/" + name)
        let fd = try SystemFile.create(folder.path + "/" + name + "/" + file)
        try SystemFile.writeAll(fd, Array("拉丁文件名".utf8), path: file)
        SystemFile.close(fd)
        let raw = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(raw.count, 1, "one folder, whose name Foundation can only approximate")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path + "/" + name), [file])
        let summary = try IndexBuilder.build(corpusDirectory: folder.path + "/" + name, indexPath: folder.path + "/" + name + ".idx",
                                             options: IndexBuildOptions(threads: 1))
        XCTAssertEqual(summary.documents, 1)
        let hits = try SearchIndex(path: folder.path + "/" + name + ".idx").search("拉丁").hits
        XCTAssertEqual(hits.map(\.path), [file])
    }
}
