/// Reads a document's `date` as written into a UTC instant: seconds since 1970-01-01T00:00:00Z.
///
/// Accepted forms (leading and trailing spaces ignored; full-width digits and punctuation read as ASCII):
/// - RFC 2822: `[Tue,] 30 Aug 2022 [09:19[:00]] [zone]` — weekday and month names in English, three
///   letters or in full, any case (the weekday is not checked against the date); day 1–2 digits.
/// - ISO 8601: `2022-08-30`, then optionally `T` or spaces and `09:19[:00[.fraction]]` (hours of one or two digits) (the fraction is
///   dropped), then optionally a zone: `2022-08-30T09:19:00+08:00`, `2022-08-30 09:19`, `2022-08-30Z`.
/// - Chinese: `2022年8月30日` (or `号`), then optionally `09:19[:00]` or `9时19分[0秒]` (also `時`, `点`, `點`;
///   `9点` alone), with or without a space, then optionally a zone.
///
/// Zones are those of `DateScanner.zoneOffset()` (`Z`, `UT`, `UTC`, `GMT`, the US zones of RFC 2822,
/// military letters in RFC 2822 dates only, `±HHMM`, `±HH:MM`); without one, the time is UTC, and a day without a time is 00:00.
/// Years have exactly four digits (two-digit years are refused, not guessed); the calendar is checked
/// (`2022年2月30日` and `2023-02-29` are refused, `2024-02-29` is a day); hours are 0–23, minutes and
/// seconds 0–59 (no `24:00`, no leap second).
///
/// Pure integer arithmetic (`CivilCalendar`), no Foundation formatter: O(length), at most
/// `DateScanner.maximumLength` scalars looked at.
public enum DocumentDate {
    /// The instant `text` names, in seconds since 1970-01-01T00:00:00Z, or nil when it is not a date in an
    /// accepted form.
    public static func instant(_ text: String) -> Int64? {
        guard var scanner = DateScanner(text) else { return nil }
        scanner.skipSpaces()
        var form = scanner
        if let year = form.number(digits: 4...4) {
            if form.consume("-") { return iso(year: year, &form) }
            form.skipSpaces()
            if form.consume("年") { return chinese(year: year, &form) }
            return nil
        }
        return rfc2822(&scanner)
    }

    /// A date, time and offset read from the text, not yet checked.
    private struct Reading {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offset = 0

        /// The instant, or nil when the fields do not name a real date and time.
        var instant: Int64? {
            guard CivilCalendar.isValid(year: year, month: month, day: day),
                  (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
            return CivilCalendar.instant(year: year, month: month, day: day, hour: hour, minute: minute,
                                         second: second, offset: offset)
        }
    }

    /// The rest of an ISO 8601 date after `YYYY-`.
    private static func iso(year: Int, _ s: inout DateScanner) -> Int64? {
        var reading = Reading(year: year)
        guard let month = s.number(digits: 2...2), s.consume("-"), let day = s.number(digits: 2...2) else { return nil }
        (reading.month, reading.day) = (month, day)
        let spaced = s.skipSpaces()
        if s.consume(anyOf: "T", "t") || (spaced && s.next.map(isDigit) == true) {
            guard readClock(&s, into: &reading, fraction: true) else { return nil }
        }
        return finish(&s, reading)
    }

    /// The rest of a Chinese date after `YYYY年`.
    private static func chinese(year: Int, _ s: inout DateScanner) -> Int64? {
        var reading = Reading(year: year)
        s.skipSpaces()
        guard let month = s.number(digits: 1...2) else { return nil }
        s.skipSpaces()
        guard s.consume("月") else { return nil }
        s.skipSpaces()
        guard let day = s.number(digits: 1...2) else { return nil }
        s.skipSpaces()
        guard s.consume(anyOf: "日", "号", "號") else { return nil }
        (reading.month, reading.day) = (month, day)
        s.skipSpaces()
        if s.next.map(isDigit) == true {
            var clock = s
            if readClock(&clock, into: &reading, fraction: false) {
                s = clock
            } else {
                guard let hour = s.number(digits: 1...2) else { return nil }
                s.skipSpaces()
                guard s.consume(anyOf: "时", "時", "点", "點") else { return nil }
                reading.hour = hour
                s.skipSpaces()
                if let minute = s.number(digits: 1...2) {
                    s.skipSpaces()
                    guard s.consume("分") else { return nil }
                    reading.minute = minute
                    s.skipSpaces()
                    if let second = s.number(digits: 1...2) {
                        s.skipSpaces()
                        guard s.consume("秒") else { return nil }
                        reading.second = second
                    }
                }
            }
        }
        return finish(&s, reading)
    }

    /// An RFC 2822 date: `[weekday,] day month year [time] [zone]`.
    private static func rfc2822(_ s: inout DateScanner) -> Int64? {
        var reading = Reading()
        var weekday = s
        if weekdays.contains(weekday.letters()) {
            weekday.skipSpaces()
            guard weekday.consume(",") else { return nil }
            s = weekday
            s.skipSpaces()
        }
        guard let day = s.number(digits: 1...2), s.skipSpaces() else { return nil }
        let monthName = s.letters()
        guard let month = months.firstIndex(where: { $0.contains(monthName) }), s.skipSpaces(),
              let year = s.number(digits: 4...4) else { return nil }
        (reading.year, reading.month, reading.day) = (year, month + 1, day)
        var clock = s
        if clock.skipSpaces(), clock.next.map(isDigit) == true {
            guard readClock(&clock, into: &reading, fraction: false) else { return nil }
            s = clock
        }
        return finish(&s, reading, militaryLetters: true)
    }

    /// Reads `H:MM[:SS[.fraction]]` (hours of one or two digits, a fraction only where `fraction` allows it);
    /// false when the clock is malformed.
    private static func readClock(_ s: inout DateScanner, into reading: inout Reading, fraction: Bool) -> Bool {
        guard let hour = s.number(digits: 1...2), s.consume(":"), let minute = s.number(digits: 2...2) else { return false }
        (reading.hour, reading.minute) = (hour, minute)
        if s.consume(":") {
            guard let second = s.number(digits: 2...2) else { return false }
            reading.second = second
            if fraction, s.consume(anyOf: ".", ","), s.skipDigits() == 0 { return false }
        }
        return true
    }

    /// Reads an optional zone and requires the end of the text.
    private static func finish(_ s: inout DateScanner, _ reading: Reading, militaryLetters: Bool = false) -> Int64? {
        var reading = reading
        s.skipSpaces()
        if let offset = s.zoneOffset(militaryLetters: militaryLetters) { reading.offset = offset }
        guard s.atEndIgnoringSpaces else { return nil }
        return reading.instant
    }

    private static func isDigit(_ s: UInt32) -> Bool { s >= 0x30 && s <= 0x39 }

    private static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Month names, January first: each as its three-letter and its full spelling.
    private static let months: [Set<String>] = [
        ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may"], ["jun", "june"],
        ["jul", "july"], ["aug", "august"], ["sep", "sept", "september"], ["oct", "october"], ["nov", "november"],
        ["dec", "december"],
    ]
}
