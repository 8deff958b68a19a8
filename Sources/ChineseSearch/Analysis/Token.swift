/// The kind of a token in the bigram token stream.
public enum TokenKind: UInt8, Sendable {
    /// Two adjacent CJK characters of one run.
    case bigram = 0
    /// The run-end token (c, ∎) that closes every CJK run; its text is the run's last character.
    case end = 1
    /// A maximal run of letters and digits of a non-CJK script, normalized.
    case word = 2
}

/// Fixed-width term keys of CJK tokens.
///
/// Layout (UInt64): `first << 21 | second`, with `second == 0` for the run-end mark ∎.
/// Unicode scalars need 21 bits, so keys order by first character, then second, with ∎ first,
/// and every token beginning with one character lies in `CJKKey.range(startingWith:)`.
public enum CJKKey {
    /// The key of the bigram (first, second), or of the run-end token when `second` is 0.
    @inlinable public static func make(_ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(first) << 21 | UInt64(second)
    }
    /// The first character of a key.
    @inlinable public static func first(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 21) }
    /// The second character of a key, 0 for the run-end mark.
    @inlinable public static func second(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key & 0x1F_FFFF) }
    /// All keys of tokens that begin with `first`: a contiguous, closed range.
    @inlinable public static func range(startingWith first: UInt32) -> ClosedRange<UInt64> {
        make(first, 0)...make(first, 0x1F_FFFF)
    }
}

/// Receives tokens from `Analyzer.tokenize`; a generic parameter, so calls are specialized and inlined.
///
/// Public on purpose, with `Analyzer.tokenize(_:firstPosition:into:)` and `CJKKey`: the allocation-free way
/// to consume the token stream.
///
/// Byte ranges are UTF-8 byte offsets into the text as given (before normalization), end exclusive.
public protocol TokenSink {
    /// A CJK token: bigram, or run-end when `CJKKey.second(key) == 0`.
    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int)
    /// A word token; `normalized` is valid only during the call.
    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int)
}
