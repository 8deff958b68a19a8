/// JSON text written straight into a byte buffer: string literals escaped byte by byte, integers digit by digit,
/// doubles in Swift's shortest round-trip form (`"\(double)"`, what `JSONDecoder` reads back to the same bits),
/// non-finite numbers as `null`. The layout (`{"key": value, …}`, `[a, b]`) is `JSONText`'s.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `s` as it is (punctuation and keys, which need no escaping).
    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends `s` as a JSON string literal: `"` and `\` escaped, `\n`, `\r`, `\t` by name, every other control
    /// character and U+2028, U+2029 (line ends to JavaScript) as `\u00XX`; everything else as its UTF-8 bytes.
    /// O(length of `s`).
    mutating func string(_ s: String) {
        bytes.append(0x22)
        var copy = s
        copy.withUTF8 { utf8 in
            var clean = 0  // start of the bytes not yet copied
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                let escape: Bool
                if b < 0x20 || b == 0x22 || b == 0x5C {
                    escape = true
                } else if b == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 {
                    escape = true  // U+2028, U+2029
                } else {
                    escape = false
                }
                guard escape else { i += 1; continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<i]))
                switch b {
                case 0x22, 0x5C: escaped(b)
                case 0x0A: escaped(0x6E)  // n
                case 0x0D: escaped(0x72)  // r
                case 0x09: escaped(0x74)  // t
                case 0xE2:
                    unicodeEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    i += 2
                default: unicodeEscape(UInt32(b))
                }
                i += 1
                clean = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        }
        bytes.append(0x22)
    }

    /// A backslash and `b`.
    private mutating func escaped(_ b: UInt8) {
        bytes.append(0x5C)
        bytes.append(b)
    }

    /// `\uXXXX` in lower-case hex.
    private mutating func unicodeEscape(_ value: UInt32) {
        let hex: StaticString = "0123456789abcdef"
        escaped(0x75)  // u
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex.utf8Start[Int(value >> UInt32(shift) & 0xF)])
        }
    }

    /// Appends `v` in decimal.
    mutating func int<T: FixedWidthInteger>(_ v: T) {
        if v < 0 { bytes.append(0x2D) }
        // The magnitude's digits, last first, into a scratch of 20 (the digits of UInt64.max).
        var magnitude = v.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 0
            repeat {
                digits[19 - n] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude != 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - n)...]))
        }
    }

    /// Appends `v` in Swift's shortest round-trip form, or `null` when it is not finite.
    mutating func double(_ v: Double) {
        if v.isFinite { bytes.append(contentsOf: v.description.utf8) } else { raw("null") }
    }

    /// Appends `true` or `false`.
    mutating func bool(_ v: Bool) { v ? raw("true") : raw("false") }
}
