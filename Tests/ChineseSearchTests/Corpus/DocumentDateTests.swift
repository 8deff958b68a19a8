import Foundation
import XCTest
@testable import ChineseSearch

/// Document dates against values computed by hand (arithmetic in the comments) and against Foundation's
/// Gregorian calendar, a slow, independent reference.
final class DocumentDateTests: XCTestCase {
    // Day numbers used below, counted by hand from 1970-01-01 (day 0):
    // 2021-01-01: 51 years, 13 of them leap (1972, 1976, …, 2020) → 51 × 365 + 13 = 18,628 → 1,609,459,200 s.
    // 2022-01-01: 52 × 365 + 13 = 18,993. Jan–Jul: 31+28+31+30+31+30+31 = 212 → 2022-08-01 = 19,205,
    //   2022-08-30 = 19,234 → 19,234 × 86,400 = 1,661,817,600 s; 09:19:00 = 9 × 3,600 + 19 × 60 = 33,540 s.
    // 2024-01-01: 54 × 365 + 13 = 19,723; 2024-02-29 = 19,723 + 31 + 28 = 19,782 → 1,709,164,800 s.
    // 2000-01-01: 30 × 365 + 7 (1972 … 1996) = 10,957; 2000-02-29 = 10,957 + 59 = 11,016 → 951,782,400 s.
    private let day20220830: Int64 = 1_661_817_600
    private let at0919: Int64 = 1_661_817_600 + 33_540  // 1,661,851,140

