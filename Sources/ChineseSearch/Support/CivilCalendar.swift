/// The proleptic Gregorian calendar in integer arithmetic: validity of a date and its day number.
///
/// Day numbers count days since 1970-01-01 (day 0), negative before it. No Foundation calendar is involved:
/// these are a few integer operations, the same on every platform and in every locale.
enum CivilCalendar {
    /// Seconds in a day.
    static let secondsPerDay: Int64 = 86_400

    /// True for leap years: divisible by 4, except centuries not divisible by 400 (1900 no, 2000 yes).
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1…12) of `year`.
    static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// True when `year-month-day` names a day: month 1…12 and day 1…(days of that month).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth(month, of: year)
    }

    /// The day number of a valid date (1970-01-01 is 0). O(1).
    ///
    /// Howard Hinnant's `days_from_civil`: years start on 1 March, so the leap day is the last day of its
    /// year; an era is 400 years (146,097 days); the day of a March-based year is `(153 × m + 2) / 5 + d − 1`
    /// with m = 0 for March; 719,468 is the day number of 1970-01-01 counted from 0000-03-01.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                           // 0…399
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1  // 0…365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Seconds since 1970-01-01T00:00:00Z of a valid date and time of day, read at `offset` seconds east of UTC.
    static func instant(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                        offset: Int = 0) -> Int64 {
        dayNumber(year: year, month: month, day: day) * secondsPerDay
            + Int64(hour * 3600 + minute * 60 + second - offset)
    }

    /// The date of day number `day` (the inverse of `dayNumber`). O(1).
    ///
    /// Howard Hinnant's `civil_from_days`, the same March-based eras read backwards.
    static func date(ofDay day: Int64) -> (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                                   // 0…146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // 0…399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)     // 0…365
        let mp = (5 * dayOfYear + 2) / 153                                                 // 0…11, March first
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    /// The UTC date of an instant in seconds since 1970.
    static func date(ofInstant seconds: Int64) -> (year: Int, month: Int, day: Int) {
        let day = seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay
        return date(ofDay: day)
    }
}
