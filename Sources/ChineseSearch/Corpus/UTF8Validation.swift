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
            guard let length = UTF8Sequence.length(at: i, in: base, count: count) else { return false }
            i += length
        }
        return true
    }
}
