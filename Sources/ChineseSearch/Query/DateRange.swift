/// The instants a `date:` filter keeps: UTC seconds in `lower..<upper`, where `Int64.min` and `Int64.max`
/// stand for an open end.
///
/// Read from the forms of `QuerySyntaxError.dateForms`: a period (`2022-08-26` a day, `2022-08` a month,
/// `2022` a year; also `2022年8月26日`, `2022年8月`, `2022年`), optionally followed by a zone offset
/// (`+08:00`, `+0800`, `Z`; after a month, a negative offset needs its colon or four digits, since
/// `2022-08-05` is a day; after a year, only `+` offsets and `Z`), so that the period's bounds are local
/// midnights; then a range of periods, inclusive at both ends (`A..B`), open (`A..`, `..B`), or a comparison (`>=A`, `>A`, `<=A`, `<A`).
struct DateRange: Equatable {
    /// The first instant kept.
    var lower: Int64
    /// The first instant past the range.
    var upper: Int64

    /// The range `lower..<upper` of UTC seconds.
    init(lower: Int64, upper: Int64) {
        self.lower = lower
        self.upper = upper
    }

    /// True when `instant` is in the range.
    func contains(_ instant: Int64) -> Bool { lower <= instant && instant < upper }

    /// Reads a `date:` value (what follows the colon).
    /// - Throws: `QuerySyntaxError.malformedDate` naming the problem, `.emptyFilter` for an empty value.
    /// - Complexity: O(length), at most `DateScanner.maximumLength` scalars.
    init(filter value: String) throws(QuerySyntaxError) {
        func failure(_ problem: String) -> QuerySyntaxError { .malformedDate(value: value, problem: problem) }
        guard !value.isEmpty else { throw .emptyFilter(field: "date") }
        guard var s = DateScanner(value) else { throw failure("too long") }
        s.skipSpaces()
        let greater = s.consume(">")
        if greater || s.consume("<") {
            let inclusive = s.consume("=")
            let period = try Self.period(&s, failure)
            try Self.end(&s, failure)
            switch (greater, inclusive) {
            case (true, true): (lower, upper) = (period.lowerBound, .max)
            case (true, false): (lower, upper) = (period.upperBound, .max)
            case (false, true): (lower, upper) = (.min, period.upperBound)
            case (false, false): (lower, upper) = (.min, period.lowerBound)
            }
            return
        }
        if Self.consumeRangeDots(&s) {
            guard !s.atEndIgnoringSpaces else { throw failure("a range needs at least one end") }
            let last = try Self.period(&s, failure)
            try Self.end(&s, failure)
            (lower, upper) = (.min, last.upperBound)
            return
        }
        let first = try Self.period(&s, failure)
        s.skipSpaces()
        if Self.consumeRangeDots(&s) {
            if s.atEndIgnoringSpaces {
                (lower, upper) = (first.lowerBound, .max)
                return
            }
            let last = try Self.period(&s, failure)
            try Self.end(&s, failure)
            guard first.lowerBound < last.upperBound else { throw failure("the range ends before it starts") }
            (lower, upper) = (first.lowerBound, last.upperBound)
            return
        }
        try Self.end(&s, failure)
        (lower, upper) = (first.lowerBound, first.upperBound)
    }

    /// Consumes `..` when it comes next.
    private static func consumeRangeDots(_ s: inout DateScanner) -> Bool {
        var copy = s
        guard copy.consume("."), copy.consume(".") else { return false }
        s = copy
        return true
    }

    /// Requires the end of the value.
    private static func end(_ s: inout DateScanner, _ failure: (String) -> QuerySyntaxError) throws(QuerySyntaxError) {
        guard s.atEndIgnoringSpaces else { throw failure("unexpected text after the date") }
    }

    /// A day, month or year with an optional offset, as the instants it spans.
    private static func period(
        _ s: inout DateScanner, _ failure: (String) -> QuerySyntaxError
    ) throws(QuerySyntaxError) -> Range<Int64> {
        s.skipSpaces()
        guard let year = s.number(digits: 4...4) else { throw failure("a year has four digits") }
        var month: Int?
        var day: Int?
        var chinese = s
        chinese.skipSpaces()
        if chinese.consume("年") {
            s = chinese
            (month, day) = try chineseMonthAndDay(&s, failure)
        } else if s.consume("-") {
            guard let m = s.number(digits: 1...2) else { throw failure("a month has one or two digits") }
            month = m
            if s.next == 0x2D, let d = dayAfterHyphen(&s) { day = d }
        }
        s.skipSpaces()
        let offset = s.zoneOffset() ?? 0
        return try bounds(year: year, month: month, day: day, offset: offset, failure)
    }

    /// The month and day after `YYYY年`: `8月`, `8月26日` (or `号`), or nothing.
    private static func chineseMonthAndDay(
        _ s: inout DateScanner, _ failure: (String) -> QuerySyntaxError
    ) throws(QuerySyntaxError) -> (Int?, Int?) {
        s.skipSpaces()
        guard let month = s.number(digits: 1...2) else { return (nil, nil) }
        s.skipSpaces()
        guard s.consume("月") else { throw failure("a Chinese month ends with 月") }
        s.skipSpaces()
        guard let day = s.number(digits: 1...2) else { return (month, nil) }
        s.skipSpaces()
        guard s.consume(anyOf: "日", "号", "號") else { throw failure("a Chinese day ends with 日") }
        return (month, day)
    }

    /// The day of `-DD` when it comes next (one or two digits not followed by `:` or more digits), else nil
    /// with nothing read: `2022-08-05:00` and `2022-08-0500` are August at −05:00.
    private static func dayAfterHyphen(_ s: inout DateScanner) -> Int? {
        var copy = s
        guard copy.consume("-"), let day = copy.number(digits: 1...2), copy.next != 0x3A else { return nil }
        s = copy
        return day
    }

    /// The instants from the start of the period to the start of the next one, at `offset` seconds east of UTC.
    private static func bounds(
        year: Int, month: Int?, day: Int?, offset: Int, _ failure: (String) -> QuerySyntaxError
    ) throws(QuerySyntaxError) -> Range<Int64> {
        guard let month else {
            return CivilCalendar.instant(year: year, month: 1, day: 1, offset: offset)
                ..< CivilCalendar.instant(year: year + 1, month: 1, day: 1, offset: offset)
        }
        guard (1...12).contains(month) else { throw failure("month \(month) is not 1–12") }
        let next = month == 12 ? (year + 1, 1) : (year, month + 1)
        guard let day else {
            return CivilCalendar.instant(year: year, month: month, day: 1, offset: offset)
                ..< CivilCalendar.instant(year: next.0, month: next.1, day: 1, offset: offset)
        }
        guard CivilCalendar.isValid(year: year, month: month, day: day) else {
            throw failure("\(year)-\(month) has no day \(day)")
        }
        let start = CivilCalendar.instant(year: year, month: month, day: day, offset: offset)
        return start ..< start + CivilCalendar.secondsPerDay
    }
}
