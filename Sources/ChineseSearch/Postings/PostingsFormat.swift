/// The layout of one postings list, shared by its encoder and its cursor.
///
/// ```
/// PostingsList --> SkipEntry^blockCount (only when blockCount > 1), Block^blockCount
/// SkipEntry    --> lastDoc u32, blockEnd u32, positionsStart u32, maxTF u32, minLength u32     (20 bytes)
/// Block        --> docWidth u8, tfWidth u8, PackedDocGaps(n), PackedTFMinusOne(n)
/// ```
/// `blockCount = ⌈df / 128⌉`; every block holds 128 documents but the last, which holds the rest.
/// 128: the skip interval, a block that fits in L1 while decoding, and Lucene's and Tantivy's choice too.
/// A document gap is `doc − previousDoc − 1` (the first document's previous is −1, across blocks too).
/// `blockEnd` is the end of the block counted from the first block's start; `positionsStart` is where the
/// block's positions (`PositionsFormat`) begin, counted from the list's start in the positions section.
/// `maxTF` and `minLength` (the block's largest tf and shortest field length) bound BM25 inside the block
/// for any k1 and b.
enum PostingsFormat {
    /// Documents per block.
    static let blockSize = 128
    /// Bytes of one skip entry.
    static let skipEntrySize = 20

    /// Blocks of a list of `df` documents.
    @inline(__always) static func blockCount(df: Int) -> Int { (df + blockSize - 1) / blockSize }
}
