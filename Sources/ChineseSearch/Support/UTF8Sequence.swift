/// One well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), read
/// from raw bytes: the rule that the corpus's validation and the stored text's symbol code share.
enum UTF8Sequence {
    /// The length (1…4) of the well-formed sequence starting at byte `i` of `bytes` (i < count), or nil when the
    /// bytes there are not one (a stray continuation byte, a bad lead, an overlong form, a surrogate, a value
    /// past U+10FFFF, or a sequence cut by the end of `bytes`). O(1).
    @inline(__always)
    static func length(at i: Int, in bytes: UnsafeRawPointer, count: Int) -> Int? {
        let lead = bytes.load(fromByteOffset: i, as: UInt8.self)
        if lead < 0x80 { return 1 }
        // The allowed range of the second byte depends on the lead byte; later bytes are 80...BF.
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: length = 2; second = 0x80...0xBF
        case 0xE0: length = 3; second = 0xA0...0xBF          // no overlong 3-byte forms
        case 0xED: length = 3; second = 0x80...0x9F          // no surrogates D800...DFFF
        case 0xE1...0xEF: length = 3; second = 0x80...0xBF
        case 0xF0: length = 4; second = 0x90...0xBF          // no overlong 4-byte forms
        case 0xF1...0xF3: length = 4; second = 0x80...0xBF
        case 0xF4: length = 4; second = 0x80...0x8F          // nothing above U+10FFFF
        default: return nil
        }
        guard count - i >= length, second.contains(bytes.load(fromByteOffset: i + 1, as: UInt8.self)) else { return nil }
        for k in 2..<length where bytes.load(fromByteOffset: i + k, as: UInt8.self) & 0xC0 != 0x80 { return nil }
        return length
    }

    /// The scalar of the well-formed sequence of `length` bytes at byte `i` (as `length(at:in:count:)` found). O(1).
    @inline(__always)
    static func scalar(at i: Int, length: Int, in bytes: UnsafeRawPointer) -> UInt32 {
        let lead = UInt32(bytes.load(fromByteOffset: i, as: UInt8.self))
        guard length > 1 else { return lead }
        var value = lead & (0x7F >> UInt32(length))
        for k in 1..<length { value = value << 6 | UInt32(bytes.load(fromByteOffset: i + k, as: UInt8.self) & 0x3F) }
        return value
    }
}
