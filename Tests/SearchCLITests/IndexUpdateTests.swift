import Foundation
import XCTest

/// `search index DIR` on an existing index of DIR updates it in place: the summary line, `--rebuild`,
/// another folder, vanished, unreadable and touched files, an unchanged re-run that reads no file, and crashes
/// at every step of an update leaving the last commit answering.
final class IndexUpdateTests: XCTestCase {
    private var root: URL!
    private var corpus: URL!
    private var index: String!

    override func setUpWithError() throws {
        root = try CLIRunner.temporaryFolder(self)
        corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for i in 0..<6 { try write("a\(i).txt", Self.article("文章\(i)", "北汽工厂第\(i)篇报道，小米汽车与香港。")) }
        index = root.appendingPathComponent("idx/search.idx").path
        let built = try CLIRunner.run(["index", corpus.path, "--index", index])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.hasPrefix("indexed 6 documents"), built.stdout)
    }

    static func article(_ title: String, _ body: String) -> String { "---\ntitle: \(title)\n---\n\(body)\n" }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: corpus.appendingPathComponent(name))
    }

    private func update(_ environment: [String: String] = [:]) throws -> CLIRunner.Outcome {
        try CLIRunner.run(["index", corpus.path, "--index", index], environment: environment)
    }

    /// The paths and scores of a query, as JSON reports them.
    private func answer(_ query: String, index path: String? = nil) throws -> [String] {
        let out = try CLIRunner.run(["query", query, "--json", "--top", "100", "--index", path ?? index])
        guard out.status <= 1 else { XCTFail(out.stderr); return [] }
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let hits = object?["hits"] as? [[String: Any]] ?? []
        return hits.map { "\($0["doc"]!) \(String(format: "%.9f", $0["score"] as! Double))" }
    }

    /// What a fresh build of the corpus as it is now answers.
    private func freshAnswers(_ queries: [String]) throws -> [[String]] {
        let fresh = root.appendingPathComponent("fresh-\(UUID().uuidString).idx").path
        XCTAssertEqual(try CLIRunner.run(["index", corpus.path, "--index", fresh]).status, 0)
        return try queries.map { try answer($0, index: fresh) }
    }

    static let queries = ["北汽 工厂", "小米", "香港 OR 新闻", "文章", "车"]

    func testSummaryLineCountsAddedChangedDeletedAndUnchanged() throws {
        try write("new1.txt", Self.article("新文章", "全新的北汽报道"))
        try write("new2.txt", Self.article("另一篇", "更多新闻"))
        try write("a0.txt", Self.article("改过的", "内容变了，北汽工厂"))
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("a1.txt"))
        let out = try update()
        XCTAssertEqual(out.status, 0, out.stderr)
        let pattern = #"^updated .*search\.idx: 2 added, 1 changed, 1 deleted, 4 unchanged in [0-9]+\.[0-9]{2} s \([0-9]+ segments?, [0-9.]+ KB\)\n$"#
        XCTAssertNotNil(out.stdout.range(of: pattern, options: .regularExpression), out.stdout)
        XCTAssertEqual(try Self.queries.map { try answer($0) }, try freshAnswers(Self.queries))
        XCTAssertEqual(try CLIRunner.run(["verify", "--index", index]).status, 0)
    }

    func testUnchangedRerunReadsNoFileAndTouchedFilesAreHashedNotReindexed() throws {
        // Unreadable content would be reported if it were read: an unchanged re-run reads nothing.
        let again = try update()
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains(": 0 added, 0 changed, 0 deleted, 6 unchanged in"), again.stdout)
        // Same bytes, another modification time (older, as a restored backup): read, hashed, left as it is.
        let a2 = corpus.appendingPathComponent("a2.txt").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: a2)
        XCTAssertTrue(try update().stdout.contains(": 0 added, 0 changed, 0 deleted, 6 unchanged in"))
        // Other bytes with the same size and an older time: "≠", not "≤", so it is re-indexed.
        let same = Self.article("文章2", "北汽工厂第2篇报道，小米汽车与香港。")
        let other = Self.article("文章2", "南汽工厂第2篇报道，大米汽车与香港。")
        XCTAssertEqual(same.utf8.count, other.utf8.count)
        try write("a2.txt", other)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 500_000)], ofItemAtPath: a2)
        XCTAssertTrue(try update().stdout.contains(": 0 added, 1 changed, 0 deleted, 5 unchanged in"))
        XCTAssertEqual(try Self.queries.map { try answer($0) }, try freshAnswers(Self.queries))
    }

    func testUnreadableFilesAreReportedEveryRunAndDoNotAbortTheUpdate() throws {
        try write("empty.txt", "")
        for _ in 0..<2 {
            let out = try update()
            XCTAssertEqual(out.status, 0, out.stderr)
            XCTAssertTrue(out.stderr.contains("empty.txt"), "reported on every run: \(out.stderr)")
        }
        // A file that was indexed and is now unreadable is no longer a document.
        try write("a3.txt", "")
        let out = try update()
        XCTAssertTrue(out.stdout.contains(" 1 deleted,"), out.stdout)
        XCTAssertEqual(try answer("文章3"), [])
    }

    func testAnotherFolderOrAnOldFormatIsRefusedWithRebuildNamed() throws {
        let other = root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data(Self.article("别的", "别的文件夹").utf8).write(to: other.appendingPathComponent("x.txt"))
        let refused = try CLIRunner.run(["index", other.path, "--index", index])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.hasPrefix("search: ") && refused.stderr.contains("--rebuild"), refused.stderr)
        XCTAssertEqual(try answer("别的"), [], "the index was not replaced")
        let rebuilt = try CLIRunner.run(["index", other.path, "--index", index, "--rebuild"])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(try answer("别的").count, 1)

        // A version 1 file: the old magic and version number.
        var old = Array("ZHSEARCH".utf8) + [1, 0, 0, 0]
        old += [UInt8](repeating: 0, count: 200)
        try Data(old).write(to: URL(fileURLWithPath: index))
        let v1 = try CLIRunner.run(["index", other.path, "--index", index])
        XCTAssertEqual(v1.status, 2)
        XCTAssertTrue(v1.stderr.contains("version 1") && v1.stderr.contains("--rebuild"), v1.stderr)
        let query = try CLIRunner.run(["query", "别的", "--index", index])
        XCTAssertEqual(query.status, 2)
        XCTAssertTrue(query.stderr.contains("rebuild"), query.stderr)
    }

    func testCompactLeavesOneSegmentWithoutDeletionsAndTheSameAnswers() throws {
        for round in 0..<3 {
            try write("r\(round).txt", Self.article("轮\(round)", "北汽第\(round)轮"))
            try FileManager.default.removeItem(at: corpus.appendingPathComponent("a\(round).txt"))
            XCTAssertEqual(try update().status, 0)
        }
        let before = try Self.queries.map { try answer($0) }
        let out = try CLIRunner.run(["compact", "--index", index])
        XCTAssertEqual(out.status, 0, out.stderr)
        let stats = try CLIRunner.run(["stats", "--json", "--index", index])
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["segments"] as? [Any])?.count, 1)
        XCTAssertEqual(object?["deleted_documents"] as? Int, 0)
        XCTAssertEqual(object?["dead_bytes"] as? Int, 0)
        XCTAssertEqual(try Self.queries.map { try answer($0) }, before)
        XCTAssertEqual(before, try freshAnswers(Self.queries))
    }

    /// An update stopped at each of its crash points (as `kill -9` would stop it: no clean-up) leaves an index
    /// that verifies and answers as the previous commit or the new one, and the next update completes it.
    func testCrashAtEveryStepOfAnUpdateLeavesTheLastCommitAnswering() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: index))
        let oldAnswers = try Self.queries.map { try answer($0) }
        // Changes that delete, add and merge (more than 20% deleted) and rewrite the file (dead space): four of the
        // six deleted, so the dead old segment is clearly more than half the file whatever the format's overhead.
        try write("a0.txt", Self.article("改", "改过的北汽工厂"))
        for i in 1..<5 { try FileManager.default.removeItem(at: corpus.appendingPathComponent("a\(i).txt")) }
        try write("n.txt", Self.article("新", "新的小米报道"))
        let newAnswers = try freshAnswers(Self.queries)
        var points = 0
        for n in 1...40 {
            try original.write(to: URL(fileURLWithPath: index))
            let crashed = try update(["CHINESESEARCH_CRASH_AT": "\(n)"])
            if crashed.status == 0 { break }
            XCTAssertEqual(crashed.status, 137, "crash point \(n): \(crashed.stderr)")
            points += 1
            XCTAssertEqual(try CLIRunner.run(["verify", "--index", index]).status, 0, "crash point \(n): verify")
            let answers = try Self.queries.map { try answer($0) }
            XCTAssertTrue(answers == oldAnswers || answers == newAnswers, "crash point \(n): answers of no commit")
            let resumed = try update()
            XCTAssertEqual(resumed.status, 0, resumed.stderr)
            XCTAssertEqual(try Self.queries.map { try answer($0) }, newAnswers, "crash point \(n): the next update")
            XCTAssertEqual(try CLIRunner.run(["verify", "--index", index]).status, 0)
        }
        XCTAssertGreaterThanOrEqual(points, 8, "every step of the commit and of the rewrite")

        // And every step of a compaction.
        let compacted = try Data(contentsOf: URL(fileURLWithPath: index))
        var compactPoints = 0
        for n in 1...20 {
            try compacted.write(to: URL(fileURLWithPath: index))
            let crashed = try CLIRunner.run(["compact", "--index", index], environment: ["CHINESESEARCH_CRASH_AT": "\(n)"])
            if crashed.status == 0 { break }
            XCTAssertEqual(crashed.status, 137, "compaction crash point \(n): \(crashed.stderr)")
            compactPoints += 1
            XCTAssertEqual(try CLIRunner.run(["verify", "--index", index]).status, 0, "compaction crash point \(n): verify")
            XCTAssertEqual(try Self.queries.map { try answer($0) }, newAnswers, "compaction crash point \(n)")
            XCTAssertEqual(try update().status, 0, "compaction crash point \(n): the next update")
        }
        XCTAssertGreaterThanOrEqual(compactPoints, 4)
        print("crash points: update \(points), compaction \(compactPoints)")
    }

    /// Readers in other processes query in a loop while updates and a compaction run: every answer is that of
    /// some complete commit.
    func testReadersInOtherProcessesSeeOnlyCompleteCommits() throws {
        let query = "北汽 工厂"
        var states: [[String]] = [try answer(query)]
        var steps: [() throws -> Void] = []
        for round in 0..<4 {
            steps.append {
                try self.write("s\(round).txt", Self.article("状态\(round)", String(repeating: "北汽工厂的第\(round)次更新。", count: round + 1)))
                if round > 0 { try FileManager.default.removeItem(at: self.corpus.appendingPathComponent("a\(round).txt")) }
            }
        }
        // The answers of every state, from fresh builds.
        let saved = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
        for step in steps {
            try step()
            states.append(try freshAnswers([query])[0])
        }
        // Back to the start, then replay the states with readers running.
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where !saved.contains(name) {
            try FileManager.default.removeItem(at: corpus.appendingPathComponent(name))
        }
        for i in 0..<6 { try write("a\(i).txt", Self.article("文章\(i)", "北汽工厂第\(i)篇报道，小米汽车与香港。")) }
        XCTAssertEqual(try update().status, 0)
        let stop = Flag()
        let seen = Answers()
        nonisolated(unsafe) let test = self
        let readers = (0..<2).map { _ in
            Thread {
                while !stop.value { if let a = try? test.answer(query) { seen.add(a) } }
            }
        }
        readers.forEach { $0.start() }
        for step in steps {
            try step()
            XCTAssertEqual(try update().status, 0)
        }
        XCTAssertEqual(try CLIRunner.run(["compact", "--index", index]).status, 0)
        usleep(300_000)
        stop.set()
        while readers.contains(where: \.isExecuting) { usleep(10_000) }
        let answers = seen.values
        XCTAssertGreaterThan(answers.count, 3, "the readers ran")
        for a in answers { XCTAssertTrue(states.contains(a), "an answer of no commit: \(a)") }
    }

    /// `kill -9` at random moments of a larger update (reading, inverting, writing the segment, committing).
    func testKillAtRandomMomentsOfAnUpdateLeavesTheLastCommitAnswering() throws {
        let sentence = "北汽集团的新工厂在北京开工，小米汽车也在香港发布新车。"
        for i in 0..<30 {
            try write("big\(i).txt", Self.article("大\(i)", String(repeating: sentence + "第\(i)段。", count: 1500)))
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: index))
        let oldAnswers = try Self.queries.map { try answer($0) }
        let newAnswers = try freshAnswers(Self.queries)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            try original.write(to: URL(fileURLWithPath: index))
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["index", corpus.path, "--index", index]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...600_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(try CLIRunner.run(["verify", "--index", index]).status, 0, "verify after a kill")
            let answers = try Self.queries.map { try answer($0) }
            XCTAssertTrue(answers == oldAnswers || answers == newAnswers, "answers of no commit after a kill")
            XCTAssertEqual(try update().status, 0)
            XCTAssertEqual(try Self.queries.map { try answer($0) }, newAnswers)
        }
    }
}

/// A flag set once by the test and read by reader threads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    var value: Bool { lock.withLock { raised } }
    func set() { lock.withLock { raised = true } }
}

/// The answers reader threads collected.
private final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [[String]] = []
    var values: [[String]] { lock.withLock { all } }
    func add(_ a: [String]) { lock.withLock { all.append(a) } }
}
