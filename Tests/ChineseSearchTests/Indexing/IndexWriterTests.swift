import Foundation
import XCTest
@testable import ChineseSearch

/// The writer's contract: one writer at a time, nothing visible before `commit()`, `rollback()` discards,
/// snapshots stay, and damaged commit structures give typed errors.
final class IndexWriterTests: XCTestCase {
    private func document(_ path: String, _ body: String) -> SourceDocument {
        SourceDocument(path: path, title: "", body: body)
    }

    func testASecondWriterIsRefusedUntilTheFirstIsGone() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/w.idx"
        var first: IndexWriter? = try IndexWriter(path: path)
        XCTAssertThrowsError(try IndexWriter(path: path)) { XCTAssertEqual($0 as? IndexError, .locked(path: path)) }
        XCTAssertThrowsError(try IndexBuilder.build(documents: [], indexPath: path)) {
            XCTAssertEqual($0 as? IndexError, .locked(path: path))
        }
        first?.add(document("a", "小米"))
        _ = try first?.commit()
        first = nil
        XCTAssertNoThrow(try IndexWriter(path: path))
    }

    func testNothingIsVisibleBeforeCommitAndRollbackDiscards() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/w.idx"
        let writer = try IndexWriter(path: path)
        writer.add(document("a.txt", "北汽工厂"))
        XCTAssertEqual(try SearchIndex(path: path).documentCount, 0)
        writer.rollback()
        XCTAssertEqual(try writer.commit().documents, 0)
        writer.add(document("a.txt", "北汽工厂"))
        writer.add(document("b.txt", "小米工厂"))
        let opened = try SearchIndex(path: path)
        try writer.commit()
        XCTAssertEqual(opened.documentCount, 0, "a snapshot keeps its commit")
        let latest = try opened.reopened()
        XCTAssertEqual(latest.documentCount, 2)
        XCTAssertTrue(try latest.reopened() === latest, "reopening without a new commit keeps the snapshot")
        writer.delete(path: "a.txt")
        writer.add(document("b.txt", "北汽新闻"))  // replaces b.txt
        try writer.commit()
        let hits = try latest.reopened().search("北汽").hits.map(\.path)
        XCTAssertEqual(hits, ["b.txt"])
    }

    func testDuplicatePathsInABuildAreATypedError() throws {
        let folder = try TemporaryFolder(for: self)
        XCTAssertThrowsError(try IndexBuilder.build(documents: [document("x", "一"), document("x", "二")],
                                                    indexPath: folder.path + "/d.idx")) {
            XCTAssertEqual($0 as? IndexError, .duplicatePath(path: "x"))
        }
    }

    /// Flips and extreme values (with recomputed checksums) in the commit record, the deletions and the slot:
    /// a typed error on open or verify, never a crash or an answer from a wrong document.
    func testDamagedCommitStructuresGiveTypedErrors() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/c.idx"
        let writer = try IndexWriter(path: path)
        for i in 0..<40 { writer.add(document("d\(i)", "北汽工厂第\(i)篇，小米汽车。")) }
        try writer.commit()
        for i in 0..<5 { writer.delete(path: "d\(i)") }
        try writer.commit()
        let index = try SearchIndex(path: path)
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let slot = index.snapshot.slot
        let record = Int(slot.recordOffset)
        let reference = index.snapshot.commit.segments[0]
        XCTAssertGreaterThan(reference.deletionsLength, 0)
        var random = RandomText(seed: 3)
        var cases: [([UInt8], String)] = []
        for _ in 0..<30 {
            var b = good
            let at = record + random.below(Int(slot.recordLength))
            b[at] ^= UInt8(1 + random.below(255))
            cases.append((b, "commit record byte \(at - record)"))
            var d = good
            let dat = Int(reference.deletionsOffset) + random.below(Int(reference.deletionsLength))
            d[dat] ^= UInt8(1 + random.below(255))
            cases.append((d, "deletions byte \(dat)"))
        }
        // Extreme values in every field of the commit record and of its segment reference, checksums recomputed.
        let fields = [8, 16, 24, 32, 40, 48, 56, 60] + (0..<7).map { CommitRecord.fixedSize + index.snapshot.commit.source.utf8.count + $0 * 8 }
        for field in fields {
            for value: UInt64 in [0, 1, 0xFFFF_FFFF, .max, 1 << 40] {
                var b = good
                let width = field == 56 || field == 60 ? 4 : 8
                for i in 0..<width { b[record + field + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
                cases.append((IndexResealing.resealedCommit(b, slot: slot), "commit field \(field) = \(value)"))
            }
        }
        for (bytes, what) in cases {
            let damaged = folder.path + "/damaged.idx"
            try Data(bytes).write(to: URL(fileURLWithPath: damaged))
            guard let opened = try? SearchIndex(path: damaged) else { continue }
            let verified = (try? opened.verify()) != nil
            // Whatever opens answers with real documents: from the damaged commit's segments, or from the
            // commit before it when the newest record is unreadable.
            if let results = try? opened.search("北汽", options: SearchOptions()) {
                XCTAssertTrue(results.hits.allSatisfy { $0.path.hasPrefix("d") }, what)
                XCTAssertTrue([35, 40].contains(results.total) || !verified, "\(what): \(results.total) matches")
                if verified { XCTAssertEqual(results.total, 35, "\(what): verified but answers differently") }
            }
        }
    }
}
