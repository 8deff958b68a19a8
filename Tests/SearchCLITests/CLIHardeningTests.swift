import Foundation
import XCTest

/// Hostile input to the command line: huge `--top`, FIFOs as index, control characters in printed text,
/// over-long serve requests, batch lines that fail, stray words, skip reasons, interrupted builds.
final class CLIHardeningTests: XCTestCase {
    /// Error lines quote paths from outside: their control characters are escaped, never sent to the terminal.
    func testErrorLinesEscapeControlCharactersOfPaths() throws {
        let folder = try CLIRunner.temporaryFolder(self)
        let path = folder.appendingPathComponent("bad\u{1B}[31mname\u{07}.idx").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        let out = try CLIRunner.run(["verify", path])
        XCTAssertEqual(out.status, 2)
        XCTAssertFalse(out.stderr.contains("\u{1B}") || out.stderr.contains("\u{07}"), out.stderr)
        XCTAssertTrue(out.stderr.contains("\\x1B[31mname\\x07"), out.stderr)
    }

    private var folder: URL!
    private var index: String!

    override func setUpWithError() throws {
        folder = try CLIRunner.temporaryFolder(self)
        index = folder.appendingPathComponent("sample.idx").path
        let build = try CLIRunner.run(["index", CLIRunner.sampleCorpus.path, "--index", index])
        XCTAssertEqual(build.status, 0, build.stderr)
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    private func json(_ line: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
    }

    func testHugeTopWorksInQueryAndServe() throws {
        let normal = try CLIRunner.run(["query", "小米", "--json", "--index", index])
        let expected = try json(try XCTUnwrap(lines(normal.stdout).first))["total"] as? Int
        for top in ["2147483648", "9223372036854775807"] {
            let out = try CLIRunner.run(["query", "小米", "--json", "--top", top, "--index", index])
            XCTAssertEqual(out.status, 0, out.stderr)
            let object = try json(try XCTUnwrap(lines(out.stdout).first))
            XCTAssertEqual((object["hits"] as? [Any])?.count, expected, "every match, no more")
        }
        let served = try CLIRunner.run(["serve", "--stdio", "--index", index],
                                       input: "{\"query\":\"工厂\",\"top\":9223372036854775807}\n{\"query\":\"小米\"}\n")
        XCTAssertEqual(served.status, 0, served.stderr)
        let answers = try lines(served.stdout).map(json)
        XCTAssertEqual(answers.count, 2)
        XCTAssertNotNil(answers.first?["hits"], served.stdout)
    }

    func testAFIFOAsIndexIsAnErrorNotAHang() throws {
        let fifo = folder.appendingPathComponent("index.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let started = Date()
        for arguments in [["query", "小米", "--index", fifo], ["stats", "--index", fifo], ["verify", fifo],
                          ["serve", "--stdio", "--index", fifo]] {
            let out = try CLIRunner.run(arguments, input: "")
            XCTAssertEqual(out.status, 2, "\(arguments)")
            XCTAssertEqual(out.stderr, "search: '\(fifo)' is not a regular file (a folder, FIFO, socket or device); give the path of an index file\n")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testControlCharactersInTitlesAndPathsAreEscapedInHumanOutput() throws {
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let name = "evil\u{1B}[31m\rname\u{07}.txt"
        try Data("---\ntitle: \"坏\\e[2J标题\\a\"\n---\n正文有毒内容\u{1B}]0;pwned\u{07}结尾。\n".utf8)
            .write(to: corpus.appendingPathComponent(name))
        let evil = folder.appendingPathComponent("evil.idx").path
        let build = try CLIRunner.run(["index", corpus.path, "--index", evil])
        XCTAssertEqual(build.status, 0, build.stderr)
        let out = try CLIRunner.run(["query", "有毒", "--index", evil])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertFalse(out.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F },
                       "no raw control characters: \(out.stdout.debugDescription)")
        XCTAssertTrue(out.stdout.contains("evil\\x1B[31m\\x0Dname\\x07.txt"), out.stdout)
        XCTAssertTrue(out.stdout.contains("\\x1B]0;pwned\\x07"), out.stdout)
        // JSON keeps the real characters, escaped the JSON way.
        let raw = try CLIRunner.run(["query", "有毒", "--json", "--index", evil])
        let hit = try XCTUnwrap((try json(try XCTUnwrap(lines(raw.stdout).first))["hits"] as? [[String: Any]])?.first)
        XCTAssertEqual(hit["doc"] as? String, name)
    }

    func testServeAnswersAnOverLongRequestWithAnErrorAndKeepsServing() throws {
        let huge = "{\"query\": \"" + String(repeating: "工", count: 400_000) + "\"}"  // 1.2 MB
        let many = "{\"query\": \"" + (0..<1500).map { "w\($0)" }.joined(separator: " ") + "\"}"
        let input = [huge, "{\"query\": \"小米\"}", many, "{\"query\": \"北汽\"}"].joined(separator: "\n") + "\n"
        let out = try CLIRunner.run(["serve", "--stdio", "--index", index], input: input)
        XCTAssertEqual(out.status, 0, out.stderr)
        let answers = try lines(out.stdout).map(json)
        XCTAssertEqual(answers.count, 4)
        guard answers.count == 4 else { return }
        XCTAssertEqual(answers[0]["error"] as? String,
                       "request of \(huge.utf8.count) bytes is longer than the limit of 1048576 bytes (--max-request-bytes)")
        XCTAssertLessThan(out.stdout.utf8.count, 20_000, "the huge request is not echoed")
        XCTAssertEqual(answers[1]["query"] as? String, "小米")
        XCTAssertEqual(answers[2]["error"] as? String, "query has more than 1000 tokens, the limit (--max-query-tokens); shorten it")
        XCTAssertEqual(answers[3]["query"] as? String, "北汽")

        let small = try CLIRunner.run(["serve", "--stdio", "--max-request-bytes", "40", "--max-query-tokens", "2",
                                       "--index", index], input: "{\"query\": \"小米汽车工厂\"}\n{\"query\": \"小米\"}\n")
        let limited = try lines(small.stdout).map(json)
        XCTAssertEqual(limited.count, 2)
        XCTAssertEqual(limited.first?["error"] as? String, "query has more than 2 tokens, the limit (--max-query-tokens); shorten it")
        XCTAssertNotNil(limited.last?["hits"])
    }

    func testBatchAnswersEveryLineInPlaceAndReportsFailuresOnStandardError() throws {
        let out = try CLIRunner.run(["query", "--batch", "-", "--json", "--index", index], input: "小米\n\n，。\r\n北汽\n")
        XCTAssertEqual(out.status, 2)
        let answers = try lines(out.stdout).map(json)
        XCTAssertEqual(answers.map { $0["query"] as? String ?? "?" }, ["小米", "", "，。", "北汽"])
        guard answers.count == 4 else { return }
        XCTAssertNotNil(answers[1]["error"])
        XCTAssertNotNil(answers[2]["error"])
        XCTAssertNotNil(answers[3]["hits"])
        let errors = lines(out.stderr)
        XCTAssertEqual(errors.count, 2, out.stderr)
        guard errors.count == 2 else { return }
        XCTAssertTrue(errors.allSatisfy { $0.hasPrefix("search: query '") }, out.stderr)
        XCTAssertTrue(errors[1].hasPrefix("search: query '，。': "), out.stderr)
    }

    func testVerifyTakesTheFileAsAWordAndEveryCommandRejectsStrayWords() throws {
        let other = folder.appendingPathComponent("missing.idx").path
        let index: String = self.index
        let named = try CLIRunner.run(["verify", index])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stdout.hasPrefix("\(index): OK"), named.stdout)
        let missing = try CLIRunner.run(["verify", other])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains(other), "the named file is checked, not the default: \(missing.stderr)")
        for arguments in [["verify", index, index], ["verify", index, "--index", index], ["stats", "x", "--index", index],
                          ["serve", "--stdio", "x", "--index", index], ["index", "a", "b"]] {
            let out = try CLIRunner.run(arguments, input: "")
            XCTAssertEqual(out.status, 2, "\(arguments)")
            XCTAssertEqual(out.stdout, "", "\(arguments)")
            XCTAssertTrue(out.stderr.hasPrefix("search: "), "\(arguments): \(out.stderr)")
        }
    }

    func testTheSummaryNamesItsSkipReasons() throws {
        let corpus = folder.appendingPathComponent("skips")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data().write(to: corpus.appendingPathComponent("a-empty.txt"))
        try Data().write(to: corpus.appendingPathComponent("b-empty.txt"))
        try Data([0x41, 0, 0x42]).write(to: corpus.appendingPathComponent("c-binary.txt"))
        try Data("正文".utf8).write(to: corpus.appendingPathComponent("d-good.txt"))
        let out = try CLIRunner.run(["index", corpus.path, "--index", folder.appendingPathComponent("s.idx").path])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("; skipped 3 files (1 binary, 2 empty); "), out.stdout)
        XCTAssertEqual(lines(out.stderr), [
            "search: warning: skipped a-empty.txt: empty: the file has no bytes",
            "search: warning: skipped b-empty.txt: empty: the file has no bytes",
            "search: warning: skipped c-binary.txt: binary: the file contains a NUL byte; only UTF-8 text is indexed",
        ])
    }
}

extension CLIHardeningTests {
    /// Arguments that are not UTF-8 are passed on as bytes: the folder is indexed, the index written where named.
    func testPathArgumentsThatAreNotUTF8Work() throws {
        let base = folder.path
        // Made with the shell, which passes bytes through; the test's own strings cannot hold \xFF.
        let script = """
        set -e
        cd '\(base)'
        mkdir "$(printf 'c\\377')"
        printf '熊猫竹林 pandabamboo\\n' > "$(printf 'c\\377')/a.txt"
        '\(CLIRunner.executable.path)' index "$(printf 'c\\377')" --index "$(printf 'i\\376.idx')" > /dev/null
        '\(CLIRunner.executable.path)' query pandabamboo --json --index "$(printf 'i\\376.idx')"
        """
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        let out = Pipe(), err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        try shell.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 0, stderr)
        let object = try json(try XCTUnwrap(lines(stdout).first, stderr))
        XCTAssertEqual((object["hits"] as? [[String: Any]])?.first?["doc"] as? String, "a.txt")
    }
}
