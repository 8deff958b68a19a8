import Foundation
import XCTest

final class AnalyzeCommandTests: XCTestCase {
    func testAnalyzeJSONListsBigramsRunEndsAndWordsWithScalarOffsets() throws {
        let out = try CLIRunner.run(["analyze", "小米SU7，2024年量产！", "--json"])
        XCTAssertEqual(out.status, 0)
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        let tokens = object["tokens"] as! [[String: Any]]
        // By hand: 小米 at 0-2, 米∎ at 1-2, su7 at 2-5, 2024 at 6-10, 年量 10-12, 量产 11-13, 产∎ 12-13.
        let expected: [(String, String, Int, Int, Int)] = [
            ("小米", "bigram", 0, 0, 2), ("米", "end", 1, 1, 2), ("su7", "word", 2, 2, 5), ("2024", "word", 3, 6, 10),
            ("年量", "bigram", 4, 10, 12), ("量产", "bigram", 5, 11, 13), ("产", "end", 6, 12, 13),
        ]
        XCTAssertEqual(tokens.count, expected.count)
        for (t, e) in zip(tokens, expected) {
            XCTAssertEqual(t["text"] as? String, e.0)
            XCTAssertEqual(t["kind"] as? String, e.1)
            XCTAssertEqual(t["position"] as? Int, e.2)
            XCTAssertEqual(t["start"] as? Int, e.3)
            XCTAssertEqual(t["end"] as? Int, e.4)
        }
    }

    func testUnknownCommandIsAnErrorWithExitStatusTwo() throws {
        let out = try CLIRunner.run(["frobnicate"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.hasPrefix("search: unknown command"))
    }
}
