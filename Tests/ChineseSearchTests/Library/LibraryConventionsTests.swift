import ChineseSearch
import XCTest

/// The library speaks for itself: its errors name no command-line text, and `Ranker`'s default top is 10.
final class LibraryConventionsTests: XCTestCase {
    func testErrorMessagesCarryNoCommandLineText() {
        let messages: [String] = [
            IndexError.missing(path: "x.idx"),
            .truncated(path: "x.idx", expected: 100, actual: 10), .notAnIndex(path: "x.idx"),
            .unsupportedVersion(path: "x.idx", found: 9, supported: 1), .corrupt(path: "x.idx", detail: "bad list"),
            .checksumMismatch(path: "x.idx", section: "postings"), .limitExceeded(detail: "too many documents"),
        ].map(\.description) + [
            CorpusError.folderMissing(path: "docs"), .notAFolder(path: "docs"), .folderUnreadable(path: "docs", reason: "EACCES"),
        ].map(\.description) + [SearchError.emptyQuery("，。").description]
        for message in messages {
            XCTAssertFalse(message.hasPrefix("search:"), message)
            XCTAssertFalse(message.contains("search index"), message)
            XCTAssertFalse(message.contains("--"), message)
            XCTAssertFalse(message.isEmpty)
        }
    }

    func testSearchWithANegativeTopNamesTheSettingNotAFlag() throws {
        let ranker = try Ranker(["小米"])
        XCTAssertThrowsError(try ranker.rank("小米", options: SearchOptions(top: -1))) { error in
            XCTAssertEqual("\(error)", "top must be 0 or more, not -1")
        }
    }

    func testRankerReturnsTenByDefaultAndTheTopGivenToItsInitializer() throws {
        let texts = (0..<15).map { "工厂\($0)" }
        XCTAssertEqual(try Ranker(texts).top, 10)
        XCTAssertEqual(try Ranker(texts).rank("工厂").count, 10)
        XCTAssertEqual(try Ranker(texts, top: 3).rank("工厂").count, 3)
        XCTAssertEqual(try Ranker(texts, top: 3).rank("工厂", options: SearchOptions(top: 12)).count, 12)
    }

    func testRankerWithANegativeTopThrowsWhenItRanks() throws {
        XCTAssertThrowsError(try Ranker(["小米"], top: -1).rank("小米"))
    }
}
