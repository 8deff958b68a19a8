import Foundation
import XCTest
@testable import ChineseSearch

/// The system-call layer: regular files only, opened without blocking, errors carrying errno, locks, status.
final class SystemLayerTests: XCTestCase {
    func testOnlyTheSystemLayerImportsACLibrary() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/ChineseSearch").standardized
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 30)
        for file in files {
            let text = try String(contentsOfFile: sources.path + "/" + file, encoding: .utf8)
            let imports = text.split(separator: "\n").filter {
                ["import Glibc", "import Musl", "import Darwin"].contains($0.trimmingCharacters(in: .whitespaces))
            }
            XCTAssertEqual(imports.isEmpty, file != "Support/System.swift", "\(file) imports \(imports)")
        }
    }

    func testAFIFOAsIndexIsRefusedAtOnceInsteadOfBlocking() throws {
        let folder = try TemporaryFolder(for: self)
        let fifo = folder.path + "/index.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let started = Date()
        XCTAssertThrowsError(try SearchIndex(path: fifo)) { error in
            XCTAssertEqual(error as? IndexError, .notARegularFile(path: fifo))
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
        XCTAssertThrowsError(try SearchIndex(path: folder.path)) { error in
            XCTAssertEqual(error as? IndexError, .notARegularFile(path: folder.path))
        }
        XCTAssertThrowsError(try SearchIndex(path: "/dev/zero")) { error in
            XCTAssertEqual(error as? IndexError, .notARegularFile(path: "/dev/zero"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testSystemErrorsCarryErrnoAndTheSystemMessage() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/missing/x.idx"
        XCTAssertThrowsError(try SystemFile.create(path)) { error in
            XCTAssertEqual(error as? IndexError, .system(call: "open", path: path, errno: ENOENT))
            XCTAssertEqual("\(error)", "open failed for '\(path)': No such file or directory")
        }
        XCTAssertThrowsError(try SearchIndex(path: folder.path + "/none.idx")) { error in
            XCTAssertEqual(error as? IndexError, .missing(path: folder.path + "/none.idx"))
        }
    }

    func testStatusReportsSizeTimeAndIdentitySharedByHardLinks() throws {
        let folder = try TemporaryFolder(for: self)
        let path = try folder.write("a.txt", bytes: [1, 2, 3, 4, 5])
        let before = Date().timeIntervalSince1970
        try FileManager.default.linkItem(atPath: path, toPath: folder.path + "/b.txt")
        let a = try SystemFile.status(path), b = try SystemFile.status(folder.path + "/b.txt")
        XCTAssertEqual(a.size, 5)
        XCTAssertEqual(a.kind, .regular)
        XCTAssertEqual(a.identity, b.identity)
        let other = try SystemFile.status(try folder.write("c.txt", bytes: [1]))
        XCTAssertNotEqual(other.identity, a.identity)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let modified = try XCTUnwrap(attributes[.modificationDate] as? Date).timeIntervalSince1970
        XCTAssertEqual(Double(a.modificationNanoseconds) / 1e9, modified, accuracy: 0.001)
        XCTAssertLessThan(abs(Double(a.modificationNanoseconds) / 1e9 - before), 60)
    }

    func testOpenForUpdateKeepsTheBytesAndTruncateAndPreadWork() throws {
        let folder = try TemporaryFolder(for: self)
        let path = try folder.write("data.bin", bytes: Array(0..<100))
        let fd = try SystemFile.openForUpdate(path, create: false)
        defer { SystemFile.close(fd) }
        var buffer = [UInt8](repeating: 0, count: 10)
        let n = try buffer.withUnsafeMutableBytes { try SystemFile.read(fd, into: $0, at: 90, path: path) }
        XCTAssertEqual(n, 10)
        XCTAssertEqual(buffer, Array(90..<100))
        try SystemFile.writeAll(fd, [0xAA], at: 0, path: path)
        try SystemFile.truncate(fd, to: 50, path: path)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(bytes, [0xAA] + Array(1..<50))
        let short = try buffer.withUnsafeMutableBytes { try SystemFile.read(fd, into: $0, at: 45, path: path) }
        XCTAssertEqual(short, 5, "pread stops at the end of the file")
        XCTAssertThrowsError(try SystemFile.openForUpdate(folder.path + "/new.bin", create: false))
        let created = try SystemFile.openForUpdate(folder.path + "/new.bin", create: true)
        SystemFile.close(created)
        XCTAssertEqual(try SystemFile.status(folder.path + "/new.bin").size, 0)
    }

    func testAnExclusiveLockIsRefusedWhileHeldAndFreedOnUnlockOrDeinit() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/write.lock"
        let first = try FileLock(path: path)
        XCTAssertThrowsError(try FileLock(path: path)) { error in
            XCTAssertEqual(error as? IndexError, .locked(path: path))
        }
        first.unlock()
        do { _ = try FileLock(path: path) }  // taken and released at the end of this scope, by deinit
        XCTAssertNoThrow(try FileLock(path: path))
    }

    func testCreateFoldersMakesEveryMissingLevel() throws {
        let folder = try TemporaryFolder(for: self)
        try SystemFile.createFolders(folder.path + "/a/b/c")
        try SystemFile.createFolders(folder.path + "/a/b/c")
        XCTAssertEqual(try SystemFile.status(folder.path + "/a/b/c").kind, .directory)
        let file = try folder.write("f", bytes: [1])
        XCTAssertThrowsError(try SystemFile.createFolders(file + "/x"))
        XCTAssertEqual(SystemFile.folder(of: "a/b//c"), "a/b")
        XCTAssertEqual(SystemFile.folder(of: "c"), ".")
        XCTAssertEqual(SystemFile.folder(of: "/c"), "/")
    }
}
