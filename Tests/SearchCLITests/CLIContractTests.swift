import Foundation
import XCTest

/// The command line's contract: JSON shape, exit statuses, one-line errors, help, batch and serve modes,
/// stats and verify. Runs the built `search` binary on an index of the sample corpus.
final class CLIContractTests: XCTestCase {
    private var folder: URL!
    private var index: String!

    override func setUpWithError() throws {
        folder = try CLIRunner.temporaryFolder(self)
        index = folder.appendingPathComponent("sample.idx").path
        let build = try CLIRunner.run(["index", CLIRunner.sampleCorpus.path, "--index", index])
        XCTAssertEqual(build.status, 0, build.stderr)
    }

    private func json(_ line: Substring) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
    }

    private func lines(_ text: String) -> [Substring] {
        XCTAssertTrue(text.isEmpty || text.hasSuffix("\n"), "output ends with a new line")
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    /// Exit 2, nothing on stdout, exactly one line on stderr starting `search: `.
    private func assertUsageFailure(_ arguments: [String], input: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let out = try CLIRunner.run(arguments, input: input)
        XCTAssertEqual(out.status, 2, "\(arguments)", file: file, line: line)
        XCTAssertEqual(out.stdout, "", "\(arguments)", file: file, line: line)
        XCTAssertTrue(out.stderr.hasPrefix("search: "), "\(arguments): \(out.stderr)", file: file, line: line)
        XCTAssertEqual(lines(out.stderr).count, 1, "\(arguments): \(out.stderr)", file: file, line: line)
    }

    // MARK: query --json

    func testJSONIsOneObjectOnOneLineWithTheDocumentedKeysInOrder() throws {
        let out = try CLIRunner.run(["query", "小米", "--json", "--index", index])
        XCTAssertEqual(out.status, 0, out.stderr)
        let output = lines(out.stdout)
        XCTAssertEqual(output.count, 1)
        let line = try XCTUnwrap(output.first)
        let object = try json(line)
        XCTAssertEqual(Set(object.keys), ["query", "mode", "total", "took_ms", "hits"])
        // Key order as documented: each key appears after the one before it.
        let keyOffsets = ["\"query\":", "\"mode\":", "\"total\":", "\"took_ms\":", "\"hits\":"].map { line.range(of: $0)?.lowerBound }
        XCTAssertFalse(keyOffsets.contains(nil))
        XCTAssertEqual(keyOffsets.compactMap { $0 }, keyOffsets.compactMap { $0 }.sorted())
        XCTAssertEqual(object["query"] as? String, "小米")
        XCTAssertEqual(object["mode"] as? String, "all")
        XCTAssertNotNil(object["took_ms"] as? Double)
        let hits = try XCTUnwrap(object["hits"] as? [[String: Any]])
        // Every sample article mentions 小米 (checked on the files).
        let reference = try SampleCorpusReference(folder: CLIRunner.sampleCorpus)
        let expected = reference.documents.filter { SampleCorpusReference.tf("小米", in: $0.textTokens) > 0 }
        XCTAssertEqual(object["total"] as? Int, expected.count)
        XCTAssertEqual(hits.count, expected.count)
        for (i, hit) in hits.enumerated() {
            XCTAssertEqual(Set(hit.keys), ["rank", "doc", "doc_id", "title", "date", "score", "timestamp", "author",
                                           "categories", "snippet", "highlights"])
            XCTAssertEqual(hit["rank"] as? Int, i + 1)
            XCTAssertNotNil(hit["score"] as? Double)
            XCTAssertTrue((hit["snippet"] as? String)?.contains("小米") ?? false, "\(hit)")
        }
        XCTAssertEqual(Set(hits.compactMap { $0["doc"] as? String }), Set(expected.map(\.path)))
        let scores = hits.compactMap { $0["score"] as? Double }
        XCTAssertEqual(scores, scores.sorted(by: >), "best first")
    }

    func testNoMatchExitsOneWithAnEmptyResult() throws {
        let reference = try SampleCorpusReference(folder: CLIRunner.sampleCorpus)
        for query in ["鲸鱼", "zzqxv"] {
            XCTAssertTrue(reference.documents.allSatisfy { !($0.title + $0.body).contains(query) }, "\(query) is not in the corpus")
            let out = try CLIRunner.run(["query", query, "--json", "--index", index])
            XCTAssertEqual(out.status, 1, query)
            let object = try json(try XCTUnwrap(lines(out.stdout).first))
            XCTAssertEqual(object["total"] as? Int, 0)
            XCTAssertEqual((object["hits"] as? [Any])?.count, 0)
        }
        XCTAssertEqual(try CLIRunner.run(["query", "鲸鱼", "--index", index]).status, 1, "without --json too")
    }

    // MARK: errors

    func testPunctuationOnlyQueryIsAnErrorOnOneLine() throws {
        try assertUsageFailure(["query", "，。！？", "--index", index])
        try assertUsageFailure(["query", "...", "--json", "--index", index])
    }

    func testMissingIndexIsAnErrorOnOneLine() throws {
        let missing = folder.appendingPathComponent("nothing-here.idx").path
        try assertUsageFailure(["query", "小米", "--index", missing])
        try assertUsageFailure(["stats", "--index", missing])
        try assertUsageFailure(["verify", "--index", missing])
        try assertUsageFailure(["serve", "--stdio", "--index", missing], input: "{\"query\": \"小米\"}\n")
    }

    func testMissingCorpusFolderIsAnErrorOnOneLineAndWritesNoIndex() throws {
        let target = folder.appendingPathComponent("new.idx").path
        try assertUsageFailure(["index", folder.appendingPathComponent("no-such-folder").path, "--index", target])
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    func testBadOptionValuesAreErrorsOnOneLine() throws {
        for arguments in [["query", "小米", "--top", "many"], ["query", "小米", "--top", "-1"], ["query", "小米", "--mode", "some"],
                          ["query", "小米", "--k1", "x"], ["query", "小米", "--b", "1.5"], ["query", "小米", "--title-weight", "-2"],
                          ["query", "小米", "--top"], ["query", "小米", "--colour"]] {
            try assertUsageFailure(arguments + ["--index", index])
        }
        let corpus = CLIRunner.sampleCorpus.path, target = folder.appendingPathComponent("x.idx").path
        try assertUsageFailure(["index", corpus, "--index", target, "--threads", "0"])
        try assertUsageFailure(["index", corpus, "--index", target, "--memory", "lots"])
        try assertUsageFailure(["index", corpus, "--index", target, "--memory", "8"])
    }

    func testHelpOfEveryCommandExitsZero() throws {
        for arguments in [["--help"], ["-h"], ["index", "--help"], ["query", "--help"], ["analyze", "--help"], ["stats", "--help"],
                          ["verify", "--help"], ["serve", "--help"]] {
            let out = try CLIRunner.run(arguments)
            XCTAssertEqual(out.status, 0, "\(arguments)")
            XCTAssertTrue(out.stdout.contains("Usage:"), "\(arguments): \(out.stdout)")
            XCTAssertEqual(out.stderr, "", "\(arguments)")
        }
    }

    // MARK: batch and serve

    private static let batchQueries = ["北汽 工厂", "，。", "小米", "zzqxv", "香港 OR 北京"]

    private func assertBatchAnswers(_ out: CLIRunner.Outcome, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = lines(out.stdout)
        XCTAssertEqual(output.count, Self.batchQueries.count, out.stdout, file: file, line: line)
        for (query, answer) in zip(Self.batchQueries, output) {
            let object = try json(answer)
            XCTAssertEqual(object["query"] as? String, query, "answers come in input order", file: file, line: line)
            if query == "，。" {
                XCTAssertEqual(Set(object.keys), ["query", "error"], file: file, line: line)
                XCTAssertFalse((object["error"] as? String ?? "").isEmpty, file: file, line: line)
                continue
            }
            // The same answer as the query on its own (took_ms aside).
            let single = try CLIRunner.run(["query", query, "--json", "--index", index])
            var alone = try json(try XCTUnwrap(lines(single.stdout).first))
            var batched = object
            alone["took_ms"] = nil
            batched["took_ms"] = nil
            XCTAssertEqual(NSDictionary(dictionary: batched), NSDictionary(dictionary: alone), query, file: file, line: line)
        }
        // A failed line makes the batch's status 2 ("error"), after answering every line.
        XCTAssertEqual(out.status, 2, file: file, line: line)
    }

    func testBatchFileIsAnsweredInInputOrderAndABadLineGetsAnErrorObject() throws {
        let batch = folder.appendingPathComponent("queries.txt")
        try (Self.batchQueries.joined(separator: "\n") + "\n").write(to: batch, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["query", "--batch", batch.path, "--json", "--threads", "3", "--index", index])
        try assertBatchAnswers(out)
    }

    func testBatchFromStandardInput() throws {
        let out = try CLIRunner.run(["query", "--batch", "-", "--json", "--index", index],
                                    input: Self.batchQueries.joined(separator: "\n"))
        try assertBatchAnswers(out)
    }

    func testBatchOfGoodQueriesExitsZero() throws {
        let out = try CLIRunner.run(["query", "--batch", "-", "--json", "--index", index], input: "小米\n北汽\n")
        XCTAssertEqual(out.status, 0)
        XCTAssertEqual(lines(out.stdout).count, 2)
    }

    func testServeAnswersEachRequestLineAndKeepsGoingAfterBadOnes() throws {
        let requests = [
            "{\"query\": \"北汽 工厂\"}",
            "this is not json",
            "{\"query\": \"，。\"}",
            "",
            "{\"query\": \"小米\", \"top\": 1, \"mode\": \"any\"}",
            "{\"nothing\": 1}",
            "{\"query\": \"小米\", \"top\": -3}",
            "{\"query\": \"北汽 工厂\", \"top\": 2}",
        ]
        let out = try CLIRunner.run(["serve", "--stdio", "--index", index], input: requests.joined(separator: "\n") + "\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        let answers = try lines(out.stdout).map(json)
        XCTAssertEqual(answers.count, 7, "one answer per non-empty line: \(out.stdout)")
        guard answers.count == 7 else { return }
        let single = try json(try XCTUnwrap(lines(try CLIRunner.run(["query", "北汽 工厂", "--json", "--index", index]).stdout).first))
        let docs: ([String: Any]) -> [String] = { ($0["hits"] as? [[String: Any]] ?? []).compactMap { $0["doc"] as? String } }
        XCTAssertEqual(docs(answers[0]), docs(single))
        XCTAssertEqual(answers[0]["total"] as? Int, single["total"] as? Int)
        XCTAssertNotNil(answers[1]["error"] as? String)
        XCTAssertEqual(answers[2]["query"] as? String, "，。")
        XCTAssertNotNil(answers[2]["error"] as? String)
        XCTAssertEqual(answers[3]["mode"] as? String, "any")
        XCTAssertEqual((answers[3]["hits"] as? [Any])?.count, 1)
        XCTAssertNotNil(answers[4]["error"] as? String)
        XCTAssertNotNil(answers[5]["error"] as? String)
        XCTAssertEqual(docs(answers[6]), Array(docs(single).prefix(2)))
    }

    func testServeWithoutStoredFieldsAnswersTheSameIdsAndScoresWithEmptyFields() throws {
        let requests = [
            "{\"query\": \"北汽 工厂\", \"mode\": \"any\", \"snippets\": false}",
            "{\"query\": \"北汽 工厂\", \"mode\": \"any\", \"snippets\": false, \"stored_fields\": false}",
            "{\"query\": \"北汽 工厂\", \"stored_fields\": \"no\"}",
        ]
        let out = try CLIRunner.run(["serve", "--stdio", "--index", index], input: requests.joined(separator: "\n") + "\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        let answers = try lines(out.stdout).map(json)
        guard answers.count == 3 else { return XCTFail("one answer per request: \(out.stdout)") }
        let full = answers[0]["hits"] as? [[String: Any]] ?? []
        let lean = answers[1]["hits"] as? [[String: Any]] ?? []
        XCTAssertGreaterThan(full.count, 1)
        XCTAssertEqual(lean.compactMap { $0["doc_id"] as? Int }, full.compactMap { $0["doc_id"] as? Int })
        XCTAssertEqual(lean.compactMap { $0["score"] as? Double }, full.compactMap { $0["score"] as? Double })
        XCTAssertEqual(answers[1]["total"] as? Int, answers[0]["total"] as? Int)
        XCTAssertFalse(full.contains { ($0["doc"] as? String ?? "").isEmpty }, "full hits name their documents")
        for hit in lean {
            XCTAssertEqual(hit["doc"] as? String, "")
            XCTAssertEqual(hit["title"] as? String, "")
        }
        XCTAssertNotNil(answers[2]["error"] as? String)
    }

    // MARK: stats and verify

    func testStatsJSONCountsMatchTheCorpus() throws {
        let out = try CLIRunner.run(["stats", "--json", "--index", index])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(lines(out.stdout).count, 1)
        let stats = try json(try XCTUnwrap(lines(out.stdout).first))
        let reference = try SampleCorpusReference(folder: CLIRunner.sampleCorpus)
        let textTokens = reference.documents.map(\.textTokens.count).reduce(0, +)
        let titleTokens = reference.documents.map(\.titleTokens.count).reduce(0, +)
        let all = reference.documents.flatMap(\.textTokens)
        let cjkTerms = Set(all.filter { $0.kind != .word }.map { "\($0.kind)\($0.text)" }).count
        let wordTerms = Set(all.filter { $0.kind == .word }.map(\.text)).count
        let characters = Set(all.filter { $0.kind != .word }.map { $0.text.unicodeScalars.first! }).count
        XCTAssertEqual(stats["documents"] as? Int, 5)
        XCTAssertEqual(stats["tokens"] as? Int, textTokens)
        XCTAssertEqual(stats["title_tokens"] as? Int, titleTokens)
        XCTAssertEqual(stats["cjk_terms"] as? Int, cjkTerms)
        XCTAssertEqual(stats["word_terms"] as? Int, wordTerms)
        XCTAssertEqual(stats["distinct_terms"] as? Int, cjkTerms + wordTerms)
        XCTAssertEqual(stats["characters"] as? Int, characters)
        XCTAssertEqual(try XCTUnwrap(stats["average_text_length"] as? Double), Double(textTokens) / 5, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(stats["average_title_length"] as? Double), Double(titleTokens) / 5, accuracy: 0.0005)
        let fileBytes = try FileManager.default.attributesOfItem(atPath: index)[.size] as? Int
        XCTAssertEqual(stats["file_bytes"] as? Int, fileBytes)
        let sections = try XCTUnwrap(stats["sections"] as? [String: Int])
        XCTAssertEqual(sections.count, 23, "the twenty-three section kinds of docs/FORMAT.md (13 unused since version 5)")
        XCTAssertLessThan(sections.values.reduce(0, +), fileBytes ?? 0)
    }

    func testVerifyPassesAGoodIndexAndFailsOneWithAFlippedByte() throws {
        let good = try CLIRunner.run(["verify", "--index", index])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stderr, "")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        // A byte in the middle of the file: some section's data, which opening does not read.
        bytes[bytes.count / 2] ^= 0x10
        let damaged = folder.appendingPathComponent("damaged.idx").path
        try bytes.write(to: URL(fileURLWithPath: damaged))
        try assertUsageFailure(["verify", "--index", damaged])
    }
}
