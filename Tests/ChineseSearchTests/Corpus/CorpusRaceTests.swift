import Dispatch
import Foundation
import XCTest
@testable import ChineseSearch

/// What the walk approved is what gets read: a file replaced between the walk and the read (by a FIFO, a
/// device, a symbolic link to a file outside the corpus) is skipped with a reason, never read or waited on.
/// The races are made deterministic by replacing the file after `CorpusInput` walked the folder.
final class CorpusRaceTests: XCTestCase {
    private func walkThenReplace(_ replace: (String, TemporaryFolder) throws -> Void) throws -> (loaded: [DocumentLoad], paths: [String]) {
        let folder = try TemporaryFolder(for: self)
        try folder.write("corpus/a.txt", text: "正常的文章")
        try folder.write("corpus/store/b.txt", text: "另一篇")
        try folder.link("corpus/b-link.txt", to: "store/b.txt")
        try folder.write("corpus/z.txt", text: "最后一篇")
        let input = try CorpusInput(directory: folder.path + "/corpus")
        try replace(folder.path + "/corpus", folder)
        let load = input.makeLoader()
        return (input.paths.indices.map(load), input.paths)
    }

    private func reason(_ load: DocumentLoad) -> String? {
        if case .skipped(let reason) = load { return reason }
        return nil
    }

    func testAFileReplacedByAFIFOAfterTheWalkIsSkippedWithoutBlocking() throws {
        let started = Date()
        let (loaded, paths) = try walkThenReplace { root, _ in
            try FileManager.default.removeItem(atPath: root + "/a.txt")
            XCTAssertEqual(mkfifo(root + "/a.txt", 0o644), 0)
        }
        XCTAssertEqual(paths, ["a.txt", "b-link.txt", "store/b.txt", "z.txt"])
        XCTAssertEqual(reason(loaded[0]), SkipReason.notARegularFile.description)
        XCTAssertNil(reason(loaded[3]), "the other files are read")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testASymlinkRetargetedOutsideTheCorpusAfterTheWalkIsNotRead() throws {
        let outside = try TemporaryFolder(for: self)
        let secret = try outside.write("passwd", text: "root:x:0:0 秘密")
        let (loaded, _) = try walkThenReplace { root, _ in
            try FileManager.default.removeItem(atPath: root + "/b-link.txt")
            try FileManager.default.createSymbolicLink(atPath: root + "/b-link.txt", withDestinationPath: secret)
        }
        XCTAssertEqual(reason(loaded[1]), SkipReason.changed.description)
        XCTAssertNil(reason(loaded[2]), "the link's old target is still read under its own path")
    }

    func testARegularFileSwappedForAnotherFileAfterTheWalkIsNotRead() throws {
        let (loaded, _) = try walkThenReplace { root, _ in
            // Written beside it and renamed over it, as an editor saves (a new inode; removing first could reuse the old one).
            try Data("/etc/passwd 的替身".utf8).write(to: URL(fileURLWithPath: root + "/z.new"))
            XCTAssertEqual(rename(root + "/z.new", root + "/z.txt"), 0)
        }
        XCTAssertEqual(reason(loaded[3]), SkipReason.changed.description)
    }

    func testAFileReplacedByALinkToDevZeroIsSkippedAndReadsNothing() throws {
        let (loaded, _) = try walkThenReplace { root, _ in
            try FileManager.default.removeItem(atPath: root + "/a.txt")
            try FileManager.default.createSymbolicLink(atPath: root + "/a.txt", withDestinationPath: "/dev/zero")
        }
        XCTAssertEqual(reason(loaded[0]), SkipReason.notARegularFile.description)
    }

    func testAFileThatGrowsAfterFstatIsReadOnlyToItsSize() throws {
        // /proc files report size 0 and would go on producing bytes: fstat's size is the bound.
        var reader = CorpusFileReader()
        let result = reader.read("/proc/self/status") { $0.count }
        XCTAssertEqual(result, .failure(.empty))
    }

    func testIndexingProcSelfFinishesQuicklyWithBoundedWork() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/proc/self/status"), "needs /proc")
        let folder = try TemporaryFolder(for: self)
        let done = DispatchSemaphore(value: 0)
        let path = folder.path + "/proc.idx"
        nonisolated(unsafe) var outcome: Result<IndexBuildSummary, any Error>?
        Thread.detachNewThread {
            outcome = Result { try IndexBuilder.build(corpusDirectory: "/proc/self", indexPath: path,
                                                      options: IndexBuildOptions(threads: 2)) }
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success, "indexing /proc/self hangs")
        let summary = try XCTUnwrap(outcome).get()
        XCTAssertLessThan(summary.indexBytes, 64 << 20)
        XCTAssertTrue(summary.skipped.contains { $0.reason.hasPrefix("empty") }, "files of size 0 are skipped as empty")
    }
}

