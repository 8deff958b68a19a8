/// Branch-light ASCII tests for the tokenizer's fast path; they agree with `FoldingTable` on every ASCII byte.
enum ASCII {
    /// Whether a byte is an ASCII letter or digit (a word character); false for every byte ≥ 0x80.
    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// The lowercase of an ASCII letter or digit.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
