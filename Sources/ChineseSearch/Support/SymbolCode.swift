/// The symbol code of the stored text: every Unicode scalar of a block replaced by its rank in a table of the
/// segment's scalars ordered by frequency (`SymbolTable`), before LZ4, so the common characters of Chinese text
/// take one or two bytes instead of three.
///
/// ```
/// Codes --> Code^*
/// Code  --> rank u8                      (rank < S)
///         | lead u8, low u8              (S ≤ lead < 255: rank S + (lead − S)·256 + low)
///         | 255, byte u8                 (escape: the byte itself)
/// ```
/// `S`, the number of one-byte ranks, is the table's (`SymbolRanking` picks it per segment, 128…255). A rank
/// stands for the table's symbol of that rank, 1–4 bytes of UTF-8. Anything else is escaped byte by byte: a
/// scalar the table lacks, bytes that are not well-formed UTF-8, the parts of a scalar cut by a block's edge,
/// and NUL (whose table entry would be empty). So the code carries any bytes, and a block's codes hold at most
/// twice its bytes.
///
/// `SymbolEncoder` encodes; `decode(_:from:table:into:produced:until:)` and `decompress(_:table:into:prefix:coded:)`
/// decode, checking every rank against the table and every write against the output.
public enum SymbolCode {
    /// The escape: the byte after it is a byte of the text as it is.
    static let escape: UInt8 = 0xFF

    /// The most ranks a code with `singleByteRanks` one-byte ranks (0…255) can express, so the most symbols its
    /// table holds: the one-byte ranks and 256 for every lead byte between them and the escape. O(1).
    public static func capacity(singleByteRanks: Int) -> Int {
        singleByteRanks + (Int(escape) - singleByteRanks) * 256
    }

    /// The most code bytes a block of `count` text bytes takes: every byte escaped. O(1).
    public static func maximumCodedLength(_ count: Int) -> Int { 2 * count }
}