    func testRFC2822Forms() {
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 GMT"), at0919)
        XCTAssertEqual(DocumentDate.instant("30 Aug 2022 09:19:00 GMT"), at0919, "weekday optional")
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19 UT"), at0919, "seconds optional")
        XCTAssertEqual(DocumentDate.instant("tuesday, 30 august 2022 09:19:00 z"), at0919, "names in full, any case")
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 +0000"), at0919)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 -0000"), at0919)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 +0800"), at0919 - 28_800)  // 8 × 3,600
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 +0530"), at0919 - 19_800)  // 5.5 × 3,600
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 EST"), at0919 + 5 * 3_600)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 EDT"), at0919 + 4 * 3_600)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 CST"), at0919 + 6 * 3_600, "RFC 2822: US Central")
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 CDT"), at0919 + 5 * 3_600)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 MST"), at0919 + 7 * 3_600)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 MDT"), at0919 + 6 * 3_600)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 PST"), at0919 + 8 * 3_600)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 PDT"), at0919 + 7 * 3_600)
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00 A"), at0919, "military letters read as -0000")
        XCTAssertEqual(DocumentDate.instant("Tue, 30 Aug 2022 09:19:00"), at0919, "no zone: UTC")
        XCTAssertEqual(DocumentDate.instant("30 Aug 2022"), day20220830)
        XCTAssertEqual(DocumentDate.instant("  Tue,30 Aug 2022 09:19:00 GMT  "), at0919)
        // The sample corpus: 2021-03-26 = 18,628 + 31 + 28 + 25 = 18,712 → 1,616,716,800; 03:43 = 13,380 s.
        XCTAssertEqual(DocumentDate.instant("Fri, 26 Mar 2021 03:43:00 GMT"), 1_616_730_180)
    }

    func testISO8601Forms() {
        XCTAssertEqual(DocumentDate.instant("2022-08-30"), day20220830)
        XCTAssertEqual(DocumentDate.instant("2022-08-30T09:19:00Z"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022-08-30t09:19:00z"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022-08-30T09:19:00+08:00"), at0919 - 28_800)
        XCTAssertEqual(DocumentDate.instant("2022-08-30T09:19:00-05:00"), at0919 + 18_000)
        XCTAssertEqual(DocumentDate.instant("2022-08-30T09:19:00+0800"), at0919 - 28_800)
        XCTAssertEqual(DocumentDate.instant("2022-08-30T09:19:00+08"), at0919 - 28_800)
        XCTAssertEqual(DocumentDate.instant("2022-08-30 09:19"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022-08-30 09:19:00 +0800"), at0919 - 28_800)
        XCTAssertEqual(DocumentDate.instant("2022-08-30T09:19:00.999Z"), at0919, "fractions are dropped")
        XCTAssertEqual(DocumentDate.instant("2022-08-30T09:19:00,5"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022-08-30+08:00"), day20220830 - 28_800, "a day at +08:00 starts 8 h earlier")
        XCTAssertEqual(DocumentDate.instant("2022-08-30 UTC"), day20220830)
        XCTAssertEqual(DocumentDate.instant("2022-08-30 09:19 GMT+08:00"), at0919 - 28_800)
        XCTAssertEqual(DocumentDate.instant("2022-08-30 09:19 UTC−0100"), at0919 + 3_600, "U+2212 minus sign")
        XCTAssertEqual(DocumentDate.instant("１９７０－０１－０１"), 0, "full-width digits and hyphens")
        XCTAssertEqual(DocumentDate.instant("1969-12-31T23:59:59Z"), -1)
        XCTAssertEqual(DocumentDate.instant("2024-02-29"), 1_709_164_800)
        XCTAssertEqual(DocumentDate.instant("2000-02-29"), 951_782_400)
    }

    func testChineseForms() {
        XCTAssertEqual(DocumentDate.instant("2022年8月30日"), day20220830)
        XCTAssertEqual(DocumentDate.instant("2022年08月30日"), day20220830)
        XCTAssertEqual(DocumentDate.instant("2022年8月30号"), day20220830)
        XCTAssertEqual(DocumentDate.instant("2022 年 8 月 30 日"), day20220830)
        XCTAssertEqual(DocumentDate.instant("2022年8月30日 09:19"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022年8月30日09:19:00"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022年8月30日 9:19"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022年8月30日09时19分"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022年8月30日 9時19分0秒"), at0919)
        XCTAssertEqual(DocumentDate.instant("2022年8月30日 9点"), day20220830 + 32_400)  // 9 × 3,600
        XCTAssertEqual(DocumentDate.instant("2022年8月30日 09:19 +08:00"), at0919 - 28_800)
        XCTAssertEqual(DocumentDate.instant("２０２２年８月３０日 ０９：１９"), at0919)
    }

    func testImpossibleOrAmbiguousDatesAreRefused() {
        let refused = [
            "", "   ", "2022", "2022-08", "22-08-30", "30 Aug 22", "Tue, 30 Aug 22 09:19:00 GMT", "20220830",
            "2022年2月30日", "2022-02-30", "2023-02-29", "1900-02-29", "2100-02-29", "2022-04-31", "2022-13-01",
            "2022-00-10", "2022-08-00", "2022-8-30", "2022-08-30T24:00", "2022-08-30 09:60", "2022-08-30 09:19:60",
            "2022-08-30T", "2022-08-30T09", "2022-08-30 09:19:00.", "2022-08-30 09:19 +24:00", "2022-08-30 09:19 +0860",
            "2022-08-30 09:19 XYZ", "2022-08-30 09:19 A", "Tue, 30 Aug 2022 09:19:00 J", "Foo, 30 Aug 2022", "Tue 30 Aug 2022", "30 Foo 2022",
            "2022年8月30日 25时", "2022年8月30日 9时60分", "2022年8月", "2022年13月1日", "2022-08-30 later",
            "2022-08-30 09:19:00 GMT GMT", "Tue, 30 Aug 2022 09:19:00 GMT (comment)",
        ]
        for text in refused {
            XCTAssertNil(DocumentDate.instant(text), "«\(text)»")
        }
    }

    func testHostileInputIsRefusedQuickly() {
        XCTAssertNil(DocumentDate.instant(String(repeating: "2", count: 1_000_000)))
        XCTAssertNil(DocumentDate.instant("2022-08-30" + String(repeating: " ", count: 200)))
        XCTAssertNil(DocumentDate.instant(String(repeating: "9", count: 40)))  // no overflow on long digit runs
        XCTAssertNil(DocumentDate.instant("\u{0}\u{FFFD}年月日"))
    }

    // MARK: Foundation as the reference

    /// A random valid date and time, formatted in every accepted form, against Foundation's Gregorian calendar in UTC.
    func testEveryFormAgreesWithFoundationCalendar() {
        var random = RandomText(seed: 0x5EED_DA7E)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for _ in 0..<3_000 {
            // Foundation's Gregorian calendar is Julian before 1582-10-15, so the reference holds from 1583 on.
            let year = 1583 + random.below(9999 - 1583 + 1)
            let month = 1 + random.below(12)
            let dayCount = calendar.range(of: .day, in: .month,
                                          for: calendar.date(from: DateComponents(year: year, month: month))!)!.count
            let day = 1 + random.below(dayCount)
            let (hour, minute, second) = (random.below(24), random.below(60), random.below(60))
            let offsetMinutes = (random.below(2) == 0 ? 1 : -1) * random.below(24 * 60)
            let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            let date = calendar.date(from: components)!
            let local = Int64(date.timeIntervalSince1970)
            let expected = local - Int64(offsetMinutes * 60)
            let weekday = weekdayNames[calendar.component(.weekday, from: date) - 1]

            let y = pad(year, 4), mo = pad(month, 2), d = pad(day, 2), h = pad(hour, 2), mi = pad(minute, 2), s = pad(second, 2)
            let sign = offsetMinutes < 0 ? "-" : "+"
            let oh = pad(abs(offsetMinutes) / 60, 2), om = pad(abs(offsetMinutes) % 60, 2)
            let rfc = "\(weekday), \(day) \(monthNames[month - 1]) \(y) \(h):\(mi):\(s) \(sign)\(oh)\(om)"
            XCTAssertEqual(DocumentDate.instant(rfc), expected, rfc)
            XCTAssertEqual(DocumentDate.instant("\(day) \(monthNames[month - 1]) \(y) \(h):\(mi):\(s) GMT"), local)
            XCTAssertEqual(DocumentDate.instant("\(y)-\(mo)-\(d)T\(h):\(mi):\(s)\(sign)\(oh):\(om)"), expected)
            XCTAssertEqual(DocumentDate.instant("\(y)-\(mo)-\(d)T\(h):\(mi):\(s).\(random.below(1000))Z"), local)
            XCTAssertEqual(DocumentDate.instant("\(y)-\(mo)-\(d) \(h):\(mi)"), local - Int64(second))
            XCTAssertEqual(DocumentDate.instant("\(y)-\(mo)-\(d)"), local - Int64(hour * 3600 + minute * 60 + second))
            XCTAssertEqual(DocumentDate.instant("\(y)年\(month)月\(day)日 \(h):\(mi):\(s)"), local)
            XCTAssertEqual(DocumentDate.instant("\(y)年\(month)月\(day)日\(hour)时\(minute)分\(second)秒"), local)
            XCTAssertEqual(DocumentDate.instant("\(y)年\(month)月\(day)日"), local - Int64(hour * 3600 + minute * 60 + second))
        }
    }

    /// Random year, month and day numbers, valid or not: accepted exactly when Foundation's calendar keeps the
    /// same components (it rolls 2022-02-30 over to 2022-03-02).
    func testCalendarValidityAgreesWithFoundation() {
        var random = RandomText(seed: 0xCA1E_4DA2)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var refused = 0
        for _ in 0..<3_000 {
            // Leap-year edges are what matter: centuries and multiples of 4 come up often.
            let year = random.below(2) == 0 ? 1600 + 4 * random.below(2000) : 1583 + random.below(8417)
            let month = 1 + random.below(12)
            let day = random.below(2) == 0 ? 28 + random.below(4) : 1 + random.below(31)  // month ends often
            let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
            let back = calendar.dateComponents([.year, .month, .day], from: date)
            let valid = back.year == year && back.month == month && back.day == day
            let text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            XCTAssertEqual(DocumentDate.instant(text) != nil, valid, text)
            XCTAssertEqual(DocumentDate.instant("\(year)年\(month)月\(day)日") != nil, valid, text)
            if !valid { refused += 1 }
        }
        XCTAssertGreaterThan(refused, 100, "the sample must hold invalid days")
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