/// Folders that cannot be listed are left out and reported; the build goes on.
final class UnlistableFolderTests: XCTestCase {
    func testAFolderPastPathMaxIsSkippedAndReportedAndTheRestIsIndexed() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.write("corpus/a.txt", text: "浅层文章")
        // Nested folders of 200-byte names until the absolute path passes PATH_MAX (4096), made one level at a
        // time relative to the current directory, since no absolute path that long can be created.
        let name = String(repeating: "d", count: 200)
        let manager = FileManager.default
        let saved = manager.currentDirectoryPath
        XCTAssertTrue(manager.changeCurrentDirectoryPath(folder.path + "/corpus"))
        var depth = 0
        while (folder.path + "/corpus").utf8.count + depth * 201 < 4300 {
            try manager.createDirectory(atPath: name, withIntermediateDirectories: false)
            XCTAssertTrue(manager.changeCurrentDirectoryPath(name))
            depth += 1
        }
        let fd = try SystemFile.create("deep.txt")  // relative: FileManager resolves to an absolute path, too long
        try SystemFile.writeAll(fd, Array("深层文章".utf8), path: "deep.txt")
        SystemFile.close(fd)
        XCTAssertTrue(manager.changeCurrentDirectoryPath(saved))
        addTeardownBlock {
            // Shorten the chain one level at a time (move the second level up, drop the emptied first), so every
            // path used stays short; then the short rest is removed with the folder.
            let top = folder.path + "/corpus/" + name
            while manager.fileExists(atPath: top + "/" + name) {
                _ = rename(top + "/" + name, top + ".next")
                try? manager.removeItem(atPath: top)
                _ = rename(top + ".next", top)
            }
        }

        let listing = try CorpusWalker.listing(in: folder.path + "/corpus")
        XCTAssertEqual(listing.files.map(\.path), ["a.txt"])
        XCTAssertEqual(listing.skippedFolders.count, 1)
        let skipped = try XCTUnwrap(listing.skippedFolders.first)
        XCTAssertTrue(skipped.path.hasPrefix(name + "/"), skipped.path)
        XCTAssertEqual(skipped.reason, .unreadableFolder("File name too long"))

        let summary = try IndexBuilder.build(corpusDirectory: folder.path + "/corpus", indexPath: folder.path + "/i.idx",
                                             options: IndexBuildOptions(threads: 1))
        XCTAssertEqual(summary.documents, 1)
        XCTAssertEqual(summary.skipped.map(\.path), [skipped.path])
        XCTAssertTrue(summary.skipped[0].reason.hasPrefix("unreadable folder: File name too long"), summary.skipped[0].reason)
    }

    func testAFolderWithoutPermissionIsSkippedAndReported() throws {
        try XCTSkipIf(geteuid() == 0, "root lists folders whatever their permissions")
        let folder = try TemporaryFolder(for: self)
        try folder.write("corpus/a.txt", text: "可读")
        try folder.write("corpus/locked/b.txt", text: "不可读")
        chmod(folder.path + "/corpus/locked", 0)
        addTeardownBlock { chmod(folder.path + "/corpus/locked", 0o755) }
        let listing = try CorpusWalker.listing(in: folder.path + "/corpus")
        XCTAssertEqual(listing.files.map(\.path), ["a.txt"])
        XCTAssertEqual(listing.skippedFolders, [SkippedFolder(path: "locked", reason: .unreadableFolder("Permission denied"))])
    }
}
