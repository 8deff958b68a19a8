import Foundation
import XCTest

/// `search index` on a folder of awkward files: it finishes, warns about each skipped file by name and
/// reason, counts them in its summary line, and indexes what it can.
final class IndexCommandBadInputTests: XCTestCase {
    private func write(_ folder: URL, _ name: String, _ bytes: [UInt8]) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    private func article(_ title: String, _ body: String) -> [UInt8] {
        Array("---\ntitle: '\(title)'\ndate: 2024-05-01\n---\n<p>\(body)</p>\n".utf8)
    }

    func testAwkwardFilesAreSkippedWithWarningsOrIndexedAndTheBuildSucceeds() throws {
        let root = try CLIRunner.temporaryFolder(self)
        let corpus = root.appendingPathComponent("corpus")
        try write(corpus, "empty.txt", [])
        try write(corpus, "binary.txt", Array("---\ntitle: '二进制'\n---\n北极熊".utf8) + [0] + Array("北极熊".utf8))
        try write(corpus, "broken.txt", article("坏字节", "企鹅乐园 penguinpark") + [0xFF, 0xFE, 0xC0] + Array("海豹湾 sealbay".utf8))
        try write(corpus, ".hidden.txt", article("隐藏", "骆驼沙漠 camelhidden"))
        try write(corpus, "nested/deeper/inner.txt", article("嵌套", "松鼠森林 squirrelwood"))
        try write(corpus, "plain.txt", Array("没有前置元数据的文件，只有正文：熊猫竹林 pandabamboo。".utf8))
        // A few MB: one article of repeated sentences, with one rare word at its very end.
        let sentence = Array("长江黄河流过中国大地，城市与乡村都在变化。".utf8)
        var huge = Array("---\ntitle: '大文件'\n---\n<div>".utf8)
        while huge.count < 3 << 20 { huge += sentence }
        huge += Array("结尾 zebrafinish</div>".utf8)
        try write(corpus, "huge.txt", huge)

        let index = root.appendingPathComponent("bad.idx").path
        let out = try CLIRunner.run(["index", corpus.path, "--index", index])
        XCTAssertEqual(out.status, 0, out.stderr)

        // Warnings name the file and the reason.
        let warnings = out.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(warnings.allSatisfy { $0.hasPrefix("search: warning: ") }, out.stderr)
        XCTAssertTrue(warnings.contains { $0.contains("empty.txt") && $0.contains("empty") }, out.stderr)
        XCTAssertTrue(warnings.contains { $0.contains("binary.txt") && $0.contains("NUL") }, out.stderr)
        XCTAssertTrue(warnings.contains { $0.contains("broken.txt") && $0.contains("invalid UTF-8") }, out.stderr)
        XCTAssertEqual(warnings.count, 3, "only those three: \(out.stderr)")

        // The summary: indexed broken, inner, plain, huge; skipped empty and binary; hidden never listed.
        let summary = out.stdout.trimmingCharacters(in: .newlines)
        XCTAssertFalse(summary.contains("\n"), "one summary line: \(out.stdout)")
        XCTAssertTrue(summary.hasPrefix("indexed 4 documents"), summary)
        XCTAssertTrue(summary.contains("skipped 2 files"), summary)
        XCTAssertTrue(summary.contains("1 with invalid UTF-8"), summary)

        let stats = try CLIRunner.run(["stats", "--json", "--index", index])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["documents"] as? Int, 4)

        func docs(_ query: String) throws -> [String] {
            let result = try CLIRunner.run(["query", query, "--json", "--index", index])
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stderr)
            return (object["hits"] as? [[String: Any]] ?? []).compactMap { $0["doc"] as? String }
        }
        // The invalid-UTF-8 file is searchable by its valid text on both sides of the bad bytes.
        XCTAssertEqual(try docs("企鹅乐园"), ["broken.txt"])
        XCTAssertEqual(try docs("海豹湾"), ["broken.txt"])
        XCTAssertEqual(try docs("sealbay"), ["broken.txt"])
        XCTAssertEqual(try docs("松鼠森林"), ["nested/deeper/inner.txt"])
        XCTAssertEqual(try docs("熊猫竹林"), ["plain.txt"])
        XCTAssertEqual(try docs("zebrafinish"), ["huge.txt"])
        XCTAssertEqual(try docs("骆驼沙漠"), [], "hidden files are not indexed")
        XCTAssertEqual(try docs("北极熊"), [], "binary files are not indexed")

        // A file without front matter is titled by its name.
        let plain = try CLIRunner.run(["query", "pandabamboo", "--json", "--index", index])
        let hit = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])?["hits"]
            as? [[String: Any]])?.first)
        XCTAssertEqual(hit["title"] as? String, "plain")
    }
}
