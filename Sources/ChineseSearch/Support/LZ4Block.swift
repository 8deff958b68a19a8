/// The LZ4 block format (lz4/lz4 `doc/lz4_Block_format.md`), written here from the public specification:
/// a byte-oriented LZ77 codec that decodes at memory speed, for the stored text of a segment.
///
/// ```
/// Block        --> Sequence^*, LastSequence
/// Sequence     --> token u8, LiteralExtra?, literal bytes, offset u16, MatchExtra?
/// LastSequence --> token u8, LiteralExtra?, literal bytes                 (the block ends after its literals)
/// token        --> literalLength (high 4 bits), matchLength − 4 (low 4 bits); 15 means "extra bytes follow"
/// LiteralExtra --> 255^*, u8 < 255          (added to 15: the literal length)
/// MatchExtra   --> 255^*, u8 < 255          (added to 15 + 4: the match length)
/// ```
/// A match copies `matchLength` bytes from `offset` bytes back in the output (1…65,535); it may overlap the bytes
/// it writes (`offset < matchLength` repeats a pattern). The compressor keeps the specification's end rules, which
/// let fast decoders copy in wide strides: the last 5 bytes are literals and the last match starts at least 12
/// bytes before the end. The decoder here needs neither: it checks every length against both buffers' ends.
///
/// The compressor is `LZ4BlockCompressor`; `decompress(_:into:)` decodes.
public enum LZ4Block {
    /// The shortest match the format can express (a match length field of 0).
    static let minimumMatch = 4
    /// The last bytes of a block are always literals (the specification's `LASTLITERALS`).
    static let lastLiterals = 5
    /// The last match starts at least this many bytes before the end of the block (`MFLIMIT`).
    static let matchStartLimit = 12
    /// The farthest a match can reach back: a 2-byte offset.
    static let maximumOffset = 65_535
    /// The longest input the compressor accepts (positions in its table are 32-bit).
    public static let maximumInput = 1 << 30

    /// The most bytes `LZ4BlockCompressor.compress` writes for an input of `count` bytes: incompressible input
    /// costs one extra byte per 255 literals, plus a token. O(1).
    public static func maximumCompressedLength(_ count: Int) -> Int { count + count / 255 + 16 }
}
