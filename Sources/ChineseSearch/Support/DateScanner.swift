/// A cursor over a date as written, shared by the document date parser and the `date:` query filter.
///
/// Works on Unicode scalars with full-width ASCII (`２０２２`, `：`, `＋`) folded to ASCII and U+3000 to a space,
/// so the forms Chinese sources type are read like their ASCII spellings. Texts longer than
/// `maximumLength` scalars are refused up front: no date is that long, so hostile input costs nothing.
struct DateScanner {
    /// The longest text read as a date, in scalars.
    static let maximumLength = 96

    private var scalars: [UInt32]
    /// The index of the next scalar to read.
    private(set) var position = 0

    /// A scanner over `text`, or nil when it is longer than `maximumLength` scalars.
    init?<S: StringProtocol>(_ text: S) {
        var scalars: [UInt32] = []
        for scalar in text.unicodeScalars {
            guard scalars.count < Self.maximumLength else { return nil }
            let value = scalar.value
            switch value {
            case 0xFF01...0xFF5E: scalars.append(value - 0xFEE0)  // full-width ASCII
            case 0x3000: scalars.append(0x20)
            default: scalars.append(value)
            }
        }
        self.scalars = scalars
    }

    /// True when every scalar has been read.
    var atEnd: Bool { position == scalars.count }

    /// True when only spaces and tabs are left.
    var atEndIgnoringSpaces: Bool {
        var copy = self
        copy.skipSpaces()
        return copy.atEnd
    }

    /// The next scalar, not consumed.
    var next: UInt32? { position < scalars.count ? scalars[position] : nil }

    /// Skips spaces and tabs; returns whether there were any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = position
        while let s = next, s == 0x20 || s == 0x09 { position += 1 }
        return position > start
    }

    /// Consumes `scalar` when it is next.
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard next == scalar.value else { return false }
        position += 1
        return true
    }

    /// Consumes the first of `scalars` that is next.
    mutating func consume(anyOf scalars: Unicode.Scalar...) -> Bool {
        scalars.contains { consume($0) }
    }

    /// Reads the whole run of ASCII digits that comes next, when its length is in `digits`; otherwise reads
    /// nothing and returns nil (so `20220830` is never taken for a 4-digit year).
    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var end = position
        while end < scalars.count, end - position <= digits.upperBound, Self.isDigit(scalars[end]) { end += 1 }
        guard digits.contains(end - position) else { return nil }
        var value = 0
        for i in position..<end { value = value * 10 + Int(scalars[i] - 0x30) }
        position = end
        return value
    }

    /// Skips the whole run of ASCII digits that comes next (a fraction of a second); returns how many there were.
    mutating func skipDigits() -> Int {
        let start = position
        while let s = next, Self.isDigit(s) { position += 1 }
        return position - start
    }

    /// Reads the run of ASCII letters that comes next, lowercased; "" when none.
    mutating func letters() -> String {
        var word = String.UnicodeScalarView()
        while let s = next, Self.isLetter(s) {
            word.append(Unicode.Scalar(UInt8(s | 0x20)))
            position += 1
        }
        return String(word)
    }

    /// Reads a time zone and returns its offset east of UTC in seconds, or nil (reading nothing) when none is next.
    ///
    /// Accepted: `Z`, `UT`, `UTC`, `GMT` (0; `UTC` and `GMT` may be followed by a numeric offset, `GMT+08:00`);
    /// the RFC 2822 zones EST −5, EDT −4, CST −6, CDT −5, MST −7, MDT −6, PST −8, PDT −7 (so `CST` is US Central,
    /// not China Standard Time); when `militaryLetters` is set (RFC 2822 dates only), the RFC 822 military
    /// letters A–I, K–Y, which RFC 2822 § 4.3 says to read as −0000 because their signs were published reversed; numeric `±HHMM`, `±HH:MM`, `±HH` with hours 0…23 and
    /// minutes 0…59.
    mutating func zoneOffset(militaryLetters: Bool = false) -> Int? {
        let start = position
        if let offset = numericOffset() { return offset }
        let name = letters()
        let hour = 3600
        let named: Int?
        switch name {
        case "z", "ut": named = 0
        case "utc", "gmt": named = numericOffset() ?? 0
        case "edt": named = -4 * hour
        case "est", "cdt": named = -5 * hour
        case "cst", "mdt": named = -6 * hour
        case "mst", "pdt": named = -7 * hour
        case "pst": named = -8 * hour
        case _ where militaryLetters && name.count == 1 && name != "j": named = 0
        default: named = nil
        }
        if named == nil { position = start }
        return named
    }

    /// A numeric offset `±HHMM`, `±HH:MM` or `±HH`, or nil (reading nothing).
    private mutating func numericOffset() -> Int? {
        let start = position
        guard let sign = next, sign == 0x2B || sign == 0x2D || sign == 0x2212 else { return nil }  // + - −
        position += 1
        var hours: Int?
        var minutes = 0
        if let both = number(digits: 4...4) {
            hours = both / 100
            minutes = both % 100
        } else if let h = number(digits: 2...2) {
            hours = h
            if consume(":") {
                guard let m = number(digits: 2...2) else { position = start; return nil }
                minutes = m
            }
        }
        guard let hours, hours <= 23, minutes <= 59 else { position = start; return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == 0x2B ? seconds : -seconds
    }

    private static func isDigit(_ s: UInt32) -> Bool { s >= 0x30 && s <= 0x39 }
    private static func isLetter(_ s: UInt32) -> Bool { (s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A }
}
