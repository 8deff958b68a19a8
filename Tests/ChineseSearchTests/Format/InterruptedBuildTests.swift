import Foundation
import XCTest
@testable import ChineseSearch
#if canImport(Glibc)
import Glibc
#endif

/// The index file is replaced atomically: a build killed midway leaves the previous index answering as before,
/// and the next build removes the killed build's `PATH.tmp-<pid>` leftovers.
final class InterruptedBuildTests: XCTestCase {
    /// The `search` executable next to the test bundle in the build folder.
    private static var searchExecutable: URL {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("search")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url = url.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("search")
    }

    private static let smallCorpus = [
        SourceDocument(path: "a.txt", title: "小米汽车", date: "2024-01-01", body: "小米汽车工厂在北京。"),
        SourceDocument(path: "b.txt", title: "北汽", body: "北汽集团与小米洽谈合作。"),
        SourceDocument(path: "c.txt", title: "香港", body: "香港天气晴。"),
    ]

    /// `megabytes` files of about 1 MB of random CJK text with front matter, quickly: one random block, rotated.
    private func writeBigCorpus(_ folder: String, megabytes: Int) throws {
        var random = RandomText(seed: 5)
        let characters = (0..<3000).map { Array(String(Unicode.Scalar(0x4E00 + UInt32($0) * 7)!).utf8) }
        var block: [UInt8] = []
        block.reserveCapacity(1 << 20)
        while block.count < (1 << 20) - 4 {
            block += characters[random.below(random.below(characters.count) + 1)]
            if random.below(20) == 0 { block += Array("，".utf8) }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for i in 0..<megabytes {
            let cut = 3 * random.below(block.count / 3)
            let text = Array("---\ntitle: '大文件 \(i)'\n---\n".utf8) + block[cut...] + block[..<cut]
            try Data(text).write(to: URL(fileURLWithPath: "\(folder)/\(String(format: "%03d", i)).txt"))
        }
    }

    private func leftovers(_ folder: String, of index: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(index + ".tmp-") }.sorted()
    }

    func testKilledBuildLeavesThePreviousIndexAndTheNextBuildRemovesItsLeftovers() throws {
        let folder = try TemporaryFolder(for: self)
        let indexPath = folder.path + "/search.idx"
        _ = try IndexBuilder.build(documents: Self.smallCorpus, indexPath: indexPath, options: IndexBuildOptions(threads: 1))
        let before = try SearchIndex(path: indexPath).search("小米")
        XCTAssertEqual(before.hits.map(\.path), ["a.txt", "b.txt"])

        // 12 MB: the debug build inverts it in a few seconds, long enough to be caught in the middle.
        try writeBigCorpus(folder.path + "/big", megabytes: 12)
        let process = Process()
        process.executableURL = Self.searchExecutable
        process.arguments = ["index", folder.path + "/big", "--index", indexPath, "--threads", "2", "--rebuild"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The killed build's own temporary index file: it exists from the start of the merge until the rename.
        let temporary = "search.idx.tmp-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline
                && !FileManager.default.fileExists(atPath: folder.path + "/" + temporary) {
            usleep(2_000)
        }
        let sawTemporary = FileManager.default.fileExists(atPath: folder.path + "/" + temporary)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertTrue(sawTemporary, "the build never wrote \(temporary) (it finished or took over 60 s)")
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the build finished before it was killed")

        // The old index is untouched: it opens, verifies and answers exactly as before.
        let old = try SearchIndex(path: indexPath)
        XCTAssertNoThrow(try old.verify())
        XCTAssertEqual(old.documentCount, Self.smallCorpus.count)
        let after = try old.search("小米")
        XCTAssertEqual(after.hits.map(\.path), before.hits.map(\.path))
        XCTAssertEqual(after.hits.map(\.score), before.hits.map(\.score))
        let stale = try leftovers(folder.path, of: "search.idx")
        XCTAssertTrue(stale.contains(temporary), "a SIGKILL leaves the temporary file: \(stale)")

        // The next build removes the dead build's leftovers and replaces the index.
        let next = [SourceDocument(path: "d.txt", title: "新的", body: "只有这一篇提到小米。")]
        _ = try IndexBuilder.build(documents: next, indexPath: indexPath, options: IndexBuildOptions(threads: 1))
        XCTAssertEqual(try leftovers(folder.path, of: "search.idx"), [])
        XCTAssertEqual(try SearchIndex(path: indexPath).search("小米").hits.map(\.path), ["d.txt"])
    }

    func testInterruptedOrTerminatedBuildRemovesItsTemporaryFilesBeforeItEnds() throws {
        let folder = try TemporaryFolder(for: self)
        try writeBigCorpus(folder.path + "/big", megabytes: 12)
        for signal in [SIGINT, SIGTERM] {
            let indexPath = folder.path + "/search.idx"
            let process = Process()
            process.executableURL = Self.searchExecutable
            // --memory 16: runs spill to `.run-N` files too, so more than the temporary index must go.
            process.arguments = ["index", folder.path + "/big", "--index", indexPath, "--threads", "2", "--memory", "16"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let prefix = "search.idx.tmp-\(process.processIdentifier)"
            let deadline = Date().addingTimeInterval(60)
            while try process.isRunning && Date() < deadline && leftovers(folder.path, of: "search.idx").isEmpty {
                usleep(2_000)
            }
            let seen = try leftovers(folder.path, of: "search.idx")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertTrue(seen.contains { $0.hasPrefix(prefix) }, "the build wrote no temporary file before it finished")
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "signal \(signal): the build finished first")
            XCTAssertEqual(process.terminationStatus, signal, "ended by the signal itself")
            XCTAssertEqual(try leftovers(folder.path, of: "search.idx"), [], "signal \(signal) left temporary files")
        }
    }

    func testABuildThatRunsOutOfSpaceFailsAndLeavesNoTemporaryFiles() throws {
        let folder = try TemporaryFolder(for: self)
        try writeBigCorpus(folder.path + "/big", megabytes: 12)
        // A file-size limit of 4 MB stands in for a full disk: writes past it fail with EFBIG (SIGXFSZ ignored),
        // so the first spilled run (--memory 16) or the index itself cannot be written.
        let script = "trap '' XFSZ; ulimit -f 8192; exec '\(Self.searchExecutable.path)' index '\(folder.path)/big' "
            + "--index '\(folder.path)/search.idx' --threads 2 --memory 16"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        let err = Pipe()
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = err
        try shell.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.hasPrefix("search: write failed for '\(folder.path)/search.idx.tmp-"), stderr)
        XCTAssertEqual(try leftovers(folder.path, of: "search.idx"), [], "a failed build removes its temporary files")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/search.idx"))
    }

    func testStaleTemporaryFilesOfDeadProcessesAreRemovedAndOthersKept() throws {
        let folder = try TemporaryFolder(for: self)
        let indexPath = folder.path + "/x.idx"
        // A pid that surely ran and ended: a child we started and waited for.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let own = getpid()
        for name in ["x.idx.tmp-\(dead)", "x.idx.tmp-\(dead).positions", "x.idx.tmp-\(own)", "x.idx.tmp-1", "x.idx",
                     "y.idx.tmp-\(dead)", "x.idx.tmp-notapid"] {
            try folder.write(name, text: "leftover")
        }
        TemporaryFiles.removeStale(besides: indexPath)
        // Kept: this process's file, pid 1's (alive), another index's, names without a pid, the index itself.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["x.idx", "x.idx.tmp-\(own)", "x.idx.tmp-1", "x.idx.tmp-notapid", "y.idx.tmp-\(dead)"].sorted())
    }
}
