import XCTest
@testable import ChineseSearch

/// `date:` filter values against bounds computed by hand.
final class DateRangeTests: XCTestCase {
    // Day numbers from 1970-01-01 (day 0), by hand:
    // 2022-01-01: 52 × 365 + 13 leap days (1972 … 2020) = 18,993 → 1,640,995,200 s.
    // 2023-01-01: 18,993 + 365 = 19,358 → 1,672,531,200 s.
    // 2022-08-01: 18,993 + 212 (Jan–Jul: 31+28+31+30+31+30+31) = 19,205 → 1,659,312,000 s.
    // 2022-08-26: 19,205 + 25 = 19,230 → 1,661,472,000 s; 2022-08-27 → 1,661,558,400 s.
    // 2022-09-01: 19,205 + 31 = 19,236 → 19,236 × 86,400 = 1,661,990,400 s.
    // 2024-02-01: 54 × 365 + 13 + 31 = 19,754 → 1,706,745,600 s; 2024-03-01: 19,754 + 29 = 19,783 → 1,709,251,200 s.
    private let year2022: Int64 = 1_640_995_200
    private let year2023: Int64 = 1_672_531_200
    private let august1: Int64 = 1_659_312_000
    private let august26: Int64 = 1_661_472_000
    private let august27: Int64 = 1_661_558_400
    private let september1: Int64 = 1_661_990_400

    private func range(_ value: String, file: StaticString = #filePath, line: UInt = #line) -> Range<Int64>? {
        do {
            let r = try DateRange(filter: value)
            return r.lower..<r.upper
        } catch {
            XCTFail("«\(value)»: \(error)", file: file, line: line)
            return nil
        }
    }

    func testPeriods() {
        XCTAssertEqual(range("2022-08-26"), august26..<august27)
        XCTAssertEqual(range("2022-08"), august1..<september1)
        XCTAssertEqual(range("2022-8"), august1..<september1)
        XCTAssertEqual(range("2022"), year2022..<year2023)
        XCTAssertEqual(range("2022-12"), 1_669_852_800..<year2023)  // 2022-12-01 = 19,358 − 31 = 19,327 days
        XCTAssertEqual(range("2024-02"), 1_706_745_600..<1_709_251_200, "a leap February has 29 days")
        XCTAssertEqual(range("2024-02-29"), 1_709_164_800..<1_709_251_200)
        XCTAssertEqual(range("2022年8月26日"), august26..<august27)
        XCTAssertEqual(range("2022年8月"), august1..<september1)
        XCTAssertEqual(range("2022年"), year2022..<year2023)
        XCTAssertEqual(range("２０２２－０８－２６"), august26..<august27)
    }

    func testOffsetsMoveTheBoundsToLocalMidnight() {
        XCTAssertEqual(range("2022-08-26+08:00"), (august26 - 28_800)..<(august27 - 28_800))
        XCTAssertEqual(range("2022-08-26+0800"), (august26 - 28_800)..<(august27 - 28_800))
        XCTAssertEqual(range("2022-08-26-05:00"), (august26 + 18_000)..<(august27 + 18_000))
        XCTAssertEqual(range("2022-08-26Z"), august26..<august27)
        XCTAssertEqual(range("2022-08+08:00"), (august1 - 28_800)..<(september1 - 28_800))
        XCTAssertEqual(range("2022-08-05:00"), (august1 + 18_000)..<(september1 + 18_000), "a colon makes it an offset")
        XCTAssertEqual(range("2022+08:00"), (year2022 - 28_800)..<(year2023 - 28_800))
        XCTAssertEqual(range("2022-08-01+08:00..2022-08-31+08:00"), (august1 - 28_800)..<(september1 - 28_800))
    }

    func testRangesAreInclusiveOfBothEnds() {
        XCTAssertEqual(range("2022-08-01..2022-08-31"), august1..<september1)
        XCTAssertEqual(range("2022-08..2022-08"), august1..<september1)
        XCTAssertEqual(range("2022-08-26..2022-08-26"), august26..<august27)
        XCTAssertEqual(range("2022..2022-08"), year2022..<september1)
        XCTAssertEqual(range("2022-08.."), august1..<Int64.max)
        XCTAssertEqual(range("..2022-08-31"), Int64.min..<september1)
        XCTAssertEqual(range("..2022"), Int64.min..<year2023)
    }

    func testComparisons() {
        XCTAssertEqual(range(">=2022-08-26"), august26..<Int64.max)
        XCTAssertEqual(range(">2022-08-26"), august27..<Int64.max)
        XCTAssertEqual(range("<=2022-08-26"), Int64.min..<august27)
        XCTAssertEqual(range("<2022-08-26"), Int64.min..<august26)
        XCTAssertEqual(range("<2023"), Int64.min..<year2023)
        XCTAssertEqual(range("<=2022"), Int64.min..<year2023)
        XCTAssertEqual(range(">2022-08"), september1..<Int64.max)
        XCTAssertEqual(range("＞＝2022-08-26"), august26..<Int64.max, "full-width operators")
    }

    func testContainsIsHalfOpen() throws {
        let day = try DateRange(filter: "2022-08-26")
        XCTAssertTrue(day.contains(august26))
        XCTAssertTrue(day.contains(august27 - 1))
        XCTAssertFalse(day.contains(august27))
        XCTAssertFalse(day.contains(august26 - 1))
    }

    func testMalformedValuesNameTheProblemAndTheForms() {
        let cases: [(String, String)] = [
            ("2022-13", "month 13 is not 1–12"), ("2022-00", "month 0 is not 1–12"),
            ("2022-02-30", "2022-2 has no day 30"), ("2023-02-29", "2023-2 has no day 29"),
            ("..", "a range needs at least one end"), ("...", "a year has four digits"),
            ("22", "a year has four digits"), ("22-08-26", "a year has four digits"), ("abc", "a year has four digits"),
            (">=", "a year has four digits"), ("2022-08-26x", "unexpected text after the date"),
            ("2022-08-26..2022-08-25", "the range ends before it starts"), ("2022..2023..2024", "unexpected text after the date"),
            ("2022-", "a month has one or two digits"), ("2022年8", "a Chinese month ends with 月"),
            (String(repeating: "2", count: 500), "too long"),
        ]
        for (value, problem) in cases {
            XCTAssertThrowsError(try DateRange(filter: value), "«\(value)»") { error in
                XCTAssertEqual(error as? QuerySyntaxError, .malformedDate(value: value, problem: problem), "«\(value)»")
                let message = (error as? QuerySyntaxError)?.description ?? ""
                let shown = value.count <= 40 ? value : value.prefix(40) + "…"
                XCTAssertTrue(message.contains("'date:\(shown)'") && message.contains("date:2022-08-01..2022-08-31"), message)
            }
        }
        XCTAssertThrowsError(try DateRange(filter: "")) {
            XCTAssertEqual($0 as? QuerySyntaxError, .emptyFilter(field: "date"))
        }
    }
}
