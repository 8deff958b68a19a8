import XCTest
import ChineseSearch

/// Options from library callers are checked by the library: typed errors, never NaN scores or wrong pruning;
/// and any `top`, up to `Int.max`, returns at most the matching documents without reserving memory for k.
final class OptionValidationTests: XCTestCase {
    private let documents = [
        SourceDocument(path: "a", title: "工厂", body: "北汽工厂在北京。"),
        SourceDocument(path: "b", title: "小米", body: "小米汽车工厂。"),
        SourceDocument(path: "c", title: "香港", body: "香港天气晴。"),
    ]

    private func ranker() throws -> Ranker { try Ranker(documents.map(\.body), titles: documents.map(\.title)) }

    func testOutOfRangeOptionsThrowTypedErrors() throws {
        let ranker = try ranker()
        let cases: [(String, (inout SearchOptions) -> Void, SearchOptionError)] = [
            ("top -1", { $0.top = -1 }, .negativeTop(-1)),
            ("k1 -0.5", { $0.bm25.k1 = -0.5 }, .invalidK1(-0.5)),
            ("k1 inf", { $0.bm25.k1 = .infinity }, .invalidK1(.infinity)),
            ("b 1.5", { $0.bm25.b = 1.5 }, .invalidB(1.5)),
            ("b -0.1", { $0.bm25.b = -0.1 }, .invalidB(-0.1)),
            ("title weight -1", { $0.titleWeight = -1 }, .invalidTitleWeight(-1)),
            ("title weight inf", { $0.titleWeight = .infinity }, .invalidTitleWeight(.infinity)),
            ("parallelism 0", { $0.parallelism = 0 }, .invalidParallelism(0)),
        ]
        for (name, change, expected) in cases {
            for mode in MatchMode.allCases {
                var options = SearchOptions()
                options.mode = mode
                change(&options)
                XCTAssertThrowsError(try ranker.rank("工厂", options: options), name) { error in
                    XCTAssertEqual(error as? SearchOptionError, expected, name)
                    XCTAssertFalse("\(error)".contains("--"), "no command-line text in a library error: \(error)")
                }
            }
        }
    }

    func testNaNOptionsAreRejectedNotTurnedIntoNaNScores() throws {
        let ranker = try ranker()
        for change in [{ (o: inout SearchOptions) in o.bm25.k1 = .nan }, { $0.bm25.b = .nan }, { $0.titleWeight = .nan }] {
            for mode in MatchMode.allCases {
                var options = SearchOptions()
                options.mode = mode
                change(&options)
                XCTAssertThrowsError(try ranker.rank("工厂", options: options)) { XCTAssertTrue($0 is SearchOptionError) }
            }
        }
    }

    func testBoundaryValuesAreAccepted() throws {
        let ranker = try ranker()
        var options = SearchOptions()
        options.bm25 = BM25(k1: 0, b: 0)
        options.titleWeight = 0
        options.top = 0
        XCTAssertEqual(try ranker.rank("工厂", options: options), [])
        options.bm25.b = 1
        options.top = 1
        XCTAssertEqual(try ranker.rank("工厂", options: options).count, 1)
    }

    func testHugeTopReturnsEveryMatchAndReservesNothingForK() throws {
        let ranker = try ranker()
        for top in [2_147_483_648, 1_000_000_000_000, Int.max] {
            for mode in MatchMode.allCases {
                var options = SearchOptions()
                options.mode = mode
                options.top = top
                // 工厂 is in documents 0 and 1 only; the title 工厂 ranks document 0 first.
                XCTAssertEqual(try ranker.rank("工厂", options: options).map(\.index), [0, 1], "top \(top) mode \(mode)")
            }
        }
    }

    func testRankerWithAnotherNumberOfTitlesThanTextsThrows() {
        XCTAssertThrowsError(try Ranker(["a", "b"], titles: ["x"])) { error in
            XCTAssertEqual(error as? RankerError, .titleCountMismatch(texts: 2, titles: 1))
            XCTAssertEqual("\(error)", "2 texts but 1 titles: give one title per text, or none")
        }
        XCTAssertThrowsError(try Ranker(["a"], titles: ["x", "y"]))
        XCTAssertNoThrow(try Ranker(["a"], titles: ["x"]))
    }
}
