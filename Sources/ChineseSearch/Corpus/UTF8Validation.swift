/// Checks bytes for well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// True when `bytes` is entirely well-formed UTF-8.
    ///
    /// O(n), one pass; eight ASCII bytes at a time while the text is ASCII.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i < count {
            if i + 8 <= count, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
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
            default: return false
            }
            guard i + length <= count, second.contains(bytes[i + 1]) else { return false }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
