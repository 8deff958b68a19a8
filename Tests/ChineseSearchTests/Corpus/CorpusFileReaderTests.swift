import Glibc
import XCTest
@testable import ChineseSearch

final class CorpusFileReaderTests: XCTestCase {
    private func read(_ path: String, with reader: inout CorpusFileReader) -> Result<[UInt8], SkipReason> {
        reader.read(path) { Array($0) }
    }

    func testReadsTheWholeFile() throws {
        let folder = try TemporaryFolder(for: self)
        let path = try folder.write("a.txt", text: "---\ntitle: 小米\n---\n正文")
        var reader = CorpusFileReader()
        XCTAssertEqual(read(path, with: &reader), .success(Array("---\ntitle: 小米\n---\n正文".utf8)))
    }

    func testFileLargerThanTheBufferIsReadInFullAndTheBufferIsReused() throws {
        let folder = try TemporaryFolder(for: self)
        let large = (0..<3_000_000).map { UInt8(0x41 + $0 % 26) }
        let largePath = try folder.write("large.txt", bytes: large)
        let smallPath = try folder.write("small.txt", text: "小")
        var reader = CorpusFileReader(initialCapacity: 16)
        XCTAssertEqual(read(largePath, with: &reader), .success(large))
        XCTAssertEqual(read(smallPath, with: &reader), .success(Array("小".utf8)), "no bytes of the previous file leak")
    }

    func testEmptyFileIsSkippedAsEmpty() throws {
        let folder = try TemporaryFolder(for: self)
        var reader = CorpusFileReader()
        XCTAssertEqual(read(try folder.write("empty.txt", bytes: []), with: &reader), .failure(.empty))
    }

    func testFileWithNulByteIsSkippedAsBinary() throws {
        let folder = try TemporaryFolder(for: self)
        var reader = CorpusFileReader()
        let path = try folder.write("image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        XCTAssertEqual(read(path, with: &reader), .failure(.binary))
    }

    func testMissingFileIsUnreadableWithTheSystemMessage() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.link("dangling.txt", to: folder.path + "/gone.txt")
        var reader = CorpusFileReader()
        XCTAssertEqual(read(folder.path + "/dangling.txt", with: &reader), .failure(.unreadable("No such file or directory")))
    }

    func testFolderIsUnreadable() throws {
        let folder = try TemporaryFolder(for: self)
        var reader = CorpusFileReader()
        XCTAssertEqual(read(folder.path, with: &reader), .failure(.notARegularFile))
    }

    func testFileWithoutPermissionIsUnreadable() throws {
        try XCTSkipIf(geteuid() == 0, "root reads files whatever their permissions")
        let folder = try TemporaryFolder(for: self)
        let path = try folder.write("secret.txt", text: "x")
        chmod(path, 0)
        var reader = CorpusFileReader()
        XCTAssertEqual(read(path, with: &reader), .failure(.unreadable("Permission denied")))
    }

    func testSkipReasonsExplainThemselves() {
        XCTAssertEqual(SkipReason.empty.description, "empty: the file has no bytes")
        XCTAssertTrue(SkipReason.binary.description.hasPrefix("binary: ") && SkipReason.binary.description.contains("NUL byte"))
        XCTAssertEqual(SkipReason.unreadable("Permission denied").description, "unreadable: Permission denied")
        for reason in [SkipReason.empty, .binary, .unreadable("x"), .notARegularFile, .changed, .unreadableFolder("x")] {
            XCTAssertTrue(reason.description.hasPrefix(reason.kind + ": "), "\(reason) starts with its kind")
        }
    }
}
